// A triple pattern matched against a list of quads held in memory instead of the store: how
// rule evaluation (engine/src/rules) restricts one body pattern to the facts that changed in
// the last round (semi-naive evaluation) while the rest of the body reads the store.
#pragma once

#include <string>
#include <vector>

#include "query/operator.h"
#include "query/ops_scan.h"
#include "storage/index_order.h"

namespace sextant::query {

class DeltaJoinOp : public Operator {
 public:
  DeltaJoinOp(OperatorPtr child, const PatternTerm (&terms)[3],
              const std::vector<storage::IdQuad>* quads, std::string text);
  std::string Describe() const override { return text_; }
  std::vector<const Operator*> children() const override { return {child_.get()}; }

 protected:
  bool DoNext(RowBatch& out) override;

 private:
  bool Emit(const storage::IdQuad& q, const TermId* in, RowBatch& out);

  OperatorPtr child_;
  PatternTerm terms_[3];
  const std::vector<storage::IdQuad>* quads_;
  std::string text_;
  RowBatch in_;
  size_t in_pos_ = 0;
  size_t quad_pos_ = 0;
  bool row_active_ = false;
  bool child_done_ = false;
  std::vector<TermId> scratch_;
};

}  // namespace sextant::query
