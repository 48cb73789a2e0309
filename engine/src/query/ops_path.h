// Property paths that are not plain joins: *, +, ? (set semantics, cycles terminate through
// a visited set) and negated property sets. Sequences, alternatives and inverses at the top of
// a path are rewritten by the planner into joins, unions and swapped patterns, as the spec's
// translation does; inside a closure they are evaluated here, from whichever end is bound.
#pragma once

#include <memory>
#include <vector>

#include "grammar/ast.h"
#include "query/operator.h"
#include "query/ops_scan.h"
#include "query/query_context.h"

namespace sextant::query {

class PathStepper;

class PathOp : public Operator {
 public:
  PathOp(OperatorPtr child, PatternTerm subject, ast::Path path, PatternTerm object,
         GraphSpec graph, QueryContext* qc, std::string text);
  ~PathOp() override;
  std::string Describe() const override { return "Path " + text_; }
  std::vector<const Operator*> children() const override { return {child_.get()}; }

 protected:
  bool DoNext(RowBatch& out) override;

 private:
  void BeginGraph(TermId graph, RowBatch& out);
  void EmitFrom(TermId start, RowBatch& out);
  void EmitPair(const TermId* row, TermId s, TermId o, TermId graph, RowBatch& out);
  std::vector<TermId> GraphsFor(const TermId* row) const;

  OperatorPtr child_;
  PatternTerm subject_, object_;
  ast::Path path_;
  GraphSpec graph_;
  QueryContext* qc_;
  std::string text_;
  RowBatch in_;
  std::vector<TermId> scratch_;
  // Where DoNext resumes: the input row, its graphs, and (both ends free) its start nodes.
  std::vector<TermId> row_;
  size_t row_pos_ = 0;
  std::vector<TermId> graphs_;
  size_t graph_pos_ = 0;
  std::vector<TermId> starts_;
  size_t start_pos_ = 0;
  bool child_done_ = false;
  std::unique_ptr<PathStepper> stepper_;
  // One iterator per index for every traversal of this operator: creating a RocksDB iterator
  // cost more than the few entries a path step reads (LUBM Q11 seeks 239 times).
  std::unique_ptr<rocksdb::Iterator> iterators_[storage::kIndexCount];
};

}  // namespace sextant::query
