#include "query/ops_delta.h"

#include <algorithm>

namespace sextant::query {

DeltaJoinOp::DeltaJoinOp(OperatorPtr child, const PatternTerm (&terms)[3],
                         const std::vector<storage::IdQuad>* quads, std::string text)
    : Operator(child->control(), child->width()),
      child_(std::move(child)),
      terms_{terms[0], terms[1], terms[2]},
      quads_(quads),
      text_(std::move(text)),
      in_(width()),
      scratch_(width()) {}

bool DeltaJoinOp::Emit(const storage::IdQuad& q, const TermId* in, RowBatch& out) {
  std::copy(in, in + width(), scratch_.begin());
  for (int i = 0; i < 3; ++i) {
    const PatternTerm& t = terms_[i];
    if (!t.is_var()) {
      if (t.constant != q[i]) return false;
      continue;
    }
    TermId& slot = scratch_[static_cast<size_t>(t.slot)];
    if (slot == kNoId) {
      slot = q[i];
    } else if (slot != q[i]) {
      return false;
    }
  }
  out.Add(scratch_.data());
  return true;
}

bool DeltaJoinOp::DoNext(RowBatch& out) {
  while (!out.full()) {
    if (row_active_) {
      const TermId* row = in_.row(in_pos_ - 1);
      while (quad_pos_ < quads_->size() && !out.full()) Emit((*quads_)[quad_pos_++], row, out);
      if (quad_pos_ < quads_->size()) break;
      row_active_ = false;
      continue;
    }
    if (in_pos_ >= in_.size()) {
      if (child_done_) return !out.empty();
      if (!out.empty()) break;
      if (!child_->Next(in_)) {
        child_done_ = true;
        if (in_.empty()) return false;
      }
      in_pos_ = 0;
      if (in_.empty()) continue;
    }
    ++in_pos_;
    quad_pos_ = 0;
    row_active_ = true;
  }
  return true;
}

}  // namespace sextant::query
