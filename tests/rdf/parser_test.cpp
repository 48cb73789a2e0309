#include "rdf/parser.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include "testutil/test_util.h"

namespace sextant::rdf {
namespace {

using ::sextant::testing::TempDir;
using ::sextant::testing::WriteFile;

ParseOptions Opts(RdfFormat format, bool lenient = false) {
  ParseOptions o;
  o.format = format;
  o.lenient = lenient;
  return o;
}

Quad Q(const std::string& s, const std::string& p, Term o, Term g = Term::DefaultGraph()) {
  return {Term::Iri(s), Term::Iri(p), std::move(o), std::move(g)};
}

Status ParseError(std::string_view text, RdfFormat format,
                  std::vector<LoadDiagnostic>* diags = nullptr) {
  ParseOptions o = Opts(format);
  o.source_name = "in.txt";
  auto r = ParseString(text, o, nullptr, [&](const LoadDiagnostic& d) {
    if (diags != nullptr) diags->push_back(d);
  });
  return r.status();
}

TEST(ParserTest, NTriplesTermsAndDatatypes) {
  ASSERT_OK_AND_ASSIGN(
      auto quads, ParseStringToQuads(
                      "<http://s> <http://p> \"plain\" .\n"
                      "<http://s> <http://p> \"chat\"@fr .\n"
                      "<http://s> <http://p> \"5\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
                      "_:b1 <http://p> <http://o> .\n",
                      Opts(RdfFormat::kNTriples)));
  ASSERT_EQ(quads.size(), 4u);
  EXPECT_EQ(quads[0], Q("http://s", "http://p", Term::Literal("plain")));
  EXPECT_EQ(quads[0].object.datatype(), vocab::kXsdString);
  EXPECT_EQ(quads[1].object, Term::LangLiteral("chat", "fr"));
  EXPECT_EQ(quads[1].object.datatype(), vocab::kRdfLangString);
  EXPECT_EQ(quads[2].object, Term::TypedLiteral("5", std::string(vocab::kXsdInteger)));
  EXPECT_EQ(quads[3].subject, Term::Blank("b1"));
  EXPECT_TRUE(quads[3].graph.is_default_graph());
}

TEST(ParserTest, NQuadsGraphs) {
  ASSERT_OK_AND_ASSIGN(auto quads,
                       ParseStringToQuads("<http://s> <http://p> <http://o> <http://g> .\n"
                                          "<http://s> <http://p> <http://o> _:g .\n"
                                          "<http://s> <http://p> <http://o> .\n",
                                          Opts(RdfFormat::kNQuads)));
  ASSERT_EQ(quads.size(), 3u);
  EXPECT_EQ(quads[0].graph, Term::Iri("http://g"));
  EXPECT_EQ(quads[1].graph, Term::Blank("g"));
  EXPECT_TRUE(quads[2].graph.is_default_graph());
}

TEST(ParserTest, TurtlePrefixesBaseListsAndNumbers) {
  ParseOptions o = Opts(RdfFormat::kTurtle);
  o.base_iri = "http://base/dir/doc";
  ASSERT_OK_AND_ASSIGN(auto quads, ParseStringToQuads("@prefix ex: <http://ex/> .\n"
                                                      "<../up> a ex:T ; ex:n 42, 1.5, true .\n"
                                                      "@base <http://other/x/> .\n"
                                                      "<y> ex:l (\"a\") .\n",
                                                      o));
  ASSERT_EQ(quads.size(), 7u);
  EXPECT_EQ(quads[0],
            Q("http://base/up", std::string(vocab::kRdf) + "type", Term::Iri("http://ex/T")));
  EXPECT_EQ(quads[1].object, Term::TypedLiteral("42", std::string(vocab::kXsdInteger)));
  EXPECT_EQ(quads[2].object, Term::TypedLiteral("1.5", std::string(vocab::kXsdDecimal)));
  EXPECT_EQ(quads[3].object, Term::TypedLiteral("true", std::string(vocab::kXsdBoolean)));
  EXPECT_EQ(quads[4].subject, Term::Iri("http://other/x/y"));
  EXPECT_TRUE(quads[4].object.is_blank());
  EXPECT_EQ(quads[5].object, Term::Literal("a"));
}

TEST(ParserTest, TrigGraphBlocks) {
  ASSERT_OK_AND_ASSIGN(auto quads, ParseStringToQuads("@prefix ex: <http://ex/> .\n"
                                                      "ex:g { ex:s ex:p ex:o . }\n"
                                                      "{ ex:s ex:p ex:d }\n"
                                                      "ex:s ex:p ex:t .\n",
                                                      Opts(RdfFormat::kTriG)));
  ASSERT_EQ(quads.size(), 3u);
  EXPECT_EQ(quads[0].graph, Term::Iri("http://ex/g"));
  EXPECT_TRUE(quads[1].graph.is_default_graph());
  EXPECT_TRUE(quads[2].graph.is_default_graph());
}

TEST(ParserTest, StrictErrorHasExactPosition) {
  std::vector<LoadDiagnostic> diags;
  const Status st = ParseError("<http://a> <http://b> <http://c> .\n<http://a> <http://b> .\n",
                               RdfFormat::kNTriples, &diags);
  ASSERT_EQ(st.code(), StatusCode::kSyntaxError) << st.ToString();
  EXPECT_EQ(st.source(), "in.txt");
  EXPECT_EQ(st.line(), 2u);
  EXPECT_EQ(st.column(), 23u);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].line, 2u);
  EXPECT_EQ(diags[0].column, 23u);
  EXPECT_EQ(diags[0].message, st.message());
  EXPECT_EQ(st.message().find('\n'), std::string::npos);
}

