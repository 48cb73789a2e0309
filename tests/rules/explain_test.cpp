// EXPLAIN WHY: a derivation tree down to asserted facts and their graphs, with no fact used
// in its own proof; asserted facts print their graphs; facts that do not hold say so.
#include "rules_fixture.h"

namespace sextant::rules_test {
namespace {

using ExplainTest = RulesTest;

std::string Key(const Derivation& d) {
  return d.subject.ToNTriples() + d.predicate.ToNTriples() + d.object.ToNTriples();
}

// Every node is either asserted (a leaf with graphs) or a rule application whose premises
// are proven the same way, and no node repeats an ancestor.
void CheckTree(const Derivation& d, std::set<std::string> ancestors, int* leaves) {
  ASSERT_FALSE(ancestors.count(Key(d))) << "fact used in its own proof: " << Key(d);
  ancestors.insert(Key(d));
  if (!d.asserted_in.empty()) {
    EXPECT_TRUE(d.premises.empty());
    ++*leaves;
    return;
  }
  ASSERT_FALSE(d.rule.empty());
  ASSERT_FALSE(d.premises.empty());
  for (const auto& p : d.premises) CheckTree(p, ancestors, leaves);
}

TEST_F(ExplainTest, DerivationGoesDownToAssertedFactsAndTheirGraphs) {
  ASSERT_OK(AddRules("RULE ex:trans { ?x ex:p ?z } WHERE { ?x ex:p ?y . ?y ex:p ?z }"));
  ASSERT_OK(
      Run("INSERT DATA { GRAPH ex:g1 { ex:a ex:p ex:b . ex:b ex:p ex:c } GRAPH ex:g2 { ex:c ex:p "
          "ex:d . "
          "ex:d ex:p ex:a } }"));
  const Term ex_a = Term::Iri("http://example.org/a"), ex_p = Term::Iri("http://example.org/p"),
             ex_d = Term::Iri("http://example.org/d");
  ASSERT_OK_AND_ASSIGN(Explanation e, db_->ExplainWhy(ex_a, ex_p, ex_d));
  EXPECT_TRUE(e.holds);
  EXPECT_TRUE(e.derived);
  EXPECT_EQ(e.root.rule, "ex:trans");
  int leaves = 0;
  CheckTree(e.root, {}, &leaves);
  EXPECT_EQ(leaves, 3);  // a-b, b-c, c-d: the cycle back through d-a is never needed
  bool saw_g1 = false, saw_g2 = false;
  std::function<void(const Derivation&)> graphs = [&](const Derivation& d) {
    for (const auto& g : d.asserted_in) {
      saw_g1 = saw_g1 || g == Term::Iri("http://example.org/g1");
      saw_g2 = saw_g2 || g == Term::Iri("http://example.org/g2");
    }
    for (const auto& p : d.premises) graphs(p);
  };
  graphs(e.root);
  EXPECT_TRUE(saw_g1 && saw_g2);
  // A cyclic fact (a p a) has a proof that does not use itself.
  ASSERT_OK_AND_ASSIGN(Explanation cyc, db_->ExplainWhy(ex_a, ex_p, ex_a));
  leaves = 0;
  CheckTree(cyc.root, {}, &leaves);
  EXPECT_GE(leaves, 4);
}

TEST_F(ExplainTest, AssertedAndMissingFacts) {
  ASSERT_OK(Run("INSERT DATA { GRAPH ex:g1 { ex:a ex:p ex:b } }"));
  ASSERT_OK_AND_ASSIGN(Explanation asserted, db_->ExplainWhy(Term::Iri("http://example.org/a"),
                                                             Term::Iri("http://example.org/p"),
                                                             Term::Iri("http://example.org/b")));
  EXPECT_TRUE(asserted.holds);
  EXPECT_FALSE(asserted.derived);
  EXPECT_EQ(asserted.root.asserted_in, std::vector<Term>{Term::Iri("http://example.org/g1")});
  ASSERT_OK_AND_ASSIGN(Explanation missing, db_->ExplainWhy(Term::Iri("http://example.org/a"),
                                                            Term::Iri("http://example.org/p"),
                                                            Term::Iri("http://example.org/zzz")));
  EXPECT_FALSE(missing.holds);
  EXPECT_NE(FormatExplanation(missing).find("does not hold"), std::string::npos);
}

TEST_F(ExplainTest, ExplainWhyQueryPrintsTheTree) {
  ASSERT_OK(db_->EnableRules("rdfs"));
  ASSERT_OK(
      Run("INSERT DATA { ex:Cat rdfs:subClassOf ex:Animal . GRAPH ex:pets { ex:tom a ex:Cat } }"));
  ASSERT_OK_AND_ASSIGN(auto cursor,
                       db_->Query(std::string(kPrefixes) + "EXPLAIN WHY { ex:tom a ex:Animal }"));
  EXPECT_TRUE(cursor->explain_requested());
  EXPECT_FALSE(cursor->Next());
  const std::string text = cursor->Explain(false);
  EXPECT_NE(text.find("rule rdfs9"), std::string::npos) << text;
  EXPECT_NE(text.find("asserted in <http://example.org/pets>"), std::string::npos) << text;
  EXPECT_NE(text.find("asserted in the default graph"), std::string::npos) << text;
  EXPECT_EQ(db_->Query("EXPLAIN WHY { ?x ?p ?o }").status().code(), StatusCode::kSyntaxError);
}

}  // namespace
}  // namespace sextant::rules_test
