// SERVICE <endpoint> { ... } (SPARQL 1.1 Federated Query) as a bind join: the input's solutions
// go to the endpoint in batches, as a VALUES block over the variables they share with the
// service pattern, and the answers are joined with the batch here.
#pragma once

#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "query/operator.h"
#include "query/service.h"
#include "query/term_table.h"

namespace sextant::query {

struct ServiceSpec {
  std::string endpoint;    // the endpoint IRI, or empty when endpoint_slot names a variable
  int endpoint_slot = -1;  // SERVICE ?var
  bool silent = false;
  bool left_join = false;  // OPTIONAL { SERVICE ... }: rows without an answer pass unchanged
  std::string query;       // SELECT * WHERE { ... } with its prologue
  // Variables of the service pattern and their slots in the row.
  std::vector<std::pair<std::string, int>> variables;
  // Of those, the ones the input may bind: sent in VALUES so the endpoint answers only for them.
  std::vector<std::pair<std::string, int>> join_variables;
};

class ServiceOp : public Operator {
 public:
  ServiceOp(OperatorPtr input, ServiceSpec spec, ServiceClient* client, TermTable* terms);
  std::string Describe() const override;
  std::vector<const Operator*> children() const override { return {input_.get()}; }
  std::string AnalyzeNote() const override;

 protected:
  bool DoNext(RowBatch& out) override;

 private:
  // Sends the input rows of one endpoint and queues their joined solutions.
  bool Call(const std::string& endpoint, const std::vector<const TermId*>& rows);
  // The VALUES block for `rows`: distinct tuples of the join variables, UNDEF where unbound.
  Result<std::string> ValuesBlock(const std::vector<const TermId*>& rows);
  bool Refill();

  OperatorPtr input_;
  ServiceSpec spec_;
  ServiceClient* client_;
  TermTable* terms_;
  RowBatch in_;
  std::deque<std::vector<TermId>> pending_;
  bool input_done_ = false;
  uint64_t requests_ = 0;
  uint64_t remote_rows_ = 0;
  uint64_t failures_ = 0;
};

}  // namespace sextant::query