TEST(ParserTest, MissingDotIsReportedAtEndOfItsLine) {
  const Status st =
      ParseError("<http://a> <http://b> <http://c>\n<http://a> <http://b> <http://c> .\n",
                 RdfFormat::kNTriples);
  ASSERT_EQ(st.code(), StatusCode::kSyntaxError);
  EXPECT_EQ(st.line(), 1u) << st.ToString();
  EXPECT_EQ(st.column(), 33u) << st.ToString();
  EXPECT_NE(st.message().find("'.'"), std::string::npos) << st.message();
}

// A datatype marker without its IRI must not drop the statement silently.
TEST(ParserTest, DanglingDatatypeMarkerIsAnError) {
  for (const RdfFormat f : {RdfFormat::kNTriples, RdfFormat::kTurtle}) {
    const Status st = ParseError("_:a <http://b> \"x\"^^ .\n", f);
    ASSERT_EQ(st.code(), StatusCode::kSyntaxError) << st.ToString();
    EXPECT_EQ(st.line(), 1u);
  }
}

TEST(ParserTest, TruncatedInputSaysSo) {
  for (const RdfFormat f : {RdfFormat::kNTriples, RdfFormat::kTurtle}) {
    const Status st =
        ParseError("<http://s> <http://p> <http://o> .\n<http://s> <http://p> <http://o", f);
    ASSERT_EQ(st.code(), StatusCode::kSyntaxError);
    EXPECT_EQ(st.message(), "unexpected end of input") << st.ToString();
    EXPECT_EQ(st.line(), 2u);
    EXPECT_EQ(st.column(), 32u) << st.ToString();  // just past the last character
  }
}

TEST(ParserTest, TurtleErrorPositionAndUndefinedPrefix) {
  Status st = ParseError("@prefix ex: <http://ex/> .\nex:s ex:p ex:o .\nex:s ex:p <http://a b> .\n",
                         RdfFormat::kTurtle);
  ASSERT_EQ(st.code(), StatusCode::kSyntaxError);
  EXPECT_EQ(st.line(), 3u);
  // The position of the offending character: the space inside the IRI.
  EXPECT_EQ(st.column(), 20u) << st.ToString();
  st = ParseError("ex:s ex:p ex:o .\n", RdfFormat::kTurtle);
  ASSERT_EQ(st.code(), StatusCode::kSyntaxError);
  EXPECT_NE(st.message().find("undefined prefix 'ex:'"), std::string::npos) << st.message();
  EXPECT_EQ(st.line(), 1u);
}

