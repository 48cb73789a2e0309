#include "query/ops_join.h"

#include <algorithm>

namespace sextant::query {

HashJoinOp::HashJoinOp(JoinKind kind, OperatorPtr left, OperatorPtr right,
                       std::vector<int> key_slots, CompiledExprPtr filter, EvalContext* ctx,
                       std::vector<int> right_slots)
    : Operator(left->control(), left->width()),
      kind_(kind),
      left_(std::move(left)),
      right_(std::move(right)),
      keys_(std::move(key_slots)),
      right_slots_(std::move(right_slots)),
      filter_(std::move(filter)),
      ctx_(ctx),
      in_(width()),
      merged_(width()) {
  if (right_slots_.empty()) {
    for (size_t s = 0; s < width(); ++s) right_slots_.push_back(static_cast<int>(s));
  }
  for (int k : keys_) {
    auto it = std::find(right_slots_.begin(), right_slots_.end(), k);
    if (it == right_slots_.end()) {
      it = right_slots_.insert(right_slots_.end(), k);  // keys are always kept
    }
    key_columns_.push_back(static_cast<int>(it - right_slots_.begin()));
  }
}

std::string HashJoinOp::Describe() const {
  std::string s = kind_ == JoinKind::kInner  ? "HashJoin"
                  : kind_ == JoinKind::kLeft ? "LeftJoin"
                                             : "Minus";
  s += keys_.empty() ? " (no common bound variables: nested loop)"
                     : " on " + std::to_string(keys_.size()) + " slot(s)";
  if (filter_) s += " with filter";
  return s;
}

uint64_t HashJoinOp::HashIds(const TermId* row, const std::vector<int>& positions) {
  uint64_t h = 1469598103934665603ULL;
  for (int k : positions) h = (h ^ row[k]) * 1099511628211ULL;
  return h;
}

bool HashJoinOp::Build() {
  // Rows first, then the table at its final size: growing the table while inserting rehashed
  // it a dozen times and was most of the cost of building it.
  RowBatch batch(width());
  uint64_t rows = 0;
  while (right_->Next(batch)) {
    if (!control_->Reserve(batch.size(), width())) return false;
    rows += batch.size();
    if (rows >= kEndOfChain) {
      control_->status =
          Status::ResourceExhausted("hash join: more than 4 billion rows on one side");
      return false;
    }
    for (size_t i = 0; i < batch.size(); ++i) {
      for (int slot : right_slots_) right_rows_.push_back(batch.row(i)[slot]);
    }
  }
  if (!control_->status.ok()) return false;
  heads_.reserve(rows);
  next_.resize(rows);
  for (uint32_t row = 0; row < rows; ++row) {
    const TermId* compact = right_rows_.data() + static_cast<size_t>(row) * right_slots_.size();
    auto [head, inserted] = heads_.try_emplace(HashIds(compact, key_columns_), row);
    next_[row] = inserted ? kEndOfChain : head->second;
    head->second = row;
  }
  built_ = true;
  return true;
}

void HashJoinOp::Probe(const TermId* left, RowBatch& out) {
  bool matched = false;
  const auto head = heads_.find(HashIds(left, keys_));
  for (uint32_t row = head == heads_.end() ? kEndOfChain : head->second; row != kEndOfChain;
       row = next_[row]) {
    const TermId* right = right_rows_.data() + static_cast<size_t>(row) * right_slots_.size();
    bool compatible = true;
    bool shares = false;
    for (size_t j = 0; j < right_slots_.size() && compatible; ++j) {
      const TermId l = left[right_slots_[j]];
      if (l != kNoId && right[j] != kNoId) {
        shares = true;
        compatible = l == right[j];
      }
    }
    if (!compatible) continue;
    if (kind_ == JoinKind::kMinus) {
      if (shares) return;  // removed
      continue;
    }
    std::copy(left, left + width(), merged_.begin());
    for (size_t j = 0; j < right_slots_.size(); ++j) {
      if (merged_[right_slots_[j]] == kNoId) merged_[right_slots_[j]] = right[j];
    }
    if (filter_) {
      ++ctx_->row_counter;
      if (EvaluateBool(*filter_, merged_.data(), *ctx_) != std::optional<bool>(true)) continue;
    }
    matched = true;
    out.Add(merged_.data());
  }
  if (kind_ == JoinKind::kMinus || (kind_ == JoinKind::kLeft && !matched)) out.Add(left);
}

bool HashJoinOp::DoNext(RowBatch& out) {
  if (!built_ && !Build()) return false;
  // Probing may emit many rows per left row; the batch grows past kBatchRows rather than
  // splitting one row's matches, which keeps the operator simple.
  while (out.size() < kBatchRows) {
    if (!left_->Next(in_)) return false;
    for (size_t i = 0; i < in_.size(); ++i) Probe(in_.row(i), out);
  }
  return true;
}

}  // namespace sextant::query
