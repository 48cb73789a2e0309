// Stratified negation: NOT EXISTS and MINUS over what lower strata derive, kept correct as
// facts come and go (a change below can add or remove facts above).
#include "rules_fixture.h"

namespace sextant::rules_test {
namespace {

using NegationTest = RulesTest;

constexpr const char* kNegationRules =
    "RULE ex:married { ?x ex:married ?y } WHERE { ?x ex:spouse ?y } ;\n"
    "RULE ex:married-back { ?y ex:married ?x } WHERE { ?x ex:spouse ?y } ;\n"
    "RULE ex:bachelor { ?x a ex:Bachelor } WHERE { ?x a ex:Man FILTER NOT EXISTS { ?x ex:married "
    "?y } } ;\n"
    "RULE ex:free { ?x a ex:Free } WHERE { ?x a ex:Bachelor MINUS { ?x ex:engagedTo ?y } }";

TEST_F(NegationTest, LowerStrataAreCompleteBeforeNegation) {
  ASSERT_OK(AddRules(kNegationRules));
  ASSERT_OK(Run(
      "INSERT DATA { ex:al a ex:Man . ex:bo a ex:Man . ex:cy a ex:Man . ex:eve ex:spouse ex:bo . "
      "ex:cy ex:engagedTo ex:di }"));
  EXPECT_EQ(Rows("SELECT ?x WHERE { ?x a ex:Bachelor }"),
            (std::multiset<std::string>{"<http://example.org/al>", "<http://example.org/cy>"}));
  EXPECT_EQ(Rows("SELECT ?x WHERE { ?x a ex:Free }"),
            std::multiset<std::string>{"<http://example.org/al>"});
}

TEST_F(NegationTest, ChangesBelowAddAndRemoveFactsAbove) {
  ASSERT_OK(AddRules(kNegationRules));
  ASSERT_OK(Run("INSERT DATA { ex:al a ex:Man }"));
  EXPECT_TRUE(Holds("ex:al a ex:Free"));
  ASSERT_OK(Run("INSERT DATA { ex:zoe ex:spouse ex:al }"));
  EXPECT_FALSE(Holds("ex:al a ex:Bachelor"));
  EXPECT_FALSE(Holds("ex:al a ex:Free"));
  ASSERT_OK(Run("DELETE DATA { ex:zoe ex:spouse ex:al }"));
  EXPECT_TRUE(Holds("ex:al a ex:Free"));
  ASSERT_OK(Run("INSERT DATA { ex:al ex:engagedTo ex:zoe }"));
  EXPECT_TRUE(Holds("ex:al a ex:Bachelor"));
  EXPECT_FALSE(Holds("ex:al a ex:Free"));
}

}  // namespace
}  // namespace sextant::rules_test
