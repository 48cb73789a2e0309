// The text search from SPARQL (docs/SEARCH.md): `?lit sx:matches "text"` with sx:score and
// sx:snippet, inside any graph pattern, planned as its own operator that EXPLAIN shows, and
// agreeing with Database::Search.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "sextant/database.h"
#include "testutil/test_util.h"

namespace sextant {
namespace {

using sextant::testing::TempDir;

constexpr const char* kSparqlSearchFacts = R"(
@prefix : <http://sextant.local/> .
@prefix src: <http://sextant.local/source/> .
src:a { :Polonez :label "Polonez missile system"@en ; :note "missile, missile and more missiles"@en . }
src:b { :Belarus :quote "Belarus showed the Polonez at a parade"@en ; :country "Belarus" .
        :Kz :quote "a colour revolution in Kazakhstan"@en ; :country "Kazakhstan" .
        :Other :quote "revolution of colour"@en . }
:Polonez :label "Polonez missile system"@en .
)";

constexpr const char* kPrefixes =
    "PREFIX : <http://sextant.local/> PREFIX sx: <urn:sextant:> "
    "PREFIX src: <http://sextant.local/source/> ";

class SearchSparqlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(db_, Database::Open(dir_.Sub("db")));
    LoadOptions options;
    options.format = RdfFormat::kTriG;
    ASSERT_OK(db_->LoadString(kSparqlSearchFacts, options).status());
  }
  // Rows as "a|b|c" (values; "-" for unbound), in the order the query gives them.
  Result<std::vector<std::string>> Rows(const std::string& query) {
    SEXTANT_ASSIGN_OR_RETURN(auto c, db_->Query(kPrefixes + query));
    std::vector<std::string> out;
    while (c->Next()) {
      std::string r;
      for (const auto& v : c->row()) {
        std::string value = v ? v->value() : "-";
        if (value.starts_with("http://sextant.local/")) value = value.substr(21);
        r += (r.empty() ? "" : "|") + value;
      }
      out.push_back(r);
    }
    SEXTANT_RETURN_IF_ERROR(c->status());
    return out;
  }
  std::vector<std::string> Sorted(const std::string& query) {
    auto rows = Rows(query);
    EXPECT_OK(rows.status());
    if (!rows.ok()) return {};
    std::sort(rows->begin(), rows->end());
    return *rows;
  }
  TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(SearchSparqlTest, BindsScoreAndSnippetLikeDatabaseSearch) {
  // Literals come best first, each with the score and snippet Database::Search gives its facts.
  ASSERT_OK_AND_ASSIGN(auto rows,
                       Rows("SELECT ?lit ?sc ?sn WHERE { ?lit sx:matches \"missile\" ; sx:score "
                            "?sc ; sx:snippet ?sn }"));
  ASSERT_OK_AND_ASSIGN(auto hits, db_->Search("missile"));
  std::vector<SearchHit> literals;
  for (const auto& h : hits) {
    if (literals.empty() || literals.back().literal != h.literal) literals.push_back(h);
  }
  ASSERT_EQ(literals.size(), 2u);
  ASSERT_EQ(rows.size(), literals.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    const std::string& r = rows[i];
    const size_t a = r.find('|');
    const size_t b = r.find('|', a + 1);
    EXPECT_EQ(r.substr(0, a), literals[i].literal.value()) << r;
    EXPECT_NEAR(std::stod(r.substr(a + 1, b - a - 1)), literals[i].score, 1e-9) << r;
    EXPECT_EQ(r.substr(b + 1), literals[i].snippet) << r;
  }
  EXPECT_TRUE(rows[0].starts_with("missile, missile and more missiles|")) << rows[0];
  EXPECT_TRUE(rows[0].ends_with("|<b>missile</b>, <b>missile</b> and more <b>missiles</b>"))
      << rows[0];
  // Joined with the facts: every fact of a matching literal, the graph it is in.
  EXPECT_EQ(Sorted("SELECT ?s ?g WHERE { GRAPH ?g { ?s ?p ?lit } ?lit sx:matches \"missile\" }"),
            (std::vector<std::string>{"Polonez|source/a", "Polonez|source/a"}));
}

