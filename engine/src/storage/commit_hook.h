// What a write transaction calls while committing, so that what follows from the change commits
// in the same batch as the change itself (derived facts: engine/src/rules), or the change is
// refused (enforced shapes: engine/src/shacl). Storage knows only this interface. A store holds
// several hooks, called in the order they were added (Store::AddCommitHook).
#pragma once

#include "sextant/status.h"

namespace sextant::storage {

class WriteTxn;

class CommitHook {
 public:
  virtual ~CommitHook() = default;
  // Whether transactions must record their net changes (quads really inserted / removed).
  // Asked when a transaction begins; recording costs every write, so a hook with nothing to
  // maintain or check says no.
  virtual bool active() const = 0;
  // Whether a transaction that changed quads without recording them (no hook was active when
  // it began) must still call BeforeCommit: it may have written what makes a hook active (the
  // shapes graph). Called only for such transactions.
  virtual bool WantsUntracked(WriteTxn* /*txn*/) { return false; }
  // Runs before the batch is written; may add to it (the transaction is in maintenance mode
  // while it runs: its writes are recorded as maintained_inserted/removed, not as the net
  // changes). A failure aborts the commit and the hooks after it are not called.
  virtual Status BeforeCommit(WriteTxn* txn) = 0;
  // Runs after the batch was written (ok) or failed to be (!ok), for every hook whose
  // BeforeCommit ran.
  virtual void AfterCommit(WriteTxn* txn, bool ok) = 0;
};

}  // namespace sextant::storage
