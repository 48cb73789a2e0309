// FindConflicts: one pass over the SPOG order groups the quads by subject and property, so the
// values every source gives for a pair arrive together; the denials and the functional
// declarations are read first by index lookups.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

#include "query/functions.h"
#include "query/value.h"
#include "sextant/conflicts.h"
#include "sextant/database.h"
#include "sextant/rules.h"
#include "sextant/shacl.h"

namespace sextant {
namespace {

constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr std::string_view kRdfSubject = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject";
constexpr std::string_view kRdfPredicate = "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate";
constexpr std::string_view kRdfObject = "http://www.w3.org/1999/02/22-rdf-syntax-ns#object";
constexpr std::string_view kRdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label";
constexpr std::string_view kDctTitle = "http://purl.org/dc/terms/title";
constexpr std::string_view kDctPublisher = "http://purl.org/dc/terms/publisher";
constexpr std::string_view kDctDate = "http://purl.org/dc/terms/date";
constexpr std::string_view kDctSource = "http://purl.org/dc/terms/source";
constexpr std::string_view kOwl = "http://www.w3.org/2002/07/owl#";

Term IriOf(std::string_view iri) {
  return Term::Iri(std::string(iri));
}

// A literal's numeric value as the query layer reads it (xsd:decimal, the integer types, float,
// double); nullopt for any other term or a lexical form XSD does not accept ("0x10", " 5",
// "inf"): those compare as terms, like in a FILTER.
std::optional<query::Value> ConflictNumber(const Term& t) {
  if (!t.is_literal()) return std::nullopt;
  query::Value v = query::FromTerm(t);
  if (!v.is_numeric()) return std::nullopt;
  return v;
}

// Numbers equal by value, as SPARQL's '=' compares them (3 = 3.0 = "3"^^xsd:byte).
bool SameNumber(const query::Value& a, const query::Value& b) {
  return query::ValueCompare(a, b) == 0;
}

ConflictSide MakeConflictSide(const Term& graph, const Term& value, bool denies) {
  ConflictSide side;
  side.graph = graph;
  side.value = value;
  side.denies = denies;
  return side;
}

// Values compare by number when both are numbers ("70" and "70.0" agree), else as terms.
bool SameValue(const Term& a, const Term& b) {
  const auto na = ConflictNumber(a), nb = ConflictNumber(b);
  // NaN equals nothing by value; the same NaN term twice is still one value.
  if (na && nb && SameNumber(*na, *nb)) return true;
  return a == b;
}

class ConflictFinder {
 public:
  ConflictFinder(const Database& db, const ConflictOptions& options)
      : snapshot_(db.GetSnapshot()), options_(options) {
    if (options_.timeout.count() > 0) {
      deadline_ = std::chrono::steady_clock::now() + options_.timeout;
    }
    for (const auto& p : options_.quote_predicates) quote_predicates_.push_back(Term::Iri(p));
  }

  Result<ConflictReport> Run() {
    SEXTANT_RETURN_IF_ERROR(ReadFunctional());
    SEXTANT_RETURN_IF_ERROR(ReadDenials());
    SEXTANT_RETURN_IF_ERROR(ScanPairs());
    std::sort(found_.begin(), found_.end(), [](const Conflict& a, const Conflict& b) {
      if (a.subject != b.subject) return a.subject < b.subject;
      if (a.predicate != b.predicate) return a.predicate < b.predicate;
      return a.kind < b.kind;
    });
    const uint64_t limit = options_.max_conflicts;
    if (limit != 0 && found_.size() > limit) {
      report_.conflicts_omitted = found_.size() - limit;
      found_.resize(limit);
    }
    for (auto& c : found_) {
      for (auto& side : c.sides) SEXTANT_RETURN_IF_ERROR(Describe(c, &side));
    }
    report_.conflicts = std::move(found_);
    report_.functional_properties = functional_.size();
    return std::move(report_);
  }

