#include "shacl/reach.h"

#include <algorithm>
#include <map>
#include <set>

#include "shacl/vocabulary.h"

namespace sextant::shacl {
namespace {

using Prefix = std::optional<ast::Path>;

// Paths longer than this (nested shapes on nested shapes...) are not followed: the shape is
// then validated in full on every commit.
constexpr size_t kMaxPrefixSteps = 32;

ast::Path IriPath(std::string iri) {
  ast::Path p;
  p.kind = ast::PathKind::kIri;
  p.iri = std::move(iri);
  return p;
}

ast::Path Unary(ast::PathKind kind, ast::Path arg) {
  ast::Path p;
  p.kind = kind;
  p.args.push_back(std::move(arg));
  return p;
}

// Any predicate, forwards: an empty negated property set.
ast::Path AnyPredicate() {
  ast::Path p;
  p.kind = ast::PathKind::kNegated;
  return p;
}

// The same path walked backwards (inverses pushed down to the predicates).
ast::Path Inverse(const ast::Path& p) {
  ast::Path out = p;
  switch (p.kind) {
    case ast::PathKind::kIri: return Unary(ast::PathKind::kInverse, p);
    case ast::PathKind::kInverse: return p.args[0];
    case ast::PathKind::kSequence:
      out.args.clear();
      for (auto it = p.args.rbegin(); it != p.args.rend(); ++it) out.args.push_back(Inverse(*it));
      return out;
    case ast::PathKind::kAlternative:
    case ast::PathKind::kZeroOrMore:
    case ast::PathKind::kOneOrMore:
    case ast::PathKind::kZeroOrOne:
      for (auto& a : out.args) a = Inverse(a);
      return out;
    case ast::PathKind::kNegated:
      if (p.forward.empty() && p.inverse.empty()) {
        // Any predicate backwards: an inverse-only set that excludes nothing real.
        out.inverse = {"urn:sextant:no-such-predicate"};
        return out;
      }
      std::swap(out.forward, out.inverse);
      return out;
  }
  return out;
}

size_t Steps(const Prefix& p) {
  if (!p) return 0;
  return p->kind == ast::PathKind::kSequence ? p->args.size() : 1;
}

Prefix Then(const Prefix& at, const ast::Path& step) {
  if (!at) return step;
  ast::Path seq;
  seq.kind = ast::PathKind::kSequence;
  if (at->kind == ast::PathKind::kSequence) {
    seq.args = at->args;
  } else {
    seq.args.push_back(*at);
  }
  if (step.kind == ast::PathKind::kSequence) {
    seq.args.insert(seq.args.end(), step.args.begin(), step.args.end());
  } else {
    seq.args.push_back(step);
  }
  return seq;
}

// A node of a query's pattern graph: "?name" or a constant's N-Triples form.
std::string NodeKey(const ast::VarOrTerm& v) {
  if (const auto* var = std::get_if<ast::Variable>(&v)) return "?" + var->name;
  if (const auto* t = std::get_if<Term>(&v)) return t->ToNTriples();
  return ast::ToString(v);  // a triple term pattern
}

struct Edge {
  std::string from, to;
  ast::Predicate predicate;
};

class Analyzer {
 public:
  explicit Analyzer(const ShapeSet& set) : set_(set) {}

  ShapeReach Run(size_t shape) {
    reach_ = ShapeReach();
    seen_.clear();
    constraint_.reset();
    Targets(shape);
    Shape(shape, std::nullopt, /*top=*/true);
    return std::move(reach_);
  }

 private:
  void Add(const Prefix& at, const std::optional<std::string>& predicate, bool inverse) {
    if (Steps(at) > kMaxPrefixSteps) {
      reach_.global = true;
      return;
    }
    Access a;
    a.prefix = at;
    a.prefix_text = at ? PathToSparql(*at) : "";
    a.any_predicate = !predicate;
    a.predicate = predicate.value_or("");
    a.inverse = inverse;
    const std::string key =
        a.prefix_text + "\n" + a.predicate + (a.any_predicate ? "*" : "") + (inverse ? "^" : "");
    auto [it, added] = seen_.emplace(key, reach_.accesses.size());
    if (added) reach_.accesses.push_back(std::move(a));
    Access& at_key = reach_.accesses[it->second];
    if (!constraint_) {
      at_key.every_constraint = true;
    } else if (std::find(at_key.constraints.begin(), at_key.constraints.end(), *constraint_) ==
               at_key.constraints.end()) {
      at_key.constraints.push_back(*constraint_);
    }
  }