TEST(ParserTest, FileErrorNamesTheFile) {
  TempDir dir;
  const std::string path = dir.Sub("bad.nt");
  WriteFile(path, "<http://a> <http://b> <http://c> .\n\n  <http://a> oops .\n");
  auto r = ParseFile(path, Opts(RdfFormat::kNTriples), nullptr, nullptr);
  ASSERT_EQ(r.status().code(), StatusCode::kSyntaxError);
  EXPECT_EQ(r.status().ToString().rfind(path + ":3:14: ", 0), 0u) << r.status().ToString();
}

TEST(ParserTest, LenientSkipsExactlyTheBadLines) {
  std::string text;
  for (int i = 1; i <= 1000; ++i) {
    if (i == 10 || i == 500 || i == 999) {
      text += "<http://s> <http://p> broken" + std::to_string(i) + " .\n";
    } else {
      text += "<http://s> <http://p> \"" + std::to_string(i) + "\" .\n";
    }
  }
  std::vector<LoadDiagnostic> diags;
  uint64_t seen = 0;
  ASSERT_OK_AND_ASSIGN(ParseStats stats, ParseString(
                                             text, Opts(RdfFormat::kNTriples, true),
                                             [&](const QuadView& q) {
                                               ++seen;
                                               EXPECT_NE(q.object.value, "10");
                                               return Status::OK();
                                             },
                                             [&](const LoadDiagnostic& d) { diags.push_back(d); }));
  EXPECT_EQ(stats.statements, 997u);
  EXPECT_EQ(seen, 997u);
  EXPECT_EQ(stats.skipped, 3u);
  ASSERT_EQ(diags.size(), 3u);
  EXPECT_EQ(diags[0].line, 10u);
  EXPECT_EQ(diags[1].line, 500u);
  EXPECT_EQ(diags[2].line, 999u);
  EXPECT_EQ(diags[0].column, 23u);
  EXPECT_EQ(diags[0].source, "<string>");
}

TEST(ParserTest, LenientNQuadsAndInvalidUtf8Line) {
  const std::string text =
      "<http://s> <http://p> \"a\" <http://g> .\n"
      "<http://s> <http://p> \"b\xC3\x28\" <http://g> .\n"
      "<http://s> <http://p> \"c\" <http://g> .\n";
  std::vector<LoadDiagnostic> diags;
  std::vector<Quad> quads;
  ASSERT_OK_AND_ASSIGN(ParseStats stats, ParseString(
                                             text, Opts(RdfFormat::kNQuads, true),
                                             [&](const QuadView& q) {
                                               quads.push_back(q.ToQuad());
                                               return Status::OK();
                                             },
                                             [&](const LoadDiagnostic& d) { diags.push_back(d); }));
  EXPECT_EQ(stats.skipped, 1u);
  ASSERT_EQ(quads.size(), 2u);
  EXPECT_EQ(quads[1].object, Term::Literal("c"));
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].line, 2u);
  EXPECT_EQ(diags[0].column, 26u);
}

TEST(ParserTest, LenientTurtleSkipsToNextStatement) {
  const std::string text =
      "@prefix ex: <http://ex/> .\n"
      "ex:a ex:p ex:o1 ;\n"
      "     ex:q ex:o2 .\n"
      "ex:b ex:p ex:o3 ;\n"
      "     ex:q ex:o4 ex:junk ;\n"
      "     ex:r ex:o5 .\n"
      "ex:c ex:p ex:o6 .\n";
  std::vector<Quad> quads;
  std::vector<LoadDiagnostic> diags;
  ASSERT_OK_AND_ASSIGN(ParseStats stats, ParseString(
                                             text, Opts(RdfFormat::kTurtle, true),
                                             [&](const QuadView& q) {
                                               quads.push_back(q.ToQuad());
                                               return Status::OK();
                                             },
                                             [&](const LoadDiagnostic& d) { diags.push_back(d); }));
  EXPECT_EQ(stats.skipped, 1u);
  // The whole bad statement is dropped, including the triple parsed before the error.
  ASSERT_EQ(quads.size(), 3u);
  EXPECT_EQ(quads[2], Q("http://ex/c", "http://ex/p", Term::Iri("http://ex/o6")));
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].line, 5u);
}

