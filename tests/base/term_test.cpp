#include "sextant/term.h"

#include <gtest/gtest.h>

#include <set>
#include <unordered_set>

namespace sextant {
namespace {

Term Tt(const std::string& s, const std::string& p, Term o) {
  return Term::Triple(Term::Iri(s), Term::Iri(p), std::move(o));
}

TEST(TermTest, TripleTermPartsAndNTriples) {
  const Term inner = Tt("http://s", "http://p", Term::Literal("o"));
  const Term outer = Term::Triple(Term::Blank("b"), Term::Iri("http://q"), inner);
  EXPECT_TRUE(outer.is_triple());
  EXPECT_FALSE(outer.is_iri() || outer.is_literal() || outer.is_blank());
  EXPECT_EQ(outer.subject(), Term::Blank("b"));
  EXPECT_EQ(outer.predicate(), Term::Iri("http://q"));
  EXPECT_EQ(outer.object(), inner);
  EXPECT_EQ(outer.object().object(), Term::Literal("o"));
  EXPECT_TRUE(outer.value().empty());
  EXPECT_TRUE(outer.datatype().empty());
  EXPECT_EQ(outer.ToNTriples(), "<<( _:b <http://q> <<( <http://s> <http://p> \"o\" )>> )>>");
  // Parts of anything else are the default graph term.
  EXPECT_TRUE(Term::Iri("http://s").subject().is_default_graph());
}

TEST(TermTest, TripleTermsCompareAndHashByParts) {
  const Term a = Tt("http://s", "http://p", Term::Literal("o"));
  const Term b = Tt("http://s", "http://p", Term::Literal("o"));  // equal, not shared
  const Term c = Tt("http://s", "http://p", Term::Literal("x"));
  const Term copy = a;  // shares the parts
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, copy);
  EXPECT_NE(a, c);
  EXPECT_NE(a, Term::Iri("http://s"));
  EXPECT_EQ(TermHash()(a), TermHash()(b));
  EXPECT_TRUE((a < c) != (c < a));
  EXPECT_FALSE(a < b || b < a);
  const std::set<Term> ordered{a, b, c, Term::Iri("http://s")};
  EXPECT_EQ(ordered.size(), 3u);
  const std::unordered_set<Term, TermHash> hashed{a, b, c};
  EXPECT_EQ(hashed.size(), 2u);
}

TEST(TermTest, LanguageDirection) {
  const Term rtl = Term::LangLiteral("שלום", "he", Direction::kRtl);
  const Term plain = Term::LangLiteral("שלום", "he");
  EXPECT_EQ(rtl.direction(), Direction::kRtl);
  EXPECT_EQ(rtl.datatype(), vocab::kRdfDirLangString);
  EXPECT_EQ(plain.direction(), Direction::kNone);
  EXPECT_EQ(plain.datatype(), vocab::kRdfLangString);
  EXPECT_NE(rtl, plain);
  EXPECT_NE(rtl, Term::LangLiteral("שלום", "he", Direction::kLtr));
  EXPECT_NE(TermHash()(rtl), TermHash()(plain));
  EXPECT_EQ(rtl.ToNTriples(), "\"שלום\"@he--rtl");
  EXPECT_EQ(DirectionName(Direction::kLtr), "ltr");
  EXPECT_EQ(DirectionFromName("rtl"), Direction::kRtl);
  EXPECT_FALSE(DirectionFromName("RTL").has_value());
  EXPECT_FALSE(DirectionFromName("").has_value());
}

}  // namespace
}  // namespace sextant
