#include "rules/txn_view.h"

namespace sextant::rules {

using storage::kNoId;

TxnView::TxnView(storage::Store* store, storage::WriteTxn* txn, TermId derived_graph)
    : store_(store),
      txn_(txn),
      derived_(derived_graph),
      spog_(store->db()->NewIterator({}, store->index(storage::IndexOrder::kSPOG))),
      inserted_(txn->net_inserted()),
      removed_(txn->net_removed()) {}

Result<std::vector<TermId>> TxnView::CommittedGraphs(const IdQuad& t) {
  std::vector<TermId> out;
  const IdQuad pattern{t[0], t[1], t[2], kNoId};
  storage::IdScan scan(spog_.get(), pattern, storage::ChooseIndex(pattern));
  for (; scan.Valid(); scan.Next()) out.push_back(scan.quad()[storage::kG]);
  SEXTANT_RETURN_IF_ERROR(scan.status());
  return out;
}

Result<bool> TxnView::TrueBefore(const IdQuad& t) {
  SEXTANT_ASSIGN_OR_RETURN(auto graphs, CommittedGraphs(t));
  return !graphs.empty();
}

Result<bool> TxnView::True(const IdQuad& t) {
  auto it = inserted_.lower_bound({t[0], t[1], t[2], 0});
  if (it != inserted_.end() && (*it)[0] == t[0] && (*it)[1] == t[1] && (*it)[2] == t[2]) {
    return true;
  }
  SEXTANT_ASSIGN_OR_RETURN(auto graphs, CommittedGraphs(t));
  for (TermId g : graphs) {
    if (!removed_.count(WithGraph(t, g))) return true;
  }
  return false;
}

Result<bool> TxnView::Asserted(const IdQuad& t) {
  for (auto it = inserted_.lower_bound({t[0], t[1], t[2], 0});
       it != inserted_.end() && (*it)[0] == t[0] && (*it)[1] == t[1] && (*it)[2] == t[2]; ++it) {
    if ((*it)[3] != derived_) return true;
  }
  SEXTANT_ASSIGN_OR_RETURN(auto graphs, CommittedGraphs(t));
  for (TermId g : graphs) {
    if (g != derived_ && !removed_.count(WithGraph(t, g))) return true;
  }
  return false;
}

Result<bool> TxnView::DerivedBefore(const IdQuad& t) {
  SEXTANT_ASSIGN_OR_RETURN(auto graphs, CommittedGraphs(t));
  for (TermId g : graphs) {
    if (g == derived_) return true;
  }
  return false;
}

bool TxnView::Derived(const IdQuad& t) {
  const IdQuad q = WithGraph(t, derived_);
  if (inserted_.count(q)) return true;
  if (removed_.count(q)) return false;
  auto before = DerivedBefore(t);
  return before.ok() && *before;
}

void TxnView::NoteInserted(const IdQuad& q) {
  if (removed_.erase(q) == 0) inserted_.insert(q);
}

void TxnView::NoteRemoved(const IdQuad& q) {
  if (inserted_.erase(q) == 0) removed_.insert(q);
}

void TxnView::Ghost(const IdQuad& q) {
  ghosts_.insert(q);
  removed_.insert(q);
}

Status TxnView::DropGhosts() {
  for (const IdQuad& q : ghosts_) SEXTANT_RETURN_IF_ERROR(txn_->Remove(q).status());
  ghosts_.clear();
  return Status::OK();
}

Status TxnView::AddDerived(const IdQuad& t) {
  const IdQuad q = WithGraph(t, derived_);
  if (ghosts_.erase(q) > 0) {
    removed_.erase(q);  // stored already: derived again, nothing to write
    return Status::OK();
  }
  SEXTANT_ASSIGN_OR_RETURN(bool added, txn_->Insert(q));
  if (added) NoteInserted(q);
  return Status::OK();
}

Status TxnView::RemoveDerived(const IdQuad& t) {
  const IdQuad q = WithGraph(t, derived_);
  SEXTANT_ASSIGN_OR_RETURN(bool removed, txn_->Remove(q));
  if (removed) NoteRemoved(q);
  return Status::OK();
}

Result<std::vector<IdQuad>> TxnView::CommittedDerived() {
  std::vector<IdQuad> out;
  if (derived_ == kNoId) return out;
  const IdQuad pattern{kNoId, kNoId, kNoId, derived_};
  storage::IdScan scan(store_, nullptr, pattern, {storage::IndexOrder::kGSPO, 1, false});
  for (; scan.Valid(); scan.Next()) out.push_back(scan.quad());
  SEXTANT_RETURN_IF_ERROR(scan.status());
  return out;
}

}  // namespace sextant::rules
