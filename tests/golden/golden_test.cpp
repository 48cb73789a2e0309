// Golden query tests: every tests/golden/queries/NAME.rq runs against tests/golden/data.trig and
// must give exactly the answer in the file beside it:
//   NAME.tsv / NAME.srj  rows (in order only when the query sorts) or an ASK boolean;
//   NAME.nt              the CONSTRUCT/DESCRIBE graph, equal up to blank node renaming;
//   NAME.err             an error before any row: each line must occur in the error as shown
//                        to users (FILE:LINE:COLUMN: message, the offending line and a caret).
// The expected answers were worked out by hand from the data, one feature per query.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "rdf/isomorphism.h"
#include "rdf/parser.h"
#include "sextant/database.h"
#include "sextant/error_format.h"
#include "testutil/loaded_store.h"
#include "testutil/result_set.h"
#include "testutil/test_util.h"

namespace sextant {
namespace {

namespace fs = std::filesystem;
using sextant::testing::ReadFile;
using sextant::testing::SourceDir;

fs::path QueryDir() {
  return SourceDir() / "tests/golden/queries";
}

std::vector<std::string> QueryNames() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(QueryDir())) {
    if (e.path().extension() == ".rq") out.push_back(e.path().stem().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The expected-answer file of a query; empty when there is none.
fs::path ExpectedFile(const std::string& name) {
  for (const char* ext : {".tsv", ".srj", ".nt", ".err"}) {
    const fs::path p = QueryDir() / (name + ext);
    if (fs::exists(p)) return p;
  }
  return {};
}

class GoldenTest : public sextant::testing::LoadedStoreTest {
 protected:
  static void SetUpTestSuite() { Load({"tests/golden/data.trig"}); }
};

void ExpectError(const std::string& text, const Status& error, const fs::path& expected_file) {
  ASSERT_FALSE(error.ok()) << "the query ran, but " << expected_file.filename()
                           << " expects an error";
  const std::string shown = FormatSyntaxError(text, error);
  std::istringstream expected(ReadFile(expected_file.string()));
  for (std::string line; std::getline(expected, line);) {
    if (!line.empty()) {
      EXPECT_NE(shown.find(line), std::string::npos) << "missing '" << line << "' in:\n" << shown;
    }
  }
  // A positioned error shows the caret under the column it names.
  if (error.line() > 0 && error.column() > 0) {
    std::istringstream lines(shown);
    std::string source_line, caret_line;
    std::getline(lines, source_line);
    std::getline(lines, caret_line);
    EXPECT_EQ(caret_line.find('^'), static_cast<size_t>(error.column() - 1)) << shown;
  }
}

TEST_P(GoldenTest, GivesTheExpectedAnswer) {
  const std::string name = GetParam();
  const std::string text = ReadFile((QueryDir() / (name + ".rq")).string());
  const fs::path expected_file = ExpectedFile(name);
  ASSERT_FALSE(expected_file.empty()) << name << ".rq has no .tsv, .srj, .nt or .err beside it";
  QueryOptions options;
  options.source_name = name + ".rq";
  auto cursor = db().Query(text, options);
  if (expected_file.extension() == ".err") {
    ExpectError(text, cursor.status(), expected_file);
    return;
  }
  ASSERT_OK(cursor);
  QueryCursor& c = **cursor;
  if (expected_file.extension() == ".nt") {
    ASSERT_TRUE(c.form() == QueryForm::kConstruct || c.form() == QueryForm::kDescribe);
    std::vector<Quad> got;
    while (c.Next()) got.push_back(c.triple());
    ASSERT_OK(c.status());
    rdf::ParseOptions po;
    po.format = RdfFormat::kNTriples;
    ASSERT_OK_AND_ASSIGN(std::vector<Quad> expected,
                         rdf::ParseFileToQuads(expected_file.string(), po));
    std::string why;
    EXPECT_TRUE(rdf::Isomorphic(expected, got, &why)) << why;
    return;
  }
  ASSERT_OK_AND_ASSIGN(w3c::ResultSet actual, w3c::Collect(c));
  ASSERT_OK_AND_ASSIGN(w3c::ResultSet expected, w3c::ReadResultFile(expected_file.string()));
  if (!expected.is_boolean) {
    EXPECT_EQ(expected.vars, actual.vars);
  }
  std::string why;
  EXPECT_TRUE(w3c::SameResults(expected, actual, w3c::QuerySorts(text), &why)) << why;
}

INSTANTIATE_TEST_SUITE_P(Queries, GoldenTest, ::testing::ValuesIn(QueryNames()),
                         sextant::testing::FileParamName);

// The plan of every golden query, as EXPLAIN shows it, against tests/golden/plans.txt: a
// refactoring of the planner must leave every plan byte for byte as it was. A change meant to
// alter plans rewrites the recording (SEXTANT_RECORD=1) and shows the difference in review.
class GoldenPlansTest : public sextant::testing::LoadedStoreTest {
 protected:
  static void SetUpTestSuite() { Load({"tests/golden/data.trig"}); }
};

TEST_F(GoldenPlansTest, ExplainOutputMatchesTheRecording) {
  std::string plans;
  for (const std::string& name : QueryNames()) {
    auto cursor = db().Query(ReadFile((QueryDir() / (name + ".rq")).string()));
    plans += "## " + name + "\n";
    plans += cursor.ok() ? (*cursor)->Explain(false) : "(no plan: the query is an error)\n";
  }
  sextant::testing::ExpectMatchesRecording("tests/golden/plans.txt", plans);
}

// The SPARQL features of the query engine, each needing at least one golden query by this name
// prefix, so a deleted file cannot silently drop a feature from the suite.
TEST(GoldenCoverageTest, EveryFeatureHasAGoldenQuery) {
  const auto names = QueryNames();
  for (const char* feature : {"bgp",
                              "select-star",
                              "select-expression",
                              "ask-",
                              "construct",
                              "construct-where",
                              "describe",
                              "filter-",
                              "string-functions",
                              "numeric-functions",
                              "datetime-functions",
                              "hash-functions",
                              "term-functions",
                              "nondeterministic-functions",
                              "coalesce-if",
                              "casts",
                              "error-semantics",
                              "optional",
                              "union",
                              "minus",
                              "not-exists",
                              "exists",
                              "bind",
                              "values",
                              "graph-variable",
                              "graph-iri",
                              "from",
                              "from-named",
                              "subquery",
                              "aggregates",
                              "group-having",
                              "group-concat-sample",
                              "order-",
                              "distinct",
                              "reduced",
                              "path-sequence",
                              "path-alternative",
                              "path-inverse",
                              "path-plus",
                              "path-star",
                              "path-optional",
                              "path-negated",
                              "keywords-case-insensitive",
                              "prefix-declared",
                              "error-syntax",
                              "error-unknown-prefix",
                              "error-unknown-function",
                              "error-group-scope",
                              "error-nesting-depth"}) {
    EXPECT_TRUE(std::any_of(names.begin(), names.end(),
                            [&](const std::string& n) { return n.rfind(feature, 0) == 0; }))
        << "no golden query for " << feature;
  }
}

}  // namespace
}  // namespace sextant
