#include "query/planner.h"

#include "query/ops_basic.h"
#include "query/ops_join.h"

namespace sextant::query {

void Planner::SetHooks() {
  hooks_ = CompileHooks();
  hooks_.slot_of = [this](const std::string& v) { return level_->vars.Slot(v); };
  hooks_.register_exists = [this](const ast::GroupPattern& p) -> Result<int> {
    for (size_t i = 0; i < qc_->exists.size(); ++i) {
      if (qc_->exists[i].pattern == &p && qc_->exists[i].level == level_) {
        return static_cast<int>(i);
      }
    }
    qc_->exists.push_back(
        {&p, level_, current_graph_.named, current_graph_.term.slot, current_graph_.term.constant});
    const int index = static_cast<int>(qc_->exists.size() - 1);
    // Planning the pattern once now gives its variables their slots in this level.
    auto probe = PlanGroup(p, Singleton(), current_graph_, nullptr);
    if (!probe.ok()) return probe.status();
    return index;
  };
}

Planner::Sub Planner::Singleton() {
  return {ValuesOp::Singleton(&qc_->control, level_->width), {}, {}, true};
}

Planner::Sub Planner::Join(Sub left, Sub right) {
  if (left.trivial) return right;
  if (right.trivial) return left;
  auto keys = IntersectSlots(left.certain, right.certain);
  Sub out;
  out.certain = left.certain;
  out.certain.insert(right.certain.begin(), right.certain.end());
  out.maybe = left.maybe;
  out.maybe.insert(right.maybe.begin(), right.maybe.end());
  out.op =
      std::make_unique<HashJoinOp>(JoinKind::kInner, std::move(left.op), std::move(right.op),
                                   std::vector<int>(keys.begin(), keys.end()), nullptr, &qc_->eval);
  return out;
}

Result<CompiledExprPtr> Planner::Compile(const ast::Expr& expr) {
  return CompileExpr(expr, hooks_);
}

Status Planner::ApplyFilters(const std::vector<const ast::Expr*>& filters, Sub* cur) {
  for (const ast::Expr* f : filters) {
    SEXTANT_ASSIGN_OR_RETURN(auto compiled, Compile(*f));
    cur->Then<FilterOp>(std::move(compiled), &qc_->eval, ast::ToString(*f));
  }
  return Status::OK();
}

Result<std::unique_ptr<PlannedQuery>> Planner::Plan(
    const ast::Query& query, const std::vector<std::pair<std::string, TermId>>& seed) {
  // Planning runs twice: the first pass discovers every variable slot (including hidden ones
  // for paths and aggregates), the second builds operators with the final row width.
  auto level = std::make_unique<PlannedQuery>();
  level_ = level.get();
  level_->width = 0;
  {
    auto dry = PlanLevel(query, seed);
    if (!dry.ok()) return dry.status();
  }
  level_->width = level_->vars.size();
  keepalive_.clear();
  SEXTANT_ASSIGN_OR_RETURN(auto real, PlanLevel(query, seed));
  if (level_->vars.size() != level_->width) {
    // Rows are level_->width wide: a slot made only in the second pass would be out of bounds.
    return Status::Internal("query planning assigned variable slots inconsistently");
  }
  level->root = std::move(real->root);
  level->projected = std::move(real->projected);
  level->projected_slots = std::move(real->projected_slots);
  level->active_graph_slot = real->active_graph_slot;
  level->children = std::move(keepalive_);
  return level;
}

bool EvaluateExists(QueryContext* qc, int index, const TermId* row) {
  // A filter calls this once per row of its batch: once the query is stopped, the remaining
  // rows must not each start a sub-plan before the stop is noticed.
  if (!qc->control.Check()) return false;
  const auto& entry = qc->exists[static_cast<size_t>(index)];
  auto* level = const_cast<PlannedQuery*>(
      static_cast<const PlannedQuery*>(entry.pattern == nullptr ? nullptr : entry.level));
  const auto& pattern = *static_cast<const ast::GroupPattern*>(entry.pattern);
  Planner planner(qc);
  planner.level_ = level;
  planner.SetHooks();
  planner.hooks_.slot_of = [level](const std::string& v) { return level->vars.Find(v); };
  GraphSpec graph;
  graph.named = entry.named;
  graph.term.slot = entry.graph_slot;
  graph.term.constant = entry.graph_constant;
  Planner::Sub seed;
  std::vector<TermId> values(row, row + level->width);
  for (size_t s = 0; s < level->width; ++s) {
    if (row[s] != kNoId) seed.certain.insert(static_cast<int>(s));
  }
  seed.op = std::make_unique<ValuesOp>(&qc->control, level->width, std::move(values), "Seed");
  auto sub = planner.PlanGroup(pattern, std::move(seed), graph, nullptr);
  if (!sub.ok()) {
    qc->control.status = sub.status();
    return false;
  }
  RowBatch batch(level->width);
  return sub->op->Next(batch) && !batch.empty();
}

}  // namespace sextant::query
