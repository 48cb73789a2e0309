// Pre-bound variables of SHACL-SPARQL ($this, $value, $currentShape, parameters): the syntax
// restrictions of SHACL 5.2.1 / Appendix A, and substitution of their values into a query.
#pragma once

#include <map>
#include <set>
#include <string>

#include "grammar/ast.h"
#include "sextant/status.h"

namespace sextant::shacl {

// Fails (naming the construct) for MINUS, SERVICE, VALUES, `AS ?v` binding a pre-bound
// variable, and sub-queries that do not project every one of `required` (the pre-bound
// variables other than $currentShape and $shapesGraph).
Status CheckPrebinding(const ast::Query& query, const std::set<std::string>& prebound,
                       const std::set<std::string>& required);

// A copy of `query` with every occurrence of the variables in `values` replaced by their term,
// in nested groups, EXISTS and sub-queries too (so a FILTER deep inside sees $this): the
// substitution semantics of pre-binding, which a join with a seed row would not give.
// bound(?v) of a substituted variable becomes true. Blank nodes are not substituted into
// triple patterns (a blank node there would be a fresh variable): leave those to a seed.
ast::Query SubstituteVariables(const ast::Query& query, const std::map<std::string, Term>& values);

}  // namespace sextant::shacl
