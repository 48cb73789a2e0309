#include "rules/rule_eval.h"

#include <optional>

#include "rdf/term_view.h"
#include "storage/term_check.h"

namespace sextant::rules {
namespace {

using storage::IdTag;
using storage::kNoId;
using storage::TagOf;

bool ValidTriple(const IdQuad& t) {
  const IdTag s = TagOf(t[0]);
  return (s == IdTag::kIri || s == IdTag::kBlank) && TagOf(t[1]) == IdTag::kIri && t[2] != kNoId;
}

Result<TermId> Resolve(const Term& term, const EvalScope& scope) {
  if (scope.txn != nullptr) {
    // A term the store cannot keep (IRI("a b") and the like) makes the triple impossible, as
    // it does in a CONSTRUCT: the rule derives nothing from that solution.
    if (!storage::CheckStorable(rdf::TermView::Of(term)).ok()) return kNoId;
    auto& dict = scope.txn->dictionary();
    const uint64_t created = dict.created();
    SEXTANT_ASSIGN_OR_RETURN(TermId id, dict.GetOrCreate(rdf::TermView::Of(term)));
    if (scope.budget != nullptr && dict.created() != created) {
      // A new term is held three times until the commit: both dictionary entries and the cache.
      SEXTANT_RETURN_IF_ERROR(scope.budget->Charge(
          3 * (term.value().size() + term.datatype().size() + term.language().size() + 64)));
    }
    return id;
  }
  storage::DictionaryReader reader(scope.store, scope.snapshot);
  return reader.Lookup(rdf::TermView::Of(term));
}

}  // namespace

Status RuleBudget::Check() const {
  if (limits_.interrupt != nullptr && limits_.interrupt->load(std::memory_order_relaxed)) {
    return Status::Interrupted("interrupted while rules were deriving facts");
  }
  if (std::chrono::steady_clock::now() > limits_.deadline) {
    return Status::Timeout("timed out while rules were deriving facts");
  }
  return Status::OK();
}

Status RuleBudget::NextRound(const std::string& rules) {
  if (++rounds_ > kMaxRounds) {
    return Status::ResourceExhausted(
        "rules still derived new facts after " + std::to_string(kMaxRounds) + " rounds (" + rules +
        "); a rule that builds a new term from one it built never stops: nothing was written");
  }
  return Check();
}

Status RuleBudget::Charge(uint64_t bytes) {
  memory_bytes_ += bytes;
  if (limits_.max_memory_bytes == 0 || memory_bytes_ <= limits_.max_memory_bytes) {
    return Status::OK();
  }
  return Status::ResourceExhausted("rules derived more than the write's memory budget of " +
                                   std::to_string(limits_.max_memory_bytes >> 20) +
                                   " MiB holds: nothing was written");
}

const std::vector<IdQuad>& Delta::With(TermId p) const {
  static const std::vector<IdQuad> kNone;
  auto it = by_predicate_.find(p);
  return it == by_predicate_.end() ? kNone : it->second;
}

Status RunBody(const ast::Query& body, const ast::TriplePattern* delta_pattern,
               const std::vector<IdQuad>* delta, const EvalScope& scope, const RowFn& fn) {
  std::optional<storage::DictionaryReader> dict;
  if (scope.txn != nullptr) {
    dict.emplace(scope.store, scope.txn->batch());
  } else {
    dict.emplace(scope.store, scope.snapshot);
  }
  query::QueryContext qc(scope.store, scope.snapshot, &*dict);
  qc.txn = scope.txn;
  query::QueryContext* qcp = &qc;
  qc.eval.exists = [qcp](int index, const TermId* row) {
    return query::EvaluateExists(qcp, index, row);
  };
  qc.delta_pattern = delta_pattern;
  qc.delta_quads = delta;
  qc.ghost_quads = scope.ghosts;
  if (scope.budget != nullptr) qc.control.Limit(scope.budget->limits());
  query::Planner planner(&qc);
  SEXTANT_ASSIGN_OR_RETURN(auto plan, planner.Plan(body, {}));
  query::RowBatch batch(plan->root->width());
  bool more = true;
  while (more && plan->root->Next(batch)) {
    for (size_t i = 0; i < batch.size() && more; ++i) more = fn(*plan, qc, batch.row(i));
  }
  return qc.control.status;
}

Status DeriveHeads(const CompiledRule& rule, const ast::Query& body,
                   const ast::TriplePattern* delta_pattern, const std::vector<IdQuad>* delta,
                   const EvalScope& scope, std::vector<IdQuad>* out) {
  // Head constants first: creating terms writes the batch, which must not happen while the
  // plan's iterators are open.
  struct Position {
    std::string var;  // empty: a constant
    TermId constant = kNoId;
  };
  std::vector<std::array<Position, 3>> head;
  for (const auto& t : rule.head) {
    std::array<Position, 3> h;
    bool possible = true;
    const ast::VarOrTerm* ends[2] = {&t.subject, &t.object};
    for (int k = 0; k < 3; ++k) {
      const Term* constant = nullptr;
      if (k == 1) {
        if (const auto* v = std::get_if<ast::Variable>(&t.predicate)) {
          h[1].var = v->name;
        } else {
          constant = &std::get<Term>(t.predicate);
        }
      } else if (const auto* v = std::get_if<ast::Variable>(ends[k / 2])) {
        h[k].var = v->name;
      } else {
        constant = &std::get<Term>(*ends[k / 2]);
      }
      if (constant != nullptr) {
        SEXTANT_ASSIGN_OR_RETURN(h[k].constant, Resolve(*constant, scope));
        if (h[k].constant == kNoId) possible = false;
      }
    }
    if (possible) head.push_back(std::move(h));
  }
  if (head.empty()) return Status::OK();
  // Computed values (BIND) are query-local ids: decoded now, stored after the plan is gone.
  std::vector<std::array<std::optional<Term>, 3>> computed;
  std::vector<IdQuad> partial;
  std::vector<int> slots;
  Status failed;  // set by the row function, which must not touch `status` while it is made
  Status status =
      RunBody(body, delta_pattern, delta, scope,
              [&](const query::PlannedQuery& plan, query::QueryContext& qc, const TermId* row) {
                for (const auto& h : head) {
                  IdQuad t{kNoId, kNoId, kNoId, 0};
                  std::array<std::optional<Term>, 3> local;
                  bool has_local = false;
                  bool ok = true;
                  for (int k = 0; k < 3 && ok; ++k) {
                    if (h[k].var.empty()) {
                      t[k] = h[k].constant;
                      continue;
                    }
                    const int slot = plan.vars.Find(h[k].var);
                    const TermId id = slot < 0 ? kNoId : row[slot];
                    if (id == kNoId) {
                      ok = false;
                    } else if (TagOf(id) == IdTag::kLocal) {
                      auto term = qc.terms.Decode(id);
                      if (!term.ok()) {
                        failed = term.status();
                        return false;
                      }
                      local[k] = **term;
                      has_local = true;
                    } else {
                      t[k] = id;
                    }
                  }
                  if (!ok) continue;
                  if (has_local) {
                    if (scope.budget != nullptr) {
                      uint64_t bytes = sizeof(local) + sizeof(t);
                      for (const auto& term : local) {
                        if (term) bytes += term->value().size() + term->datatype().size();
                      }
                      failed = scope.budget->Charge(bytes);
                      if (!failed.ok()) return false;
                    }
                    computed.push_back(std::move(local));
                    partial.push_back(t);
                  } else if (ValidTriple(t)) {
                    out->push_back(t);
                  }
                }
                return true;
              });
  SEXTANT_RETURN_IF_ERROR(status);
  SEXTANT_RETURN_IF_ERROR(failed);
  for (size_t i = 0; i < computed.size(); ++i) {
    IdQuad t = partial[i];
    bool ok = true;
    for (int k = 0; k < 3 && ok; ++k) {
      if (!computed[i][k]) continue;
      if (k == 0 && computed[i][k]->is_literal()) ok = false;
      if (!ok) break;
      SEXTANT_ASSIGN_OR_RETURN(t[k], Resolve(*computed[i][k], scope));
      ok = t[k] != kNoId;
    }
    if (ok && ValidTriple(t)) out->push_back(t);
  }
  return Status::OK();
}

Result<TermId> PredicateId(const ast::TriplePattern& t, const EvalScope& scope) {
  const auto* term = std::get_if<Term>(&t.predicate);
  if (term == nullptr) return kNoId;
  if (scope.txn != nullptr) {
    storage::DictionaryReader reader(scope.store, scope.txn->batch());
    return reader.Lookup(rdf::TermView::Of(*term));
  }
  storage::DictionaryReader reader(scope.store, scope.snapshot);
  return reader.Lookup(rdf::TermView::Of(*term));
}

}  // namespace sextant::rules
