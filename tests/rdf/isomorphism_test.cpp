#include "rdf/isomorphism.h"

#include <gtest/gtest.h>

namespace sextant::rdf {
namespace {

Quad IsoQuad(Term s, const std::string& p, Term o, Term g = Term::DefaultGraph()) {
  return {std::move(s), Term::Iri("http://ex/" + p), std::move(o), std::move(g)};
}

std::vector<Quad> Cycle(const std::string& prefix, int n, int offset = 0) {
  std::vector<Quad> out;
  for (int i = 0; i < n; ++i) {
    out.push_back(IsoQuad(Term::Blank(prefix + std::to_string(offset + i)), "next",
                          Term::Blank(prefix + std::to_string(offset + (i + 1) % n))));
  }
  return out;
}

TEST(IsomorphismTest, RenamedBlankNodesMatch) {
  const std::vector<Quad> a = {
      IsoQuad(Term::Blank("x"), "p", Term::Literal("1")),
      IsoQuad(Term::Blank("x"), "q", Term::Blank("y"), Term::Iri("http://g")),
      IsoQuad(Term::Iri("http://s"), "p", Term::Literal("v"))};
  const std::vector<Quad> b = {
      IsoQuad(Term::Iri("http://s"), "p", Term::Literal("v")),
      IsoQuad(Term::Blank("k"), "q", Term::Blank("m"), Term::Iri("http://g")),
      IsoQuad(Term::Blank("k"), "p", Term::Literal("1"))};
  EXPECT_TRUE(Isomorphic(a, b));
}

TEST(IsomorphismTest, GroundDifferenceIsReported) {
  std::string why;
  EXPECT_FALSE(Isomorphic({IsoQuad(Term::Iri("http://s"), "p", Term::Literal("1"))},
                          {IsoQuad(Term::Iri("http://s"), "p", Term::Literal("2"))}, &why));
  EXPECT_NE(why.find("only in first"), std::string::npos) << why;
}

TEST(IsomorphismTest, BlankNodeInGraphPosition) {
  EXPECT_TRUE(
      Isomorphic({IsoQuad(Term::Iri("http://s"), "p", Term::Blank("a"), Term::Blank("g"))},
                 {IsoQuad(Term::Iri("http://s"), "p", Term::Blank("b"), Term::Blank("h"))}));
  EXPECT_FALSE(
      Isomorphic({IsoQuad(Term::Iri("http://s"), "p", Term::Blank("a"), Term::Blank("a"))},
                 {IsoQuad(Term::Iri("http://s"), "p", Term::Blank("b"), Term::Blank("h"))}));
}

// Every node of both graphs looks alike to colour refinement (each has one in- and one
// out-edge), so only the backtracking search can tell a 6-cycle from two 3-cycles.
TEST(IsomorphismTest, RegularGraphsNeedBacktracking) {
  std::vector<Quad> six = Cycle("a", 6);
  std::vector<Quad> two_threes = Cycle("b", 3);
  for (const Quad& q : Cycle("b", 3, 3)) two_threes.push_back(q);
  EXPECT_FALSE(Isomorphic(six, two_threes));
  std::vector<Quad> other_threes = Cycle("z", 3, 10);
  for (const Quad& q : Cycle("z", 3, 20)) other_threes.push_back(q);
  EXPECT_TRUE(Isomorphic(two_threes, other_threes));
  EXPECT_TRUE(Isomorphic(six, Cycle("q", 6, 100)));
}

TEST(IsomorphismTest, DuplicatesIgnored) {
  const Quad q = IsoQuad(Term::Blank("a"), "p", Term::Literal("x"));
  EXPECT_TRUE(Isomorphic({q, q}, {q}));
}

}  // namespace
}  // namespace sextant::rdf
