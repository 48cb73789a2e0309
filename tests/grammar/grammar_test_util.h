// Helpers for the grammar tests: parse to the AST debug string, or to the error.
#pragma once

#include <string>
#include <string_view>

#include "grammar/parse.h"
#include "testutil/test_util.h"

namespace sextant::testing {

// ParseOptions with a short store namespace so expected strings stay readable.
inline ParseOptions TestOptions() {
  ParseOptions o;
  o.prefixes = ParseOptions::DefaultPrefixes("http://s/");
  o.prefixes.emplace_back("ex", "http://e/");
  return o;
}

// The AST debug string, or "ERROR line:col: message".
inline std::string ParseToString(std::string_view text,
                                 const ParseOptions& options = TestOptions()) {
  auto r = Parse(text, options);
  if (!r.ok()) {
    return "ERROR " + std::to_string(r.status().line()) + ":" +
           std::to_string(r.status().column()) + ": " + r.status().message();
  }
  return ast::ToString(*r);
}

}  // namespace sextant::testing
