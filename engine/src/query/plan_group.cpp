// Operator building for group graph patterns, element by element: runs of triples go to
// plan_bgp.cpp; OPTIONAL, MINUS, UNION, sub-groups, GRAPH and subqueries are planned on their
// own and hash-joined, except sub-groups and GRAPH blocks of plain patterns, which continue from
// the rows before them; BIND extends the rows; filters go as early as their variables allow.
#include <algorithm>
#include <set>
#include <string>

#include "query/expression.h"
#include "query/ops_basic.h"
#include "query/ops_join.h"
#include "query/planner.h"

namespace sextant::query {
namespace {

bool ContainsExists(const ast::Expr& e) {
  if (e.kind == ast::ExprKind::kExists || e.kind == ast::ExprKind::kNotExists) return true;
  return std::any_of(e.args.begin(), e.args.end(), ContainsExists);
}

bool JoinsWithTriples(ast::ElementKind kind) {
  return kind == ast::ElementKind::kTriples || kind == ast::ElementKind::kFilter ||
         kind == ast::ElementKind::kValues;
}

}  // namespace

struct Planner::GroupState {
  Sub cur;
  std::vector<const ast::ValuesBlock*> pending_values;  // VALUES that join the next triples run
  std::vector<const ast::Expr*> pushable;  // filters that may run inside a basic graph pattern
};

Result<Planner::Sub> Planner::PlanGroup(const ast::GroupPattern& group, Sub input,
                                        const GraphSpec& graph,
                                        std::vector<const ast::Expr*>* lifted_filters) {
  const GraphSpec saved_graph = current_graph_;
  current_graph_ = graph;
  struct Restore {
    Planner* p = nullptr;
    GraphSpec g;
    ~Restore() { p->current_graph_ = g; }
  } restore{this, saved_graph};
  // Filters without EXISTS may run inside the first basic graph pattern that binds all their
  // variables (a bound variable keeps its value through later joins). Filters of an OPTIONAL
  // group are its LeftJoin condition and must see the merged row, so they are not pushed.
  GroupState state;
  std::vector<const ast::Expr*> late;
  for (const auto& e : group.elements) {
    if (e.kind != ast::ElementKind::kFilter) continue;
    (lifted_filters == nullptr && !ContainsExists(e.expr) ? state.pushable : late)
        .push_back(&e.expr);
  }
  state.cur = std::move(input);
  for (size_t i = 0; i < group.elements.size(); ++i) {
    SEXTANT_RETURN_IF_ERROR(PlanElement(group, &i, graph, &state));
  }
  late.insert(late.begin(), state.pushable.begin(), state.pushable.end());
  if (lifted_filters != nullptr) {
    lifted_filters->insert(lifted_filters->end(), late.begin(), late.end());
    return std::move(state.cur);
  }
  SEXTANT_RETURN_IF_ERROR(ApplyFilters(late, &state.cur));
  // A group is joined as a whole, also when it added nothing to its input.
  state.cur.trivial = false;
  return std::move(state.cur);
}

// Plans element *i of the group into state->cur; a run of elements planned together leaves
// *i at its last.
Status Planner::PlanElement(const ast::GroupPattern& group, size_t* i, const GraphSpec& graph,
                            GroupState* state) {
  const ast::PatternElement& e = group.elements[*i];
  Sub& cur = state->cur;
  switch (e.kind) {
    case ast::ElementKind::kTriples: return PlanTriplesRun(group, i, graph, state);
    case ast::ElementKind::kOptional: return PlanOptional(e.groups[0], graph, &cur);
    case ast::ElementKind::kMinus: {
      SEXTANT_ASSIGN_OR_RETURN(Sub right, PlanGroup(e.groups[0], Singleton(), graph, nullptr));
      auto keys = IntersectSlots(cur.certain, right.certain);
      cur.Then(std::make_unique<HashJoinOp>(
          JoinKind::kMinus, std::move(cur.op), std::move(right.op),
          std::vector<int>(keys.begin(), keys.end()), nullptr, &qc_->eval));
      return Status::OK();
    }
    case ast::ElementKind::kUnion: {
      SEXTANT_ASSIGN_OR_RETURN(Sub merged, PlanUnion(e.groups, graph));
      cur = Join(std::move(cur), std::move(merged));
      return Status::OK();
    }
    case ast::ElementKind::kGroup: {
      if (!cur.trivial && MatchesOnlyPatterns(e.groups[0])) {
        SEXTANT_ASSIGN_OR_RETURN(cur, PlanGroup(e.groups[0], std::move(cur), graph, nullptr));
        return Status::OK();
      }
      SEXTANT_ASSIGN_OR_RETURN(Sub sub, PlanGroup(e.groups[0], Singleton(), graph, nullptr));
      cur = Join(std::move(cur), std::move(sub));
      return Status::OK();
    }
    case ast::ElementKind::kGraph: return PlanGraph(e, &cur);
    case ast::ElementKind::kBind: {
      SEXTANT_ASSIGN_OR_RETURN(auto expr, Compile(e.expr));
      PlanBind(e, std::move(expr), &cur);
      return Status::OK();
    }
    case ast::ElementKind::kValues: {
      // VALUES before a run of triples (past other VALUES and filters) joins that run.
      size_t next = *i + 1;
      const auto& els = group.elements;
      while (next < els.size() && (els[next].kind == ast::ElementKind::kValues ||
                                   els[next].kind == ast::ElementKind::kFilter)) {
        ++next;
      }
      if (next < els.size() && els[next].kind == ast::ElementKind::kTriples) {
        state->pending_values.push_back(&e.values);
      } else {
        cur = Join(std::move(cur), PlanValues(e.values));
      }
      return Status::OK();
    }
    case ast::ElementKind::kSubQuery: {
      SEXTANT_ASSIGN_OR_RETURN(Sub sub, PlanSubQuery(*e.subquery, graph));
      cur = Join(std::move(cur), std::move(sub));
      return Status::OK();
    }
    case ast::ElementKind::kService: return PlanService(e, &cur, /*optional=*/false);
    case ast::ElementKind::kFilter: return Status::OK();
  }
  return Status::OK();
}

// A run of triples, filters and VALUES is one join problem: joins commute, so the planner may
// order them freely. Pointers into the AST, never copies: hidden variables are keyed by node
// address, which must be the same in both planning passes.
Status Planner::PlanTriplesRun(const ast::GroupPattern& group, size_t* i, const GraphSpec& graph,
                               GroupState* state) {
  const auto& els = group.elements;
  std::vector<const ast::TriplePattern*> triples;
  for (const auto& t : els[*i].triples) triples.push_back(&t);
  std::vector<const ast::ValuesBlock*> values = state->pending_values;
  state->pending_values.clear();
  while (*i + 1 < els.size() && JoinsWithTriples(els[*i + 1].kind)) {
    ++*i;
    if (els[*i].kind == ast::ElementKind::kTriples) {
      for (const auto& t : els[*i].triples) triples.push_back(&t);
    }
    if (els[*i].kind == ast::ElementKind::kValues) values.push_back(&els[*i].values);
  }
  SEXTANT_ASSIGN_OR_RETURN(
      state->cur, PlanTriples(triples, values, std::move(state->cur), graph, &state->pushable));
  return Status::OK();
}

Status Planner::PlanOptional(const ast::GroupPattern& optional, const GraphSpec& graph, Sub* cur) {
  // OPTIONAL { SERVICE ... } alone: a left bind join, so the endpoint answers only for the rows
  // at hand instead of sending everything it has.
  if (optional.elements.size() == 1 && optional.elements[0].kind == ast::ElementKind::kService &&
      !cur->trivial && qc_->service != nullptr) {
    return PlanService(optional.elements[0], cur, /*optional=*/true);
  }
  std::vector<const ast::Expr*> cond;
  SEXTANT_ASSIGN_OR_RETURN(Sub right, PlanGroup(optional, Singleton(), graph, &cond));
  CompiledExprPtr filter;
  if (cond.size() == 1) {
    SEXTANT_ASSIGN_OR_RETURN(filter, Compile(*cond[0]));
  } else if (cond.size() > 1) {
    // The conjunction is a new AST node: the level owns it, as EXISTS patterns inside are
    // referred to by address.
    ast::Expr& conj = level_->owned_exprs.emplace_back(ast::Expr::Op(ast::ExprKind::kAnd, {}));
    for (const auto* c : cond) conj.args.push_back(*c);
    SEXTANT_ASSIGN_OR_RETURN(filter, Compile(conj));
  }
  auto keys = IntersectSlots(cur->certain, right.certain);
  Sub out;
  out.certain = cur->certain;
  out.maybe = cur->maybe;
  out.maybe.insert(right.certain.begin(), right.certain.end());
  out.maybe.insert(right.maybe.begin(), right.maybe.end());
  out.op = std::make_unique<HashJoinOp>(JoinKind::kLeft, std::move(cur->op), std::move(right.op),
                                        std::vector<int>(keys.begin(), keys.end()),
                                        std::move(filter), &qc_->eval);
  *cur = std::move(out);
  return Status::OK();
}

Result<Planner::Sub> Planner::PlanUnion(const std::vector<ast::GroupPattern>& branches,
                                        const GraphSpec& graph) {
  std::vector<OperatorPtr> ops;
  Sub merged;
  bool first = true;
  for (const auto& g : branches) {
    SEXTANT_ASSIGN_OR_RETURN(Sub b, PlanGroup(g, Singleton(), graph, nullptr));
    merged.certain = first ? b.certain : IntersectSlots(merged.certain, b.certain);
    merged.maybe.insert(b.certain.begin(), b.certain.end());
    merged.maybe.insert(b.maybe.begin(), b.maybe.end());
    ops.push_back(std::move(b.op));
    first = false;
  }
  merged.op = std::make_unique<UnionOp>(std::move(ops));
  return merged;
}

Status Planner::PlanGraph(const ast::PatternElement& e, Sub* cur) {
  GraphSpec inner;
  inner.named = true;
  inner.term = PatternTermOf(e.name, level_->vars, qc_);
  const ast::GroupPattern& group = e.groups[0];
  if (inner.term.is_var() && !BindsOnlyThroughPatterns(group)) {
    SEXTANT_ASSIGN_OR_RETURN(Sub sub, PlanGraphByGraph(group, inner.term.slot));
    *cur = Join(std::move(*cur), std::move(sub));
    return Status::OK();
  }
  // Patterns that connect only through the outer query (GRAPH <g> { ?o :label ?a . ?m :label
  // ?b }) planned on their own are a cross product; continuing from the outer rows, each is a
  // lookup with the outer bindings, and the join order still chooses bind or hash joins.
  const bool correlated = !cur->trivial && MatchesOnlyPatterns(group) &&
                          !(inner.term.is_var() && cur->maybe.count(inner.term.slot) != 0);
  SEXTANT_ASSIGN_OR_RETURN(
      Sub sub, PlanGroup(group, correlated ? std::move(*cur) : Singleton(), inner, nullptr));
  if (inner.term.is_var()) sub.certain.insert(inner.term.slot);
  *cur = correlated ? std::move(sub) : Join(std::move(*cur), std::move(sub));
  return Status::OK();
}

void Planner::PlanBind(const ast::PatternElement& e, CompiledExprPtr expr, Sub* cur) {
  const int slot = level_->vars.Slot(e.var);
  cur->Then<ExtendOp>(slot, std::move(expr), &qc_->eval,
                      "?" + e.var + " := " + ast::ToString(e.expr));
  cur->maybe.insert(slot);
}

// An inline VALUES table that no triples run takes: its rows as an operator.
Planner::Sub Planner::PlanValues(const ast::ValuesBlock& values) {
  std::vector<int> slots;
  for (const auto& v : values.vars) slots.push_back(level_->vars.Slot(v));
  std::vector<TermId> rows;
  Sub sub;
  std::vector<bool> always(slots.size(), true);
  for (const auto& r : values.rows) {
    std::vector<TermId> row(level_->width, kNoId);
    for (size_t k = 0; k < slots.size(); ++k) {
      if (!r[k]) {
        always[k] = false;
        continue;
      }
      if (level_->width > 0) row[static_cast<size_t>(slots[k])] = qc_->terms.Intern(*r[k]);
    }
    rows.insert(rows.end(), row.begin(), row.end());
  }
  for (size_t k = 0; k < slots.size(); ++k) {
    (always[k] ? sub.certain : sub.maybe).insert(slots[k]);
  }
  if (level_->width == 0) rows.clear();
  sub.op = std::make_unique<ValuesOp>(&qc_->control, level_->width, std::move(rows),
                                      "Values " + std::to_string(values.rows.size()) + " row(s)",
                                      values.rows.size());
  return sub;
}

// Whether a group may be planned as a continuation of the rows before it: it only matches
// triple patterns and filters them on its own variables. A filter on a variable the group does
// not bind would see the outer value instead of unbound, and BIND, VALUES, OPTIONAL, MINUS and
// subqueries have their own scope, so those groups are planned on their own and joined.
bool Planner::MatchesOnlyPatterns(const ast::GroupPattern& group) {
  std::set<std::string> bound;
  for (const auto& e : group.elements) {
    if (e.kind == ast::ElementKind::kFilter) continue;
    if (e.kind != ast::ElementKind::kTriples) return false;
    for (const auto& t : e.triples) {
      auto add = [&bound](const std::string& name) { bound.insert(name); };
      ast::ForEachVariable(t.subject, add);
      ast::ForEachVariable(t.object, add);
      if (const auto* v = std::get_if<ast::Variable>(&t.predicate)) bound.insert(v->name);
    }
  }
  for (const auto& e : group.elements) {
    if (e.kind != ast::ElementKind::kFilter) continue;
    if (ContainsExists(e.expr)) return false;
    for (const auto& v : ExprVariables(e.expr)) {
      if (bound.count(v) == 0) return false;
    }
  }
  return true;
}

// GRAPH ?g { P } may bind ?g inside the triple patterns of P (one pass over all graphs) only
// when P is made of patterns, filters and joins of those: then evaluating P per graph and
// binding ?g afterwards gives the same rows. VALUES, BIND, MINUS, subqueries and EXISTS see
// their own scope and are evaluated graph by graph instead.
bool Planner::BindsOnlyThroughPatterns(const ast::GroupPattern& g) {
  for (const auto& e : g.elements) {
    switch (e.kind) {
      case ast::ElementKind::kTriples: break;
      case ast::ElementKind::kFilter:
        if (ContainsExists(e.expr)) return false;
        break;
      case ast::ElementKind::kGroup:
      case ast::ElementKind::kOptional:
      case ast::ElementKind::kUnion:
        for (const auto& sub : e.groups) {
          if (!BindsOnlyThroughPatterns(sub)) return false;
        }
        break;
      default: return false;
    }
  }
  return true;
}

Result<Planner::Sub> Planner::PlanGraphByGraph(const ast::GroupPattern& group, int graph_slot) {
  std::vector<TermId> graphs;
  if (qc_->named_graphs) {
    graphs = *qc_->named_graphs;
  } else {
    for (const auto& [g, n] : qc_->stats().graphs) {
      if (g != storage::kDefaultGraphId) graphs.push_back(g);
    }
  }
  std::vector<OperatorPtr> branches;
  Sub out;
  out.certain.insert(graph_slot);
  for (TermId g : graphs) {
    if (g == kNoId) continue;
    GraphSpec spec;
    spec.named = true;
    spec.term.constant = g;
    SEXTANT_ASSIGN_OR_RETURN(Sub b, PlanGroup(group, Singleton(), spec, nullptr));
    out.maybe.insert(b.certain.begin(), b.certain.end());
    out.maybe.insert(b.maybe.begin(), b.maybe.end());
    branches.push_back(std::make_unique<BindConstantOp>(std::move(b.op), graph_slot, g,
                                                        "GRAPH ?" + level_->vars.name(graph_slot)));
  }
  if (branches.empty()) {
    out.op = std::make_unique<ValuesOp>(&qc_->control, level_->width, std::vector<TermId>(),
                                        "No named graphs", 0);
  } else {
    out.op = std::make_unique<UnionOp>(std::move(branches));
  }
  return out;
}

Result<Planner::Sub> Planner::PlanSubQuery(const ast::Query& query, const GraphSpec& graph) {
  Planner inner(qc_);
  if (graph.named) inner.set_outer_graph(graph, graph.term.is_var());
  SEXTANT_ASSIGN_OR_RETURN(auto planned, inner.Plan(query, {}));
  std::vector<std::pair<int, int>> map;
  Sub sub;
  if (planned->active_graph_slot >= 0) {
    map.emplace_back(planned->active_graph_slot, graph.term.slot);
    sub.certain.insert(graph.term.slot);
  }
  for (size_t i = 0; i < planned->projected.size(); ++i) {
    const int outer = level_->vars.Slot(planned->projected[i]);
    map.emplace_back(planned->projected_slots[i], outer);
    sub.maybe.insert(outer);
  }
  OperatorPtr root = std::move(planned->root);
  keepalive_.push_back(std::move(planned));
  sub.op = std::make_unique<RemapOp>(&qc_->control, level_->width, std::move(root), std::move(map));
  return sub;
}

}  // namespace sextant::query
