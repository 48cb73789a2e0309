#include "query/ops_basic.h"

#include <algorithm>

namespace sextant::query {

bool ValuesOp::DoNext(RowBatch& out) {
  if (done_) return false;
  if (width() == 0) {
    for (size_t i = 0; i < zero_width_rows_; ++i) out.Add(&RowBatch::kNoRow);
    done_ = true;
    return false;
  }
  while (pos_ < rows_.size() && !out.full()) {
    out.Add(rows_.data() + pos_);
    pos_ += width();
  }
  done_ = pos_ >= rows_.size();
  return !done_;
}

bool FilterOp::DoNext(RowBatch& out) {
  while (out.empty()) {
    if (!child_->Next(in_)) return false;
    for (size_t i = 0; i < in_.size(); ++i) {
      const TermId* row = in_.row(i);
      ++ctx_->row_counter;
      if (EvaluateBool(*expr_, row, *ctx_) == std::optional<bool>(true)) out.Add(row);
    }
  }
  return true;
}

bool ExtendOp::DoNext(RowBatch& out) {
  if (!child_->Next(out)) return false;
  for (size_t i = 0; i < out.size(); ++i) {
    TermId* row = out.mutable_row(i);
    ++ctx_->row_counter;
    for (const auto& [slot, expr] : exprs_) row[slot] = Evaluate(*expr, row, *ctx_);
  }
  return true;
}

ProjectOp::ProjectOp(OperatorPtr child, const std::vector<int>& keep, std::string text)
    : Operator(child->control(), child->width()),
      child_(std::move(child)),
      keep_(width(), false),
      text_(std::move(text)) {
  for (int k : keep) {
    if (static_cast<size_t>(k) < keep_.size()) {
      keep_[static_cast<size_t>(k)] = true;  // planning pass: width 0
    }
  }
}

bool ProjectOp::DoNext(RowBatch& out) {
  if (!child_->Next(out)) return false;
  for (size_t i = 0; i < out.size(); ++i) {
    TermId* row = out.mutable_row(i);
    for (size_t s = 0; s < width(); ++s) {
      if (!keep_[s]) row[s] = kNoId;
    }
  }
  return true;
}

size_t DistinctOp::KeptHash::operator()(size_t row) const {
  const TermId* r = op->kept(row);
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < op->width(); ++i) h = (h ^ r[i]) * 1099511628211ULL;
  return static_cast<size_t>(h ^ (h >> 29));
}

bool DistinctOp::KeptEq::operator()(size_t a, size_t b) const {
  return std::equal(op->kept(a), op->kept(a) + op->width(), op->kept(b));
}

bool DistinctOp::DoNext(RowBatch& out) {
  const size_t w = width();
  while (out.empty()) {
    if (!child_->Next(in_)) return false;
    for (size_t i = 0; i < in_.size(); ++i) {
      if (w == 0) {  // every row is the empty row
        if (!emitted_empty_row_) out.Add(in_.row(i));
        emitted_empty_row_ = true;
        continue;
      }
      const size_t index = kept_.size() / w;
      kept_.insert(kept_.end(), in_.row(i), in_.row(i) + w);
      if (seen_.insert(index).second) {
        if (!control_->Reserve(1, w)) return false;
        out.Add(in_.row(i));
      } else {
        kept_.resize(kept_.size() - w);
      }
    }
  }
  return true;
}

std::string SliceOp::Describe() const {
  std::string s = "Slice offset " + std::to_string(offset_);
  if (limit_) s += " limit " + std::to_string(*limit_);
  return s;
}

bool SliceOp::DoNext(RowBatch& out) {
  while (out.empty()) {
    if (limit_ && produced_ >= *limit_) return false;
    if (!child_->Next(in_)) return false;
    for (size_t i = 0; i < in_.size(); ++i) {
      if (skipped_ < offset_) {
        ++skipped_;
        continue;
      }
      if (limit_ && produced_ >= *limit_) break;
      out.Add(in_.row(i));
      ++produced_;
    }
  }
  return !(limit_ && produced_ >= *limit_);
}

bool ValuesJoinOp::DoNext(RowBatch& out) {
  const size_t cols = slots_.size();
  while (out.empty()) {
    if (!child_->Next(in_)) return false;
    for (size_t i = 0; i < in_.size(); ++i) {
      const TermId* in = in_.row(i);
      for (size_t r = 0; cols > 0 && r < table_.size() / cols; ++r) {
        std::copy(in, in + width(), row_.begin());
        bool ok = true;
        for (size_t c = 0; c < cols && ok; ++c) {
          const TermId v = table_[r * cols + c];
          TermId& slot = row_[static_cast<size_t>(slots_[c])];
          if (v == kNoId) continue;
          if (slot == kNoId) {
            slot = v;
          } else if (slot != v) {
            ok = false;
          }
        }
        if (ok) out.Add(row_.data());
      }
    }
  }
  return true;
}

bool BindConstantOp::DoNext(RowBatch& out) {
  while (out.empty()) {
    if (!child_->Next(in_)) return false;
    for (size_t i = 0; i < in_.size(); ++i) {
      const TermId* row = in_.row(i);
      if (row[slot_] != kNoId && row[slot_] != value_) continue;
      out.Add(row);
      out.mutable_row(out.size() - 1)[slot_] = value_;
    }
  }
  return true;
}

bool RemapOp::DoNext(RowBatch& out) {
  if (!inner_->Next(in_)) return false;
  for (size_t i = 0; i < in_.size(); ++i) {
    std::fill(row_.begin(), row_.end(), kNoId);
    bool compatible = true;
    for (const auto& [from, to] : map_) {
      // Two inner columns can land on one outer slot (a subquery's ?g inside GRAPH ?g):
      // they must agree.
      TermId& slot = row_[static_cast<size_t>(to)];
      const TermId v = in_.row(i)[from];
      if (slot != kNoId && v != kNoId && slot != v) compatible = false;
      if (v != kNoId) slot = v;
    }
    if (compatible) out.Add(row_.data());
  }
  return true;
}

std::vector<const Operator*> UnionOp::children() const {
  std::vector<const Operator*> out;
  for (const auto& b : branches_) out.push_back(b.get());
  return out;
}

bool UnionOp::DoNext(RowBatch& out) {
  while (current_ < branches_.size()) {
    if (branches_[current_]->Next(out)) return true;
    if (!control_->status.ok()) return false;
    ++current_;
  }
  return false;
}

}  // namespace sextant::query
