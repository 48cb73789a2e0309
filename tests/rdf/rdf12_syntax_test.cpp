// RDF 1.2 syntax in the Turtle family: triple terms, reified triples, reifiers, annotations,
// base direction and VERSION, read by every format that has them, and refused (with a position)
// where the grammar forbids them.
#include <gtest/gtest.h>

#include "rdf/parser.h"
#include "testutil/test_util.h"

namespace sextant::rdf {
namespace {

ParseOptions Rdf12Opts(RdfFormat format, bool lenient = false) {
  ParseOptions o;
  o.format = format;
  o.lenient = lenient;
  o.source_name = "in.ttl";
  return o;
}

Term Ex(const std::string& local) {
  return Term::Iri("http://ex/" + local);
}

Term Reifies() {
  return Term::Iri(std::string(vocab::kRdfReifies));
}

TEST(Rdf12SyntaxTest, NTriplesAndNQuadsTripleTermsAndDirections) {
  ASSERT_OK_AND_ASSIGN(
      auto nt,
      ParseStringToQuads("<http://ex/r> <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> "
                         "<<( <http://ex/s> <http://ex/p> <<( _:b <http://ex/q> "
                         "\"x\"@AR--rtl )>> )>> .\n",
                         Rdf12Opts(RdfFormat::kNTriples)));
  ASSERT_EQ(nt.size(), 1u);
  const Term inner =
      Term::Triple(Term::Blank("b"), Ex("q"), Term::LangLiteral("x", "ar", Direction::kRtl));
  EXPECT_EQ(nt[0].object, Term::Triple(Ex("s"), Ex("p"), inner));
  // One stored form for a language tag: lower case.
  EXPECT_EQ(inner.part(2).language(), "ar");
  EXPECT_EQ(inner.part(2).datatype(), vocab::kRdfDirLangString);

  ASSERT_OK_AND_ASSIGN(
      auto nq, ParseStringToQuads("<http://ex/s> <http://ex/p> <<(<http://ex/a> <http://ex/b> "
                                  "<http://ex/c>)>> <http://ex/g> .\n",
                                  Rdf12Opts(RdfFormat::kNQuads)));
  ASSERT_EQ(nq.size(), 1u);
  EXPECT_EQ(nq[0].graph, Ex("g"));
  EXPECT_TRUE(nq[0].object.is_triple());
}

TEST(Rdf12SyntaxTest, TurtleReifiedTriplesAnnotationsAndReifiers) {
  const std::string text =
      "VERSION \"1.2\"\n"
      "PREFIX : <http://ex/>\n"
      ":Belarus :exported :Polonez ~ :f097 {| :statedIn :article ; :quote \"...\"@en |} .\n"
      "<< :a :b :c ~ :f1 >> :source :s1 .\n"
      ":x :says << :a :b :c >> .\n"
      ":y :likes :z {| :since 2020 |} .\n";
  ASSERT_OK_AND_ASSIGN(auto quads, ParseStringToQuads(text, Rdf12Opts(RdfFormat::kTurtle)));
  auto has = [&](const Term& s, const Term& p, const Term& o) {
    for (const Quad& q : quads) {
      if (q.subject == s && q.predicate == p && q.object == o) return true;
    }
    return false;
  };
  const Term exported = Term::Triple(Ex("Belarus"), Ex("exported"), Ex("Polonez"));
  EXPECT_TRUE(has(Ex("Belarus"), Ex("exported"), Ex("Polonez")));  // the annotated triple holds
  EXPECT_TRUE(has(Ex("f097"), Reifies(), exported));
  EXPECT_TRUE(has(Ex("f097"), Ex("statedIn"), Ex("article")));
  EXPECT_TRUE(has(Ex("f097"), Ex("quote"), Term::LangLiteral("...", "en")));
  // A reified triple is not asserted.
  const Term abc = Term::Triple(Ex("a"), Ex("b"), Ex("c"));
  EXPECT_TRUE(has(Ex("f1"), Reifies(), abc));
  EXPECT_TRUE(has(Ex("f1"), Ex("source"), Ex("s1")));
  EXPECT_FALSE(has(Ex("a"), Ex("b"), Ex("c")));
  // Without a reifier, a fresh blank node reifies the triple.
  Term anonymous;
  for (const Quad& q : quads) {
    if (q.subject == Ex("x")) anonymous = q.object;
  }
  ASSERT_TRUE(anonymous.is_blank());
  EXPECT_TRUE(has(anonymous, Reifies(), abc));
  Term since;
  for (const Quad& q : quads) {
    if (q.predicate == Ex("since")) since = q.subject;
  }
  ASSERT_TRUE(since.is_blank());
  EXPECT_TRUE(has(since, Reifies(), Term::Triple(Ex("y"), Ex("likes"), Ex("z"))));
  EXPECT_EQ(quads.size(), 11u);
}

TEST(Rdf12SyntaxTest, TrigAnnotationsStayInTheirGraph) {
  ASSERT_OK_AND_ASSIGN(auto quads,
                       ParseStringToQuads("@prefix : <http://ex/> .\n"
                                          ":g { :s :p \"o\"@en--ltr ~ :r {| :q :v |} }\n",
                                          Rdf12Opts(RdfFormat::kTriG)));
  ASSERT_EQ(quads.size(), 3u);
  for (const Quad& q : quads) EXPECT_EQ(q.graph, Ex("g"));
  EXPECT_EQ(quads[0].object.direction(), Direction::kLtr);
}

TEST(Rdf12SyntaxTest, ForbiddenPlacesAreErrorsWithPositions) {
  struct Case {
    RdfFormat format;
    std::string text;
    uint64_t column;
    std::string says;
  };
  for (const Case& c : {
           Case{RdfFormat::kNTriples,
                "<<( <http://ex/a> <http://ex/b> <http://ex/c> )>> <http://ex/p> <http://ex/o> .\n",
                1, "triple term"},
           Case{RdfFormat::kNTriples, "<http://ex/s> <http://ex/p> \"x\"@en--up .\n", 37,
                "base direction"},
           Case{RdfFormat::kNTriples,
                "<http://ex/s> <http://ex/p> << <http://ex/a> <http://ex/b> <http://ex/c> >> .\n",
                29, "<<("},
           Case{RdfFormat::kTurtle,
                "<http://ex/s> <http://ex/p> <<( [ <http://ex/q> 1 ] "
                "<http://ex/b> <http://ex/c> )>> .\n",
                33, "property list"},
           Case{RdfFormat::kTurtle, "<http://ex/s> <http://ex/p> <http://ex/o> {| .\n", 46,
                "predicate"},
       }) {
    SCOPED_TRACE(c.text);
    auto r = ParseStringToQuads(c.text, Rdf12Opts(c.format));
    ASSERT_EQ(r.status().code(), StatusCode::kSyntaxError) << r.status().ToString();
    EXPECT_EQ(r.status().line(), 1u);
    EXPECT_EQ(r.status().column(), c.column) << r.status().ToString();
    EXPECT_NE(r.status().message().find(c.says), std::string::npos) << r.status().ToString();
  }
}

TEST(Rdf12SyntaxTest, LenientSkipsABadAnnotatedStatementWhole) {
  const std::string text =
      "PREFIX : <http://ex/>\n"
      ":a :b :c {| :q 1 .\n"
      ":d :e :f .\n";
  ASSERT_OK_AND_ASSIGN(auto quads,
                       ParseStringToQuads(text, Rdf12Opts(RdfFormat::kTurtle, /*lenient=*/true)));
  ASSERT_EQ(quads.size(), 1u);
  EXPECT_EQ(quads[0].subject, Ex("d"));
}

// What the writers produce reads back as the same terms.
TEST(Rdf12SyntaxTest, WrittenTermsReadBack) {
  const Term t = Term::Triple(
      Term::Blank("b1"), Ex("p"),
      Term::Triple(Ex("s"), Ex("q"), Term::LangLiteral("a\tb\"c\n", "he", Direction::kRtl)));
  const Quad q{Ex("r"), Reifies(), t, Ex("g")};
  ASSERT_OK_AND_ASSIGN(auto back,
                       ParseStringToQuads(q.ToNQuads() + "\n", Rdf12Opts(RdfFormat::kNQuads)));
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0], q);
}

}  // namespace
}  // namespace sextant::rdf
