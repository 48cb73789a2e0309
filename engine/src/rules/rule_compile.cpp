// From stored rule text to a RuleProgram: parse, validate, and order by predicate dependency.
#include <algorithm>
#include <functional>
#include <set>

#include "grammar/parse.h"
#include "rules/rule_program.h"

namespace sextant::rules {
namespace {

Status RuleError(const std::string& rule, const std::string& message) {
  return Status::InvalidArgument("rule " + rule + ": " + message);
}

PredicateKey KeyOf(const ast::Predicate& p) {
  if (const auto* t = std::get_if<Term>(&p)) return t->value();
  return std::nullopt;
}

// Every predicate a pattern mentions, at any depth (negated parts are read as a whole).
void CollectPredicates(const ast::GroupPattern& g, std::vector<PredicateKey>* out);

void CollectPathIris(const ast::Path& p, std::vector<PredicateKey>* out) {
  if (p.kind == ast::PathKind::kIri) out->push_back(p.iri);
  if (p.kind == ast::PathKind::kNegated) out->push_back(std::nullopt);  // any other predicate
  for (const auto& a : p.args) CollectPathIris(a, out);
}

void CollectExprPredicates(const ast::Expr& e, std::vector<PredicateKey>* out) {
  if (e.pattern) CollectPredicates(*e.pattern, out);
  for (const auto& a : e.args) CollectExprPredicates(a, out);
}

void CollectPredicates(const ast::GroupPattern& g, std::vector<PredicateKey>* out) {
  for (const auto& e : g.elements) {
    for (const auto& t : e.triples) {
      if (const auto* path = std::get_if<ast::Path>(&t.predicate)) {
        CollectPathIris(*path, out);
      } else {
        out->push_back(KeyOf(t.predicate));
      }
    }
    for (const auto& sub : e.groups) CollectPredicates(sub, out);
    CollectExprPredicates(e.expr, out);
    if (e.subquery && e.subquery->where) CollectPredicates(*e.subquery->where, out);
  }
}

bool HasExists(const ast::Expr& e) {
  if (e.kind == ast::ExprKind::kExists || e.kind == ast::ExprKind::kNotExists) return true;
  return std::any_of(e.args.begin(), e.args.end(), HasExists);
}

void AddVar(const ast::VarOrTerm& v, std::set<std::string>* vars) {
  if (const auto* var = std::get_if<ast::Variable>(&v)) vars->insert(var->name);
}

// Checks the body's top level and records what it reads; `bound` gets every variable a
// solution binds.
Status CheckBody(CompiledRule& r, const ast::GroupPattern& body, std::set<std::string>* bound) {
  for (const auto& e : body.elements) {
    switch (e.kind) {
      case ast::ElementKind::kTriples:
        for (const auto& t : e.triples) {
          if (std::holds_alternative<ast::Path>(t.predicate)) {
            return RuleError(
                r.name,
                "property paths are not supported in rule bodies (write the steps as triple "
                "patterns, or a recursive rule)");
          }
          if (t.has_triple_term()) {
            return RuleError(r.name, "triple terms <<( ... )>> are not supported in rules");
          }
          AddVar(t.subject, bound);
          if (const auto* v = std::get_if<ast::Variable>(&t.predicate)) bound->insert(v->name);
          AddVar(t.object, bound);
          r.read_predicates.push_back(KeyOf(t.predicate));
        }
        break;
      case ast::ElementKind::kFilter:
        if (HasExists(e.expr)) CollectExprPredicates(e.expr, &r.negated_predicates);
        break;
      case ast::ElementKind::kBind:
        if (HasExists(e.expr)) CollectExprPredicates(e.expr, &r.negated_predicates);
        bound->insert(e.var);
        break;
      case ast::ElementKind::kValues:
        for (const auto& v : e.values.vars) bound->insert(v);
        break;
      case ast::ElementKind::kMinus: CollectPredicates(e.groups[0], &r.negated_predicates); break;
      case ast::ElementKind::kOptional:
        return RuleError(r.name, "OPTIONAL is not supported in rule bodies");
      case ast::ElementKind::kUnion:
        return RuleError(r.name,
                         "UNION is not supported in rule bodies (write one rule per branch)");
      case ast::ElementKind::kGraph:
        return RuleError(
            r.name, "GRAPH is not supported in rule bodies (rules read the union of all graphs)");
      case ast::ElementKind::kService:
        return RuleError(r.name, "SERVICE is not supported in rule bodies");
      case ast::ElementKind::kSubQuery:
        return RuleError(r.name, "sub-queries are not supported in rule bodies");
      case ast::ElementKind::kGroup:
        return RuleError(r.name, "nested groups { ... } are not supported in rule bodies");
    }
  }
  return Status::OK();
}

// Positive triple patterns of the top level of a query's WHERE, in order.
std::vector<const ast::TriplePattern*> TopLevelTriples(const ast::Query& q) {
  std::vector<const ast::TriplePattern*> out;
  for (const auto& e : q.where->elements) {
    if (e.kind != ast::ElementKind::kTriples) continue;
    for (const auto& t : e.triples) out.push_back(&t);
  }
  return out;
}

bool Overlaps(const PredicateKey& a, const PredicateKey& b) {
  return !a || !b || *a == *b;
}

bool Feeds(const CompiledRule& from, const std::vector<PredicateKey>& reads) {
  for (const auto& h : from.head_predicates) {
    for (const auto& r : reads) {
      if (Overlaps(h, r)) return true;
    }
  }
  return false;
}

}  // namespace

Result<CompiledRule> CompileRule(const RuleSource& source) {
  ParseOptions po;
  po.source_name = "rule " + source.name;
  auto parsed = Parse(source.text, po);
  if (!parsed.ok()) return parsed.status();
  if (parsed->is_query() || parsed->explain_why || parsed->update().operations.size() != 1 ||
      parsed->update().operations[0].kind != ast::UpdateKind::kRule) {
    return RuleError(source.name, "the stored text is not one RULE statement");
  }
  const ast::UpdateOperation& op = parsed->update().operations[0];
  CompiledRule r;
  r.name = source.name;
  r.origin = source.origin;
  r.text = source.text;
  std::set<std::string> bound;
  SEXTANT_RETURN_IF_ERROR(CheckBody(r, *op.where, &bound));
  if (op.insert_quads.empty()) return RuleError(r.name, "the rule head is empty");
  for (const auto& q : op.insert_quads) {
    const ast::TriplePattern& t = q.triple;
    if (std::holds_alternative<ast::Path>(t.predicate)) {
      return RuleError(r.name, "a rule head cannot hold a property path");
    }
    if (t.has_triple_term()) {
      return RuleError(r.name, "triple terms <<( ... )>> are not supported in rules");
    }
    for (const ast::VarOrTerm* v : {&t.subject, &t.object}) {
      if (const auto* var = std::get_if<ast::Variable>(v);
          var != nullptr && !bound.count(var->name)) {
        return RuleError(r.name, "?" + var->name + " in the head is not bound by the WHERE clause");
      }
    }
    if (const auto* var = std::get_if<ast::Variable>(&t.predicate);
        var != nullptr && !bound.count(var->name)) {
      return RuleError(r.name, "?" + var->name + " in the head is not bound by the WHERE clause");
    }
    if (const auto* s = std::get_if<Term>(&t.subject); s != nullptr && s->is_literal()) {
      return RuleError(r.name, "a literal cannot be the subject of a derived triple");
    }
    r.head.push_back(t);
    r.head_predicates.push_back(KeyOf(t.predicate));
  }
  if (r.read_predicates.empty()) {
    return RuleError(r.name, "the WHERE clause needs at least one triple pattern");
  }

  r.body = std::make_unique<ast::Query>();
  r.body->form = ast::QueryForm::kSelect;
  r.body->select_all = true;
  r.body->where = *op.where;
  r.positive = TopLevelTriples(*r.body);
  for (const auto& h : r.head) {
    auto q = std::make_unique<ast::Query>(*r.body);
    ast::PatternElement e;
    e.kind = ast::ElementKind::kTriples;
    e.triples.push_back(h);
    q->where->elements.push_back(std::move(e));
    r.head_in_body.push_back(&q->where->elements.back().triples.back());
    r.body_with_head.push_back(std::move(q));
  }
  return r;
}

Result<std::shared_ptr<const RuleProgram>> CompileProgram(const std::vector<RuleSource>& sources) {
  auto program = std::make_shared<RuleProgram>();
  for (const auto& s : sources) {
    if (!s.enabled) continue;
    SEXTANT_ASSIGN_OR_RETURN(CompiledRule r, CompileRule(s));
    program->has_negation = program->has_negation || !r.negated_predicates.empty();
    program->rules.push_back(std::move(r));
  }
  const size_t n = program->rules.size();
  // reach[a][b]: b depends (transitively) on a. Rule sets are small: a dense closure is fine.
  std::vector<std::vector<bool>> reach(n, std::vector<bool>(n, false));
  for (size_t a = 0; a < n; ++a) {
    for (size_t b = 0; b < n; ++b) {
      const auto& rb = program->rules[b];
      reach[a][b] = Feeds(program->rules[a], rb.read_predicates) ||
                    Feeds(program->rules[a], rb.negated_predicates);
    }
  }
  for (size_t k = 0; k < n; ++k) {
    for (size_t a = 0; a < n; ++a) {
      if (!reach[a][k]) continue;
      for (size_t b = 0; b < n; ++b) {
        if (reach[k][b]) reach[a][b] = true;
      }
    }
  }
  auto same_component = [&](size_t a, size_t b) { return a == b || (reach[a][b] && reach[b][a]); };
  for (size_t b = 0; b < n; ++b) {
    for (size_t a = 0; a < n; ++a) {
      if (!Feeds(program->rules[a], program->rules[b].negated_predicates)) continue;
      if (!(reach[b][a] || a == b)) continue;  // a feeds b's negation; a cycle needs b to reach a
      std::string names;
      for (size_t c = 0; c < n; ++c) {
        if (same_component(a, c) && same_component(b, c)) {
          names += (names.empty() ? "" : ", ") + program->rules[c].name;
        }
      }
      return Status::InvalidArgument(
          "rules cannot be stratified: " + names +
          " depend on each other through negation (NOT EXISTS / EXISTS / MINUS); a "
          "rule may only negate what lower strata derive");
    }
  }
  // Components in dependency order: a component goes once every rule feeding it is placed.
  std::vector<bool> placed(n, false);
  for (size_t done = 0; done < n;) {
    bool progress = false;
    for (size_t a = 0; a < n; ++a) {
      if (placed[a]) continue;
      bool ready = true;
      for (size_t b = 0; b < n && ready; ++b) {
        if (!placed[b] && reach[b][a] && !same_component(a, b)) ready = false;
      }
      if (!ready) continue;
      std::vector<size_t> component;
      for (size_t c = 0; c < n; ++c) {
        if (!placed[c] && same_component(a, c)) component.push_back(c);
      }
      for (size_t c : component) placed[c] = true;
      done += component.size();
      program->strata.push_back(std::move(component));
      progress = true;
    }
    if (!progress) return Status::Internal("rule ordering did not converge");
  }
  return std::shared_ptr<const RuleProgram>(std::move(program));
}

}  // namespace sextant::rules
