#include "query/ops_join.h"

#include <algorithm>

namespace sextant::query {

HashJoinOp::HashJoinOp(JoinKind kind, OperatorPtr left, OperatorPtr right, std::vector<int> key_slots,
                       CompiledExprPtr filter, EvalContext* ctx)
    : Operator(left->control(), left->width()),
      kind_(kind),
      left_(std::move(left)),
      right_(std::move(right)),
      keys_(std::move(key_slots)),
      filter_(std::move(filter)),
      ctx_(ctx),
      in_(width()),
      merged_(width()) {}

std::string HashJoinOp::Describe() const {
  std::string s = kind_ == JoinKind::kInner ? "HashJoin" : kind_ == JoinKind::kLeft ? "LeftJoin" : "Minus";
  s += keys_.empty() ? " (no common bound variables: nested loop)" : " on " + std::to_string(keys_.size()) + " slot(s)";
  if (filter_) s += " with filter";
  return s;
}

uint64_t HashJoinOp::KeyHash(const TermId* row) const {
  uint64_t h = 1469598103934665603ULL;
  for (int k : keys_) h = (h ^ row[k]) * 1099511628211ULL;
  return h;
}

bool HashJoinOp::Build() {
  RowBatch batch(width());
  while (right_->Next(batch)) {
    if (!control_->Reserve(batch.size(), width())) return false;
    for (size_t i = 0; i < batch.size(); ++i) {
      const size_t offset = right_rows_.size();
      right_rows_.insert(right_rows_.end(), batch.row(i), batch.row(i) + width());
      index_.emplace(KeyHash(batch.row(i)), offset);
    }
  }
  built_ = true;
  return control_->status.ok();
}

void HashJoinOp::Probe(const TermId* left, RowBatch& out) {
  bool matched = false;
  auto [begin, end] = index_.equal_range(KeyHash(left));
  for (auto it = begin; it != end; ++it) {
    const TermId* right = right_rows_.data() + it->second;
    bool compatible = true;
    bool shares = false;
    for (size_t s = 0; s < width() && compatible; ++s) {
      if (left[s] != kNoId && right[s] != kNoId) {
        shares = true;
        compatible = left[s] == right[s];
      }
    }
    if (!compatible) continue;
    if (kind_ == JoinKind::kMinus) {
      if (shares) return;  // removed
      continue;
    }
    for (size_t s = 0; s < width(); ++s) merged_[s] = left[s] != kNoId ? left[s] : right[s];
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
