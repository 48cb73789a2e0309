// Joins of two independently evaluated sides with SPARQL's compatibility semantics (a slot
// unbound on either side matches anything). The right side is materialised and hashed on the
// slots that are bound on both sides in every row; the left side streams.
#pragma once

#include <unordered_map>
#include <vector>

#include "query/expression.h"
#include "query/operator.h"

namespace sextant::query {

enum class JoinKind { kInner, kLeft, kMinus };

class HashJoinOp : public Operator {
 public:
  // key_slots: bound in every row of both sides (may be empty: then every pair is checked).
  // filter: LeftJoin's condition, evaluated on the merged row (null: none).
  HashJoinOp(JoinKind kind, OperatorPtr left, OperatorPtr right, std::vector<int> key_slots, CompiledExprPtr filter,
             EvalContext* ctx);
  std::string Describe() const override;
  std::vector<const Operator*> children() const override { return {left_.get(), right_.get()}; }

 protected:
  bool DoNext(RowBatch& out) override;

 private:
  bool Build();
  uint64_t KeyHash(const TermId* row) const;
  void Probe(const TermId* left, RowBatch& out);

  JoinKind kind_;
  OperatorPtr left_, right_;
  std::vector<int> keys_;
  CompiledExprPtr filter_;
  EvalContext* ctx_;
  bool built_ = false;
  std::vector<TermId> right_rows_;
  std::unordered_multimap<uint64_t, size_t> index_;  // key hash -> row offset
  RowBatch in_;
  std::vector<TermId> merged_;
};

}  // namespace sextant::query
