// What a write transaction calls while committing, so that facts that follow from the change
// (rules, engine/src/rules) commit in the same batch as the change itself. Storage knows only
// this interface; the rule engine implements it.
#pragma once

#include "sextant/status.h"

namespace sextant::storage {

class WriteTxn;

class CommitHook {
 public:
  virtual ~CommitHook() = default;
  // Whether transactions must record their net changes (quads really inserted / removed).
  virtual bool active() const = 0;
  // Runs before the batch is written; may add to it (the transaction is in maintenance mode
  // while it runs). A failure aborts the commit.
  virtual Status BeforeCommit(WriteTxn* txn) = 0;
  // Runs after the batch was written (ok) or failed to be (!ok).
  virtual void AfterCommit(WriteTxn* txn, bool ok) = 0;
};

}  // namespace sextant::storage
