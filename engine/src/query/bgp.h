// A basic graph pattern as the join order sees it: its triple patterns after path rewriting,
// the paths left to the path operator and the VALUES lists joined with it.
#pragma once

#include <array>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "grammar/ast.h"
#include "query/ops_scan.h"
#include "query/query_context.h"
#include "text/text_query.h"

namespace sextant::query {

// One item of a basic graph pattern: a triple pattern, a path that needs the path operator,
// a VALUES list, or a text search.
struct BgpItem {
  PatternTerm terms[3];
  const ast::Path* path = nullptr;           // set for path items
  const ast::ValuesBlock* values = nullptr;  // set for VALUES items
  std::vector<int> value_slots;              // VALUES: slot per column
  std::string text;
  bool delta = false;  // reads QueryContext::delta_quads instead of the store
  // A text search (terms[0] sx:matches "..."): the parsed search text, the slots its score and
  // snippet go to (-1: not asked for), and its estimated matches out of the indexed literals.
  std::optional<text::TextQuery> text_query;
  int score_slot = -1;
  int snippet_slot = -1;
  double text_matches = 1;
  double text_documents = 1;
};

// A triple term pattern with a variable (or blank node) inside: the hidden slot the enclosing
// pattern binds, and its parts (nested ones have bindings of their own).
struct TripleTermBinding {
  int slot = -1;
  std::array<PatternTerm, 3> parts;
  std::string text;
};

struct Bgp {
  std::vector<BgpItem> items;
  std::vector<TripleTermBinding> triple_terms;
  std::deque<ast::ValuesBlock> path_values;  // VALUES lists made for alternative paths
};

// The pattern position of a variable, blank node or term of the query. Terms the store lacks
// get query-local ids: they match no stored triple but still take part in zero-length paths,
// VALUES joins and results. A triple term without variables or blank nodes is a constant; one
// with them gets a hidden slot and a binding in `triple_terms` (which must then be given).
PatternTerm PatternTermOf(const ast::VarOrTerm& v, VarTable& vars, QueryContext* qc,
                          std::vector<TripleTermBinding>* triple_terms = nullptr);

// The join order is chosen greedily, quadratic in the items of a group: beyond this many
// (property path steps included) planning alone would outlast any time limit, so such a group is
// refused before any work (a 100,000-step path took minutes and 763 MB). RewriteBgp stops
// expanding paths once a group holds more.
constexpr size_t kMaxGroupItems = 1000;

// Rewrites paths the way the spec's translation does: iri -> pattern, ^p -> swapped pattern,
// p/q -> a chain through hidden variables, (p1|p2) of IRIs -> a pattern restricted by VALUES;
// the rest go to the path operator. Text search patterns become text search items
// (text_pattern.h). Appends to `out` (whose VALUES lists the items point to, so it is filled in
// place); an error for a text search it cannot run.
Status RewriteBgp(const std::vector<const ast::TriplePattern*>& triples,
                  const std::vector<const ast::ValuesBlock*>& values, VarTable& vars,
                  QueryContext* qc, Bgp* out);

}  // namespace sextant::query
