// Commands that explain the graph itself: .schema (the predicate catalogue) and .describe (a fact
// card for one term).
#include <algorithm>
#include <iostream>
#include <map>

#include "cli_common.h"
#include "session.h"

namespace sextant::shell {
namespace {

const std::string kType = std::string(vocab::kRdf) + "type";
const std::string kLabel = "http://www.w3.org/2000/01/rdf-schema#label";
const std::string kReifies = std::string(vocab::kRdf) + "reifies";

QuadPattern Pattern(std::optional<Term> s, std::optional<Term> p, std::optional<Term> o) {
  QuadPattern q;
  q.subject = std::move(s);
  q.predicate = std::move(p);
  q.object = std::move(o);
  return q;
}

// The most frequent key, ties broken by the term order so output is stable.
std::optional<Term> MostCommon(const std::map<Term, uint64_t>& counts) {
  std::optional<Term> best;
  uint64_t best_n = 0;
  for (const auto& [t, n] : counts) {
    if (n > best_n) {
      best = t;
      best_n = n;
    }
  }
  return best;
}

std::optional<Term> LabelOf(const Snapshot& snap, const Term& t) {
  std::optional<Term> any;
  for (auto it = snap.Match(Pattern(t, Term::Iri(kLabel), std::nullopt)); it->Valid(); it->Next()) {
    const Term& l = it->quad().object;
    if (l.language() == "en" || l.language().empty()) return l;
    if (!any) any = l;
  }
  return any;
}

}  // namespace

int Session::CmdSchema(const std::vector<std::string>& a, const std::string&) {
  if (!a.empty()) {
    std::cerr << "Usage: .schema\n";
    return cli::kExitError;
  }
  if (db_ == nullptr) return Error(Status::InvalidArgument("no store is open"));
  auto snap = db_->GetSnapshot();
  auto stats = snap->Stats();
  if (!stats.ok()) return Error(stats.status());
  auto preds = stats->predicates;
  std::stable_sort(
      preds.begin(), preds.end(),
      [](const PredicateStats& x, const PredicateStats& y) { return x.triples > y.triples; });
  // Classes are sampled: exact counts would scan the whole store for every predicate.
  const size_t sample = preds.size() > 200 ? 20 : 200;
  const Term type = Term::Iri(kType);
  auto num = [](uint64_t n) -> std::optional<Term> {
    return Term::TypedLiteral(std::to_string(n), std::string(vocab::kXsdInteger));
  };
  std::vector<std::vector<std::optional<Term>>> rows;
  g_interrupted.store(false);
  for (const auto& p : preds) {
    if (g_interrupted.load()) {
      std::cerr << "Interrupted.\n";
      return cli::kExitInterrupted;
    }
    std::map<Term, uint64_t> subject_classes, object_classes;
    size_t seen = 0;
    for (auto it = snap->Match(Pattern(std::nullopt, p.predicate, std::nullopt));
         it->Valid() && seen < sample; it->Next(), ++seen) {
      const Quad q = it->quad();
      for (auto t = snap->Match(Pattern(q.subject, type, std::nullopt)); t->Valid(); t->Next()) {
        ++subject_classes[t->quad().object];
      }
      if (q.object.is_literal()) {
        ++object_classes[Term::Iri(q.object.datatype())];
      } else {
        for (auto t = snap->Match(Pattern(q.object, type, std::nullopt)); t->Valid(); t->Next()) {
          ++object_classes[t->quad().object];
        }
      }
    }
    rows.push_back({p.predicate, num(p.triples), num(p.distinct_subjects), num(p.distinct_objects),
                    MostCommon(subject_classes), MostCommon(object_classes),
                    LabelOf(*snap, p.predicate)});
  }
  return PrintTable(
      {"predicate", "triples", "subjects", "objects", "subject_class", "object_class", "label"},
      rows);
}

int Session::CmdDescribe(const std::vector<std::string>& a, const std::string&) {
  if (a.size() != 1) {
    std::cerr << "Usage: .describe TERM   (<iri>, prefix:local or _:blank)\n";
    return cli::kExitError;
  }
  if (db_ == nullptr) return Error(Status::InvalidArgument("no store is open"));
  const auto term = ParseTermArg(a[0]);
  if (!term)
    return Error(
        Status::InvalidArgument("cannot read '" + a[0] + "' as a term (undeclared prefix?)"));
  auto snap = db_->GetSnapshot();
  constexpr size_t kCap = 1000;
  const PrefixList prefixes = AllPrefixes();

  // Outgoing facts grouped by predicate: rdf:type and rdfs:label first, then by predicate.
  std::vector<Quad> out_facts, in_facts;
  size_t more_out = 0, more_in = 0;
  for (auto it = snap->Match(Pattern(*term, std::nullopt, std::nullopt)); it->Valid(); it->Next()) {
    if (out_facts.size() < kCap) {
      out_facts.push_back(it->quad());
    } else {
      ++more_out;
    }
  }
  for (auto it = snap->Match(Pattern(std::nullopt, std::nullopt, *term)); it->Valid(); it->Next()) {
    if (in_facts.size() < kCap) {
      in_facts.push_back(it->quad());
    } else {
      ++more_in;
    }
  }
  if (out_facts.empty() && in_facts.empty()) {
    out() << "No facts about " << DisplayTerm(*term, prefixes) << ".\n";
    return 0;
  }
  auto rank = [&](const Term& p) { return p.value() == kType ? 0 : p.value() == kLabel ? 1 : 2; };
  auto by_predicate = [&](const Quad& x, const Quad& y) {
    if (rank(x.predicate) != rank(y.predicate)) return rank(x.predicate) < rank(y.predicate);
    if (x.predicate != y.predicate) return x.predicate < y.predicate;
    if (x.object != y.object) return x.object < y.object;
    if (x.subject != y.subject) return x.subject < y.subject;
    return x.graph < y.graph;
  };
  std::stable_sort(out_facts.begin(), out_facts.end(), by_predicate);
  std::stable_sort(in_facts.begin(), in_facts.end(), by_predicate);

  const bool text = IsTextMode(settings_.mode);
  auto graph_cell = [](const Term& g) -> std::optional<Term> {
    return g.is_default_graph() ? std::optional<Term>(Term::Literal("(default)"))
                                : std::optional<Term>(g);
  };
  std::vector<std::vector<std::optional<Term>>> rows;
  const Term* last = nullptr;
  for (const auto& q : out_facts) {
    // In text modes a predicate is written once per group, like a card.
    const bool repeat = text && last != nullptr && *last == q.predicate;
    rows.push_back({repeat ? std::optional<Term>() : std::optional<Term>(q.predicate), q.object,
                    graph_cell(q.graph)});
    last = &q.predicate;
    // What the fact's reifiers say (RDF 1.2 annotations), under the fact: "{| p" for a blank
    // reifier, "~ r p" for a named one. Only the reifiers in the fact's own graph: when two
    // sources state the same fact, one source's evidence is not the other's.
    if (q.object.is_triple()) continue;  // a triple term is never the subject of a triple term
    QuadPattern reifiers =
        Pattern(std::nullopt, Term::Iri(kReifies), Term::Triple(*term, q.predicate, q.object));
    reifiers.graph = q.graph;
    for (auto r = snap->Match(reifiers); r->Valid(); r->Next()) {
      const Term reifier = r->quad().subject;
      const std::string lead =
          reifier.is_blank() ? "  {| " : "  ~ " + DisplayTerm(reifier, prefixes) + " ";
      for (auto a = snap->Match(Pattern(reifier, std::nullopt, std::nullopt)); a->Valid();
           a->Next()) {
        const Quad& n = a->quad();
        if (n.predicate.value() == kReifies) continue;
        rows.push_back({Term::Literal(lead + DisplayTerm(n.predicate, prefixes)), n.object,
                        graph_cell(n.graph)});
      }
    }
  }
  last = nullptr;
  for (const auto& q : in_facts) {
    const bool repeat = text && last != nullptr && *last == q.predicate;
    // "^p" is SPARQL's inverse path: the row reads "TERM ^p VALUE", i.e. VALUE p TERM.
    const std::string inv = "^" + DisplayTerm(q.predicate, prefixes);
    rows.push_back({repeat ? std::optional<Term>() : std::optional<Term>(Term::Literal(inv)),
                    q.subject, graph_cell(q.graph)});
    last = &q.predicate;
  }
  if (text) {
    out() << DisplayTerm(*term, prefixes);
    if (auto label = LabelOf(*snap, *term); label) out() << "  " << DisplayTerm(*label, prefixes);
    out() << "\n";
  }
  const int rc = PrintTable({"predicate", "value", "graph"}, rows);
  if (more_out + more_in > 0) {
    out() << "(" << cli::WithThousands(more_out + more_in) << " more facts not shown)\n";
  }
  return rc;
}

}  // namespace sextant::shell
