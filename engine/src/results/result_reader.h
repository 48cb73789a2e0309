// Reading SPARQL 1.1 Query Results documents (JSON and XML), as a remote endpoint returns them
// to SERVICE. The whole document is in memory already (the HTTP client bounds its size).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sextant/status.h"
#include "sextant/term.h"

namespace sextant::results {

enum class ResultsSyntax { kJson, kXml };

// application/sparql-results+json, application/json -> kJson; application/sparql-results+xml,
// application/xml, text/xml -> kXml; parameters (charset) are ignored. nullopt otherwise.
std::optional<ResultsSyntax> ResultsSyntaxFromContentType(std::string_view content_type);

struct ResultTable {
  bool is_boolean = false;  // an ASK answer
  bool boolean = false;
  std::vector<std::string> variables;
  // One entry per variable, in `variables` order; nullopt where the variable is unbound.
  std::vector<std::vector<std::optional<Term>>> rows;
};

// Parses `body`. Blank node labels are prefixed with `blank_prefix` (results of different
// requests never share blank nodes). Errors say what is wrong and name `source`.
Result<ResultTable> ReadSparqlResults(std::string_view body, ResultsSyntax syntax,
                                      const std::string& source,
                                      const std::string& blank_prefix = "");

}  // namespace sextant::results
