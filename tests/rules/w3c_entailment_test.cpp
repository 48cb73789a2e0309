// The RDFS cases of the W3C SPARQL 1.1 entailment suite that the `rdfs` set covers. Each
// loads the case's data, enables `rdfs`, runs the query and compares with the expected
// results. Cases left out need what the set deliberately does not derive:
//   rdfs08  range of rdf:XMLLiteral also gives rdfs:Literal (an axiomatic subclass triple)
//   rdfs12  rdf:_n container membership properties (rdfs12 axioms, rdfs:member)
//   rdfs13  literals as instances of rdfs:Literal (generalised RDF: a literal as subject)
//   rdfs05, rdfs11  reflexive subClassOf / subPropertyOf (rdfs10 / rdfs6 of RDF Semantics:
//           every class is its own subclass), axiomatic noise the set leaves out
#include <filesystem>

#include "sextant/database.h"
#include "testutil/result_set.h"
#include "testutil/test_util.h"

namespace sextant {
namespace {

struct Case {
  const char* name;
  const char* data;
};

// Cases whose answers follow from rdfs2, 3, 5, 7, 9 and 11 alone.
constexpr Case kCases[] = {
    {"rdfs01", "rdfs01.ttl"}, {"rdfs02", "rdfs01.ttl"}, {"rdfs03", "rdfs03.ttl"},
    {"rdfs04", "rdfs04.ttl"}, {"rdfs06", "rdfs06.ttl"}, {"rdfs07", "rdfs07.ttl"},
    {"rdfs09", "rdfs09.ttl"}, {"rdfs10", "rdfs10.ttl"},
};

class W3cEntailmentTest : public ::testing::TestWithParam<Case> {};

TEST_P(W3cEntailmentTest, RdfsCase) {
  SEXTANT_REQUIRE_SHARED(shared);
  const auto dir = shared / "w3c-rdf-tests" / "sparql" / "sparql11" / "entailment";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "W3C entailment tests not found under " << dir;
  const Case c = GetParam();
  sextant::testing::TempDir tmp;
  ASSERT_OK_AND_ASSIGN(auto db, Database::Open(tmp.Sub("db")));
  LoadOptions lo;
  lo.base_iri = "file://" + (dir / c.data).string();
  ASSERT_OK(db->LoadFile((dir / c.data).string(), lo));
  ASSERT_OK(db->EnableRules("rdfs"));
  QueryOptions qo;
  qo.base_iri = "file://" + (dir / (std::string(c.name) + ".rq")).string();
  ASSERT_OK_AND_ASSIGN(
      auto cursor,
      db->Query(sextant::testing::ReadFile((dir / (std::string(c.name) + ".rq")).string()), qo));
  w3c::ResultSet actual;
  actual.vars = cursor->variables();
  while (cursor->Next()) {
    std::map<std::string, Term> row;
    for (size_t i = 0; i < actual.vars.size(); ++i) {
      if (cursor->row()[i]) row[actual.vars[i]] = *cursor->row()[i];
    }
    actual.rows.push_back(std::move(row));
  }
  ASSERT_OK(cursor->status());
  ASSERT_OK_AND_ASSIGN(w3c::ResultSet expected,
                       w3c::ReadResultFile((dir / (std::string(c.name) + ".srx")).string()));
  std::string why;
  EXPECT_TRUE(w3c::SameResults(expected, actual, false, &why))
      << c.name << ": " << why << "\nexpected " << w3c::ToString(expected) << "\nactual "
      << w3c::ToString(actual);
}

INSTANTIATE_TEST_SUITE_P(Rdfs, W3cEntailmentTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace sextant
