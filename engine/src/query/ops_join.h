// Joins of two independently evaluated sides with SPARQL's compatibility semantics (a slot
// unbound on either side matches anything). The right side is materialised and hashed on the
// slots that are bound on both sides in every row; the left side streams.
#pragma once

#include <boost/unordered/unordered_flat_map.hpp>
#include <cstdint>
#include <vector>

#include "query/expression.h"
#include "query/operator.h"

namespace sextant::query {

enum class JoinKind { kInner, kLeft, kMinus };

class HashJoinOp : public Operator {
 public:
  // key_slots: bound in every row of both sides (may be empty: then every pair is checked).
  // filter: LeftJoin's condition, evaluated on the merged row (null: none).
  // right_slots: the only slots the right side can bind (empty: any). Only those are kept in
  // the hash table, so a pattern scanned for a join stores 2-3 ids a row, not the query's width.
  HashJoinOp(JoinKind kind, OperatorPtr left, OperatorPtr right, std::vector<int> key_slots,
             CompiledExprPtr filter, EvalContext* ctx, std::vector<int> right_slots = {});
  std::string Describe() const override;
  std::vector<const Operator*> children() const override { return {left_.get(), right_.get()}; }

 protected:
  bool DoNext(RowBatch& out) override;

 private:
  bool Build();
  // Hash of the key: a full-width row's keys_ slots, or a stored right row's key_columns_.
  static uint64_t HashIds(const TermId* row, const std::vector<int>& positions);
  void Probe(const TermId* left, RowBatch& out);

  JoinKind kind_;
  OperatorPtr left_, right_;
  std::vector<int> keys_;
  std::vector<int> right_slots_;
  std::vector<int> key_columns_;  // where each key slot sits in a stored right row
  CompiledExprPtr filter_;
  EvalContext* ctx_;
  bool built_ = false;
  // The right side's rows (their right_slots_ columns) back to back; rows with equal key hashes are
  // chained through next_ from heads_ (a flat table: a node-based multimap cost a heap allocation
  // per row).
  std::vector<TermId> right_rows_;
  boost::unordered_flat_map<uint64_t, uint32_t> heads_;  // key hash -> first row
  std::vector<uint32_t> next_;                           // row -> next row with that hash
  static constexpr uint32_t kEndOfChain = UINT32_MAX;
  RowBatch in_;
  std::vector<TermId> merged_;
};

}  // namespace sextant::query
