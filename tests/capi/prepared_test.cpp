// Prepared queries and parameter binding through the C API.
#include <string>
#include <vector>

#include "capi_fixture.h"

namespace sextant_capi_test {
namespace {

using V = std::vector<std::string>;

class PreparedTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    LoadData();
    ASSERT_C_OK(sextant_prepare(db_, "SELECT ?s WHERE { ?s :memberOf ?org ; :label ?label }", &p_));
  }
  void TearDown() override {
    sextant_prepared_free(p_);
    StoreTest::TearDown();
  }
  V Execute() {
    sextant_cursor* c = nullptr;
    EXPECT_EQ(sextant_execute(p_, &c), SEXTANT_OK) << sextant_last_error_message();
    if (!c) return {};
    V rows = Drain(c);
    sextant_cursor_free(c);
    return rows;
  }
  sextant_prepared* p_ = nullptr;
};

TEST_F(PreparedTest, BindingsSelectRowsAndCanBeReplacedAndCleared) {
  EXPECT_EQ(Execute().size(), 2u);
  ASSERT_C_OK(sextant_bind_string(p_, "label", "Kazakhstan"));
  EXPECT_EQ(Execute(), V{"<http://sextant.local/Kazakhstan>"});
  sextant_term russia = Lit("Russia", nullptr, "en");
  ASSERT_C_OK(sextant_bind(p_, "?label", &russia));
  EXPECT_EQ(Execute(), V{"<http://sextant.local/Russia>"});
  ASSERT_C_OK(sextant_bind_iri(p_, "$org", "http://sextant.local/NATO"));
  EXPECT_TRUE(Execute().empty());
  ASSERT_C_OK(sextant_clear_bindings(p_));
  EXPECT_EQ(Execute().size(), 2u);
}

TEST_F(PreparedTest, NumbersBindAsTypedLiterals) {
  sextant_prepared* p = nullptr;
  ASSERT_C_OK(sextant_prepare(db_, "SELECT ?s WHERE { ?s :soldiers ?n }", &p));
  ASSERT_C_OK(sextant_bind_int(p, "n", 3000));
  sextant_cursor* c = nullptr;
  ASSERT_C_OK(sextant_execute(p, &c));
  EXPECT_EQ(Drain(c), V{"<http://sextant.local/Armenia>"});
  sextant_cursor_free(c);
  ASSERT_C_OK(sextant_bind_double(p, "n", 2.5));
  ASSERT_C_OK(sextant_execute(p, &c));
  EXPECT_TRUE(Drain(c).empty());
  sextant_cursor_free(c);
  sextant_prepared_free(p);
}

TEST_F(PreparedTest, BadParameterNamesAreRejected) {
  EXPECT_EQ(sextant_bind_iri(p_, "orgg", "http://e/x"), SEXTANT_INVALID_ARGUMENT);
  EXPECT_NE(std::string(sextant_last_error_message()).find("?orgg"), std::string::npos);
  EXPECT_EQ(sextant_bind_iri(p_, "or", "http://e/x"),
            SEXTANT_INVALID_ARGUMENT);  // a prefix of ?org
  EXPECT_EQ(sextant_bind_iri(p_, "", "http://e/x"), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_bind_iri(p_, "?", "http://e/x"), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_bind_iri(p_, "o g", "http://e/x"), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_bind_iri(p_, nullptr, "http://e/x"), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(Execute().size(), 2u);  // nothing got bound
}

TEST_F(PreparedTest, BadValuesAreRejected) {
  EXPECT_EQ(sextant_bind_iri(p_, "org", nullptr), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_bind_string(p_, "label", nullptr), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_bind(p_, "label", nullptr), SEXTANT_INVALID_ARGUMENT);
  sextant_term unbound = {SEXTANT_TERM_UNBOUND, "x", 0, nullptr, nullptr, nullptr, nullptr};
  EXPECT_EQ(sextant_bind(p_, "label", &unbound), SEXTANT_INVALID_ARGUMENT);
  sextant_term wrong = Lit("x", "http://www.w3.org/2001/XMLSchema#integer", "en");
  EXPECT_EQ(sextant_bind(p_, "label", &wrong), SEXTANT_INVALID_ARGUMENT);
  sextant_term no_lang = Lit("x", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString");
  EXPECT_EQ(sextant_bind(p_, "label", &no_lang), SEXTANT_INVALID_ARGUMENT);
  sextant_term no_value = {SEXTANT_TERM_IRI, nullptr, 0, nullptr, nullptr, nullptr, nullptr};
  EXPECT_EQ(sextant_bind(p_, "org", &no_value), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(Execute().size(), 2u);
}

TEST_F(PreparedTest, NullHandlesAndBadTextAreErrors) {
  sextant_cursor* c = nullptr;
  EXPECT_EQ(sextant_execute(nullptr, &c), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_execute(p_, nullptr), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_clear_bindings(nullptr), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_bind_int(nullptr, "n", 1), SEXTANT_INVALID_ARGUMENT);
  sextant_prepared* p = reinterpret_cast<sextant_prepared*>(1);
  EXPECT_EQ(sextant_prepare(db_, "SELECT ?s WHERE {", &p), SEXTANT_SYNTAX_ERROR);
  EXPECT_EQ(p, nullptr);
  EXPECT_EQ(sextant_last_error_line(), 1u);
  EXPECT_EQ(sextant_prepare(nullptr, "ASK {}", &p), SEXTANT_INVALID_ARGUMENT);
  sextant_prepared_free(nullptr);
}

}  // namespace
}  // namespace sextant_capi_test