TEST_F(SearchSparqlTest, PhrasesPrefixesAndOperatorsAsInTheSearchSyntax) {
  const auto subjects = [&](const std::string& text) {
    return Sorted("SELECT DISTINCT ?s WHERE { ?s ?p ?lit . ?lit sx:matches " + text + " }");
  };
  EXPECT_EQ(subjects("'\"colour revolution\"'"), std::vector<std::string>{"Kz"});
  EXPECT_EQ(subjects("\"colour revolution\"").size(), 2u);
  EXPECT_EQ(subjects("\"kazakh*\""), std::vector<std::string>{"Kz"});
  EXPECT_EQ(subjects("\"polonez NOT missile\""), std::vector<std::string>{"Belarus"});
  EXPECT_EQ(subjects("\"parade OR kazakhstan\""), (std::vector<std::string>{"Belarus", "Kz"}));
  EXPECT_EQ(subjects("\"the\""), std::vector<std::string>{});  // a stop word
}

TEST_F(SearchSparqlTest, WorksInsideAnyGraphPattern) {
  // GRAPH with a variable and with an IRI.
  EXPECT_EQ(Sorted("SELECT ?s ?g WHERE { GRAPH ?g { ?s :quote ?q . ?q sx:matches \"polonez\" } }"),
            std::vector<std::string>{"Belarus|source/b"});
  EXPECT_EQ(Sorted("SELECT ?s WHERE { GRAPH src:a { ?s ?p ?q . ?q sx:matches \"polonez\" } }"),
            (std::vector<std::string>{"Polonez"}));
  // OPTIONAL: every country, the score only where its quote matches.
  EXPECT_EQ(Sorted("SELECT ?c (BOUND(?sc) AS ?m) WHERE { ?s :country ?c OPTIONAL { ?s :quote ?q . "
                   "?q sx:matches \"revolution\" ; sx:score ?sc } }"),
            (std::vector<std::string>{"Belarus|false", "Kazakhstan|true"}));
  // UNION and FILTER EXISTS / NOT EXISTS.
  EXPECT_EQ(Sorted("SELECT DISTINCT ?s WHERE { { ?s :quote ?q . ?q sx:matches \"parade\" } UNION { "
                   "?s :label "
                   "?l . ?l sx:matches \"system\" } }"),
            (std::vector<std::string>{"Belarus", "Polonez"}));
  EXPECT_EQ(Sorted("SELECT ?c WHERE { ?s :country ?c FILTER NOT EXISTS { ?s :quote ?q . ?q "
                   "sx:matches \"parade\" } }"),
            std::vector<std::string>{"Kazakhstan"});
  // A subquery, and a constant literal checked against the search.
  EXPECT_EQ(Sorted("SELECT ?n WHERE { { SELECT (COUNT(*) AS ?n) WHERE { ?l sx:matches "
                   "\"revolution\" } } }"),
            std::vector<std::string>{"2"});
  EXPECT_EQ(Sorted("SELECT (1 AS ?x) { \"revolution of colour\"@en sx:matches \"colour\" }"),
            std::vector<std::string>{"1"});
  EXPECT_EQ(Sorted("SELECT (1 AS ?x) { \"revolution of colour\"@en sx:matches \"parade\" }"),
            std::vector<std::string>{});
}