 private:
  Status CheckBudget() {
    if (options_.interrupt != nullptr && options_.interrupt->load()) {
      return Status(StatusCode::kInterrupted, "conflict search interrupted");
    }
    if (deadline_ && std::chrono::steady_clock::now() > *deadline_) {
      return Status(StatusCode::kTimeout, "conflict search exceeded its time limit of " +
                                              std::to_string(options_.timeout.count()) + " ms");
    }
    return Status::OK();
  }

  // Reads every quad of `pattern`, calling fn(quad); checks the budget as it goes.
  template <typename Fn>
  Status Each(const QuadPattern& pattern, Fn&& fn) {
    auto it = snapshot_->Match(pattern);
    for (; it->Valid(); it->Next()) {
      if ((++report_.quads_read & 1023) == 1) SEXTANT_RETURN_IF_ERROR(CheckBudget());
      fn(it->quad());
    }
    return it->status();
  }

  static bool IsSource(const Term& graph) {
    return !(graph.is_iri() &&
             (graph.value() == kDerivedGraphIri || graph.value() == kShapesGraphIri));
  }

  bool Wanted(const Term& s, const Term& p) const {
    return (!options_.subject || *options_.subject == s) &&
           (!options_.predicate || *options_.predicate == p);
  }

  // Objects of (s, p) in graph g.
  Result<std::vector<Term>> Objects(const Term& s, std::string_view p, const Term& g) {
    std::vector<Term> out;
    SEXTANT_RETURN_IF_ERROR(Each(QuadPattern{s, IriOf(p), std::nullopt, g},
                                 [&](const Quad& q) { out.push_back(q.object); }));
    return out;
  }

  Status ReadFunctional() {
    SEXTANT_RETURN_IF_ERROR(Each(QuadPattern{std::nullopt, IriOf(kRdfType),
                                             IriOf(vocab::kOwlFunctionalProperty), std::nullopt},
                                 [&](const Quad& q) {
                                   if (q.subject.is_iri()) functional_.insert(q.subject);
                                 }));
    std::vector<Quad> max_one;
    SEXTANT_RETURN_IF_ERROR(
        Each(QuadPattern{std::nullopt, IriOf(vocab::kShMaxCount), std::nullopt, std::nullopt},
             [&](const Quad& q) {
               const auto n = ConflictNumber(q.object);
               if (n && SameNumber(*n, query::Value::Integer(1))) max_one.push_back(q);
             }));
    for (const auto& q : max_one) {
      SEXTANT_ASSIGN_OR_RETURN(auto paths, Objects(q.subject, vocab::kShPath, q.graph));
      for (const auto& path : paths) {
        if (path.is_iri()) functional_.insert(path);
      }
    }
    return Status::OK();
  }

  // Each owl:NegativePropertyAssertion against the sources that assert what it denies.
  Status ReadDenials() {
    std::vector<Quad> nodes;
    SEXTANT_RETURN_IF_ERROR(
        Each(QuadPattern{std::nullopt, IriOf(kRdfType), IriOf(vocab::kOwlNegativePropertyAssertion),
                         std::nullopt},
             [&](const Quad& q) {
               if (IsSource(q.graph)) nodes.push_back(q);
             }));
    for (const auto& node : nodes) {
      ++report_.denials;
      const std::string owl(kOwl);
      SEXTANT_ASSIGN_OR_RETURN(auto subjects,
                               Objects(node.subject, owl + "sourceIndividual", node.graph));
      SEXTANT_ASSIGN_OR_RETURN(auto properties,
                               Objects(node.subject, owl + "assertionProperty", node.graph));
      SEXTANT_ASSIGN_OR_RETURN(auto targets,
                               Objects(node.subject, owl + "targetIndividual", node.graph));
      SEXTANT_ASSIGN_OR_RETURN(auto values, Objects(node.subject, owl + "targetValue", node.graph));
      targets.insert(targets.end(), values.begin(), values.end());
      // An ill-formed assertion (none or several of a part) denies nothing we can name.
      if (subjects.size() != 1 || properties.size() != 1 || targets.size() != 1) continue;
      if (!properties[0].is_iri() || !Wanted(subjects[0], properties[0])) continue;
      Conflict c{subjects[0],
                 properties[0],
                 ConflictKind::kDenied,
                 functional_.count(properties[0]) != 0,
                 {}};
      std::set<Term> asserting;
      SEXTANT_RETURN_IF_ERROR(Each(
          QuadPattern{subjects[0], properties[0], targets[0], std::nullopt}, [&](const Quad& q) {
            if (IsSource(q.graph) && q.graph != node.graph) asserting.insert(q.graph);
          }));
      if (asserting.empty()) continue;
      for (const auto& g : asserting) c.sides.push_back(MakeConflictSide(g, targets[0], false));
      c.sides.push_back(MakeConflictSide(node.graph, targets[0], true));
      found_.push_back(std::move(c));
    }
    return Status::OK();
  }

