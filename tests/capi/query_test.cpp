// Queries and result cursors through the C API.
#include <string>
#include <vector>

#include "capi_fixture.h"

namespace sextant_capi_test {
namespace {

using V = std::vector<std::string>;

class QueryTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    LoadData();
  }
};

TEST_F(QueryTest, SelectRowsCarryKindLexicalDatatypeAndLanguage) {
  sextant_cursor* c = nullptr;
  ASSERT_C_OK(
      sextant_query(db_,
                    "SELECT ?s ?label ?n WHERE { ?s :memberOf :CSTO "
                    "OPTIONAL { ?s :label ?label } OPTIONAL { ?s :soldiers ?n } } ORDER BY ?s",
                    &c));
  EXPECT_EQ(sextant_cursor_form(c), SEXTANT_FORM_SELECT);
  ASSERT_EQ(sextant_cursor_column_count(c), 3u);
  EXPECT_STREQ(sextant_cursor_column_name(c, 1), "label");
  EXPECT_EQ(sextant_cursor_column_name(c, 3), nullptr);
  EXPECT_EQ(
      Drain(c),
      (V{"<http://sextant.local/Armenia>|-|\"3000\"^^http://www.w3.org/2001/XMLSchema#integer",
         "<http://sextant.local/Kazakhstan>|\"Kazakhstan\"^^http://www.w3.org/2001/"
         "XMLSchema#string|-",
         "<http://sextant.local/Russia>|\"Russia\"@en|-"}));
  sextant_cursor_free(c);
}

TEST_F(QueryTest, BlankNodesComeBackAsBlankNodes) {
  EXPECT_EQ(Rows("SELECT (isBlank(?b) AS ?x) ?b WHERE { GRAPH ?g { ?b :about ?t } }").size(), 1u);
  auto rows = Rows("SELECT ?b WHERE { GRAPH ?g { ?b :about ?t } }");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].rfind("_:", 0), 0u) << rows[0];
}

TEST_F(QueryTest, ConstructRowsAreTriples) {
  sextant_cursor* c = nullptr;
  ASSERT_C_OK(sextant_query(
      db_, "CONSTRUCT { ?s :in ?o } WHERE { ?s :memberOf ?o } ORDER BY ?s LIMIT 1", &c));
  EXPECT_EQ(sextant_cursor_form(c), SEXTANT_FORM_CONSTRUCT);
  ASSERT_EQ(sextant_cursor_column_count(c), 3u);
  EXPECT_STREQ(sextant_cursor_column_name(c, 0), "subject");
  EXPECT_EQ(Drain(c).size(), 1u);
  sextant_cursor_free(c);
}

