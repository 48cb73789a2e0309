// Groups whose patterns connect only through the outer query (a GRAPH block or a sub-group of
// label lookups) are evaluated with the outer bindings, not as a cross product of their own
// patterns; groups with their own scope (a filter on an outer variable) keep SPARQL's meaning.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "sextant/database.h"
#include "testutil/test_util.h"

namespace sextant {
namespace {

using sextant::testing::TempDir;

constexpr int kEntities = 400;  // three independent label lookups: 64 million rows if crossed

class CorrelatedGroupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.Sub("db"));
    ASSERT_OK(db);
    db_ = std::move(*db);
    std::string data = "@prefix : <http://sextant.local/> .\n<http://sextant.local/labels> {\n";
    for (int i = 0; i < kEntities; ++i) {
      data += ":e" + std::to_string(i) + " :label \"e" + std::to_string(i) + "\" .\n";
    }
    data += "}\n:t :exporter :e1 ; :importer :e2 ; :member :e3 .\n";
    LoadOptions lo;
    lo.format = RdfFormat::kTriG;
    ASSERT_OK(db_->LoadString(data, lo));
  }

  // The rows of `q` as "x|y|..." (lexical forms), and the most rows any operator produced.
  std::vector<std::string> Run(const std::string& q, double* most_rows) {
    QueryOptions options;
    options.max_memory_bytes = uint64_t{64} << 20;  // a cross product fails instead of paging
    options.timeout = std::chrono::milliseconds(20000);
    std::vector<std::string> out;
    auto c = db_->Query(q, options);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    if (!c.ok()) return out;
    while ((*c)->Next()) {
      std::string r;
      for (const auto& v : (*c)->row()) r += (r.empty() ? "" : "|") + (v ? v->value() : "-");
      out.push_back(r);
    }
    EXPECT_OK((*c)->status());
    const std::string plan = (*c)->Explain(true);
    *most_rows = 0;
    static const std::regex kActual("actual ([0-9]+) rows");
    for (std::sregex_iterator it(plan.begin(), plan.end(), kActual), end; it != end; ++it) {
      *most_rows = std::max(*most_rows, std::stod((*it)[1].str()));
    }
    EXPECT_NE(plan.find("actual"), std::string::npos) << plan;
    std::sort(out.begin(), out.end());
    return out;
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(CorrelatedGroupTest, GraphBlockOfLookupsUsesTheOuterBindings) {
  double most = 0;
  auto rows = Run(
      "PREFIX : <http://sextant.local/> SELECT ?x ?y ?z WHERE { :t :exporter ?a ; :importer ?b ; "
      ":member ?c . GRAPH <http://sextant.local/labels> { ?a :label ?x . ?b :label ?y . ?c "
      ":label ?z } }",
      &most);
  EXPECT_EQ(rows, std::vector<std::string>{"e1|e2|e3"});
  EXPECT_LE(most, 3) << "the GRAPH block was evaluated on its own";
}

TEST_F(CorrelatedGroupTest, GraphVariableBlockUsesTheOuterBindings) {
  double most = 0;
  auto rows = Run(
      "PREFIX : <http://sextant.local/> SELECT ?g ?x ?y WHERE { :t :exporter ?a ; :importer ?b . "
      "GRAPH ?g { ?a :label ?x . ?b :label ?y } }",
      &most);
  EXPECT_EQ(rows, std::vector<std::string>{"http://sextant.local/labels|e1|e2"});
  EXPECT_LE(most, 3) << "the GRAPH block was evaluated on its own";
}

TEST_F(CorrelatedGroupTest, SubGroupOfLookupsUsesTheOuterBindings) {
  double most = 0;
  auto rows = Run(
      "PREFIX : <http://sextant.local/> SELECT ?x ?y ?z WHERE { :t :exporter ?a ; :importer ?b ; "
      ":member ?c . { ?a :label ?x . ?b :label ?y . ?c :label ?z } }",
      &most);
  EXPECT_EQ(rows, std::vector<std::string>{"e1|e2|e3"});
  EXPECT_LE(most, 3) << "the sub-group was evaluated on its own";
}

TEST_F(CorrelatedGroupTest, FilterOnTheGroupsOwnVariablesStillApplies) {
  double most = 0;
  EXPECT_EQ(Run("PREFIX : <http://sextant.local/> SELECT ?x ?y WHERE { :t :exporter ?a ; "
                ":importer ?b . GRAPH <http://sextant.local/labels> { ?a :label ?x . ?b :label ?y "
                "FILTER(?y != \"e2\") } }",
                &most),
            std::vector<std::string>{});
  EXPECT_EQ(Run("PREFIX : <http://sextant.local/> SELECT ?x ?y WHERE { :t :exporter ?a ; "
                ":importer ?b . GRAPH <http://sextant.local/labels> { ?a :label ?x . ?b :label ?y "
                "FILTER(?y = \"e2\") } }",
                &most),
            std::vector<std::string>{"e1|e2"});
  EXPECT_LE(most, 3);
}

// Inside the group ?a is unbound (SPARQL scope), so the filter is an error and no row passes,
// although the outer ?a is :e1.
TEST_F(CorrelatedGroupTest, FilterOnAnOuterVariableSeesItUnbound) {
  double most = 0;
  EXPECT_EQ(Run("PREFIX : <http://sextant.local/> SELECT ?y WHERE { :t :exporter ?a . "
                "{ ?b :label ?y FILTER(?a = :e1) } }",
                &most),
            std::vector<std::string>{});
  EXPECT_EQ(Run("PREFIX : <http://sextant.local/> SELECT ?y WHERE { :t :exporter ?a . "
                "{ ?b :label ?y FILTER(!BOUND(?a)) } } ORDER BY ?y LIMIT 1",
                &most),
            std::vector<std::string>{"e0"});
}

}  // namespace
}  // namespace sextant
