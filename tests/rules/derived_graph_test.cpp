// The derived graph: visible through the union default graph without duplicates, hidden with
// include_derived = false (from queries and from an update's WHERE), closed to direct writes,
// out of dumps; rules persist across reopen; a bulk load interrupted before materialisation is
// finished by the next Open.
#include <sstream>

#include "api/database_impl.h"
#include "rules/rule_engine.h"
#include "rules_fixture.h"

namespace sextant::rules_test {
namespace {

using DerivedGraphTest = RulesTest;

constexpr const char* kFromS = "RULE ex:from-s { ?x ex:p ?y } WHERE { ?x ex:s ?y }";

TEST_F(DerivedGraphTest, UnionDefaultGraphHasNoDuplicatesOfAssertedAndDerived) {
  ASSERT_OK(AddRules(kFromS));
  ASSERT_OK(Run("INSERT DATA { ex:a ex:s ex:b . GRAPH ex:g1 { ex:a ex:p ex:b } ex:a ex:p ex:b }"));
  EXPECT_EQ(Derived().size(), 1u);  // the derived copy exists even though the triple is asserted
  EXPECT_EQ(Rows("SELECT ?o WHERE { ex:a ex:p ?o }").size(), 1u);
  EXPECT_EQ(Rows("SELECT ?s ?o WHERE { ?s ex:p ?o }").size(), 1u);
  EXPECT_EQ(Rows("SELECT * WHERE { ?s ?p ?o }").size(), 2u);
  EXPECT_EQ(Rows("SELECT ?g WHERE { GRAPH ?g { ex:a ex:p ex:b } }").size(), 2u);
}

TEST_F(DerivedGraphTest, IncludeDerivedFalseHidesDerivedFacts) {
  ASSERT_OK(AddRules(kFromS));
  ASSERT_OK(Run("INSERT DATA { ex:a ex:s ex:b }"));
  QueryOptions hide;
  hide.include_derived = false;
  EXPECT_EQ(Rows("SELECT * WHERE { ex:a ex:p ?o }").size(), 1u);
  EXPECT_TRUE(Rows("SELECT * WHERE { ex:a ex:p ?o }", hide).empty());
  EXPECT_TRUE(
      Rows("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g = <urn:sextant:derived>) }", hide)
          .empty());
  EXPECT_TRUE(Rows("SELECT * WHERE { ex:a ex:p+ ?o }", hide).empty());
  EXPECT_EQ(Rows("SELECT * WHERE { ex:a ex:s ?o }", hide).size(), 1u);
}

TEST_F(DerivedGraphTest, IncludeDerivedFalseHidesDerivedFactsFromAnUpdatesWhere) {
  ASSERT_OK(AddRules(kFromS));
  ASSERT_OK(Run("INSERT DATA { ex:a ex:s ex:b }"));
  QueryOptions hide;
  hide.include_derived = false;
  const std::string copy = std::string(kPrefixes) + "INSERT { ?x ex:copy ?y } WHERE { ?x ex:p ?y }";
  ASSERT_TRUE(db_->Update(copy, hide).ok());
  EXPECT_FALSE(Holds("ex:a ex:copy ex:b"));  // ex:p holds only in the derived graph
  ASSERT_TRUE(db_->Update(copy).ok());
  EXPECT_TRUE(Holds("ex:a ex:copy ex:b"));
}

TEST_F(DerivedGraphTest, DirectWritesAreRefused) {
  // Before any rule exists too: the graph name is reserved.
  Status s = Run("INSERT DATA { GRAPH <urn:sextant:derived> { ex:a ex:b ex:c } }");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << s.ToString();
  EXPECT_NE(s.ToString().find("derived graph"), std::string::npos);
  ASSERT_OK(AddRules(kFromS));
  ASSERT_OK(Run("INSERT DATA { ex:a ex:s ex:b }"));
  EXPECT_EQ(Run("DELETE DATA { GRAPH <urn:sextant:derived> { ex:a ex:p ex:b } }").code(),
            StatusCode::kInvalidArgument);
  ASSERT_OK_AND_ASSIGN(auto txn, db_->BeginTransaction());
  EXPECT_EQ(txn->Insert({Term::Iri("http://example.org/x"), Term::Iri("http://example.org/p"),
                         Term::Iri("http://example.org/y"), Term::Iri("urn:sextant:derived")})
                .code(),
            StatusCode::kInvalidArgument);
  txn->Rollback();
  LoadOptions into;
  into.graph = Term::Iri("urn:sextant:derived");
  EXPECT_EQ(db_->LoadString(
                   "<http://example.org/x> <http://example.org/p> <http://example.org/y> .", into)
                .status()
                .code(),
            StatusCode::kInvalidArgument);
  EXPECT_TRUE(Holds("ex:a ex:p ex:b"));
  EXPECT_FALSE(Holds("ex:x ex:p ex:y"));
}

TEST_F(DerivedGraphTest, ClearAllRetractsDerivedFactsAndDumpsLeaveThemOut) {
  ASSERT_OK(AddRules(kFromS));
  ASSERT_OK(Run("INSERT DATA { ex:a ex:s ex:b }"));
  std::ostringstream dump;
  ASSERT_OK(db_->Dump(dump, {}));
  EXPECT_EQ(dump.str().find("urn:sextant:derived"), std::string::npos) << dump.str();
  ASSERT_OK(Run("CLEAR ALL"));
  EXPECT_TRUE(Derived().empty());
}

TEST_F(DerivedGraphTest, RulesSurviveReopen) {
  ASSERT_OK(AddRules(kFromS));
  ASSERT_OK(db_->EnableRules("rdfs"));
  Reopen();
  ASSERT_OK(Run("INSERT DATA { ex:a ex:s ex:b . ex:A rdfs:subClassOf ex:B . ex:a a ex:A }"));
  EXPECT_TRUE(Holds("ex:a ex:p ex:b"));
  EXPECT_TRUE(Holds("ex:a a ex:B"));
}

TEST_F(DerivedGraphTest, InterruptedBulkLoadIsMaterialisedOnOpen) {
  ASSERT_OK(AddRules(kFromS));
  rules::testing::FailNextLoadAfterIngest();
  EXPECT_FALSE(
      db_->LoadString("<http://example.org/a> <http://example.org/s> <http://example.org/b> .", {})
          .ok());
  EXPECT_TRUE(Holds("ex:a ex:s ex:b"));
  EXPECT_FALSE(Holds("ex:a ex:p ex:b"));  // the "crash" came before materialisation
  Reopen();
  EXPECT_TRUE(Holds("ex:a ex:p ex:b"));
  // The flag is gone: a later open has nothing to redo and maintenance is incremental again.
  ASSERT_OK(Run("DELETE DATA { ex:a ex:s ex:b }"));
  EXPECT_FALSE(Holds("ex:a ex:p ex:b"));
}

TEST_F(DerivedGraphTest, LoadsAreMaterialised) {
  ASSERT_OK(AddRules(kFromS));
  ASSERT_OK(db_->LoadString(
      "<http://example.org/a> <http://example.org/s> <http://example.org/b> .", {}));
  EXPECT_TRUE(Holds("ex:a ex:p ex:b"));
}

}  // namespace
}  // namespace sextant::rules_test
