// Rules: stored inference rules, built-in rule sets, and explanations of derived facts.
// See docs/RULES.md for the language and the semantics.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sextant/export.h"
#include "sextant/term.h"

namespace sextant {

// Every triple a rule derives is stored (once) in this graph: visible through the union
// default graph, hidden by QueryOptions::include_derived = false, readable with GRAPH.
inline constexpr std::string_view kDerivedGraphIri = "urn:sextant:derived";

// One rule as `Database::ListRules` reports it.
struct RuleInfo {
  std::string name;
  std::string origin;  // "user", or the built-in set it belongs to ("rdfs", "owl-rl-properties")
  bool enabled = false;
  std::string text;  // the rule as stored (RULE ... WHERE ...), with its prologue
};

// A node of a derivation tree: a triple, the graphs asserting it, and (when derived) the rule
// application that derives it from its premises.
struct Derivation {
  Term subject, predicate, object;
  std::vector<Term> asserted_in;  // source graphs (Term::DefaultGraph() for the default graph)
  std::string rule;               // empty for an asserted leaf
  std::vector<std::pair<std::string, Term>> bindings;  // the rule's variables, by name
  std::vector<Derivation> premises;                    // one per positive body triple
};

struct Explanation {
  bool holds = false;    // asserted somewhere or derived
  bool derived = false;  // in the derived graph
  Derivation root;
};

// The indented tree `EXPLAIN WHY` prints: one line per node, rule applications with their
// bindings, asserted facts with their graphs.
SEXTANT_API std::string FormatExplanation(const Explanation& e);

}  // namespace sextant
