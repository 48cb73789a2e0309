// The full-text property function's patterns in a basic graph pattern (docs/SEARCH.md):
// `S sx:matches "text"` becomes a text search item, and `S sx:score ?v` / `S sx:snippet ?v`
// name the slots that item binds.
#pragma once

#include <vector>

#include "grammar/ast.h"
#include "query/bgp.h"

namespace sextant::query {

// `S sx:matches ...` (the search) and `S sx:score ?v` / `S sx:snippet ?v` (its extras).
bool IsTextSearchPattern(const ast::TriplePattern& t);
bool IsTextSearchExtra(const ast::TriplePattern& t);

// Appends the search item for `t`, estimated from the document frequencies of its terms.
// Errors: a search text that is not a literal or does not parse, a second search on S.
Status AddTextSearch(const ast::TriplePattern& t, VarTable& vars, QueryContext* qc, Bgp* out);

// Gives the variables of an extra their slots where it is read (SELECT * lists them in reading
// order); its search may come later in the group.
void TakeTextSearchExtraSlots(const ast::TriplePattern& t, VarTable& vars, QueryContext* qc,
                              Bgp* out);

// Hands each extra among `triples` to the search on its subject. Without one it would silently
// match nothing, so that is an error, as is an extra given twice.
Status AttachTextSearchExtras(const std::vector<const ast::TriplePattern*>& triples, VarTable& vars,
                              QueryContext* qc, Bgp* out);

}  // namespace sextant::query
