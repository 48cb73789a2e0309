#include "query/ops_triple_term.h"

#include <utility>

namespace sextant::query {

TripleTermOp::TripleTermOp(OperatorPtr child, Mode mode, int slot,
                           const std::array<PatternTerm, 3>& parts, TermTable* terms,
                           std::string text)
    : Operator(child->control(), child->width()),
      child_(std::move(child)),
      mode_(mode),
      slot_(slot),
      parts_(parts),
      terms_(terms),
      text_(std::move(text)),
      in_(width()) {}

std::string TripleTermOp::Describe() const {
  return (mode_ == Mode::kUnpack ? "TripleTermParts " : "TripleTermLookup ") + text_;
}

bool TripleTermOp::DoNext(RowBatch& out) {
  while (out.empty()) {
    if (!child_->Next(in_)) return false;
    for (size_t i = 0; i < in_.size(); ++i) {
      TermId* row = in_.mutable_row(i);
      if (mode_ == Mode::kUnpack ? Unpack(row) : Pack(row)) out.Add(row);
      if (!control_->status.ok()) return false;
    }
  }
  return true;
}

bool TripleTermOp::Unpack(TermId* row) {
  const TermId id = row[slot_];
  // Only stored triple terms reach here (the slot is bound by a pattern or by Pack).
  if (storage::TagOf(id) != storage::IdTag::kTriple) return false;
  auto parts = terms_->StoredTripleParts(id);
  if (!parts.ok()) {
    control_->status = parts.status();
    return false;
  }
  for (size_t k = 0; k < 3; ++k) {
    const PatternTerm& p = parts_[k];
    const TermId part = (*parts)[k];
    if (!p.is_var()) {
      if (p.constant != part) return false;
    } else if (row[p.slot] == kNoId) {
      row[p.slot] = part;
    } else if (row[p.slot] != part) {
      return false;
    }
  }
  return true;
}

bool TripleTermOp::Pack(TermId* row) {
  std::array<TermId, 3> ids{};
  for (size_t k = 0; k < 3; ++k) {
    const PatternTerm& p = parts_[k];
    ids[k] = p.is_var() ? row[p.slot] : p.constant;
    // A term the store lacks (query-local) is part of no stored triple term.
    if (ids[k] == kNoId || storage::TagOf(ids[k]) == storage::IdTag::kLocal) return false;
  }
  auto id = terms_->LookupStoredTriple(ids);
  if (!id.ok()) {
    control_->status = id.status();
    return false;
  }
  if (*id == kNoId) return false;
  if (row[slot_] != kNoId) return row[slot_] == *id;
  row[slot_] = *id;
  return true;
}

}  // namespace sextant::query
