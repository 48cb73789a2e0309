// SPARQL targets: the whole of Parse (lexer, nesting guard, parser, AST builder, static checks),
// then the consumers of its two outcomes, the AST printer and the caret error formatter.
#include <string>

#include "fuzz_targets.h"
#include "grammar/parse.h"

namespace sextant::fuzz {
namespace {

Status CheckSparql(std::string_view text, const ParseOptions& options) {
  Result<ast::Statement> parsed = Parse(text, options);
  if (parsed.ok()) {
    // Every AST the parser accepts must print (EXPLAIN shows it).
    const std::string printed = ast::ToString(*parsed);
    if (printed.empty()) return Status::Internal("empty AST printout");
    return Status::OK();
  }
  const Status status = parsed.status();
  if (status.code() == StatusCode::kSyntaxError) {
    // The shell puts a caret under the error position, so it must lie inside the text.
    if (status.line() == 0 || status.column() == 0) {
      return Status::Internal("syntax error without a position: " + status.ToString());
    }
    (void)FormatSyntaxError(text, status);
  }
  if (IsBug(status)) return Status::Internal("parser failure: " + status.ToString());
  return status;
}

}  // namespace

Status FuzzSparqlQuery(std::string_view input) {
  return CheckSparql(input, ParseOptions());
}

Status FuzzSparqlUpdate(std::string_view input) {
  // Other options than the query target's, so both the relative IRI resolution and a nesting
  // limit that fuzzed input can actually reach get exercised.
  ParseOptions options;
  options.base_iri = "http://example.org/dir/base?q#f";
  options.max_depth = 24;
  options.source_name = "update.ru";
  return CheckSparql(input, options);
}

}  // namespace sextant::fuzz
