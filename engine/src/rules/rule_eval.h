// Runs a rule body through the SPARQL planner (reading the store, a write transaction, or
// both) and turns its solutions into derived triples. Semi-naive evaluation restricts one
// body pattern to a delta of facts (QueryContext::delta_pattern).
#pragma once

#include <functional>
#include <map>
#include <set>
#include <vector>

#include "query/planner.h"
#include "rules/rule_program.h"
#include "storage/index_order.h"
#include "storage/store.h"
#include "storage/write_txn.h"

namespace sextant::rules {

using storage::IdQuad;
using storage::TermId;

// Facts of one round: (s, p, o, 0) quads, bucketed by predicate so a pattern with a constant
// predicate scans only its own.
class Delta {
 public:
  void Add(const IdQuad& t) {
    all_.push_back(t);
    by_predicate_[t[storage::kP]].push_back(t);
  }
  bool empty() const { return all_.empty(); }
  size_t size() const { return all_.size(); }
  const std::vector<IdQuad>& all() const { return all_; }
  // Quads with predicate p (empty when none).
  const std::vector<IdQuad>& With(TermId p) const;

 private:
  std::vector<IdQuad> all_;
  std::map<TermId, std::vector<IdQuad>> by_predicate_;
};

// What one commit's rule maintenance may spend: the time limit, interrupt flag and memory
// budget of the write it belongs to, and a number of semi-naive rounds (a rule that builds a
// new term from one it built derives forever; bounded, it ends in a clean error).
class RuleBudget {
 public:
  static constexpr uint64_t kMaxRounds = 10'000;
  explicit RuleBudget(const storage::TxnLimits& limits) : limits_(limits) {}
  const storage::TxnLimits& limits() const { return limits_; }
  // Timeout or Interrupted once the write's time is up or it was interrupted.
  Status Check() const;
  // Counts a round; ResourceExhausted naming `rules` (those still deriving) beyond the cap.
  Status NextRound(const std::string& rules);
  // Memory the maintenance holds (new terms, derived facts in the batch): ResourceExhausted
  // beyond the write's budget.
  Status Charge(uint64_t bytes);

 private:
  storage::TxnLimits limits_;
  uint64_t rounds_ = 0;
  uint64_t memory_bytes_ = 0;
};

// Where bodies are evaluated: through `txn` (its pending writes visible) or, when txn is
// null, on the committed store as of `snapshot` (null: the latest state).
struct EvalScope {
  storage::Store* store = nullptr;
  storage::WriteTxn* txn = nullptr;
  const rocksdb::Snapshot* snapshot = nullptr;
  const std::set<IdQuad>* ghosts =
      nullptr;                   // quads the body must not see (QueryContext::ghost_quads)
  RuleBudget* budget = nullptr;  // null: no limits (EXPLAIN WHY, tests)
};

// A solution row of a body: the planned query (for variable slots) and the row's ids.
using RowFn = std::function<bool(const query::PlannedQuery& plan, query::QueryContext& qc,
                                 const TermId* row)>;

// Runs `body`, `delta_pattern` (if set) reading `delta`. `fn` returns false to stop early.
Status RunBody(const ast::Query& body, const ast::TriplePattern* delta_pattern,
               const std::vector<IdQuad>* delta, const EvalScope& scope, const RowFn& fn);

// The head triples (s, p, o, 0) a rule derives from the solutions of `body`; terms the head
// needs that the store lacks are created through the transaction (or, without one, make the
// triple impossible and it is skipped).
Status DeriveHeads(const CompiledRule& rule, const ast::Query& body,
                   const ast::TriplePattern* delta_pattern, const std::vector<IdQuad>* delta,
                   const EvalScope& scope, std::vector<IdQuad>* out);

// The id of a constant predicate, or kNoId (unknown term, or a variable).
Result<TermId> PredicateId(const ast::TriplePattern& t, const EvalScope& scope);

}  // namespace sextant::rules
