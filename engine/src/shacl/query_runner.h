// Runs a parsed query on the validation's QueryContext (so ids from the query and from the
// validator's direct reads are the same ids) and hands over the solution rows.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "grammar/ast.h"
#include "query/planner.h"

namespace sextant::shacl {

// fn(plan, row) for every solution; returning false stops. `seed`: variables every solution
// starts bound to.
using SolutionFn = std::function<bool(const query::PlannedQuery& plan, const query::TermId* row)>;

Status RunQuery(query::QueryContext* qc, const ast::Query& q,
                const std::vector<std::pair<std::string, query::TermId>>& seed,
                const SolutionFn& fn);

// The value of variable `name` in a row (kNoId when unbound or unknown).
query::TermId RowValue(const query::PlannedQuery& plan, const query::TermId* row,
                       const std::string& name);

}  // namespace sextant::shacl