TEST(ParserTest, LenientTurtleIgnoresDotsInStringsWhenSkipping) {
  const std::string text =
      "<http://s> <http://p> \"a\" .\n"
      "<http://s> <http://p> \"bad \\q escape. still in string\" .\n"
      "<http://s> <http://p> \"c\" .\n";
  std::vector<Quad> quads;
  ASSERT_OK_AND_ASSIGN(ParseStats stats, ParseString(
                                             text, Opts(RdfFormat::kTurtle, true),
                                             [&](const QuadView& q) {
                                               quads.push_back(q.ToQuad());
                                               return Status::OK();
                                             },
                                             nullptr));
  EXPECT_EQ(stats.skipped, 1u);
  ASSERT_EQ(quads.size(), 2u);
  EXPECT_EQ(quads[1].object, Term::Literal("c"));
}

TEST(ParserTest, LenientTrigErrorInBlockNeverChangesGraphs) {
  const std::string text =
      "<http://g1> { <http://s> <http://p> \"1\" . <http://s> <http://p> . <http://s> <http://p> "
      "\"x\" . }\n"
      "<http://g2> { <http://s> <http://p> \"2\" }\n"
      "<http://s> <http://p> \"3\" .\n";
  std::vector<Quad> quads;
  std::vector<LoadDiagnostic> diags;
  ASSERT_OK_AND_ASSIGN(ParseStats stats, ParseString(
                                             text, Opts(RdfFormat::kTriG, true),
                                             [&](const QuadView& q) {
                                               quads.push_back(q.ToQuad());
                                               return Status::OK();
                                             },
                                             [&](const LoadDiagnostic& d) { diags.push_back(d); }));
  EXPECT_EQ(stats.skipped, 1u);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].line, 1u);
  // All of g1's block goes (a block is one unit), and nothing after the error
  // lands in the default graph by mistake.
  for (const Quad& q : quads) EXPECT_NE(q.object, Term::Literal("x"));
  ASSERT_EQ(quads.size(), 2u);
  EXPECT_EQ(quads[0], Q("http://s", "http://p", Term::Literal("2"), Term::Iri("http://g2")));
  EXPECT_EQ(quads[1], Q("http://s", "http://p", Term::Literal("3")));
}

TEST(ParserTest, InvalidUtf8IsAnError) {
  const Status st = ParseError("<http://s> <http://p> \"ok\" .\n<http://s> <http://p> \"\xFF\" .\n",
                               RdfFormat::kNTriples);
  ASSERT_EQ(st.code(), StatusCode::kSyntaxError);
  EXPECT_EQ(st.line(), 2u);
  EXPECT_EQ(st.column(), 24u);
  EXPECT_NE(st.message().find("UTF-8"), std::string::npos);
  // An overlong encoding of '/' is not UTF-8 either.
  EXPECT_EQ(ParseError("<http://s> <http://p> \"\xC0\xAF\" .\n", RdfFormat::kTurtle).code(),
            StatusCode::kSyntaxError);
}

TEST(ParserTest, LoneSurrogateEscapeIsAnError) {
  for (const char* text :
       {"<http://s> <http://p> \"\\uD800\" .\n", "<http://s> <http://p> \"\\U0000DFFF\" .\n",
        "<http://s/\\uDC00> <http://p> \"x\" .\n"}) {
    const Status st = ParseError(text, RdfFormat::kTurtle);
    ASSERT_EQ(st.code(), StatusCode::kSyntaxError) << text;
    EXPECT_NE(st.message().find("surrogate"), std::string::npos) << st.message();
    EXPECT_EQ(st.line(), 1u);
  }
  // A proper pair of escapes for one supplementary character is fine.
  ASSERT_OK_AND_ASSIGN(auto quads, ParseStringToQuads("<http://s> <http://p> \"\\U0001F600\" .\n",
                                                      Opts(RdfFormat::kNTriples)));
  EXPECT_EQ(quads[0].object.value(), "\xF0\x9F\x98\x80");
}