TEST_F(QueryTest, AskGivesABooleanAndNoRows) {
  sextant_cursor* c = nullptr;
  ASSERT_C_OK(sextant_query(db_, "ASK { :Russia :memberOf :CSTO }", &c));
  EXPECT_EQ(sextant_cursor_form(c), SEXTANT_FORM_ASK);
  EXPECT_EQ(sextant_cursor_column_count(c), 0u);
  int value = 0;
  ASSERT_C_OK(sextant_cursor_boolean(c, &value));
  EXPECT_EQ(value, 1);
  int has_row = 1;
  EXPECT_EQ(sextant_cursor_next(c, &has_row), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(has_row, 0);
  sextant_cursor_free(c);
}

TEST_F(QueryTest, BooleanOfASelectIsTheWrongType) {
  sextant_cursor* c = nullptr;
  ASSERT_C_OK(sextant_query(db_, "SELECT * WHERE { ?s ?p ?o }", &c));
  int value = 7;
  EXPECT_EQ(sextant_cursor_boolean(c, &value), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(value, 7);
  sextant_cursor_free(c);
}

TEST_F(QueryTest, SyntaxErrorHasLineAndColumn) {
  sextant_cursor* c = reinterpret_cast<sextant_cursor*>(1);
  EXPECT_EQ(sextant_query(db_, "SELECT *\nWHERE { ?s :memberOf }", &c), SEXTANT_SYNTAX_ERROR);
  EXPECT_EQ(c, nullptr);
  EXPECT_EQ(sextant_last_error_line(), 2u);
  EXPECT_EQ(sextant_last_error_column(), 22u);
  EXPECT_NE(std::string(sextant_last_error_message()).find("'}'"), std::string::npos)
      << sextant_last_error_message();
}

TEST_F(QueryTest, AnUpdateIsNotAQuery) {
  sextant_cursor* c = nullptr;
  EXPECT_EQ(sextant_query(db_, "INSERT DATA { :a :b :c }", &c), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_query(db_, nullptr, &c), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_query(nullptr, "ASK {}", &c), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_query(db_, "ASK {}", nullptr), SEXTANT_INVALID_ARGUMENT);
}

TEST_F(QueryTest, ReadingWithoutACurrentRowFails) {
  sextant_cursor* c = nullptr;
  ASSERT_C_OK(sextant_query(db_, "SELECT ?s WHERE { ?s :label ?l }", &c));
  sextant_term t;
  EXPECT_EQ(sextant_cursor_term(c, 0, &t), SEXTANT_INVALID_ARGUMENT);  // before the first row
  int has_row = 0;
  ASSERT_C_OK(sextant_cursor_next(c, &has_row));
  ASSERT_EQ(has_row, 1);
  EXPECT_EQ(sextant_cursor_term(c, 1, &t), SEXTANT_INVALID_ARGUMENT);  // no such column
  EXPECT_EQ(sextant_cursor_term(c, 0, nullptr), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_cursor_next(c, nullptr), SEXTANT_INVALID_ARGUMENT);
  ASSERT_C_OK(sextant_cursor_next(c, &has_row));
  ASSERT_C_OK(sextant_cursor_next(c, &has_row));
  EXPECT_EQ(has_row, 0);
  EXPECT_EQ(sextant_cursor_term(c, 0, &t), SEXTANT_INVALID_ARGUMENT);  // after the end
  EXPECT_NE(std::string(sextant_last_error_message()).find("no current row"), std::string::npos);
  ASSERT_C_OK(sextant_cursor_next(c, &has_row));  // the end stays the end
  EXPECT_EQ(has_row, 0);
  sextant_cursor_free(c);
}

TEST_F(QueryTest, NullCursorIsInvalid) {
  int has_row = 1;
  sextant_term t;
  EXPECT_EQ(sextant_cursor_next(nullptr, &has_row), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(has_row, 0);
  EXPECT_EQ(sextant_cursor_term(nullptr, 0, &t), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_cursor_boolean(nullptr, &has_row), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_cursor_column_count(nullptr), 0u);
  sextant_cursor_free(nullptr);
}

TEST_F(QueryTest, CursorOutlivesTheDatabaseHandle) {
  sextant_cursor* c = nullptr;
  ASSERT_C_OK(sextant_query(db_, "SELECT ?s WHERE { ?s :memberOf :CSTO }", &c));
  sextant_close(db_);
  db_ = nullptr;
  EXPECT_EQ(Drain(c).size(), 3u);
  // A drained cursor lets go of the store: it closed with its last user and can be reopened.
  ASSERT_C_OK(sextant_open(Path("db").c_str(), 0, &db_));
  sextant_cursor_free(c);
}

TEST_F(QueryTest, ACursorReadsItsSnapshot) {
  sextant_cursor* c = nullptr;
  ASSERT_C_OK(sextant_query(db_, "SELECT ?s WHERE { ?s :memberOf :CSTO }", &c));
  ASSERT_C_OK(sextant_update(db_, "INSERT DATA { :Belarus :memberOf :CSTO }", nullptr, nullptr));
  EXPECT_EQ(Drain(c).size(), 3u);
  sextant_cursor_free(c);
  EXPECT_EQ(Rows("SELECT ?s WHERE { ?s :memberOf :CSTO }").size(), 4u);
}

}  // namespace
}  // namespace sextant_capi_test
