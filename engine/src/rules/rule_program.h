// Rules compiled for evaluation: each rule's body as a query the SPARQL planner runs, its
// head templates, the predicates it reads and writes, and the evaluation order (strata).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "grammar/ast.h"
#include "sextant/status.h"

namespace sextant::rules {

// A rule as stored: where it comes from and its text.
struct RuleSource {
  std::string name;
  std::string origin;  // "user" or a built-in set name
  std::string text;    // a RULE statement (with its prologue)
  bool enabled = true;
};

// A predicate a rule reads or writes; nullopt is a variable (matches every predicate).
using PredicateKey = std::optional<std::string>;

struct CompiledRule {
  std::string name;
  std::string origin;
  std::string text;
  std::vector<ast::TriplePattern> head;
  // SELECT * WHERE { body }. `positive` points at its top-level triple patterns: the ones
  // semi-naive evaluation restricts, in turn, to the facts new in the last round.
  std::unique_ptr<ast::Query> body;
  std::vector<const ast::TriplePattern*> positive;
  // Per head triple: the body plus that head triple as one more pattern (last), to find the
  // derivations of given facts (rederivation, EXPLAIN WHY).
  std::vector<std::unique_ptr<ast::Query>> body_with_head;
  std::vector<const ast::TriplePattern*> head_in_body;
  std::vector<PredicateKey> head_predicates;
  std::vector<PredicateKey> read_predicates;     // positive patterns
  std::vector<PredicateKey> negated_predicates;  // inside NOT EXISTS / EXISTS / MINUS
};

struct RuleProgram {
  std::vector<CompiledRule> rules;
  // Groups of rule indexes evaluated in order, each to its fixpoint: the strongly connected
  // components of the predicate dependency graph, in dependency order. Negation only looks
  // at earlier groups.
  std::vector<std::vector<size_t>> strata;
  bool has_negation = false;
  bool empty() const { return rules.empty(); }
};

// Parses and validates one rule (template variables bound by the body, supported body forms).
// Errors carry the rule's name.
Result<CompiledRule> CompileRule(const RuleSource& source);

// Compiles the enabled rules and orders them. Fails (naming the rules) when negation goes
// through a cycle.
Result<std::shared_ptr<const RuleProgram>> CompileProgram(const std::vector<RuleSource>& sources);

// The built-in sets: names and their rules (origin = the set name).
const std::vector<std::string>& BuiltinSetNames();
std::vector<RuleSource> BuiltinSet(const std::string& name);

}  // namespace sextant::rules
