// Handlers for the W3C SPARQL syntax suites (1.0 and 1.1, query and update): a positive test's
// action must parse, a negative test's action must give a SyntaxError. The parser is linked in
// by sparql_suites.cmake, which also defines SEXTANT_W3C_SPARQL_SYNTAX; without it this file is
// empty so the runner still builds.
#ifdef SEXTANT_W3C_SPARQL_SYNTAX

#include <fstream>
#include <sstream>
#include <string>

#include "grammar/parse.h"
#include "w3c.h"

namespace sextant::w3c {
namespace {

Result<ast::Statement> ParseAction(const TestCase& tc, std::string* text) {
  std::ifstream in(tc.action_path, std::ios::binary);
  if (tc.action_path.empty() || !in)
    return Status::NotFound("cannot read action " + tc.action_path);
  std::stringstream ss;
  ss << in.rdbuf();
  *text = ss.str();
  ParseOptions options;
  options.prefixes.clear();  // the suites declare every prefix they use
  options.base_iri = tc.action_iri;
  options.source_name = tc.action_path;
  return Parse(*text, options);
}

Outcome Positive(const TestCase& tc) {
  std::string text;
  auto r = ParseAction(tc, &text);
  if (r.ok()) return {true, ""};
  return {false, "rejected valid input: " + r.status().ToString()};
}

Outcome Negative(const TestCase& tc) {
  std::string text;
  auto r = ParseAction(tc, &text);
  if (r.ok()) return {false, "accepted invalid input as " + ast::ToString(*r)};
  if (r.status().code() != StatusCode::kSyntaxError) {
    return {false, "expected a syntax error, got " + r.status().ToString()};
  }
  return {true, ""};
}

bool Register() {
  const std::string mf = kMf;
  bool ok = true;
  for (const char* suffix : {"", "11"}) {
    ok &= RegisterTestType(mf + "PositiveSyntaxTest" + suffix, Positive);
    ok &= RegisterTestType(mf + "NegativeSyntaxTest" + suffix, Negative);
    ok &= RegisterTestType(mf + "PositiveUpdateSyntaxTest" + suffix, Positive);
    ok &= RegisterTestType(mf + "NegativeUpdateSyntaxTest" + suffix, Negative);
  }
  return ok;
}

[[maybe_unused]] const bool kSyntaxRegistered = Register();

}  // namespace
}  // namespace sextant::w3c

#endif  // SEXTANT_W3C_SPARQL_SYNTAX