  void SubclassChain(const Prefix& instance) {
    const std::string type(vocab::kRdfType), sub(vocab::kRdfsSubClassOf);
    Add(instance, type, false);
    Add(Then(Then(instance, IriPath(type)), Unary(ast::PathKind::kZeroOrMore, IriPath(sub))), sub,
        false);
  }

  void Targets(size_t s) {
    for (const Target& t : set_.shapes[s].targets) {
      switch (t.kind) {
        case TargetKind::kNode: break;
        case TargetKind::kClass: SubclassChain(std::nullopt); break;
        case TargetKind::kSubjectsOf: Add(std::nullopt, t.term.value(), false); break;
        case TargetKind::kObjectsOf: Add(std::nullopt, t.term.value(), true); break;
      }
    }
  }

  void PathSteps(const ast::Path& p, const Prefix& at) {
    switch (p.kind) {
      case ast::PathKind::kIri: Add(at, p.iri, false); return;
      case ast::PathKind::kInverse:
        if (p.args[0].kind == ast::PathKind::kIri) {
          Add(at, p.args[0].iri, true);
        } else {
          PathSteps(Inverse(p.args[0]), at);
        }
        return;
      case ast::PathKind::kSequence: {
        Prefix cur = at;
        for (const auto& a : p.args) {
          PathSteps(a, cur);
          cur = Then(cur, a);
        }
        return;
      }
      case ast::PathKind::kAlternative:
        for (const auto& a : p.args) PathSteps(a, at);
        return;
      case ast::PathKind::kZeroOrMore:
      case ast::PathKind::kOneOrMore:
        PathSteps(p.args[0], Then(at, Unary(ast::PathKind::kZeroOrMore, p.args[0])));
        return;
      case ast::PathKind::kZeroOrOne: PathSteps(p.args[0], at); return;
      case ast::PathKind::kNegated:
        if (!p.forward.empty() || p.inverse.empty()) Add(at, std::nullopt, false);
        if (!p.inverse.empty()) Add(at, std::nullopt, true);
        return;
    }
  }

  // `top`: the targeted shape itself, whose constraints' reads are told apart.
  void Shape(size_t s, const Prefix& focus, bool top = false) {
    if (reach_.global) return;
    if (std::find(stack_.begin(), stack_.end(), s) != stack_.end()) {
      reach_.global = true;  // a shape nested in itself: its reach has no bound
      return;
    }
    stack_.push_back(s);
    const struct Shape& shape = set_.shapes[s];
    Prefix values = focus;
    if (shape.path) {
      PathSteps(shape.path->path, focus);
      values = Then(focus, shape.path->path);
    }
    for (size_t i = 0; i < shape.constraints.size(); ++i) {
      if (top) constraint_ = i;
      Constraint(set_.constraints[shape.constraints[i]], focus, values);
    }
    if (top) constraint_.reset();
    stack_.pop_back();
  }

  void Constraint(const struct Constraint& c, const Prefix& focus, const Prefix& values) {
    switch (c.kind) {
      case ComponentKind::kClass: SubclassChain(values); break;
      case ComponentKind::kEquals:
      case ComponentKind::kDisjoint:
      case ComponentKind::kLessThan:
      case ComponentKind::kLessThanOrEquals: Add(focus, c.terms[0].value(), false); break;
      case ComponentKind::kNot:
      case ComponentKind::kAnd:
      case ComponentKind::kOr:
      case ComponentKind::kXone:
      case ComponentKind::kNode:
      case ComponentKind::kProperty:
      case ComponentKind::kQualifiedMinCount:
      case ComponentKind::kQualifiedMaxCount:
        for (size_t s : c.shapes) Shape(s, values);
        for (size_t s : c.siblings) Shape(s, values);
        break;
      case ComponentKind::kClosed: Add(values, std::nullopt, false); break;
      case ComponentKind::kSparql:
      case ComponentKind::kCustom: Sparql(*c.sparql, focus, values); break;
      default: break;  // the value nodes' own forms only: read by the path steps already
    }
  }

