// Regression checks for the corrections of the CSTO dataset's second edition: each test states
// one thing the first edition got wrong (an attribution that over-claimed, evidence pointing at
// the wrong sentence, a doubtful background fact) and fails on the data that had it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dataset_query_test.h"
#include "testutil/test_util.h"

namespace sextant {
namespace {

constexpr const char* kCorrectedArticle =
    "<http://sextant.local/source/sutanovac-2022-csto-kazakhstan>";

// The store is the questions' store: both datasets loaded once for the suite.
class CorrectionsTest : public sextant::testing::DatasetQueryTest {
 protected:
  static void SetUpTestSuite() {
    Load({"datasets/csto-kazakhstan/csto-kazakhstan.trig", "datasets/world/world.trig"});
  }

  // The `side` (subject or object) of the article's facts with predicate `predicate` whose
  // passage (the fact's reifier) does not contain that side's label in the article graph.
  static std::vector<std::string> UnnamedInQuote(const std::string& predicate,
                                                 const std::string& side) {
    const std::string fact = side == "subject" ? "<<( ?x " + predicate + " ?other )>>"
                                               : "<<( ?other " + predicate + " ?x )>>";
    const std::string where = std::string("GRAPH ") + kCorrectedArticle + " { ?e rdf:reifies " +
                              fact + " ; :quote ?q . ?x rdfs:label ?l }";
    // Not vacuous: the facts are there and reach their passage.
    EXPECT_FALSE(Column("SELECT ?x WHERE { " + where + " }").empty()) << predicate;
    return Column("SELECT ?x WHERE { " + where + " FILTER (!CONTAINS(?q, ?l)) }");
  }
};

TEST_F(CorrectionsTest, PublicCallsInMoscowAreNotTheRussianState) {
  EXPECT_FALSE(Ask("ASK { :MoscowCompensationCalls :claimant :Russia }"));
  EXPECT_TRUE(Ask("ASK { :MoscowCompensationCalls :claimant ?voices . ?voices a :Group }"));
}

TEST_F(CorrectionsTest, ProtectingTheRegimeIsTheAuthorsFramingNotAFact) {
  EXPECT_FALSE(Ask("ASK { :CSTODeployment2022 :purpose ?purpose }"));
  EXPECT_TRUE(
      Ask("ASK { ?c a :Claim ; :claimant :DraganSutanovac ; :about :CSTODeployment2022 ;"
          " :claimText \"to protect the regime\" }"));
}

TEST_F(CorrectionsTest, RussiasClaimHoldsNotTheAuthorsWordImaginary) {
  EXPECT_EQ(Column("SELECT ?c WHERE { ?c :claimant :Russia ; :claimText ?t"
                   " FILTER (CONTAINS(?t, \"imaginary\")) }"),
            std::vector<std::string>{});
  EXPECT_TRUE(
      Ask("ASK { ?c :claimant :DraganSutanovac ; :about :ClaimConservativeJustification ;"
          " :claimText ?t FILTER (CONTAINS(?t, \"imaginary\")) }"));
}

TEST_F(CorrectionsTest, OfficialsAreNotMadeCstoOfficials) {
  EXPECT_EQ(Column("SELECT DISTINCT ?who WHERE { ?c :claimant ?who"
                   " FILTER (?who != :CSTO && CONTAINS(STR(?who), \"CSTO\")) }"),
            std::vector<std::string>{});
}

TEST_F(CorrectionsTest, OnlyTheAuthorsClaimsHoldTheAuthorsHedge) {
  EXPECT_EQ(Column("SELECT ?c WHERE { ?c :claimant ?who ; :claimText ?t"
                   " FILTER (?who != :DraganSutanovac && CONTAINS(?t, \"allegedly\")) }"),
            std::vector<std::string>{});
}

TEST_F(CorrectionsTest, SovereigntyCostClaimKeepsItsLoyaltyHalf) {
  EXPECT_TRUE(
      Ask("ASK { :ClaimSovereigntyCost :claimText ?t"
          " FILTER (CONTAINS(?t, \"sovereignty\") && CONTAINS(?t, \"loyalty\")) }"));
}

TEST_F(CorrectionsTest, EveryAliasIsInTheQuoteThatAttestsIt) {
  const std::string where = std::string("GRAPH ") + kCorrectedArticle +
                            " { ?e rdf:reifies <<( ?s skos:altLabel ?alias )>> ; :quote ?q }";
  EXPECT_GE(Column("SELECT ?alias WHERE { " + where + " }").size(), 10u);
  EXPECT_EQ(Column("SELECT ?alias WHERE { " + where + " FILTER (!CONTAINS(?q, ?alias)) }"),
            std::vector<std::string>{});
}

TEST_F(CorrectionsTest, TreatyArticleAndMembershipFactsNameTheirPartyInTheirQuote) {
  EXPECT_EQ(UnnamedInQuote(":servesToInvoke", "object"), std::vector<std::string>{});
  EXPECT_EQ(UnnamedInQuote(":legalBasis", "object"), std::vector<std::string>{});
  EXPECT_EQ(UnnamedInQuote(":memberOf", "subject"), std::vector<std::string>{});
  // The article never names the leading member: the fact is background knowledge only.
  EXPECT_FALSE(
      Ask(std::string("ASK { GRAPH ") + kCorrectedArticle + " { ?s :leadingMember ?o } }"));
  EXPECT_TRUE(Ask("ASK { :CSTO :leadingMember :Russia }"));
}

TEST_F(CorrectionsTest, NazarbayevPresidencyOfKazakhstanStartsWithIndependence) {
  EXPECT_FALSE(Ask("ASK { :Nazarbayev :inOfficeSince ?d FILTER (STR(?d) < \"1991-12\") }"));
  EXPECT_TRUE(Ask("ASK { :Nazarbayev :inOfficeSince ?d }"));
}

TEST_F(CorrectionsTest, ArmenianAzerbaijaniConflictIsNotOnlyThe2020War) {
  EXPECT_FALSE(Ask(
      "ASK { :ArmenianAzerbaijaniConflict :startDate ?d FILTER (STRSTARTS(STR(?d), \"2020\")) }"));
  // The attacks on Armenia the article means are not placed in a war that ended in 2020.
  EXPECT_FALSE(
      Ask("ASK { :AttacksOnArmenia :partOf ?w . ?w :endDate ?e"
          " FILTER (STR(?e) < \"2021\") }"));
  EXPECT_TRUE(Ask("ASK { :NagornoKarabakhWar2020 :partOf :ArmenianAzerbaijaniConflict }"));
}

TEST_F(CorrectionsTest, CityNamesAndEuphemismsAreNotNames) {
  EXPECT_FALSE(
      Ask("ASK { ?state a :Country ; rdfs:label|skos:altLabel ?name"
          " FILTER (?name IN (\"Moscow\", \"Beijing\")) }"));
  EXPECT_FALSE(Ask("ASK { ?city a :City ; rdfs:label|skos:altLabel \"capital\" }"));
}

TEST_F(CorrectionsTest, CgnpcHasItsCountry) {
  EXPECT_TRUE(Ask("ASK { :CGNPC :country :China }"));
}

}  // namespace
}  // namespace sextant
