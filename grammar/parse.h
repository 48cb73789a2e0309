// The only door into the SPARQL grammar: text in, typed AST (grammar/ast.h) or a positioned
// Status::SyntaxError out. ANTLR stays behind this header.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "grammar/ast.h"
#include "sextant/error_format.h"  // FormatSyntaxError, re-exported for callers of Parse
#include "sextant/status.h"

namespace sextant {

struct ParseOptions {
  // Predeclared prefixes (name without ':', namespace IRI); a PREFIX in the text overrides them.
  std::vector<std::pair<std::string, std::string>> prefixes = DefaultPrefixes();
  // Base for relative IRIs when the text has no BASE.
  std::string base_iri;
  // Maximum nesting of brackets, braces and parentheses; deeper input is rejected before the
  // (recursive) parser sees it.
  int max_depth = 500;
  // Named in error messages (a file name), empty for interactive input.
  std::string source_name;

  // rdf:, rdfs:, xsd:, owl: and ':' mapped to `store_namespace`.
  static std::vector<std::pair<std::string, std::string>> DefaultPrefixes(
      std::string store_namespace = "http://sextant.local/");
};

// Parses one SPARQL 1.1 query (optionally prefixed by EXPLAIN [ANALYZE]) or update request.
Result<ast::Statement> Parse(std::string_view text, const ParseOptions& options = ParseOptions());

}  // namespace sextant
