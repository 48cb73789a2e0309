#include "shacl/query_runner.h"

namespace sextant::shacl {

Status RunQuery(query::QueryContext* qc, const ast::Query& q,
                const std::vector<std::pair<std::string, query::TermId>>& seed,
                const SolutionFn& fn) {
  // One context serves many short queries: EXISTS patterns registered by an earlier plan (now
  // gone) must not be found by address, and each query gets the full row budget.
  qc->exists.clear();
  qc->control.materialized_rows = 0;
  qc->control.memory_bytes = 0;
  if (!qc->control.status.ok()) return qc->control.status;
  query::Planner planner(qc);
  SEXTANT_ASSIGN_OR_RETURN(auto plan, planner.Plan(q, seed));
  query::RowBatch batch(plan->root->width());
  bool more = true;
  while (more && plan->root->Next(batch)) {
    for (size_t i = 0; i < batch.size() && more; ++i) more = fn(*plan, batch.row(i));
  }
  return qc->control.status;
}

query::TermId RowValue(const query::PlannedQuery& plan, const query::TermId* row,
                       const std::string& name) {
  const int slot = plan.vars.Find(name);
  return slot < 0 ? query::kNoId : row[slot];
}

}  // namespace sextant::shacl