  // Collects the query's triple patterns as edges; false for what cannot be analysed.
  bool Collect(const ast::GroupPattern& g, std::vector<Edge>* edges) {
    for (const auto& e : g.elements) {
      for (const auto& t : e.triples) {
        edges->push_back({NodeKey(t.subject), NodeKey(t.object), t.predicate});
      }
      if (e.kind == ast::ElementKind::kSubQuery || e.kind == ast::ElementKind::kService) {
        return false;
      }
      if ((e.kind == ast::ElementKind::kFilter || e.kind == ast::ElementKind::kBind) &&
          !CollectExpr(e.expr, edges)) {
        return false;
      }
      for (const auto& sub : e.groups) {
        if (!Collect(sub, edges)) return false;
      }
    }
    return true;
  }

  bool CollectExpr(const ast::Expr& e, std::vector<Edge>* edges) {
    if (e.pattern && !Collect(*e.pattern, edges)) return false;
    for (const auto& a : e.args) {
      if (!CollectExpr(a, edges)) return false;
    }
    return true;
  }

  void EdgeReads(const Edge& e, const Prefix& at, bool backwards) {
    if (std::holds_alternative<ast::Variable>(e.predicate)) {
      Add(at, std::nullopt, backwards);
    } else if (const auto* t = std::get_if<Term>(&e.predicate)) {
      Add(at, t->value(), backwards);
    } else {
      const auto& path = std::get<ast::Path>(e.predicate);
      PathSteps(backwards ? Inverse(path) : path, at);
    }
  }

  static ast::Path EdgePath(const Edge& e, bool backwards) {
    ast::Path p;
    if (std::holds_alternative<ast::Variable>(e.predicate)) {
      p = AnyPredicate();
    } else if (const auto* t = std::get_if<Term>(&e.predicate)) {
      p = IriPath(t->value());
    } else {
      p = std::get<ast::Path>(e.predicate);
    }
    return backwards ? Inverse(p) : p;
  }

  // A spanning tree of the pattern graph from $this (and $value): each pattern is read at both
  // of its ends, each end reached by its tree path.
  void Sparql(const SparqlCheck& check, const Prefix& focus, const Prefix& values) {
    std::vector<Edge> edges;
    if (!check.query->where || !Collect(*check.query->where, &edges)) {
      reach_.global = true;
      return;
    }
    std::map<std::string, Prefix> route{{"?this", focus}};
    if (check.ask) route["?value"] = values;
    std::vector<bool> done(edges.size(), false);
    for (bool progress = true; progress;) {
      progress = false;
      for (size_t i = 0; i < edges.size(); ++i) {
        if (done[i]) continue;
        const Edge& e = edges[i];
        auto from = route.find(e.from);
        auto to = route.find(e.to);
        if (from == route.end() && to == route.end()) continue;
        if (from != route.end() && to == route.end()) {
          route[e.to] = Then(from->second, EdgePath(e, false));
        } else if (from == route.end()) {
          route[e.from] = Then(to->second, EdgePath(e, true));
        }
        EdgeReads(e, route[e.from], false);
        EdgeReads(e, route[e.to], true);
        done[i] = true;
        progress = true;
      }
    }
    for (bool d : done) {
      if (!d) reach_.global = true;  // a pattern not connected to $this
    }
  }

  const ShapeSet& set_;
  ShapeReach reach_;
  std::map<std::string, size_t> seen_;  // access key -> its index in reach_.accesses
  // The position of the targeted shape's constraint being walked; nullopt: its targets and path.
  std::optional<size_t> constraint_;
  std::vector<size_t> stack_;
};

}  // namespace

std::vector<ShapeReach> AnalyzeReach(const ShapeSet& set) {
  std::vector<ShapeReach> out(set.shapes.size());
  Analyzer analyzer(set);
  for (size_t s : set.targeted) out[s] = analyzer.Run(s);
  return out;
}

}  // namespace sextant::shacl
