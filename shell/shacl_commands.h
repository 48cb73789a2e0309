// SHACL on the command line: `validate` (a report as a table or as RDF) and the enforced
// shapes (`list | enforce FILE | drop SHAPE | drop --all`). Shared by `sextant validate`,
// `sextant shapes` and the shell's `.validate` and `.shapes`.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "sextant/database.h"

namespace sextant::cli {

inline constexpr const char* kShapesUsage = "list | enforce FILE | drop SHAPE | drop --all";
inline constexpr const char* kValidateUsage =
    "[SHAPES.ttl] [--graph IRI|default] [--format table|turtle|trig|ntriples|nquads|rdfxml] "
    "[--max-results N]";

struct ValidateRequest {
  std::string shapes_path;  // empty: the shapes the store enforces
  std::optional<Term> graph;
  std::string format = "table";
  uint64_t max_results = 0;
};

// Parses `[FILE] [--graph G] [--format F] [--max-results N]`; an error message on bad usage.
std::optional<std::string> ParseValidateArgs(std::vector<std::string> words, ValidateRequest* out);

// Prints the report; returns 0 when the data conforms, 1 when it does not (or on errors,
// printed to stderr with file:line:column for shapes that do not parse).
int RunValidateCommand(Database& db, const ValidateRequest& request,
                       const std::vector<std::pair<std::string, std::string>>& prefixes,
                       std::ostream& out);

int RunShapesCommand(Database& db, const std::vector<std::string>& words, std::ostream& out);

}  // namespace sextant::cli
