// The CSTO dataset's sources: the author's arguments are claims of the author with their quote,
// and every background fact sits in the graph of the public source that states it (bibliographic
// data, no quoted text), or in the general-knowledge graph when no cited source states it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dataset_query_test.h"
#include "testutil/test_util.h"

namespace sextant {
namespace {

constexpr const char* kSourcesArticle =
    "<http://sextant.local/source/sutanovac-2022-csto-kazakhstan>";

class SourcesTest : public sextant::testing::DatasetQueryTest {
 protected:
  static void SetUpTestSuite() { Load({"datasets/csto-kazakhstan/csto-kazakhstan.trig"}); }
};

TEST_F(SourcesTest, TheAuthorsArgumentsAreClaimsOfTheAuthorWithTheirQuote) {
  for (const char* claim :
       {":ClaimObligationsBelowLeadingMember", ":ClaimRussiaPreparedInAdvance",
        ":ClaimNoSolutionForSocialProblems", ":ClaimBenefitsForMoscow", ":ClaimCoalitionLegitimacy",
        ":ClaimSovereigntyCost", ":ClaimNationalistRhetoricShift", ":ClaimLittleChanceOfThirdParty",
        ":ClaimInadequateReporting", ":ClaimOfficialsAvoidCapitalName"}) {
    EXPECT_TRUE(Ask(std::string("ASK { GRAPH ") + kSourcesArticle + " { " + claim +
                    " a :Claim ; :claimant :DraganSutanovac ; :claimText ?text ."
                    " ?e rdf:reifies <<( " +
                    claim +
                    " :claimText ?text )>> ; :quote ?quote }"
                    " FILTER (CONTAINS(?quote, ?text)) }"))
        << claim;
  }
}

TEST_F(SourcesTest, EveryClaimTextIsInTheQuoteThatAttestsIt) {
  const std::string where = std::string("GRAPH ") + kSourcesArticle +
                            " { ?e rdf:reifies <<( ?claim :claimText ?text )>> ; :quote ?quote }";
  EXPECT_GE(Column("SELECT ?claim WHERE { " + where + " }").size(), 45u);
  EXPECT_EQ(Column("SELECT ?claim WHERE { " + where + " FILTER (!CONTAINS(?quote, ?text)) }"),
            std::vector<std::string>{});
}

// RDF 1.2 evidence: every fact of the article graph (all but the source's own metadata and the
// passages) has exactly one reifier, the :Evidence node of its passage, in the same graph; no
// rdf:Statement reification is left.
TEST_F(SourcesTest, EveryArticleFactHasItsPassageAsItsOneReifier) {
  const std::string art = kSourcesArticle;
  const std::string facts = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH " + art +
                            " { ?s ?p ?o } FILTER (?s != " + art + ") FILTER NOT EXISTS { GRAPH " +
                            art + " { ?s a :Evidence } } }";
  // Each reified triple has one reifier ...
  EXPECT_EQ(Column("SELECT ?s WHERE { GRAPH " + art +
                   " { ?e rdf:reifies <<( ?s ?p ?o )>> } }"
                   " GROUP BY ?s ?p ?o HAVING (COUNT(?e) != 1)"),
            std::vector<std::string>{});
  // ... so as many (passage, fact) pairs as facts means every fact has its passage.
  const auto fact_count = Column(facts);  // "602"^^xsd:integer
  ASSERT_EQ(fact_count.size(), 1u);
  EXPECT_GE(std::stoi(fact_count[0].substr(1)), 600);
  EXPECT_EQ(Column("SELECT (COUNT(*) AS ?n) WHERE { GRAPH " + art +
                   " { ?e rdf:reifies <<( ?s ?p ?o )>> ; a :Evidence ; :quote ?q ;"
                   " :charStart ?start ; :charEnd ?end ; :statedIn " +
                   art + " . ?s ?p ?o } }"),
            fact_count);
  EXPECT_FALSE(Ask("ASK { { ?st a rdf:Statement } UNION { ?st rdf:subject ?s } }"));
}

TEST_F(SourcesTest, EveryNewsSourceHasItsBibliographicData) {
  EXPECT_GE(Column("SELECT ?g WHERE { GRAPH ?g { ?g dct:type \"news report\" } }").size(), 5u);
  EXPECT_EQ(Column("SELECT ?g WHERE { GRAPH ?g { ?g dct:type \"news report\" }"
                   " FILTER NOT EXISTS { GRAPH ?g { ?g a :Source ; dct:title ?title ;"
                   " dct:publisher ?publisher ; dct:date ?date ; dct:source ?url }"
                   " FILTER (isIRI(?url) && DATATYPE(?date) = xsd:date) } }"),
            std::vector<std::string>{});
}

TEST_F(SourcesTest, EveryGraphIsTheArticleANewsSourceOrGeneralKnowledge) {
  EXPECT_EQ(Column(std::string("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o }") +
                   " FILTER (?g != " + kSourcesArticle +
                   " && ?g != <http://sextant.local/graph/vocabulary>)"
                   " FILTER NOT EXISTS { GRAPH ?g { ?g dct:type ?type }"
                   " FILTER (?type IN (\"news report\", \"general knowledge\")) } }"),
            std::vector<std::string>{});
  EXPECT_TRUE(Ask("ASK { GRAPH ?g { ?g dct:type \"general knowledge\" } }"));
  EXPECT_FALSE(Ask("ASK { GRAPH ?g { ?g dct:type \"general knowledge\" ; dct:source ?url } }"));
}

TEST_F(SourcesTest, BackgroundSourcesQuoteNothing) {
  EXPECT_FALSE(
      Ask(std::string("ASK { GRAPH ?g { ?e :quote ?q } FILTER (?g != ") + kSourcesArticle + ") }"));
}

TEST_F(SourcesTest, KyrgyzContingentIsRecordedFromItsOwnSource) {
  // The article's list has no Kyrgyz contingent; the CSTO's list has one; its size comes from
  // the report of the Kyrgyz parliament's decision.
  EXPECT_FALSE(
      Ask(std::string("ASK { GRAPH ") + kSourcesArticle + " { ?k :sentBy :Kyrgyzstan } }"));
  EXPECT_TRUE(
      Ask("ASK { GRAPH ?g { ?k :sentBy :Kyrgyzstan ; :partOf :CSTOPeacekeepingContingent ."
          " :RussianContingent :sentBy :Russia . ?g dct:type \"news report\" } }"));
  EXPECT_TRUE(
      Ask("ASK { GRAPH ?g { ?k :sentBy :Kyrgyzstan ; :soldiers 150 ."
          " ?g dct:source ?url } }"));
}

}  // namespace
}  // namespace sextant
