#include "rules/explain_why.h"

#include <map>
#include <set>

#include "query/query_context.h"
#include "rdf/term_view.h"
#include "rules/rule_eval.h"

namespace sextant::rules {
namespace {

using storage::kNoId;

// Solutions examined per rule head when looking for a derivation that avoids cycles.
constexpr size_t kMaxSolutions = 256;
constexpr int kMaxDepth = 200;

class Prover {
 public:
  Prover(storage::Store* store, const RuleProgram* program, const rocksdb::Snapshot* snapshot)
      : store_(store), program_(program), snapshot_(snapshot), dict_(store, snapshot) {}

  Result<Term> Decode(TermId id) { return dict_.Decode(id); }

  Result<std::vector<TermId>> Graphs(const IdQuad& t) {
    std::vector<TermId> out;
    const IdQuad pattern{t[0], t[1], t[2], kNoId};
    storage::IdScan scan(store_, snapshot_, pattern, storage::ChooseIndex(pattern));
    for (; scan.Valid(); scan.Next()) out.push_back(scan.quad()[storage::kG]);
    SEXTANT_RETURN_IF_ERROR(scan.status());
    return out;
  }

  // A derivation of t that uses no fact on the current path; nullopt when there is none.
  Result<std::optional<Derivation>> Prove(const IdQuad& t, int depth) {
    if (auto it = proven_.find(t); it != proven_.end()) {
      return std::optional<Derivation>(it->second);
    }
    Derivation node;
    SEXTANT_ASSIGN_OR_RETURN(node.subject, Decode(t[0]));
    SEXTANT_ASSIGN_OR_RETURN(node.predicate, Decode(t[1]));
    SEXTANT_ASSIGN_OR_RETURN(node.object, Decode(t[2]));
    SEXTANT_ASSIGN_OR_RETURN(auto graphs, Graphs(t));
    bool derived = false;
    for (TermId g : graphs) {
      if (g == store_->derived_graph()) {
        derived = true;
        continue;
      }
      SEXTANT_ASSIGN_OR_RETURN(Term name, Decode(g));
      node.asserted_in.push_back(std::move(name));
    }
    if (!node.asserted_in.empty()) return std::optional<Derivation>(node);
    if (!derived || program_ == nullptr || depth > kMaxDepth) return std::optional<Derivation>();
    on_path_.insert(t);
    std::optional<Derivation> found;
    const std::vector<IdQuad> goal{{t[0], t[1], t[2], 0}};
    const EvalScope scope{store_, nullptr, snapshot_};
    for (const auto& rule : program_->rules) {
      for (size_t j = 0; j < rule.head.size() && !found; ++j) {
        // Premises and bindings of up to kMaxSolutions solutions, taken while the plan runs.
        struct Solution {
          std::vector<IdQuad> premises;
          std::vector<std::pair<std::string, TermId>> bindings;
        };
        std::vector<Solution> solutions;
        SEXTANT_RETURN_IF_ERROR(
            RunBody(*rule.body_with_head[j], rule.head_in_body[j], &goal, scope,
                    [&](const query::PlannedQuery& plan, query::QueryContext&, const TermId* row) {
                      Solution s;
                      auto id_of = [&](const ast::VarOrTerm& v) -> TermId {
                        if (const auto* var = std::get_if<ast::Variable>(&v)) {
                          const int slot = plan.vars.Find(var->name);
                          return slot < 0 ? kNoId : row[slot];
                        }
                        auto id = dict_.Lookup(rdf::TermView::Of(std::get<Term>(v)));
                        return id.ok() ? *id : kNoId;
                      };
                      for (const ast::TriplePattern* p : rule.positive) {
                        TermId pred = kNoId;
                        if (const auto* var = std::get_if<ast::Variable>(&p->predicate)) {
                          pred = id_of(*var);
                        } else {
                          auto id = dict_.Lookup(rdf::TermView::Of(std::get<Term>(p->predicate)));
                          pred = id.ok() ? *id : kNoId;
                        }
                        s.premises.push_back({id_of(p->subject), pred, id_of(p->object), 0});
                      }
                      for (size_t v = 0; v < plan.vars.size(); ++v) {
                        const std::string& name = plan.vars.name(static_cast<int>(v));
                        if (query::VarTable::IsHidden(name) || row[v] == kNoId ||
                            storage::TagOf(row[v]) == storage::IdTag::kLocal)
                          continue;
                        s.bindings.emplace_back(name, row[v]);
                      }
                      solutions.push_back(std::move(s));
                      return solutions.size() < kMaxSolutions;
                    }));
        for (const auto& s : solutions) {
          bool usable = true;
          for (const auto& p : s.premises) usable = usable && !on_path_.count(p) && p[0] != kNoId;
          if (!usable) continue;
          Derivation d = node;
          d.rule = rule.name;
          for (const auto& [name, id] : s.bindings) {
            SEXTANT_ASSIGN_OR_RETURN(Term value, Decode(id));
            d.bindings.emplace_back(name, std::move(value));
          }
          for (const auto& p : s.premises) {
            SEXTANT_ASSIGN_OR_RETURN(auto sub, Prove(p, depth + 1));
            if (!sub) {
              usable = false;
              break;
            }
            d.premises.push_back(std::move(*sub));
          }
          if (!usable) continue;
          found = std::move(d);
          break;
        }
      }
      if (found) break;
    }
    on_path_.erase(t);
    if (found) proven_.emplace(t, *found);
    return found;
  }

 private:
  storage::Store* store_;
  const RuleProgram* program_;
  const rocksdb::Snapshot* snapshot_;
  storage::DictionaryReader dict_;
  std::set<IdQuad> on_path_;
  std::map<IdQuad, Derivation> proven_;
};

}  // namespace

Result<Explanation> Explain(storage::Store* store, const RuleProgram* program, const Term& subject,
                            const Term& predicate, const Term& object) {
  const rocksdb::Snapshot* snapshot = store->db()->GetSnapshot();
  struct Release {
    storage::Store* store;
    const rocksdb::Snapshot* snapshot;
    ~Release() { store->db()->ReleaseSnapshot(snapshot); }
  } release{store, snapshot};
  Explanation e;
  e.root.subject = subject;
  e.root.predicate = predicate;
  e.root.object = object;
  storage::DictionaryReader dict(store, snapshot);
  IdQuad t{0, 0, 0, 0};
  const Term* terms[3] = {&subject, &predicate, &object};
  for (int i = 0; i < 3; ++i) {
    SEXTANT_ASSIGN_OR_RETURN(t[i], dict.Lookup(rdf::TermView::Of(*terms[i])));
    if (t[i] == kNoId) return e;
  }
  Prover prover(store, program, snapshot);
  SEXTANT_ASSIGN_OR_RETURN(auto graphs, prover.Graphs(t));
  if (graphs.empty()) return e;
  e.holds = true;
  for (TermId g : graphs) e.derived = e.derived || g == store->derived_graph();
  SEXTANT_ASSIGN_OR_RETURN(auto proof, prover.Prove(t, 0));
  if (proof) e.root = std::move(*proof);
  return e;
}

}  // namespace sextant::rules
