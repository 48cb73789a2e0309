#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "rdf/parser.h"
#include "sextant/rdf_writer.h"
#include "testutil/test_util.h"

namespace sextant::rdf {
namespace {

const std::string kEx = "http://example.org/";

Quad Q(Term s, const std::string& p, Term o, Term g = Term::DefaultGraph()) {
  return {std::move(s), Term::Iri(kEx + p), std::move(o), std::move(g)};
}

// Awkward on purpose: escapes, control characters, non-ASCII, unsafe local names, bare-looking
// numbers with other datatypes, blank nodes everywhere, several graphs in interleaved order.
std::vector<Quad> GnarlyQuads() {
  const Term s = Term::Iri(kEx + "s");
  const Term g1 = Term::Iri(kEx + "g1");
  const Term g2 = Term::Blank("graphnode");
  return {
      Q(s, "p", Term::Literal("plain")),
      Q(s, "p", Term::Literal("quote \" backslash \\ newline \n return \r tab \t end")),
      Q(s, "p", Term::Literal("ctrl \x01\x1F del \x7F")),
      Q(s, "p", Term::Literal("")),
      Q(s, "p", Term::Literal("\"\"\" triple quotes '''")),
      Q(s, "p", Term::LangLiteral("chat", "fr-BE")),
      Q(s, "p", Term::Literal("unicode \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80")),
      Q(s, "q", Term::TypedLiteral("42", std::string(vocab::kXsdInteger))),
      Q(s, "q", Term::TypedLiteral("-0042", std::string(vocab::kXsdInteger))),
      Q(s, "q", Term::TypedLiteral("1.50", std::string(vocab::kXsdDecimal))),
      Q(s, "q", Term::TypedLiteral("1e10", std::string(vocab::kXsdDouble))),
      Q(s, "q", Term::TypedLiteral("NaN", std::string(vocab::kXsdDouble))),
      Q(s, "q", Term::TypedLiteral("1.", std::string(vocab::kXsdDecimal))),
      Q(s, "q", Term::TypedLiteral("true", std::string(vocab::kXsdBoolean))),
      Q(s, "q", Term::TypedLiteral("TRUE", std::string(vocab::kXsdBoolean))),
      Q(s, "q", Term::TypedLiteral(" 7 ", std::string(vocab::kXsdInteger))),
      Q(s, "q", Term::TypedLiteral("x", "http://other.org/dt#weird-type?x=1")),
      Q(Term::Blank("b1"), "r", Term::Blank("x.y")),
      Q(Term::Blank("b1"), "r", Term::Iri(kEx + "local.with.dots")),
      Q(Term::Blank("b1"), "r", Term::Iri(kEx + "ends.")),
      Q(Term::Blank("b1"), "r", Term::Iri(kEx + "has/slash")),
      Q(Term::Blank("b1"), "r", Term::Iri(kEx + "has%20pct")),
      Q(Term::Blank("b1"), "r", Term::Iri(kEx)),
      Q(Term::Blank("b1"), "r", Term::Iri("urn:x-odd:a(b)c'\xC3\xA9~!$&*+,;=")),
      Q(s, "r", Term::Iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")),
      {s, Term::Iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), Term::Iri(kEx + "T"),
       Term::DefaultGraph()},
      Q(s, "p", Term::Literal("in g1"), g1),
      Q(Term::Blank("b1"), "p", Term::Literal("in g2"), g2),
      Q(s, "p", Term::Literal("back in default")),
      Q(s, "p", Term::Literal("g1 again"), g1),
      Q(Term::Blank("_under"), "p", Term::Blank("9digit"), g1),
  };
}

std::vector<Quad> WriteAndParse(RdfFormat format, const std::vector<Quad>& quads,
                                std::string* text) {
  std::ostringstream out;
  auto writer = MakeQuadWriter(
      format, out, {{"ex", kEx}, {"xsd", std::string(vocab::kXsd)}, {"bad name", "http://x/"}});
  for (const Quad& q : quads) EXPECT_OK(writer->Write(q));
  EXPECT_OK(writer->Finish());
  *text = out.str();
  ParseOptions o;
  o.format = format;
  auto parsed = ParseStringToQuads(*text, o);
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString() << "\n" << *text;
  return parsed.ok() ? *parsed : std::vector<Quad>{};
}

std::vector<Quad> Sorted(std::vector<Quad> v) {
  std::sort(v.begin(), v.end());
  return v;
}

std::vector<Quad> DefaultGraphOnly(const std::vector<Quad>& quads) {
  std::vector<Quad> out;
  for (Quad q : quads) {
    q.graph = Term::DefaultGraph();
    out.push_back(std::move(q));
  }
  return out;
}

TEST(WriterTest, QuadFormatsRoundTripExactly) {
  const auto quads = GnarlyQuads();
  for (const RdfFormat format : {RdfFormat::kNQuads, RdfFormat::kTriG}) {
    std::string text;
    EXPECT_TRUE(Sorted(WriteAndParse(format, quads, &text)) == Sorted(quads)) << text;
  }
}

TEST(WriterTest, TripleFormatsRoundTripIgnoringGraphs) {
  const auto triples = DefaultGraphOnly(GnarlyQuads());
  for (const RdfFormat format : {RdfFormat::kNTriples, RdfFormat::kTurtle}) {
    std::string text;
    auto parsed = WriteAndParse(format, GnarlyQuads(), &text);
    EXPECT_TRUE(Sorted(parsed) == Sorted(triples)) << text;
  }
}

TEST(WriterTest, TurtleIsCompact) {
  std::string text;
  WriteAndParse(RdfFormat::kTurtle, GnarlyQuads(), &text);
  EXPECT_EQ(text.rfind("@prefix ex: <http://example.org/> .\n", 0), 0u) << text;
  EXPECT_EQ(text.find("bad name"), std::string::npos);
  EXPECT_NE(text.find("ex:s ex:p \"plain\", "), std::string::npos) << text;
  EXPECT_NE(text.find(" ;\n    ex:q 42, "), std::string::npos) << text;
  EXPECT_NE(text.find("ex:local.with.dots"), std::string::npos);
  EXPECT_NE(text.find("<http://example.org/ends.>"), std::string::npos);
  EXPECT_NE(text.find("<http://example.org/has/slash>"), std::string::npos);
  EXPECT_NE(text.find(" a ex:T"), std::string::npos) << text;
  EXPECT_NE(text.find(" true"), std::string::npos);
  EXPECT_NE(text.find("\"TRUE\"^^xsd:boolean"), std::string::npos) << text;
  EXPECT_NE(text.find("\"1.\"^^xsd:decimal"), std::string::npos) << text;
}

TEST(WriterTest, TrigWritesGraphBlocks) {
  std::string text;
  WriteAndParse(RdfFormat::kTriG, GnarlyQuads(), &text);
  EXPECT_NE(text.find("ex:g1 {\n  ex:s ex:p \"in g1\" .\n}\n"), std::string::npos) << text;
  EXPECT_NE(text.find("_:graphnode {\n"), std::string::npos) << text;
}

TEST(WriterTest, NTriplesIsCanonical) {
  std::ostringstream out;
  auto writer = MakeQuadWriter(RdfFormat::kNTriples, out);
  ASSERT_OK(writer->Write(
      Q(Term::Iri(kEx + "s"), "p", Term::LangLiteral("a\"b", "en"), Term::Iri(kEx + "g"))));
  ASSERT_OK(writer->Finish());
  EXPECT_EQ(out.str(), "<http://example.org/s> <http://example.org/p> \"a\\\"b\"@en .\n");
}

TEST(WriterTest, EmptyTurtleHasOnlyPrefixes) {
  std::ostringstream out;
  auto writer = MakeQuadWriter(RdfFormat::kTurtle, out, {{"ex", kEx}});
  ASSERT_OK(writer->Finish());
  EXPECT_EQ(out.str(), "@prefix ex: <http://example.org/> .\n\n");
}

TEST(WriterTest, NumbersAreBareOnlyWhenTheyReadBackTheSame) {
  std::ostringstream out;
  auto writer = MakeQuadWriter(RdfFormat::kTurtle, out);
  const Term s = Term::Iri(kEx + "s");
  const std::pair<const char*, std::string_view> cases[] = {
      {"+5", vocab::kXsdInteger},    {"-.5", vocab::kXsdDecimal}, {".5e-3", vocab::kXsdDouble},
      {"5.E2", vocab::kXsdDouble},   {"5.", vocab::kXsdDouble},   {"e5", vocab::kXsdDouble},
      {"1_000", vocab::kXsdInteger}, {"+", vocab::kXsdInteger},   {"0x1F", vocab::kXsdInteger}};
  for (const auto& [lex, dt] : cases)
    ASSERT_OK(writer->Write(Q(s, "n", Term::TypedLiteral(lex, std::string(dt)))));
  ASSERT_OK(writer->Finish());
  const std::string text = out.str();
  EXPECT_NE(text.find(" +5, -.5, .5e-3, 5.E2, \"5.\"^^"), std::string::npos) << text;
  ParseOptions o;
  o.format = RdfFormat::kTurtle;
  ASSERT_OK_AND_ASSIGN(auto parsed, ParseStringToQuads(text, o));
  ASSERT_EQ(parsed.size(), std::size(cases));
  for (size_t i = 0; i < parsed.size(); ++i) {
    EXPECT_EQ(parsed[i].object.value(), cases[i].first);
    EXPECT_EQ(parsed[i].object.datatype(), cases[i].second);
  }
}

TEST(WriterTest, UnwritableBlankLabelsAreEncoded) {
  for (const RdfFormat format : {RdfFormat::kNTriples, RdfFormat::kTurtle}) {
    std::ostringstream out;
    auto writer = MakeQuadWriter(format, out);
    ASSERT_OK(writer->Write(Q(Term::Blank("has space"), "p", Term::Blank("-lead"))));
    ASSERT_OK(writer->Finish());
    ParseOptions o;
    o.format = format;
    ASSERT_OK_AND_ASSIGN(auto parsed, ParseStringToQuads(out.str(), o));
    ASSERT_EQ(parsed.size(), 1u);
    EXPECT_TRUE(parsed[0].subject.is_blank());
    EXPECT_NE(parsed[0].subject, parsed[0].object);
  }
}

TEST(WriterTest, FailedStreamIsAnIoError) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  auto writer = MakeQuadWriter(RdfFormat::kNQuads, out);
  EXPECT_EQ(writer->Write(Q(Term::Iri(kEx + "s"), "p", Term::Literal("x"))).code(),
            StatusCode::kIOError);
}

}  // namespace
}  // namespace sextant::rdf
