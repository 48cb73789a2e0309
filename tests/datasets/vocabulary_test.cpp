// One vocabulary for the two bundled datasets (issue: the CSTO dataset, second edition): one
// definition per class and predicate, readable SKOS labels, the predicates that meant the same
// thing merged, no world region or subregion typed as anything else, Wikidata links as general
// knowledge, and the SHACL shapes the data conforms to (and that catch what they should).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dataset_query_test.h"
#include "testutil/test_util.h"

namespace sextant {
namespace {

using sextant::testing::ReadFile;
using sextant::testing::SourceDir;

class VocabularyTest : public sextant::testing::DatasetQueryTest {
 protected:
  static void SetUpTestSuite() {
    Load({"datasets/csto-kazakhstan/csto-kazakhstan.trig", "datasets/world/world.trig"});
  }
  static std::string Shapes() {
    return ReadFile((SourceDir() / "datasets/csto-kazakhstan/csto-kazakhstan.shapes.ttl").string());
  }
};

TEST_F(VocabularyTest, EveryClassAndPredicateIsDefinedInOneGraphOnly) {
  EXPECT_EQ(Column("SELECT ?t WHERE { GRAPH ?g { ?t a ?kind } FILTER (?kind IN (rdfs:Class,"
                   " rdf:Property)) } GROUP BY ?t HAVING (COUNT(DISTINCT ?g) > 1)"),
            std::vector<std::string>{});
  EXPECT_EQ(Column("SELECT ?t WHERE { ?t a rdfs:Class ; rdfs:comment ?c1, ?c2"
                   " FILTER (?c1 != ?c2) }"),
            std::vector<std::string>{});
  // Every class an instance has is defined, in one of the two vocabulary graphs.
  EXPECT_EQ(Column("SELECT DISTINCT ?c WHERE { ?x a ?c FILTER (STRSTARTS(STR(?c),"
                   " \"http://sextant.local/\")) FILTER NOT EXISTS { ?c a rdfs:Class } }"),
            std::vector<std::string>{});
}

TEST_F(VocabularyTest, ClassesAndPredicatesHaveReadableSkosLabels) {
  EXPECT_EQ(Column("SELECT ?t WHERE { ?t a ?kind FILTER (?kind IN (rdfs:Class, rdf:Property))"
                   " FILTER NOT EXISTS { ?t skos:prefLabel ?l } }"),
            std::vector<std::string>{});
  // "military alliance", not "MilitaryAlliance".
  EXPECT_EQ(Column("SELECT ?l WHERE { ?t skos:prefLabel ?l FILTER (REGEX(?l, \"[a-z][A-Z]\")) }"),
            std::vector<std::string>{});
  EXPECT_TRUE(
      Ask("ASK { :MilitaryAlliance skos:prefLabel \"military alliance\" ;"
          " rdfs:label \"military alliance\" }"));
}

TEST_F(VocabularyTest, PredicatesThatMeantTheSameAreOne) {
  for (const char* gone :
       {":altLabel", ":involvedIn", ":angerDirectedAt", ":commanderOf", ":locatedIn"}) {
    EXPECT_FALSE(Ask(std::string("ASK { { ?s ") + gone + " ?o } UNION { " + gone + " ?p ?v } }"))
        << gone;
  }
  EXPECT_TRUE(Ask("ASK { :CSTO skos:altLabel \"CSTO\" }"));
  EXPECT_TRUE(Ask("ASK { :FuelAssemblyProject :participant :CGNPC }"));
  EXPECT_TRUE(Ask("ASK { :CSTOPeacekeepingContingent :commander :Serdyukov }"));
  EXPECT_TRUE(Ask("ASK { :Zhanaozen :country :Kazakhstan }"));
}

TEST_F(VocabularyTest, RegionsAreWorldRegionsOnly) {
  // :Region and :Subregion are the world's; Crimea, the north of Kazakhstan and the
  // post-Soviet space have classes of their own, and Central Asia is one subregion.
  EXPECT_EQ(Column("SELECT ?r WHERE { GRAPH ?g { ?r a :Region } FILTER (?g !="
                   " <http://sextant.local/source/world-countries>) }"),
            std::vector<std::string>{});
  EXPECT_FALSE(Ask("ASK { :CentralAsia a :Region }"));
  EXPECT_TRUE(Ask("ASK { :CentralAsia a :Subregion }"));
  EXPECT_TRUE(Ask("ASK { :Crimea a :Territory . :PostSovietSpace a :GeopoliticalArea }"));
}

TEST_F(VocabularyTest, WikidataLinksAreGeneralKnowledge) {
  EXPECT_EQ(Column("SELECT ?x WHERE { GRAPH ?g { ?x skos:exactMatch ?q } FILTER (?g !="
                   " <http://sextant.local/source/background-general-knowledge>) }"),
            std::vector<std::string>{});
  EXPECT_TRUE(Ask("ASK { :Kazakhstan skos:exactMatch <http://www.wikidata.org/entity/Q232> }"));
  EXPECT_TRUE(Ask("ASK { :Putin skos:exactMatch <http://www.wikidata.org/entity/Q7747> }"));
  // Every country of the article is linked.
  EXPECT_EQ(Column("SELECT ?c WHERE { GRAPH <http://sextant.local/source/"
                   "sutanovac-2022-csto-kazakhstan> { ?c a :Country }"
                   " FILTER NOT EXISTS { ?c skos:exactMatch ?q } }"),
            std::vector<std::string>{});
}

TEST_F(VocabularyTest, TheDataConformsToItsShapes) {
  auto report = db().Validate(Shapes());
  ASSERT_OK(report);
  EXPECT_TRUE(report->conforms) << FormatValidationTable(*report);
  EXPECT_GT(report->focus_nodes, 1000u);
}

TEST_F(VocabularyTest, TheShapesCatchWhatTheyShould) {
  sextant::testing::TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto bad, Database::Open(dir.Sub("bad")));
  LoadOptions trig;
  trig.format = RdfFormat::kTriG;
  ASSERT_OK(bad->LoadString(R"(
@prefix : <http://sextant.local/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<http://sextant.local/source/x> {
  :ClaimX a :Claim ; :claimKind "rumour" ; :about :Y .
  :C a :MilitaryContingent ; :soldiers "many" .
  :Z skos:exactMatch <http://example.org/Q1> .
  :E a :Evidence ; :quote "a passage that states nothing" ; :charStart 0 ; :charEnd 29 .
})",
                            trig)
                .status());
  auto report = bad->Validate(Shapes());
  ASSERT_OK(report);
  EXPECT_FALSE(report->conforms);
  std::vector<std::string> paths;
  for (const auto& r : report->results) paths.push_back(r.path_text);
  for (const char* expected :
       {"<http://sextant.local/claimant>", "<http://sextant.local/claimText>",
        "<http://sextant.local/claimKind>", "<http://sextant.local/sentBy>",
        "<http://sextant.local/soldiers>", "<http://www.w3.org/2004/02/skos/core#exactMatch>",
        "<http://sextant.local/statedIn>",
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies>"}) {
    EXPECT_NE(std::find(paths.begin(), paths.end(), expected), paths.end()) << expected;
  }
}

}  // namespace
}  // namespace sextant