  // The values each source gives for one (subject, property) pair.
  struct PairValues {
    std::map<Term, std::vector<Term>> by_graph;
  };

  void Judge(const Term& s, const Term& p, PairValues& pair) {
    if (pair.by_graph.size() < 2 || !Wanted(s, p)) return;
    const bool functional = functional_.count(p) != 0;
    bool numbers = true;
    for (const auto& [g, values] : pair.by_graph) {
      for (const auto& v : values) numbers = numbers && ConflictNumber(v).has_value();
    }
    if (!numbers && !functional) return;
    // Sources disagree when their value sets differ (compared as numbers where both are).
    auto covers = [](const std::vector<Term>& a, const std::vector<Term>& b) {
      return std::all_of(b.begin(), b.end(), [&](const Term& v) {
        return std::any_of(a.begin(), a.end(), [&](const Term& w) { return SameValue(v, w); });
      });
    };
    const auto& first = pair.by_graph.begin()->second;
    const bool agree = std::all_of(pair.by_graph.begin(), pair.by_graph.end(), [&](const auto& e) {
      return covers(first, e.second) && covers(e.second, first);
    });
    if (agree) return;
    Conflict c{s, p, numbers ? ConflictKind::kNumbers : ConflictKind::kFunctional, functional, {}};
    for (const auto& [g, values] : pair.by_graph) {
      for (const auto& v : values) c.sides.push_back(MakeConflictSide(g, v, false));
    }
    found_.push_back(std::move(c));
  }

  Status ScanPairs() {
    QuadPattern all;
    if (options_.subject) all.subject = *options_.subject;
    if (options_.predicate) all.predicate = *options_.predicate;
    if (all.predicate && !all.subject) {
      // The property's index is in object order: gather its pairs first.
      std::map<Term, PairValues> by_subject;
      SEXTANT_RETURN_IF_ERROR(Each(all, [&](const Quad& q) {
        if (IsSource(q.graph)) by_subject[q.subject].by_graph[q.graph].push_back(q.object);
      }));
      for (auto& [subject, pair] : by_subject) Judge(subject, *all.predicate, pair);
      return Status::OK();
    }
    // Every other scan is in subject, property order: each pair's quads arrive together.
    std::optional<Term> s, p;
    PairValues pair;
    SEXTANT_RETURN_IF_ERROR(Each(all, [&](const Quad& q) {
      if (!IsSource(q.graph)) return;
      if (!s || *s != q.subject || *p != q.predicate) {
        if (s) Judge(*s, *p, pair);
        s = q.subject;
        p = q.predicate;
        pair.by_graph.clear();
      }
      pair.by_graph[q.graph].push_back(q.object);
    }));
    if (s) Judge(*s, *p, pair);
    return Status::OK();
  }

  // The first value of (subject, one of `predicates`) in graph g, as text.
  Result<std::string> FirstText(const Term& subject, std::initializer_list<std::string_view> ps,
                                const Term& g) {
    for (auto p : ps) {
      SEXTANT_ASSIGN_OR_RETURN(auto values, Objects(subject, p, g));
      if (!values.empty()) return values.front().value();
    }
    return std::string();
  }

