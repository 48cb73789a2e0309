#include "rdf/ntriples_line.h"

#include <gtest/gtest.h>

#include "rdf/parser.h"
#include "testutil/test_util.h"

namespace sextant::rdf {
namespace {

std::vector<Quad> ParseAs(std::string_view text, RdfFormat format) {
  ParseOptions o;
  o.format = format;
  o.blank_prefix = "L1_";
  auto quads = ParseStringToQuads(text, o);
  EXPECT_TRUE(quads.ok()) << quads.status().ToString();
  return quads.ok() ? *quads : std::vector<Quad>{};
}

TEST(NTriplesLineTest, CommonFormIsReadFromTheLineWithoutCopies) {
  NTriplesLine reader("L1_", /*quads=*/true);
  QuadView q;
  const std::string line =
      "_:b.1-x\t<http://p/\xC3\xA9'>  \"a\\u00E9\\U0001F600\\t<>'\" @EN-gb--rtl <http://g> .\r";
  ASSERT_TRUE(reader.Parse(line, &q));
  EXPECT_EQ(q.subject.kind, TermKind::kBlank);
  EXPECT_EQ(q.subject.value, "L1_b.1-x");
  EXPECT_EQ(q.predicate.value, "http://p/\xC3\xA9'");
  // A term without escapes is a slice of the line itself.
  EXPECT_GE(q.predicate.value.data(), line.data());
  EXPECT_LT(q.predicate.value.data(), line.data() + line.size());
  EXPECT_EQ(q.object.value, "a\xC3\xA9\xF0\x9F\x98\x80\t<>'");
  EXPECT_EQ(q.object.language, "en-gb");
  EXPECT_EQ(q.object.direction, Direction::kRtl);
  EXPECT_EQ(q.object.datatype, vocab::kRdfDirLangString);
  EXPECT_EQ(q.graph.value, "http://g");

  ASSERT_TRUE(reader.Parse("<http://s> <http://p> \"5\" ^^ <http://t> .", &q));
  EXPECT_EQ(q.object.datatype, "http://t");
  EXPECT_EQ(q.graph.kind, TermKind::kDefaultGraph);
  ASSERT_TRUE(reader.Parse("<http://s><http://p>_:o.", &q));
  EXPECT_EQ(q.object.value, "L1_o");
}

TEST(NTriplesLineTest, EverythingElseIsLeftToTheGeneralReader) {
  NTriplesLine reader("", /*quads=*/false);
  QuadView q;
  for (const char* line : {
           "<s> <http://p> <http://o> .",                   // relative IRI
           "<http://s> <http://p> <http://o> . # comment",  // comment
           "<http://s> <http://p> <http://o> . <http://s> <http://p> <http://o> .",
           "<http://s> <http://p> <<( <http://a> <http://b> <http://c> )>> .",
           "<http://s> <http://p> \"x\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> .",
           "<http://s> <http://p> \"x\"@en- .",              // empty subtag
           "<http://s> <http://p> \"x\"@abcdefghi .",        // subtag longer than 8
           "<http://s> <http://p> \"x\"@en--up .",           // no such direction
           "<http://s> <http://p> \"\\uD800\" .",            // lone surrogate
           "<http://s> <http://p> \"\xC3\" .",               // truncated UTF-8
           "<http://s> <http://p> \"\xED\xA0\x80\" .",       // encoded surrogate
           "<http://s\\u0041> <http://p> <http://o> .",      // escape in an IRI
           "<http://s> <http://p> <http://o> <http://g> .",  // graph in N-Triples
           "_:-b <http://p> <http://o> .",                   // label starts with '-'
           "_:b\xC2\xB7 <http://p> <http://o> .",            // non-ASCII label char
           "<http://s> <http://p> \"x\" ^ .",                // single '^'
           "<http://s> <http://p> \"x\"",                    // no '.'
       }) {
    EXPECT_FALSE(reader.Parse(line, &q)) << line;
  }
}

// The same N-Triples text read as N-Triples (mostly the common-form path) and as Turtle (the
// general path) gives the same quads, whatever mix of forms the lines take.
TEST(NTriplesLineTest, SameQuadsAsTheGeneralReader) {
  const std::string text =
      "<http://s> <http://p> \"plain\" .\n"
      "<http://s> <http://p> \"esc \\\" \\\\ \\n \\u00e9 \\U0001F600\"@EN .\n"
      "_:a.b <http://p> _:c-d .\r\n"
      "<http://s> <http://p> \"x\"^^<http://t> . # a comment goes the general way\n"
      "\t<http://s>\t<http://p>\t\"\xE2\x82\xAC\" \t.  \n"
      "<http://s> <http://p> \"r\"@ar--rtl .\n"
      "<http://s> <http://p> <http://o> . <http://s2> <http://p> <http://o> .\n"
      "<http://s> <http://p> <http://o\\u0041> .\n"
      "<http://last> <http://p> \"no newline\" .";
  const std::vector<Quad> line_based = ParseAs(text, RdfFormat::kNTriples);
  EXPECT_EQ(line_based.size(), 10u);
  EXPECT_EQ(line_based, ParseAs(text, RdfFormat::kTurtle));
  EXPECT_EQ(line_based[1].object,
            Term::LangLiteral("esc \" \\ \n \xC3\xA9 \xF0\x9F\x98\x80", "en"));
  EXPECT_EQ(line_based[2].subject, Term::Blank("L1_a.b"));
}

// Lines read whole still leave the position where the general reader would: errors after them
// name the right line and column, also after a line without a '\n' and across input blocks.
TEST(NTriplesLineTest, ErrorsAfterCommonLinesHaveTheirPositions) {
  std::string text;
  for (int i = 0; i < 5000; ++i)
    text += "<http://s> <http://p> \"line " + std::to_string(i) + "\" .\n";
  text +=
      "<http://s> <http://p> \"x\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> .\n";
  ParseOptions o;
  o.format = RdfFormat::kNTriples;
  o.source_name = "in.nt";
  uint64_t read = 0;
  auto r = ParseString(
      text, o,
      [&](const QuadView&) {
        ++read;
        return Status::OK();
      },
      nullptr);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(read, 5000u);
  EXPECT_NE(r.status().ToString().find("in.nt:5001:28"), std::string::npos)
      << r.status().ToString();

  ParseOptions lenient = o;
  lenient.lenient = true;
  std::vector<LoadDiagnostic> diags;
  auto l = ParseString(
      "<http://s> <http://p> \"\xC3\xA9\" .\n<http://s> <http://p> \"\xC3\" .\n"
      "<http://s> <http://p> \"ok\" .",
      lenient, nullptr, [&](const LoadDiagnostic& d) { diags.push_back(d); });
  ASSERT_TRUE(l.ok()) << l.status().ToString();
  EXPECT_EQ(l->statements, 2u);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].line, 2u);
  EXPECT_EQ(diags[0].column, 25u);  // the quote that leaves the character unfinished
}

}  // namespace
}  // namespace sextant::rdf
