// The static rules of SPARQL 1.1 that the grammar cannot express (section 18.2.1 and the
// aggregate rules of 11.4), checked on the built AST. Also fills Query::aggregated.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "grammar/ast.h"

namespace sextant::grammar_internal {

struct CheckError {
  std::string message;
  ast::SourcePos pos;
};

std::optional<CheckError> CheckStatement(ast::Statement& statement);

// The variables in scope after a group pattern (section 18.2.1): those it may bind.
std::set<std::string> VariablesInScope(const ast::GroupPattern& group);

}  // namespace sextant::grammar_internal
