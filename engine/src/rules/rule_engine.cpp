#include "rules/rule_engine.h"

#include <set>

#include "rdf/term_view.h"
#include "rules/rule_catalog.h"
#include "rules/rule_eval.h"
#include "sextant/rules.h"

namespace sextant::rules {
namespace {

using storage::kNoId;

std::atomic<bool> g_fail_after_ingest{false};

std::vector<size_t> AllRules(const RuleProgram& p) {
  std::vector<size_t> out(p.rules.size());
  for (size_t i = 0; i < out.size(); ++i) out[i] = i;
  return out;
}

// The delta quads a pattern can match: its predicate's bucket, or all for a variable one.
Result<const std::vector<IdQuad>*> DeltaFor(const ast::TriplePattern& t, const Delta& delta,
                                            const EvalScope& scope) {
  if (!std::holds_alternative<Term>(t.predicate)) return &delta.all();
  SEXTANT_ASSIGN_OR_RETURN(TermId p, PredicateId(t, scope));
  if (p == kNoId) return nullptr;
  const auto& bucket = delta.With(p);
  return bucket.empty() ? nullptr : &bucket;
}

// A derived fact costs its six index entries in the batch, its place in the transaction's view
// and in the next round's delta.
constexpr uint64_t kDerivedFactBytes = 6 * 48 + 3 * 64;

// Writes the derived copies of `heads`; the ones that were not true before go to `next`.
Status AddHeads(TxnView& view, const std::vector<IdQuad>& heads, Delta* next, RuleBudget* budget) {
  for (const IdQuad& h : heads) {
    if (view.Derived(h)) continue;
    SEXTANT_ASSIGN_OR_RETURN(bool was_true, view.True(h));
    SEXTANT_RETURN_IF_ERROR(view.AddDerived(h));
    if (budget != nullptr) SEXTANT_RETURN_IF_ERROR(budget->Charge(kDerivedFactBytes));
    if (!was_true) next->Add(h);
  }
  return Status::OK();
}

// "<urn:r1>, <urn:r2>": the rules named in an error.
std::string RuleNames(const RuleProgram& program, const std::set<size_t>& rules) {
  std::string out;
  for (size_t r : rules) {
    if (!out.empty()) out += ", ";
    out += "rule " + program.rules[r].name;
  }
  return out;
}

}  // namespace

namespace testing {
void FailNextLoadAfterIngest() {
  g_fail_after_ingest.store(true);
}
bool TakeFailAfterIngest() {
  return g_fail_after_ingest.exchange(false);
}
}  // namespace testing

std::shared_ptr<const RuleProgram> RuleEngine::program() const {
  std::lock_guard<std::mutex> l(mu_);
  return program_;
}

void RuleEngine::Install(std::shared_ptr<const RuleProgram> program) {
  std::lock_guard<std::mutex> l(mu_);
  program_ = std::move(program);
  active_.store(program_ && !program_->empty());
}

Status RuleEngine::Open() {
  storage::DictionaryReader reader(store_, static_cast<const rocksdb::Snapshot*>(nullptr));
  SEXTANT_ASSIGN_OR_RETURN(
      TermId derived, reader.Lookup(rdf::TermView::Of(Term::Iri(std::string(kDerivedGraphIri)))));
  if (derived != kNoId) store_->set_derived_graph(derived);
  SEXTANT_ASSIGN_OR_RETURN(auto entries, catalog::Read(*store_));
  if (entries.empty()) {
    Install(nullptr);
    return Status::OK();
  }
  auto program = CompileProgram(catalog::Sources(entries));
  if (!program.ok()) {
    return program.status().WithContext("stored rules of '" + store_->path() + "'");
  }
  Install(*program);
  if (catalog::Stale(entries) && !store_->read_only()) return Rematerialize();
  return Status::OK();
}

Status RuleEngine::Rematerialize(const storage::TxnLimits& limits) {
  SEXTANT_ASSIGN_OR_RETURN(auto txn, storage::WriteTxn::Begin(store_));
  txn->set_limits(limits);
  txn->MarkRulesChanged();
  return txn->Commit();
}

// Looked up (or created) in the transaction every time: the id the store remembers may come
// from a transaction that was rolled back.
Status RuleEngine::MaintainAfterLoad(std::vector<IdQuad> loaded, const storage::TxnLimits& limits) {
  SEXTANT_ASSIGN_OR_RETURN(auto txn, storage::WriteTxn::Begin(store_));
  txn->set_limits(limits);
  txn->RecordLoaded(std::move(loaded));
  return txn->Commit();
}

Result<TermId> RuleEngine::DerivedGraph(storage::WriteTxn* txn) {
  SEXTANT_ASSIGN_OR_RETURN(
      TermId id,
      txn->dictionary().GetOrCreate(rdf::TermView::Of(Term::Iri(std::string(kDerivedGraphIri)))));
  store_->set_derived_graph(id);
  return id;
}

Status RuleEngine::BeforeCommit(storage::WriteTxn* txn) {
  RuleBudget budget(txn->limits());
  budget_ = &budget;
  Status s = Maintain(txn);
  budget_ = nullptr;
  return s;
}

Status RuleEngine::Maintain(storage::WriteTxn* txn) {
  SEXTANT_ASSIGN_OR_RETURN(auto entries, catalog::Read(txn));
  const bool stale = catalog::Stale(entries);
  if (txn->rules_changed()) {
    SEXTANT_ASSIGN_OR_RETURN(pending_, CompileProgram(catalog::Sources(entries)));
    return FullRecompute(txn, *pending_, stale);
  }
  auto program = this->program();
  if (!program || program->empty()) return Status::OK();
  if (program->has_negation || (stale && !txn->loaded())) {
    return FullRecompute(txn, *program, stale);
  }
  if (stale) SEXTANT_RETURN_IF_ERROR(txn->DeleteMeta(std::string(catalog::kStaleKey)));
  return Incremental(txn, *program, txn->loaded());
}

void RuleEngine::AfterCommit(storage::WriteTxn* /*txn*/, bool ok) {
  if (ok && pending_) Install(pending_);
  pending_.reset();
}

Status RuleEngine::Propagate(TxnView& view, const RuleProgram& program,
                             const std::vector<size_t>& rules, Delta delta) {
  const EvalScope scope{store_, view.txn(), nullptr, view.ghosts(), budget_};
  std::vector<IdQuad> heads;
  std::set<size_t> deriving;  // rules that derived something new in the last round
  while (!delta.empty()) {
    if (budget_ != nullptr) {
      SEXTANT_RETURN_IF_ERROR(budget_->NextRound(RuleNames(program, deriving)));
    }
    deriving.clear();
    Delta next;
    for (size_t r : rules) {
      const CompiledRule& rule = program.rules[r];
      for (const ast::TriplePattern* p : rule.positive) {
        SEXTANT_ASSIGN_OR_RETURN(const auto* quads, DeltaFor(*p, delta, scope));
        if (quads == nullptr) continue;
        heads.clear();
        SEXTANT_RETURN_IF_ERROR(DeriveHeads(rule, *rule.body, p, quads, scope, &heads));
        const size_t before = next.size();
        SEXTANT_RETURN_IF_ERROR(AddHeads(view, heads, &next, budget_));
        if (next.size() != before) deriving.insert(r);
      }
    }
    delta = std::move(next);
  }
  return Status::OK();
}

Status RuleEngine::FullRecompute(storage::WriteTxn* txn, const RuleProgram& program, bool stale) {
  if (stale) SEXTANT_RETURN_IF_ERROR(txn->DeleteMeta(std::string(catalog::kStaleKey)));
  if (program.empty() && store_->derived_graph() == kNoId) return Status::OK();
  SEXTANT_ASSIGN_OR_RETURN(TermId derived, DerivedGraph(txn));
  TxnView view(store_, txn, derived);
  // Start from nothing derived: stored derived facts become ghosts, invisible to the rules until
  // derived again; those never derived again are deleted at the end. Unchanged facts cost no write.
  SEXTANT_ASSIGN_OR_RETURN(auto old, view.CommittedDerived());
  for (const IdQuad& q : old) view.Ghost(q);
  old = std::vector<IdQuad>();
  const EvalScope scope{store_, txn, nullptr, view.ghosts(), budget_};
  std::vector<IdQuad> heads;
  for (const auto& stratum : program.strata) {
    // Round 0 evaluates every rule of the stratum whole; later rounds only from new facts.
    Delta delta;
    for (size_t r : stratum) {
      heads.clear();
      SEXTANT_RETURN_IF_ERROR(
          DeriveHeads(program.rules[r], *program.rules[r].body, nullptr, nullptr, scope, &heads));
      SEXTANT_RETURN_IF_ERROR(AddHeads(view, heads, &delta, budget_));
    }
    SEXTANT_RETURN_IF_ERROR(Propagate(view, program, stratum, std::move(delta)));
  }
  return view.DropGhosts();
}

// Delete/rederive, then semi-naive insertion. Removals: overdelete everything whose
// derivation in the committed state used a removed fact (evaluated on the committed store,
// where those derivations still hold), take it out, put back what still has a derivation
// from what remains, and propagate. Insertions: propagate the facts that became true.
Status RuleEngine::Incremental(storage::WriteTxn* txn, const RuleProgram& program, bool seed_all) {
  SEXTANT_ASSIGN_OR_RETURN(TermId derived, DerivedGraph(txn));
  TxnView view(store_, txn, derived);
  const EvalScope now{store_, txn, nullptr, nullptr, budget_};
  const EvalScope before{store_, nullptr, nullptr, nullptr, budget_};
  const std::vector<size_t> all = AllRules(program);
  std::set<IdQuad> overdeleted;
  Delta inserted;
  std::vector<IdQuad> heads;

  Delta removed;
  std::set<IdQuad> seen;
  for (const IdQuad& q : txn->net_removed()) {
    const IdQuad t{q[0], q[1], q[2], 0};
    if (!seen.insert(t).second) continue;
    SEXTANT_ASSIGN_OR_RETURN(bool still, view.Asserted(t));
    if (!still) removed.Add(t);
  }
  if (!removed.empty()) {
    Delta delta = std::move(removed);
    while (!delta.empty()) {
      if (budget_ != nullptr) SEXTANT_RETURN_IF_ERROR(budget_->NextRound("removals"));
      Delta next;
      for (size_t r : all) {
        const CompiledRule& rule = program.rules[r];
        for (const ast::TriplePattern* p : rule.positive) {
          SEXTANT_ASSIGN_OR_RETURN(const auto* quads, DeltaFor(*p, delta, before));
          if (quads == nullptr) continue;
          heads.clear();
          SEXTANT_RETURN_IF_ERROR(DeriveHeads(rule, *rule.body, p, quads, before, &heads));
          for (const IdQuad& h : heads) {
            if (overdeleted.count(h)) continue;
            SEXTANT_ASSIGN_OR_RETURN(bool was_derived, view.DerivedBefore(h));
            if (!was_derived) continue;
            overdeleted.insert(h);
            next.Add(h);
          }
        }
      }
      delta = std::move(next);
    }
    Delta candidates;
    for (const IdQuad& h : overdeleted) {
      SEXTANT_RETURN_IF_ERROR(view.RemoveDerived(h));
      candidates.Add(h);
    }
    // Rederive: each rule's body joined with its head restricted to the overdeleted facts.
    for (size_t r : all) {
      const CompiledRule& rule = program.rules[r];
      for (size_t j = 0; j < rule.head.size(); ++j) {
        SEXTANT_ASSIGN_OR_RETURN(const auto* quads,
                                 DeltaFor(*rule.head_in_body[j], candidates, now));
        if (quads == nullptr) continue;
        heads.clear();
        SEXTANT_RETURN_IF_ERROR(
            DeriveHeads(rule, *rule.body_with_head[j], rule.head_in_body[j], quads, now, &heads));
        for (const IdQuad& h : heads) {
          if (view.Derived(h)) continue;
          SEXTANT_RETURN_IF_ERROR(view.AddDerived(h));
          if (budget_ != nullptr) SEXTANT_RETURN_IF_ERROR(budget_->Charge(kDerivedFactBytes));
          inserted.Add(h);
        }
      }
    }
  }
  seen.clear();
  for (const IdQuad& q : txn->net_inserted()) {
    const IdQuad t{q[0], q[1], q[2], 0};
    if (!seen.insert(t).second) continue;
    bool was_true = false;
    if (!seed_all) {
      SEXTANT_ASSIGN_OR_RETURN(was_true, view.TrueBefore(t));
    }
    if (!was_true || overdeleted.count(t)) inserted.Add(t);
  }
  return Propagate(view, program, all, std::move(inserted));
}

}  // namespace sextant::rules
