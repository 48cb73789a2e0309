// Helpers for the C API tests, which link only the public shared library (no engine
// internals): a temporary store, and reading cursors into strings.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "sextant/sextant.h"

#define ASSERT_C_OK(expr) \
  ASSERT_EQ((expr), SEXTANT_OK) << #expr << ": " << sextant_last_error_message()
#define EXPECT_C_OK(expr) \
  EXPECT_EQ((expr), SEXTANT_OK) << #expr << ": " << sextant_last_error_message()

namespace sextant_capi_test {

inline constexpr const char* kData = R"(
@prefix : <http://sextant.local/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
:Russia :memberOf :CSTO ; :label "Russia"@en .
:Kazakhstan :memberOf :CSTO ; :label "Kazakhstan" .
:Armenia :memberOf :CSTO ; :soldiers 3000 .
<http://sextant.local/source/a> { :Tokayev :presidentOf :Kazakhstan . _:b :about :Tokayev . }
)";

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  // Loads kData into db_.
  void LoadData();
  // Every row of a SELECT as "a|b|..." with terms in N-Triples-like form ("-" when unbound).
  std::vector<std::string> Rows(const char* sparql);
  static std::vector<std::string> Drain(sextant_cursor* cursor, sextant_code* final_code = nullptr);
  static std::string Show(const sextant_term& t);

  std::filesystem::path dir_;
  sextant_db* db_ = nullptr;
};

inline sextant_term Iri(const char* iri) {
  return {SEXTANT_TERM_IRI, iri, 0, nullptr, nullptr, nullptr, nullptr};
}
inline sextant_term Lit(const char* lex, const char* dt = nullptr, const char* lang = nullptr) {
  return {SEXTANT_TERM_LITERAL, lex, 0, dt, lang, nullptr, nullptr};
}

}  // namespace sextant_capi_test
