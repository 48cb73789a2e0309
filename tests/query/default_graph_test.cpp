// QueryOptions::default_graph: the union of all graphs (the store's default) against the
// standard default graph (the unnamed graph only), for every way a query reads the default
// graph (patterns, paths, DESCRIBE, update WHERE clauses, prepared queries) and with FROM.
#include <gtest/gtest.h>

#include <algorithm>

#include "sextant/database.h"
#include "testutil/test_util.h"

namespace sextant {
namespace {

using sextant::testing::TempDir;

constexpr const char* kDefaultGraphData = R"(
@prefix : <http://sextant.local/> .
:inDefault :knows :alsoInDefault .
<http://sextant.local/g1> { :inG1 :knows :alsoInG1 . :alsoInDefault :knows :inG1 . }
<http://sextant.local/g2> { :inG2 :knows :inG1 . }
)";

class DefaultGraphTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.Sub("db"));
    ASSERT_OK(db);
    db_ = std::move(*db);
    LoadOptions lo;
    lo.format = RdfFormat::kTriG;
    ASSERT_OK(db_->LoadString(kDefaultGraphData, lo));
  }

  static QueryOptions With(DefaultGraph mode) {
    QueryOptions o;
    o.default_graph = mode;
    return o;
  }

  // The first column of every row (or of every triple's subject), sorted, local names only.
  std::vector<std::string> Column(QueryCursor& c) {
    std::vector<std::string> out;
    while (c.Next()) {
      const Term& t = c.form() == QueryForm::kSelect ? *c.row()[0] : c.triple().subject;
      out.push_back(t.value().substr(t.value().rfind('/') + 1));
    }
    EXPECT_OK(c.status());
    std::sort(out.begin(), out.end());
    return out;
  }
  std::vector<std::string> Column(const std::string& q, DefaultGraph mode) {
    auto c = db_->Query(q, With(mode));
    EXPECT_OK(c);
    if (!c.ok()) return {};
    return Column(**c);
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
};

using Names = std::vector<std::string>;

TEST_F(DefaultGraphTest, NamesRoundTrip) {
  EXPECT_EQ(DefaultGraphName(DefaultGraph::kUnion), "union");
  EXPECT_EQ(DefaultGraphName(DefaultGraph::kStandard), "standard");
  EXPECT_EQ(DefaultGraphFromName("standard"), DefaultGraph::kStandard);
  EXPECT_EQ(DefaultGraphFromName("union"), DefaultGraph::kUnion);
  EXPECT_FALSE(DefaultGraphFromName("Standard").has_value());
  EXPECT_FALSE(DefaultGraphFromName("").has_value());
}

TEST_F(DefaultGraphTest, PatternsReadTheUnionOrTheUnnamedGraph) {
  const std::string q = "SELECT ?s WHERE { ?s :knows ?o }";
  EXPECT_EQ(Column(q, DefaultGraph::kUnion), (Names{"alsoInDefault", "inDefault", "inG1", "inG2"}));
  EXPECT_EQ(Column(q, DefaultGraph::kStandard), (Names{"inDefault"}));
  // The default is the union.
  auto c = db_->Query(q);
  ASSERT_OK(c);
  EXPECT_EQ(Column(**c).size(), 4u);
}

TEST_F(DefaultGraphTest, GraphPatternsSeeTheNamedGraphsInBothModes) {
  const std::string q = "SELECT ?s WHERE { GRAPH ?g { ?s :knows ?o } }";
  const Names named{"alsoInDefault", "inG1", "inG2"};
  EXPECT_EQ(Column(q, DefaultGraph::kUnion), named);
  EXPECT_EQ(Column(q, DefaultGraph::kStandard), named);
}

TEST_F(DefaultGraphTest, PathsReadTheDefaultGraphOfTheMode) {
  // inDefault -> alsoInDefault (unnamed graph) -> inG1 (g1) -> alsoInG1 (g1).
  const std::string q = "SELECT ?o WHERE { :inDefault :knows+ ?o }";
  EXPECT_EQ(Column(q, DefaultGraph::kUnion), (Names{"alsoInDefault", "alsoInG1", "inG1"}));
  EXPECT_EQ(Column(q, DefaultGraph::kStandard), (Names{"alsoInDefault"}));
}

TEST_F(DefaultGraphTest, FromOverridesTheMode) {
  const std::string q = "SELECT ?s FROM <http://sextant.local/g2> WHERE { ?s :knows ?o }";
  EXPECT_EQ(Column(q, DefaultGraph::kUnion), (Names{"inG2"}));
  EXPECT_EQ(Column(q, DefaultGraph::kStandard), (Names{"inG2"}));
}

TEST_F(DefaultGraphTest, FromNamedAloneLeavesTheDefaultGraphEmpty) {
  const std::string q =
      "SELECT ?s FROM NAMED <http://sextant.local/g1> WHERE { { ?s :knows ?o } UNION "
      "{ GRAPH ?g { ?s :knows ?o } } }";
  EXPECT_EQ(Column(q, DefaultGraph::kUnion), (Names{"alsoInDefault", "inG1"}));
  EXPECT_EQ(Column(q, DefaultGraph::kStandard), (Names{"alsoInDefault", "inG1"}));
}

TEST_F(DefaultGraphTest, DescribeReadsTheDefaultGraph) {
  const std::string q = "DESCRIBE :alsoInDefault";
  EXPECT_EQ(Column(q, DefaultGraph::kUnion), (Names{"alsoInDefault"}));
  EXPECT_TRUE(Column(q, DefaultGraph::kStandard).empty());
  EXPECT_EQ(Column("DESCRIBE :inDefault", DefaultGraph::kStandard), (Names{"inDefault"}));
}

TEST_F(DefaultGraphTest, PreparedQueriesKeepTheMode) {
  auto p = db_->Prepare("SELECT ?s WHERE { ?s :knows ?o }", With(DefaultGraph::kStandard));
  ASSERT_OK(p);
  for (int run = 0; run < 2; ++run) {
    auto c = (*p)->Execute();
    ASSERT_OK(c);
    EXPECT_EQ(Column(**c), (Names{"inDefault"}));
  }
}

TEST_F(DefaultGraphTest, UpdateWhereClausesReadTheDefaultGraphOfTheMode) {
  ASSERT_OK(db_->Update("INSERT { ?s :standard true } WHERE { ?s :knows ?o }",
                        With(DefaultGraph::kStandard)));
  ASSERT_OK(
      db_->Update("INSERT { ?s :union true } WHERE { ?s :knows ?o }", With(DefaultGraph::kUnion)));
  EXPECT_EQ(Column("SELECT ?s WHERE { ?s :standard true }", DefaultGraph::kUnion),
            (Names{"inDefault"}));
  EXPECT_EQ(Column("SELECT ?s WHERE { ?s :union true }", DefaultGraph::kUnion),
            (Names{"alsoInDefault", "inDefault", "inG1", "inG2"}));
  // USING names the graphs whatever the mode.
  ASSERT_OK(
      db_->Update("INSERT { ?s :using true } USING <http://sextant.local/g2> WHERE { ?s "
                  ":knows ?o }",
                  With(DefaultGraph::kStandard)));
  EXPECT_EQ(Column("SELECT ?s WHERE { ?s :using true }", DefaultGraph::kStandard), (Names{"inG2"}));
}

}  // namespace
}  // namespace sextant