TEST_F(SearchSparqlTest, ExplainShowsTheSearchAsAnOperator) {
  ASSERT_OK_AND_ASSIGN(auto c, db_->Query("EXPLAIN " + std::string(kPrefixes) +
                                          "SELECT ?s WHERE { ?s ?p ?lit . ?lit sx:matches "
                                          "\"polonez missile\" ; sx:score ?sc }"));
  const std::string plan = c->Explain(false);
  EXPECT_NE(plan.find("TextSearch ?lit sx:matches \"polonez missile\""), std::string::npos) << plan;
  EXPECT_NE(plan.find("sx:score ?sc"), std::string::npos) << plan;
  // Planned like an index scan: the selective search runs first (a leaf of the plan, on the
  // initial row) and binds ?lit for the join with the facts.
  const size_t line_end = plan.find('\n', plan.find("TextSearch"));
  ASSERT_NE(line_end, std::string::npos) << plan;
  const size_t next = plan.find_first_not_of(' ', line_end + 1);
  EXPECT_EQ(plan.compare(next, 9, "Singleton"), 0) << plan;
  ASSERT_OK_AND_ASSIGN(
      auto run, db_->Query(std::string(kPrefixes) + "SELECT DISTINCT ?s WHERE { ?s ?p ?lit . ?lit "
                                                    "sx:matches \"polonez missile\" }"));
  size_t n = 0;
  while (run->Next()) ++n;
  ASSERT_OK(run->status());
  EXPECT_EQ(n, 1u);
  EXPECT_NE(run->Explain(true).find("1 matching literals"), std::string::npos)
      << run->Explain(true);
}

TEST_F(SearchSparqlTest, UpdatesSelectWithTheSearchAndTheIndexFollows) {
  ASSERT_OK(db_->Update(std::string(kPrefixes) +
                        "DELETE { GRAPH ?g { ?s ?p ?q } } WHERE { GRAPH ?g { ?s ?p ?q } ?q "
                        "sx:matches \"parade\" }")
                .status());
  EXPECT_EQ(Sorted("SELECT ?q WHERE { ?q sx:matches \"parade\" }"), std::vector<std::string>{});
  // A later operation of the same request would not see the index change: refused clearly.
  auto second = db_->Update(std::string(kPrefixes) +
                            "INSERT DATA { :x :quote \"a new parade\"@en } ; "
                            "DELETE { ?s ?p ?q } WHERE { ?s ?p ?q . ?q sx:matches \"parade\" }");
  EXPECT_NE(second.status().message().find("request of its own"), std::string::npos)
      << second.status().ToString();
  EXPECT_EQ(second.status().code(), StatusCode::kUnsupported);
  EXPECT_EQ(Sorted("SELECT ?q WHERE { ?q sx:matches \"parade\" }"), std::vector<std::string>{});
  ASSERT_OK_AND_ASSIGN(auto report, db_->Check());
  EXPECT_TRUE(report.ok()) << report.problems.front();
}

TEST_F(SearchSparqlTest, ClearErrors) {
  auto code = [&](const std::string& q) { return Rows(q).status(); };
  // sx:score without its search on the same subject would silently match nothing.
  auto orphan = code("SELECT * WHERE { ?lit sx:score ?sc }");
  EXPECT_EQ(orphan.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(orphan.message().find("sx:score"), std::string::npos) << orphan.message();
  EXPECT_EQ(code("SELECT * WHERE { ?lit sx:matches ?text }").code(), StatusCode::kInvalidArgument);
  auto bad = code("SELECT * WHERE { ?lit sx:matches \"(polonez\" }");
  EXPECT_EQ(bad.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.message().find("(polonez"), std::string::npos) << bad.message();
  EXPECT_EQ(code("SELECT * WHERE { ?l sx:matches \"a\" . ?l sx:matches \"b\" }").code(),
            StatusCode::kInvalidArgument);
  TextIndexSettings off;
  off.enabled = false;
  ASSERT_OK(db_->ConfigureTextIndex(off));
  EXPECT_EQ(code("SELECT * WHERE { ?lit sx:matches \"polonez\" }").code(),
            StatusCode::kUnsupported);
}

}  // namespace
}  // namespace sextant