TEST(ParserTest, ByteOrderMarkAndCrlf) {
  ASSERT_OK_AND_ASSIGN(
      auto nt, ParseStringToQuads(
                   "\xEF\xBB\xBF<http://s> <http://p> \"a\" .\r\n<http://s> <http://p> \"b\" .\r\n",
                   Opts(RdfFormat::kNTriples)));
  ASSERT_EQ(nt.size(), 2u);
  EXPECT_EQ(nt[1].object, Term::Literal("b"));
  ASSERT_OK_AND_ASSIGN(auto ttl,
                       ParseStringToQuads("\xEF\xBB\xBF@prefix ex: <http://ex/> .\r\nex:s ex:p "
                                          "\"\"\"x\r\ny\"\"\" ;\r\n  ex:q ex:o .\r\n",
                                          Opts(RdfFormat::kTurtle)));
  ASSERT_EQ(ttl.size(), 2u);
  EXPECT_EQ(ttl[0].object, Term::Literal("x\r\ny"));
  // The BOM does not count as a column, CRLF does not add lines.
  const Status st = ParseError("\xEF\xBB\xBF<http://s> <http://p> .\r\n", RdfFormat::kNTriples);
  EXPECT_EQ(st.line(), 1u);
  EXPECT_EQ(st.column(), 23u) << st.ToString();
  const Status st2 = ParseError("<http://s> <http://p> <http://o> .\r\n<http://s> <http://p> .\r\n",
                                RdfFormat::kNTriples);
  EXPECT_EQ(st2.line(), 2u);
  EXPECT_EQ(st2.column(), 23u);
}

TEST(ParserTest, BlankPrefixIsPrepended) {
  ParseOptions o = Opts(RdfFormat::kTurtle);
  o.blank_prefix = "load7_";
  ASSERT_OK_AND_ASSIGN(auto quads, ParseStringToQuads("_:x <http://p> [ <http://q> _:b1 ] .\n", o));
  ASSERT_EQ(quads.size(), 2u);
  EXPECT_EQ(quads[0].subject.value(), "load7_x");
  EXPECT_EQ(quads[0].object.value().rfind("load7_", 0), 0u);
  EXPECT_EQ(quads[1].subject, quads[0].object);
  EXPECT_EQ(quads[1].object.value(), "load7_b1");
}

TEST(ParserTest, DocumentLabelsSurviveNextToGeneratedOnes) {
  ASSERT_OK_AND_ASSIGN(auto quads,
                       ParseStringToQuads("_:b1 <http://p> [] . _:b2 <http://p> _:b1 .\n",
                                          Opts(RdfFormat::kTurtle)));
  ASSERT_EQ(quads.size(), 2u);
  EXPECT_EQ(quads[0].subject, Term::Blank("b1"));
  EXPECT_EQ(quads[1].subject, Term::Blank("b2"));
  EXPECT_EQ(quads[1].object, Term::Blank("b1"));
  EXPECT_NE(quads[0].object, Term::Blank("b1"));
}

TEST(ParserTest, RelativeIriInNTriplesIsAnError) {
  const Status st = ParseError("<rel> <http://p> <http://o> .\n", RdfFormat::kNTriples);
  ASSERT_EQ(st.code(), StatusCode::kSyntaxError);
  EXPECT_NE(st.message().find("relative IRI"), std::string::npos) << st.message();
  EXPECT_EQ(st.column(), 1u);  // where the IRI starts
}

