// Enforced shapes: the store's commit hook that refuses a transaction whose result would
// violate a shape of the shapes graph <urn:sextant:shapes>. A commit that changes the shapes
// graph compiles the new shapes and validates the whole store against them; any other commit
// validates only the focus nodes whose validation could read a triple it changed (reach.h),
// on the state the commit produces, derived facts included (the rules' hook runs first).
// Only results of severity sh:Violation refuse a commit; warnings and infos pass.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>

#include "shacl/reach.h"
#include "shacl/shape.h"
#include "storage/commit_hook.h"
#include "storage/store.h"
#include "storage/write_txn.h"

namespace sextant::shacl {

// The compiled enforced shapes with what a commit needs to find its focus nodes.
struct EnforcedShapes {
  std::shared_ptr<const ShapeSet> shapes;
  std::vector<ShapeReach> reach;
};

class ShapeEnforcer : public storage::CommitHook {
 public:
  explicit ShapeEnforcer(storage::Store* store) : store_(store) {}

  // Reads and compiles the stored shapes.
  Status Open();

  // Transactions record their changes only while shapes are enforced; one that writes the
  // shapes graph of a store enforcing nothing is caught by WantsUntracked and validated whole.
  bool active() const override { return enforcing(); }
  bool WantsUntracked(storage::WriteTxn* txn) override;
  Status BeforeCommit(storage::WriteTxn* txn) override;
  void AfterCommit(storage::WriteTxn* txn, bool ok) override;

  std::shared_ptr<const EnforcedShapes> enforced() const;
  // Whether any shape with targets is enforced.
  bool enforcing() const;

 private:
  Status ValidateChanges(storage::WriteTxn* txn, const EnforcedShapes& enforced,
                         storage::TermId shapes_graph);
  Status ValidateEverything(storage::WriteTxn* txn, const EnforcedShapes& enforced);

  // The id of the shapes graph IRI in the store's dictionary (kNoId: not there yet). Term ids
  // are never reused, so once found it is kept.
  Result<storage::TermId> ShapesGraph(storage::WriteTxn* txn);

  storage::Store* store_;
  std::atomic<storage::TermId> shapes_graph_{storage::kNoId};
  mutable std::mutex mu_;
  std::shared_ptr<const EnforcedShapes> enforced_;
  std::shared_ptr<const EnforcedShapes> pending_;  // compiled by the committing transaction
};

// The quads of the shapes graph as a transaction (or, without one, the latest state) sees them.
Result<std::vector<Quad>> ReadShapesGraph(storage::Store* store, storage::WriteTxn* txn);
// Compiles shapes and analyses their reach.
Result<std::shared_ptr<const EnforcedShapes>> CompileEnforced(const std::vector<Quad>& quads);

}  // namespace sextant::shacl