  Status AddQuotesOf(const Term& node, const Term& g, ConflictSide* side) {
    for (const auto& qp : quote_predicates_) {
      SEXTANT_RETURN_IF_ERROR(Each(QuadPattern{node, qp, std::nullopt, g}, [&](const Quad& q) {
        if (q.object.is_literal() && std::find(side->quotes.begin(), side->quotes.end(),
                                               q.object.value()) == side->quotes.end()) {
          side->quotes.push_back(q.object.value());
        }
      }));
    }
    return Status::OK();
  }

  // Quotes of a node that stands for the fact, and of the nodes that point at it.
  Status AddQuotesAround(const Term& node, const Term& g, ConflictSide* side) {
    SEXTANT_RETURN_IF_ERROR(AddQuotesOf(node, g, side));
    std::vector<Term> pointing;
    SEXTANT_RETURN_IF_ERROR(Each(QuadPattern{std::nullopt, std::nullopt, node, g},
                                 [&](const Quad& q) { pointing.push_back(q.subject); }));
    for (const auto& ev : pointing) SEXTANT_RETURN_IF_ERROR(AddQuotesOf(ev, g, side));
    return Status::OK();
  }

  Status Describe(const Conflict& c, ConflictSide* side) {
    const Term& g = side->graph;
    if (g.is_iri()) {
      SEXTANT_ASSIGN_OR_RETURN(side->title, FirstText(g, {kDctTitle, kRdfsLabel}, g));
      SEXTANT_ASSIGN_OR_RETURN(side->publisher, FirstText(g, {kDctPublisher}, g));
      SEXTANT_ASSIGN_OR_RETURN(side->date, FirstText(g, {kDctDate}, g));
      SEXTANT_ASSIGN_OR_RETURN(side->url, FirstText(g, {kDctSource}, g));
    }
    // rdf:Statement reification of the fact in this graph.
    std::vector<Term> statements;
    SEXTANT_RETURN_IF_ERROR(Each(QuadPattern{std::nullopt, IriOf(kRdfSubject), c.subject, g},
                                 [&](const Quad& q) { statements.push_back(q.subject); }));
    for (const auto& st : statements) {
      SEXTANT_ASSIGN_OR_RETURN(bool has_p,
                               snapshot_->Contains(Quad{st, IriOf(kRdfPredicate), c.predicate, g}));
      SEXTANT_ASSIGN_OR_RETURN(bool has_o,
                               snapshot_->Contains(Quad{st, IriOf(kRdfObject), side->value, g}));
      if (has_p && has_o) SEXTANT_RETURN_IF_ERROR(AddQuotesAround(st, g, side));
    }
    // RDF 1.2 reifiers of the triple term.
    std::vector<Term> reifiers;
    SEXTANT_RETURN_IF_ERROR(Each(QuadPattern{std::nullopt, IriOf(vocab::kRdfReifies),
                                             Term::Triple(c.subject, c.predicate, side->value), g},
                                 [&](const Quad& q) { reifiers.push_back(q.subject); }));
    for (const auto& r : reifiers) SEXTANT_RETURN_IF_ERROR(AddQuotesAround(r, g, side));
    return Status::OK();
  }

  std::unique_ptr<Snapshot> snapshot_;
  const ConflictOptions& options_;
  std::optional<std::chrono::steady_clock::time_point> deadline_;
  std::vector<Term> quote_predicates_;
  std::unordered_set<Term, TermHash> functional_;
  std::vector<Conflict> found_;
  ConflictReport report_;
};

}  // namespace

std::string_view ConflictKindName(ConflictKind kind) {
  switch (kind) {
    case ConflictKind::kNumbers: return "numbers";
    case ConflictKind::kFunctional: return "functional";
    case ConflictKind::kDenied: return "denied";
  }
  return "";
}

Result<ConflictReport> FindConflicts(const Database& db, const ConflictOptions& options) {
  return ConflictFinder(db, options).Run();
}

}  // namespace sextant