TEST(ParserTest, GzipDetectedByMagicAndProgressReported) {
  TempDir dir;
  std::string text;
  for (int i = 0; i < 100; ++i) text += "<http://s> <http://p> \"" + std::to_string(i) + "\" .\n";
  // No .gz extension: detection must look at the bytes.
  const std::string gz = dir.Sub("data.nt.bin");
  gzFile f = gzopen(gz.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(gzwrite(f, text.data(), static_cast<unsigned>(text.size())),
            static_cast<int>(text.size()));
  gzclose(f);
  const std::string plain = dir.Sub("data.nt");
  WriteFile(plain, text);

  for (const std::string& path : {gz, plain}) {
    ParseOptions o = Opts(RdfFormat::kNTriples);
    o.progress_every = 10;
    std::vector<LoadProgress> progress;
    o.progress = [&](const LoadProgress& p) { progress.push_back(p); };
    uint64_t n = 0;
    ASSERT_OK_AND_ASSIGN(ParseStats stats, ParseFile(
                                               path, o,
                                               [&](const QuadView&) {
                                                 ++n;
                                                 return Status::OK();
                                               },
                                               nullptr));
    EXPECT_EQ(stats.statements, 100u);
    EXPECT_EQ(n, 100u);
    EXPECT_EQ(stats.bytes, text.size());
    ASSERT_GE(progress.size(), 10u);
    EXPECT_EQ(progress[0].statements, 10u);
    EXPECT_GT(progress[0].bytes_read, 0u);
    EXPECT_LT(progress[0].bytes_read, text.size());
    EXPECT_EQ(progress.back().statements, 100u);
    EXPECT_EQ(progress.back().bytes_total, path == gz ? 0u : text.size()) << path;
  }
}

TEST(ParserTest, TruncatedGzipIsAnIoError) {
  TempDir dir;
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "<http://s> <http://p> \"" + std::to_string(i) + "\" .\n";
  const std::string gz = dir.Sub("t.nt.gz");
  gzFile f = gzopen(gz.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  gzwrite(f, text.data(), static_cast<unsigned>(text.size()));
  gzclose(f);
  std::string bytes = ::sextant::testing::ReadFile(gz);
  WriteFile(gz, bytes.substr(0, bytes.size() / 2));
  auto r = ParseFile(gz, Opts(RdfFormat::kNTriples), nullptr, nullptr);
  EXPECT_FALSE(r.ok());
}

TEST(ParserTest, MissingFileIsNotFoundNamingTheFile) {
  auto r = ParseFile("/nonexistent-dir/none.ttl", Opts(RdfFormat::kTurtle), nullptr, nullptr);
  ASSERT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("/nonexistent-dir/none.ttl"), std::string::npos);
}

TEST(ParserTest, HandlerErrorStopsParsing) {
  int calls = 0;
  auto r = ParseString(
      "<http://s> <http://p> \"1\" .\n<http://s> <http://p> \"2\" .\n", Opts(RdfFormat::kNTriples),
      [&](const QuadView&) {
        ++calls;
        return Status::Busy("stop");
      },
      nullptr);
  EXPECT_EQ(r.status().code(), StatusCode::kBusy);
  EXPECT_EQ(calls, 1);
}

TEST(ParserTest, FileBaseDefaultsToFileIri) {
  TempDir dir;
  const std::string path = dir.Sub("doc.ttl");
  WriteFile(path, "<x> <http://p> <#frag> .\n");
  ASSERT_OK_AND_ASSIGN(auto quads, ParseFileToQuads(path, Opts(RdfFormat::kTurtle)));
  ASSERT_EQ(quads.size(), 1u);
  EXPECT_EQ(quads[0].subject.value(), "file://" + dir.path().string() + "/x");
  EXPECT_EQ(quads[0].object.value(), "file://" + path + "#frag");
}

// Found with fuzz_turtle on a hand-made input: the parser recurses once per '[' or '(', and a file
// of brackets overflowed the stack (tests/fuzz/regressions/fuzz_turtle/, see NOTES.md there).
TEST(ParserTest, DeepNestingIsASyntaxErrorNotAStackOverflow) {
  const std::string head = "<http://s> <http://p> ";
  ASSERT_OK_AND_ASSIGN(auto quads, ParseStringToQuads(head + std::string(1000, '(') +
                                                          std::string(1000, ')') + " .\n",
                                                      Opts(RdfFormat::kTurtle)));
  EXPECT_EQ(quads.size(), 1u + 2 * 999);  // the statement, then rdf:first/rest per non-empty list

  std::string deep = head;
  for (int i = 0; i < 1001; ++i) deep += "[ <http://p> ";
  const Status st = ParseError(deep, RdfFormat::kTurtle);
  EXPECT_EQ(st.code(), StatusCode::kSyntaxError);
  EXPECT_NE(st.message().find("too deeply nested"), std::string::npos) << st.ToString();
  EXPECT_EQ(st.column(), head.size() + 1001 * 13 - 12);

  // Lenient mode skips the statement and goes on at the top level.
  std::vector<Quad> lenient;
  ASSERT_OK_AND_ASSIGN(auto stats, ParseString(
                                       "<http://s> <http://p> " + std::string(5000, '(') +
                                           " .\n<http://s> <http://p> <http://o> .\n",
                                       Opts(RdfFormat::kTurtle, /*lenient=*/true),
                                       [&](const QuadView& q) {
                                         lenient.push_back(q.ToQuad());
                                         return Status::OK();
                                       },
                                       nullptr));
  EXPECT_EQ(stats.skipped, 1u);
  EXPECT_EQ(lenient, (std::vector<Quad>{Q("http://s", "http://p", Term::Iri("http://o"))}));
}

// Errors after thousands of lines (some not ASCII) keep their exact positions, and no statement
// is delivered twice.
TEST(ParserTest, LinesFedWholeKeepExactErrorPositions) {
  std::string good;
  for (int i = 1; i <= 5000; ++i) {
    // Every seventh line is not ASCII and takes the byte-by-byte path.
    good +=
        "<http://s> <http://p> \"" + std::to_string(i) + (i % 7 == 0 ? "\xC3\xA9" : "") + "\" .\n";
  }
  struct Case {
    std::string line;
    uint64_t column;
  };
  for (const Case& c :
       {Case{"<http://a> <http://b> .", 23}, Case{"<http://a> <http://b> <http://c>", 33},
        Case{"<http://s> <http://p> <http://o> . junk", 36}}) {
    SCOPED_TRACE(c.line);
    const std::string text = good + c.line + "\n<http://s> <http://p> \"last\" .\n";
    uint64_t delivered = 0;
    ParseOptions o = Opts(RdfFormat::kNTriples);
    const Status st = ParseString(
                          text, o,
                          [&](const QuadView&) {
                            ++delivered;
                            return Status::OK();
                          },
                          nullptr)
                          .status();
    ASSERT_EQ(st.code(), StatusCode::kSyntaxError) << st.ToString();
    EXPECT_EQ(st.line(), 5001u);
    EXPECT_EQ(st.column(), c.column) << st.ToString();
    EXPECT_LE(delivered, 5001u);  // the junk line's own statement may go out before its error
    std::vector<LoadDiagnostic> diags;
    ASSERT_OK_AND_ASSIGN(ParseStats stats,
                         ParseString(text, Opts(RdfFormat::kNTriples, true), nullptr,
                                     [&](const LoadDiagnostic& d) { diags.push_back(d); }));
    // The statement before "junk" is complete and kept; only the junk is skipped.
    EXPECT_EQ(stats.statements, c.line.find("junk") == std::string::npos ? 5001u : 5002u);
    EXPECT_EQ(stats.skipped, 1u);
    ASSERT_EQ(diags.size(), 1u);
    EXPECT_EQ(diags[0].line, 5001u);
    EXPECT_EQ(diags[0].column, c.column);
  }
}

TEST(ParserTest, StatementSpanningTwoLinesIsAnError) {
  const Status st =
      ParseError("<http://a> <http://b> <http://c> .\n<http://s> <http://p>\n<http://o> .\n",
                 RdfFormat::kNTriples);
  ASSERT_EQ(st.code(), StatusCode::kSyntaxError) << st.ToString();
  EXPECT_EQ(st.line(), 2u) << st.ToString();
}

TEST(ParserTest, LinesParsedTogetherStillHoldOneStatementEach) {
  // Good lines around the bad one: a statement must not span lines.
  auto lines = [](int from, int to) {
    std::string text;
    for (int i = from; i < to; ++i)
      text += "<http://s> <http://p> \"" + std::to_string(i) + "\" .\n";
    return text;
  };
  const std::string spanning =
      lines(0, 20) + "<http://s> <http://p>\n<http://o> .\n" + lines(20, 40);
  const Status st = ParseError(spanning, RdfFormat::kNTriples);
  ASSERT_EQ(st.code(), StatusCode::kSyntaxError) << st.ToString();
  EXPECT_EQ(st.line(), 21u) << st.ToString();
  // Two statements on one line are read (as serd, which Sextant used before, read them), in
  // order and once each.
  const std::string shared =
      lines(0, 20) + "<http://s> <http://p> <http://o> . <http://s> <http://p> <http://q> .\n" +
      lines(20, 40);
  ASSERT_OK_AND_ASSIGN(auto quads, ParseStringToQuads(shared, Opts(RdfFormat::kNQuads)));
  ASSERT_EQ(quads.size(), 42u);
  EXPECT_EQ(quads[20], Q("http://s", "http://p", Term::Iri("http://o")));
  EXPECT_EQ(quads[21], Q("http://s", "http://p", Term::Iri("http://q")));
  EXPECT_EQ(quads[22], Q("http://s", "http://p", Term::Literal("20")));
}

TEST(ParserTest, StrictErrorAmongManyLinesDeliversEachEarlierStatementOnce) {
  std::string text;
  for (int i = 0; i < 300; ++i) {
    text += i == 150 ? "<http://s> <http://p> <http://o d> .\n"
                     : "<http://s> <http://p> \"" + std::to_string(i) + "\" .\n";
  }
  std::vector<std::string> seen;
  auto r = ParseString(
      text, Opts(RdfFormat::kNTriples),
      [&](const QuadView& q) {
        seen.emplace_back(q.object.value);
        return Status::OK();
      },
      nullptr);
  ASSERT_EQ(r.status().code(), StatusCode::kSyntaxError) << r.status().ToString();
  EXPECT_EQ(r.status().line(), 151u);
  // Whatever reached the handler before the error came once each, in order.
  for (size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], std::to_string(i));
}

