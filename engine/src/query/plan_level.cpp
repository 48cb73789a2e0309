// Operator building for one query level: the start row, the WHERE pattern and the inline
// VALUES, then either the aggregation step (GROUP BY, aggregates, HAVING) or the SELECT
// expressions, then ORDER BY, the projection and the modifiers (DISTINCT, OFFSET/LIMIT, ASK).
#include "query/ops_basic.h"
#include "query/ops_group.h"
#include "query/planner.h"

namespace sextant::query {

Result<std::unique_ptr<PlannedQuery>> Planner::PlanLevel(
    const ast::Query& query, const std::vector<std::pair<std::string, TermId>>& seed) {
  auto out = std::make_unique<PlannedQuery>();
  SetHooks();
  hooks_.base_iri = query.base_iri;  // IRI("relative") resolves against the query's base
  Sub cur = StartRow(seed);
  SEXTANT_RETURN_IF_ERROR(PlanWhere(query, &cur, out.get()));
  std::vector<std::string> visible = VisibleVariables(cur);
  if (query.aggregated) {
    SEXTANT_ASSIGN_OR_RETURN(visible, PlanAggregation(query, &cur));
  } else {
    SEXTANT_RETURN_IF_ERROR(PlanSelectExpressions(query, &cur));
    if (!query.order_by.empty()) {
      SEXTANT_ASSIGN_OR_RETURN(auto order, CompileOrder(query));
      cur.Then<OrderByOp>(std::move(order), &qc_->eval);
    }
  }
  PlanProjection(query, visible, &cur, out.get());
  PlanModifiers(query, &cur);
  out->root = std::move(cur.op);
  return out;
}

// The start row: all unbound (the identity of joins), or the prepared query's parameters.
Planner::Sub Planner::StartRow(const std::vector<std::pair<std::string, TermId>>& seed) {
  Sub start;
  std::vector<TermId> row(level_->width, kNoId);
  for (const auto& [name, id] : seed) {
    const int slot = level_->vars.Slot(name);
    if (static_cast<size_t>(slot) < row.size()) row[static_cast<size_t>(slot)] = id;
    start.certain.insert(slot);
  }
  start.op = std::make_unique<ValuesOp>(&qc_->control, level_->width, std::move(row),
                                        seed.empty() ? "Singleton" : "Parameters");
  start.trivial = seed.empty();
  return start;
}

Status Planner::PlanWhere(const ast::Query& query, Sub* cur, PlannedQuery* out) {
  if (query.where) {
    GraphSpec top_graph = outer_graph_;
    if (outer_graph_is_var_) {
      top_graph.term.slot = level_->vars.Slot(" active-graph");
      out->active_graph_slot = top_graph.term.slot;
    }
    SEXTANT_ASSIGN_OR_RETURN(*cur, PlanGroup(*query.where, std::move(*cur), top_graph, nullptr));
  }
  if (query.values) {
    ast::PatternElement values;
    values.kind = ast::ElementKind::kValues;
    values.values = *query.values;
    ast::GroupPattern g;
    g.elements.push_back(std::move(values));
    SEXTANT_ASSIGN_OR_RETURN(*cur, PlanGroup(g, std::move(*cur), GraphSpec{}, nullptr));
  }
  return Status::OK();
}

// Variables visible to SELECT *: those the pattern can bind, in order of appearance.
std::vector<std::string> Planner::VisibleVariables(const Sub& cur) const {
  std::vector<std::string> visible;
  for (size_t s = 0; s < level_->vars.size(); ++s) {
    const std::string& n = level_->vars.name(static_cast<int>(s));
    if (VarTable::IsHidden(n) || n.rfind("_:", 0) == 0) continue;
    if (cur.certain.count(static_cast<int>(s)) || cur.maybe.count(static_cast<int>(s))) {
      visible.push_back(n);
    }
  }
  return visible;
}

// GROUP BY, the aggregates, HAVING, the SELECT expressions over groups and ORDER BY. Returns
// the variables visible after grouping: the group keys'.
Result<std::vector<std::string>> Planner::PlanAggregation(const ast::Query& query, Sub* cur) {
  std::vector<AggregateSpec> aggregates;
  hooks_.aggregate_slot = [this, &aggregates](const ast::Expr& agg) -> Result<int> {
    const int slot = level_->vars.Hidden(&agg);
    for (const auto& a : aggregates) {
      if (a.slot == slot) return slot;
    }
    AggregateSpec spec;
    spec.aggregate = agg;
    spec.slot = slot;
    if (!agg.args.empty()) {
      CompileHooks plain = hooks_;
      plain.aggregate_slot = nullptr;
      SEXTANT_ASSIGN_OR_RETURN(spec.arg, CompileExpr(agg.args[0], plain));
    }
    aggregates.push_back(std::move(spec));
    return slot;
  };
  std::set<int> group_slots;
  SEXTANT_ASSIGN_OR_RETURN(auto keys, CompileGroupKeys(query, &group_slots));
  // Compile everything that may hold aggregates before building the group operator.
  std::vector<std::pair<int, CompiledExprPtr>> selects;
  for (const auto& item : query.projection) {
    if (!item.expr) continue;
    SEXTANT_ASSIGN_OR_RETURN(auto e, Compile(*item.expr));
    selects.emplace_back(level_->vars.Slot(item.var), std::move(e));
  }
  std::vector<CompiledExprPtr> having;
  for (const auto& h : query.having) {
    SEXTANT_ASSIGN_OR_RETURN(auto e, Compile(h));
    having.push_back(std::move(e));
  }
  SEXTANT_ASSIGN_OR_RETURN(auto order, CompileOrder(query));
  hooks_.aggregate_slot = nullptr;  // `aggregates` ends here
  cur->Then<GroupOp>(std::move(keys), std::move(aggregates), &qc_->eval);
  for (size_t h = 0; h < having.size(); ++h) {
    cur->Then<FilterOp>(std::move(having[h]), &qc_->eval,
                        "HAVING " + ast::ToString(query.having[h]));
  }
  if (!selects.empty()) {
    cur->Then<ExtendOp>(std::move(selects), &qc_->eval, "select expressions");
  }
  if (!order.empty()) cur->Then<OrderByOp>(std::move(order), &qc_->eval);
  std::vector<std::string> visible;
  for (int s : group_slots) {
    if (!VarTable::IsHidden(level_->vars.name(s))) visible.push_back(level_->vars.name(s));
  }
  return visible;
}

Result<std::vector<GroupKey>> Planner::CompileGroupKeys(const ast::Query& query,
                                                        std::set<int>* group_slots) {
  std::vector<GroupKey> keys;
  for (const auto& g : query.group_by) {
    CompileHooks plain = hooks_;
    plain.aggregate_slot = nullptr;
    SEXTANT_ASSIGN_OR_RETURN(auto expr, CompileExpr(g.expr, plain));
    int slot;
    if (g.as) {
      slot = level_->vars.Slot(*g.as);
    } else if (g.expr.kind == ast::ExprKind::kVariable) {
      slot = level_->vars.Slot(g.expr.var);
    } else {
      slot = level_->vars.Hidden(&g);
    }
    group_slots->insert(slot);
    keys.push_back({std::move(expr), slot});
  }
  return keys;
}

// SELECT (expr AS ?v) without aggregation: the rows extended by each expression.
Status Planner::PlanSelectExpressions(const ast::Query& query, Sub* cur) {
  std::vector<std::pair<int, CompiledExprPtr>> selects;
  std::string text;
  for (const auto& item : query.projection) {
    if (!item.expr) continue;
    SEXTANT_ASSIGN_OR_RETURN(auto e, Compile(*item.expr));
    selects.emplace_back(level_->vars.Slot(item.var), std::move(e));
    text += (text.empty() ? "?" : ", ?") + item.var + " := " + ast::ToString(*item.expr);
  }
  if (!selects.empty()) cur->Then<ExtendOp>(std::move(selects), &qc_->eval, text);
  return Status::OK();
}

Result<std::vector<OrderKey>> Planner::CompileOrder(const ast::Query& query) {
  std::vector<OrderKey> order;
  for (const auto& o : query.order_by) {
    SEXTANT_ASSIGN_OR_RETURN(auto e, Compile(o.expr));
    order.push_back({std::move(e), o.descending});
  }
  return order;
}

// Which variables the level hands on: SELECT's (all visible ones for SELECT *), and for
// CONSTRUCT and DESCRIBE every pattern variable (the template or targets read them).
void Planner::PlanProjection(const ast::Query& query, const std::vector<std::string>& visible,
                             Sub* cur, PlannedQuery* out) {
  if (query.form == ast::QueryForm::kSelect) {
    if (query.select_all) {
      out->projected = visible;
    } else {
      for (const auto& item : query.projection) out->projected.push_back(item.var);
    }
  } else if (query.form == ast::QueryForm::kDescribe || query.form == ast::QueryForm::kConstruct) {
    out->projected = visible;
  }
  for (const auto& name : out->projected) out->projected_slots.push_back(level_->vars.Slot(name));
  if (query.form != ast::QueryForm::kSelect) return;
  std::string text;
  for (const auto& n : out->projected) text += "?" + n + " ";
  std::vector<int> keep = out->projected_slots;
  if (out->active_graph_slot >= 0) keep.push_back(out->active_graph_slot);
  cur->Then<ProjectOp>(keep, text);
}

void Planner::PlanModifiers(const ast::Query& query, Sub* cur) {
  if (query.form == ast::QueryForm::kSelect && (query.distinct || query.reduced)) {
    cur->Then<DistinctOp>();
  }
  if (query.offset || query.limit) {
    cur->Then<SliceOp>(query.offset.value_or(0), query.limit);
  }
  if (query.form == ast::QueryForm::kAsk) {
    cur->Then<SliceOp>(uint64_t{0}, std::optional<uint64_t>(1));
  }
}

}  // namespace sextant::query
