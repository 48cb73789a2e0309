// Recursive rules reach their fixpoint: transitive closure on chains and cycles, mutual
// recursion. Expected closures are computed here by a plain loop, not written out by hand.
#include <map>
#include <set>

#include "rules_fixture.h"

namespace sextant::rules_test {
namespace {

std::string Node(int i) {
  return "<http://example.org/n" + std::to_string(i) + ">";
}

// Pairs (a, b) with a path a -> b of length >= 1 over `edges`.
std::set<std::pair<int, int>> Closure(const std::set<std::pair<int, int>>& edges) {
  std::set<std::pair<int, int>> out = edges;
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& [a, b] : std::set<std::pair<int, int>>(out)) {
      for (const auto& [c, d] : std::set<std::pair<int, int>>(out)) {
        if (b == c && out.insert({a, d}).second) grew = true;
      }
    }
  }
  return out;
}

class RecursionTest : public RulesTest {
 protected:
  void CheckClosure(const std::set<std::pair<int, int>>& edges) {
    std::string data = "INSERT DATA { ";
    for (const auto& [a, b] : edges) data += Node(a) + " ex:p " + Node(b) + " . ";
    ASSERT_OK(Run(data + "}"));
    ASSERT_OK(AddRules("RULE ex:trans { ?x ex:p ?z } WHERE { ?x ex:p ?y . ?y ex:p ?z }"));
    std::multiset<std::string> expected;
    for (const auto& [a, b] : Closure(edges)) expected.insert(Node(a) + " " + Node(b));
    EXPECT_EQ(Rows("SELECT ?a ?b WHERE { ?a ex:p ?b }"), expected);
  }
};

TEST_F(RecursionTest, TransitiveClosureOfAChain) {
  std::set<std::pair<int, int>> edges;
  for (int i = 0; i < 12; ++i) edges.insert({i, i + 1});
  CheckClosure(edges);
  EXPECT_TRUE(Holds(Node(0) + " ex:p " + Node(12)));
}

TEST_F(RecursionTest, TransitiveClosureOfACycle) {
  std::set<std::pair<int, int>> edges;
  for (int i = 0; i < 6; ++i) edges.insert({i, (i + 1) % 6});
  CheckClosure(edges);
  EXPECT_TRUE(Holds(Node(3) + " ex:p " + Node(3)));
}

// even/odd distance from n0 along ex:next: each rule feeds the other.
TEST_F(RecursionTest, MutualRecursion) {
  std::string data = "INSERT DATA { " + Node(0) + " a ex:Even . ";
  for (int i = 0; i < 9; ++i) data += Node(i) + " ex:next " + Node(i + 1) + " . ";
  ASSERT_OK(Run(data + "}"));
  ASSERT_OK(
      AddRules("RULE ex:odd { ?y a ex:Odd } WHERE { ?x a ex:Even . ?x ex:next ?y } ;\n"
               "RULE ex:even { ?y a ex:Even } WHERE { ?x a ex:Odd . ?x ex:next ?y }"));
  std::multiset<std::string> even, odd;
  for (int i = 0; i <= 9; ++i) (i % 2 == 0 ? even : odd).insert(Node(i));
  EXPECT_EQ(Rows("SELECT ?x WHERE { ?x a ex:Even }"), even);
  EXPECT_EQ(Rows("SELECT ?x WHERE { ?x a ex:Odd }"), odd);
}

TEST_F(RecursionTest, BindComputesNewTerms) {
  ASSERT_OK(Run("INSERT DATA { ex:a ex:name \"Ann\" }"));
  ASSERT_OK(
      AddRules("RULE ex:greet { ?x ex:greeting ?g } WHERE { ?x ex:name ?n BIND(CONCAT(\"hi \", ?n) "
               "AS ?g) }"));
  EXPECT_EQ(Rows("SELECT ?g WHERE { ex:a ex:greeting ?g }"),
            std::multiset<std::string>{"\"hi Ann\""});
}

}  // namespace
}  // namespace sextant::rules_test
