#include "sextant/status.h"

#include <gtest/gtest.h>

#include "sextant/rdf_format.h"
#include "sextant/term.h"

namespace sextant {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) return Status::InvalidArgument("odd");
  return x / 2;
}

Status UseHalf(int x, int* out) {
  SEXTANT_ASSIGN_OR_RETURN(*out, Half(x));
  return Status::OK();
}

TEST(StatusTest, SyntaxErrorCarriesPosition) {
  const Status s = Status::SyntaxError("expected '.'", "data.ttl", 3, 14);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kSyntaxError);
  EXPECT_EQ(s.ToString(), "data.ttl:3:14: expected '.'");
  EXPECT_EQ(s.WithContext("loading").ToString(), "data.ttl:3:14: loading: expected '.'");
}

TEST(StatusTest, ResultPropagates) {
  int v = 0;
  EXPECT_TRUE(UseHalf(8, &v).ok());
  EXPECT_EQ(v, 4);
  const Status bad = UseHalf(7, &v);
  EXPECT_EQ(bad.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.ToString(), "Invalid argument: odd");
}

TEST(TermTest, NTriplesForms) {
  EXPECT_EQ(Term::Iri("http://x/a b").ToNTriples(), "<http://x/a\\u0020b>");
  EXPECT_EQ(Term::Blank("b0").ToNTriples(), "_:b0");
  EXPECT_EQ(Term::Literal("say \"hi\"\n").ToNTriples(), "\"say \\\"hi\\\"\\n\"");
  EXPECT_EQ(Term::LangLiteral("Kazakhstan", "en").ToNTriples(), "\"Kazakhstan\"@en");
  EXPECT_EQ(Term::TypedLiteral("01", std::string(vocab::kXsdInteger)).ToNTriples(),
            "\"01\"^^<http://www.w3.org/2001/XMLSchema#integer>");
  const Quad q{Term::Iri("s"), Term::Iri("p"), Term::Literal("o"), Term::Iri("g")};
  EXPECT_EQ(q.ToNQuads(), "<s> <p> \"o\" <g> .");
}

TEST(TermTest, EqualityIsLexical) {
  EXPECT_NE(Term::TypedLiteral("01", std::string(vocab::kXsdInteger)),
            Term::TypedLiteral("1", std::string(vocab::kXsdInteger)));
  EXPECT_NE(Term::Literal("a"), Term::LangLiteral("a", "en"));
  EXPECT_EQ(Term::Literal("a"), Term::TypedLiteral("a", std::string(vocab::kXsdString)));
}

TEST(RdfFormatTest, FromPath) {
  EXPECT_EQ(RdfFormatFromPath("x/lubm.nt.gz"), RdfFormat::kNTriples);
  EXPECT_EQ(RdfFormatFromPath("a.TTL"), RdfFormat::kTurtle);
  EXPECT_EQ(RdfFormatFromPath("a.trig"), RdfFormat::kTriG);
  EXPECT_EQ(RdfFormatFromPath("dir.nq/file"), std::nullopt);
}

}  // namespace
}  // namespace sextant
