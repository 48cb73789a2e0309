// SERVICE <endpoint> { P }: the rows planned so far go to the endpoint in batches (their values
// of P's variables as VALUES), and the answers are joined with them (ops_service.cpp). Placing
// the service after what precedes it in the group is what lets the outer pattern restrict the
// remote one; a SERVICE first in its group is one request without VALUES.
#include "grammar/static_checks.h"
#include "query/ops_service.h"
#include "query/planner.h"

namespace sextant::query {

Status Planner::PlanService(const ast::PatternElement& e, Sub* cur, bool optional) {
  if (qc_->service == nullptr) {
    if (e.silent) return Status::OK();  // SILENT: the empty solution, the join's identity
    return Status::Unsupported("SERVICE is not available in this context");
  }
  ServiceSpec spec;
  spec.silent = e.silent;
  spec.left_join = optional;
  spec.query = e.service_query;
  if (const auto* var = std::get_if<ast::Variable>(&e.name)) {
    spec.endpoint_slot = level_->vars.Slot(var->name);
    if (!cur->certain.contains(spec.endpoint_slot) && !cur->maybe.contains(spec.endpoint_slot) &&
        !e.silent) {
      return Status::InvalidArgument("SERVICE ?" + var->name +
                                     ": the variable must be bound before the SERVICE pattern");
    }
  } else {
    spec.endpoint = std::get<Term>(e.name).value();
  }
  std::set<int> bound;
  for (const auto& name : grammar_internal::VariablesInScope(e.groups[0])) {
    const int slot = level_->vars.Slot(name);
    spec.variables.emplace_back(name, slot);
    if (cur->certain.contains(slot) || cur->maybe.contains(slot)) {
      spec.join_variables.emplace_back(name, slot);
    } else {
      bound.insert(slot);
    }
  }
  if (optional) {
    const std::set<int> before = cur->certain;
    cur->Then<ServiceOp>(std::move(spec), qc_->service, &qc_->terms);
    cur->certain = before;  // an optional part binds nothing for certain
    cur->maybe.insert(bound.begin(), bound.end());
    return Status::OK();
  }
  cur->Then<ServiceOp>(std::move(spec), qc_->service, &qc_->terms);
  // The endpoint's answers may leave any of P's variables unbound.
  cur->maybe.insert(bound.begin(), bound.end());
  return Status::OK();
}

}  // namespace sextant::query
