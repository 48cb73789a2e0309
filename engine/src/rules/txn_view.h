// What the rule maintainer needs to know about triples while a transaction is being
// committed: true before it, true now, asserted, derived. Answers from the committed store
// plus the transaction's own net changes, so no iterator over the (changing) write batch is
// needed per question.
#pragma once

#include <memory>
#include <set>

#include "storage/id_scan.h"
#include "storage/store.h"
#include "storage/write_txn.h"

namespace sextant::rules {

using storage::IdQuad;
using storage::TermId;

class TxnView {
 public:
  // Starts from the transaction's recorded net changes.
  TxnView(storage::Store* store, storage::WriteTxn* txn, TermId derived_graph);

  // Triples are (s, p, o, ignored) quads.
  Result<bool> TrueBefore(const IdQuad& t);
  Result<bool> True(const IdQuad& t);
  Result<bool> Asserted(const IdQuad& t);  // in some graph other than the derived one, now
  Result<bool> DerivedBefore(const IdQuad& t);
  bool Derived(const IdQuad& t);

  // Writes the derived copy of a triple, or removes it.
  Status AddDerived(const IdQuad& t);
  Status RemoveDerived(const IdQuad& t);
  // Every derived triple of the committed store.
  Result<std::vector<IdQuad>> CommittedDerived();
  // Treats a stored derived quad as absent without deleting it: a recomputation that derives it
  // again then writes nothing; DropGhosts deletes the ones it did not.
  void Ghost(const IdQuad& q);
  Status DropGhosts();
  const std::set<IdQuad>* ghosts() const { return &ghosts_; }

  TermId derived_graph() const { return derived_; }
  storage::WriteTxn* txn() const { return txn_; }

 private:
  // Graphs of the committed quads of a triple.
  Result<std::vector<TermId>> CommittedGraphs(const IdQuad& t);
  void NoteInserted(const IdQuad& q);
  void NoteRemoved(const IdQuad& q);
  IdQuad WithGraph(const IdQuad& t, TermId g) const { return {t[0], t[1], t[2], g}; }

  storage::Store* store_;
  storage::WriteTxn* txn_;
  TermId derived_;
  std::unique_ptr<rocksdb::Iterator> spog_;
  std::set<IdQuad> inserted_;  // net, against the committed store
  std::set<IdQuad> removed_;
  std::set<IdQuad> ghosts_;
};

}  // namespace sextant::rules
