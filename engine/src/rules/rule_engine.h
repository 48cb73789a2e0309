// Keeps the derived graph equal to what the enabled rules derive from the asserted facts.
// Installed as the store's commit hook: every write transaction hands over its net changes
// and the consequences are added to the same batch (semi-naive insertion, delete/rederive
// for removals; a full recomputation when rules change, after a bulk load, or when a rule
// uses negation). docs/RULES.md describes the algorithm.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>

#include "rules/rule_eval.h"
#include "rules/rule_program.h"
#include "rules/txn_view.h"
#include "storage/commit_hook.h"
#include "storage/store.h"

namespace sextant::rules {

class RuleEngine : public storage::CommitHook {
 public:
  explicit RuleEngine(storage::Store* store) : store_(store) {}

  // Reads the stored rules; rematerialises a store left stale by an interrupted bulk load.
  Status Open();

  bool active() const override { return active_.load(); }
  Status BeforeCommit(storage::WriteTxn* txn) override;
  void AfterCommit(storage::WriteTxn* txn, bool ok) override;

  std::shared_ptr<const RuleProgram> program() const;
  // Recomputes the derived graph in one transaction and clears the stale flag.
  Status Rematerialize(const storage::TxnLimits& limits = {});
  // After a bulk load whose new quads are known: maintains incrementally, clears the flag.
  Status MaintainAfterLoad(std::vector<IdQuad> loaded, const storage::TxnLimits& limits = {});

 private:
  Result<TermId> DerivedGraph(storage::WriteTxn* txn);
  Status Maintain(storage::WriteTxn* txn);
  Status FullRecompute(storage::WriteTxn* txn, const RuleProgram& program, bool stale);
  // `seed_all`: every inserted triple starts the propagation, true before or not (a bulk load
  // committed them already, so the store cannot tell).
  Status Incremental(storage::WriteTxn* txn, const RuleProgram& program, bool seed_all);
  // Semi-naive rounds: derives from `delta` (facts new since the last round) until nothing new.
  Status Propagate(TxnView& view, const RuleProgram& program, const std::vector<size_t>& rules,
                   Delta delta);
  void Install(std::shared_ptr<const RuleProgram> program);

  storage::Store* store_;
  // The limits of the commit being maintained (set while BeforeCommit runs).
  RuleBudget* budget_ = nullptr;
  mutable std::mutex mu_;
  std::shared_ptr<const RuleProgram> program_;
  std::shared_ptr<const RuleProgram> pending_;  // compiled by the committing transaction
  std::atomic<bool> active_{false};
};

namespace testing {
// Makes the next bulk load stop after its ingest, before materialisation: a crash there.
void FailNextLoadAfterIngest();
bool TakeFailAfterIngest();
}  // namespace testing

}  // namespace sextant::rules