TEST(ParserTest, LongLinesAcrossInputBlocksParseWhole) {
  // Lines longer than the parser's input block, between ordinary ones, in a file (read in blocks).
  TempDir dir;
  std::string text;
  for (int i = 0; i < 200; ++i) {
    text += "<http://s> <http://p> \"" + std::string(i % 50 == 0 ? 100000 : 10, 'a') +
            std::to_string(i) + "\" .\n";
  }
  const std::string path = dir.Sub("long.nt");
  WriteFile(path, text);
  ASSERT_OK_AND_ASSIGN(auto quads, ParseFileToQuads(path, Opts(RdfFormat::kNTriples)));
  ASSERT_EQ(quads.size(), 200u);
  EXPECT_EQ(quads[50].object, Term::Literal(std::string(100000, 'a') + "50"));
  EXPECT_EQ(quads[199].object, Term::Literal(std::string(10, 'a') + "199"));
}

// Found by fuzz_ntriples: a line that cannot start a statement is an error, not the end.
TEST(ParserTest, NQuadsLineSerdStopsOnIsAnError) {
  for (const std::string line : {"\"lit\" <http://p> <http://o> .", "/x <http://p> <http://o> .",
                                 "<http://s> <http://p> <http://o> . junk"}) {
    SCOPED_TRACE(line);
    const std::string text =
        "<http://s> <http://p> \"1\" .\n" + line + "\n<http://s> <http://p> \"2\" .\n";
    const Status st = ParseError(text, RdfFormat::kNQuads);
    EXPECT_EQ(st.code(), StatusCode::kSyntaxError) << st.ToString();
    EXPECT_EQ(st.line(), 2u);
    ParseOptions o = Opts(RdfFormat::kNQuads, /*lenient=*/true);
    ASSERT_OK_AND_ASSIGN(auto quads, ParseStringToQuads(text, o));
    // The complete statement before "junk" is kept; only the junk is skipped.
    EXPECT_EQ(quads.size(), line.find("junk") == std::string::npos ? 2u : 3u);
  }
}

}  // namespace
}  // namespace sextant::rdf
