// RDF/XML reading: the syntax forms, positioned errors, lenient mode, and writer round trips.
#include <gtest/gtest.h>

#include <sstream>

#include "rdf/isomorphism.h"
#include "rdf/parser.h"
#include "sextant/rdf_writer.h"
#include "testutil/test_util.h"

namespace sextant::rdf {
namespace {

constexpr const char* kRdfNsDecl = "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"";
constexpr const char* kRdfNsIri = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

ParseOptions XmlOptions(bool lenient = false) {
  ParseOptions o;
  o.format = RdfFormat::kRdfXml;
  o.source_name = "in.rdf";
  o.base_iri = "http://example.org/dir/doc";
  o.lenient = lenient;
  return o;
}

std::string Doc(const std::string& body) {
  return std::string("<rdf:RDF ") + kRdfNsDecl + " xmlns:ex=\"http://example.org/ns#\">\n" + body +
         "</rdf:RDF>\n";
}

Result<std::vector<Quad>> ParseNTriples(const std::string& text) {
  ParseOptions o;
  o.format = RdfFormat::kNTriples;
  return ParseStringToQuads(text, o);
}

void ExpectGraph(const std::string& xml, const std::string& ntriples) {
  auto got = ParseStringToQuads(xml, XmlOptions());
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  auto want = ParseNTriples(ntriples);
  ASSERT_TRUE(want.ok()) << want.status().ToString();
  std::string why;
  EXPECT_TRUE(Isomorphic(*got, *want, &why)) << why;
}

TEST(RdfXmlParserTest, NodeAndPropertyForms) {
  ExpectGraph(
      Doc("<ex:Person rdf:about=\"alice\" ex:name=\"Alice\" xml:lang=\"en\">\n"
          "  <ex:knows rdf:resource=\"#bob\"/>\n"
          "  <ex:age rdf:datatype=\"http://www.w3.org/2001/XMLSchema#integer\">30</ex:age>\n"
          "  <ex:address rdf:parseType=\"Resource\"><ex:city>Oslo</ex:city></ex:address>\n"
          "  <ex:friend><rdf:Description rdf:nodeID=\"c\"/></ex:friend>\n"
          "</ex:Person>\n"),
      "<http://example.org/dir/alice> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
      "<http://example.org/ns#Person> .\n"
      "<http://example.org/dir/alice> <http://example.org/ns#name> \"Alice\"@en .\n"
      "<http://example.org/dir/alice> <http://example.org/ns#knows> "
      "<http://example.org/dir/doc#bob> .\n"
      "<http://example.org/dir/alice> <http://example.org/ns#age> "
      "\"30\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
      "<http://example.org/dir/alice> <http://example.org/ns#address> _:a .\n"
      "_:a <http://example.org/ns#city> \"Oslo\"@en .\n"
      "<http://example.org/dir/alice> <http://example.org/ns#friend> _:c .\n");
}

TEST(RdfXmlParserTest, CollectionsContainersAndLiterals) {
  const std::string rdf = kRdfNsIri;
  ExpectGraph(
      Doc("<rdf:Bag rdf:about=\"http://example.org/bag\">\n"
          "  <rdf:li>one</rdf:li><rdf:li>two</rdf:li>\n"
          "</rdf:Bag>\n"
          "<rdf:Description rdf:about=\"http://example.org/s\">\n"
          "  <ex:list rdf:parseType=\"Collection\">\n"
          "    <rdf:Description rdf:about=\"http://example.org/a\"/>\n"
          "    <rdf:Description rdf:about=\"http://example.org/b\"/>\n"
          "  </ex:list>\n"
          "  <ex:xml rdf:parseType=\"Literal\"><b xmlns=\"http://h/\">bold &amp; "
          "</b></ex:xml>\n"
          "</rdf:Description>\n"),
      "<http://example.org/bag> <" + rdf + "type> <" + rdf + "Bag> .\n" +
          "<http://example.org/bag> <" + rdf + "_1> \"one\" .\n" + "<http://example.org/bag> <" +
          rdf + "_2> \"two\" .\n" + "<http://example.org/s> <http://example.org/ns#list> _:l1 .\n" +
          "_:l1 <" + rdf + "first> <http://example.org/a> .\n" + "_:l1 <" + rdf + "rest> _:l2 .\n" +
          "_:l2 <" + rdf + "first> <http://example.org/b> .\n" + "_:l2 <" + rdf + "rest> <" + rdf +
          "nil> .\n" + "<http://example.org/s> <http://example.org/ns#xml> " +
          "\"<b xmlns=\\\"http://h/\\\">bold &amp; </b>\"^^<" + rdf + "XMLLiteral> .\n");
}

TEST(RdfXmlParserTest, ErrorsNameLineAndColumn) {
  std::vector<LoadDiagnostic> diags;
  const std::string text =
      Doc("<rdf:Description rdf:about=\"http://example.org/a\">\n"
          "  <ex:p rdf:nodeID=\"1bad\"/>\n"
          "</rdf:Description>\n");
  auto r = ParseString(text, XmlOptions(), nullptr,
                       [&](const LoadDiagnostic& d) { diags.push_back(d); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kSyntaxError);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].ToString(), "in.rdf:3:3: rdf:nodeID '1bad' is not an XML name (NCName)");

  // Not well-formed XML: expat's message at the offending character.
  diags.clear();
  r = ParseString(Doc("<rdf:Description>\n  <ex:p>x</ex:q>\n</rdf:Description>\n"), XmlOptions(),
                  nullptr, [&](const LoadDiagnostic& d) { diags.push_back(d); });
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].line, 3u);
  EXPECT_EQ(diags[0].column, 12u);
  EXPECT_NE(diags[0].message.find("mismatched tag"), std::string::npos) << diags[0].message;
}

TEST(RdfXmlParserTest, LenientModeSkipsTheBadElementOnly) {
  std::vector<LoadDiagnostic> diags;
  std::vector<Quad> quads;
  const std::string text = Doc(
      "<rdf:Description rdf:about=\"http://example.org/a\">\n"
      "  <ex:p>kept</ex:p>\n"
      "  <ex:bad rdf:resource=\"http://example.org/x\">not empty</ex:bad>\n"
      "  <ex:q rdf:aboutEach=\"x\"><ex:inner>skipped</ex:inner></ex:q>\n"
      "  <ex:r>kept too</ex:r>\n"
      "</rdf:Description>\n"
      "<rdf:Description rdf:about=\"http://example.org/b\" rdf:ID=\"both\"><ex:p>gone</ex:p>"
      "</rdf:Description>\n"
      "<rdf:Description rdf:about=\"http://example.org/c\"><ex:p>kept</ex:p></rdf:Description>\n");
  auto r = ParseString(
      text, XmlOptions(true),
      [&](const QuadView& q) {
        quads.push_back(q.ToQuad());
        return Status::OK();
      },
      [&](const LoadDiagnostic& d) { diags.push_back(d); });
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->skipped, 3u);
  ASSERT_EQ(diags.size(), 3u);
  EXPECT_EQ(diags[0].line, 4u);
  EXPECT_EQ(diags[1].line, 5u);
  EXPECT_EQ(diags[2].line, 8u);
  ASSERT_EQ(quads.size(), 3u);
  EXPECT_EQ(quads[0].object, Term::Literal("kept"));
  EXPECT_EQ(quads[1].object, Term::Literal("kept too"));
  EXPECT_EQ(quads[2].subject, Term::Iri("http://example.org/c"));
}

TEST(RdfXmlParserTest, HandlerErrorStopsParsing) {
  int seen = 0;
  auto r = ParseString(
      Doc("<rdf:Description rdf:about=\"http://example.org/a\" ex:p=\"1\" ex:q=\"2\"/>\n"),
      XmlOptions(),
      [&](const QuadView&) {
        ++seen;
        return Status::Interrupted("stop");
      },
      nullptr);
  EXPECT_EQ(r.status().code(), StatusCode::kInterrupted);
  EXPECT_EQ(seen, 1);
}

TEST(RdfXmlParserTest, NoExternalEntitiesAreRead) {
  const std::string text = std::string("<?xml version=\"1.0\"?>\n") +
                           "<!DOCTYPE rdf:RDF [<!ENTITY secret SYSTEM \"/etc/hostname\">]>\n" +
                           Doc("<rdf:Description rdf:about=\"http://example.org/a\">"
                               "<ex:p>&secret;</ex:p></rdf:Description>\n");
  auto quads = ParseStringToQuads(text, XmlOptions());
  if (quads.ok()) {
    ASSERT_EQ(quads->size(), 1u);
    EXPECT_EQ(quads->at(0).object, Term::Literal(""));
  } else {
    EXPECT_EQ(quads.status().code(), StatusCode::kSyntaxError);
  }
}

TEST(RdfXmlParserTest, WriterOutputReadsBack) {
  ParseOptions nt;
  nt.format = RdfFormat::kNTriples;
  const std::string data =
      "<http://example.org/s> <http://example.org/ns#p> \"a < b & \\\"c\\\"\"@en .\n"
      "<http://example.org/s> <http://example.org/ns#p> _:x .\n"
      "_:x <http://example.org/ns#q> \"5\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
      "_:x <http://example.org/ns#r> <http://example.org/o> .\n";
  auto quads = ParseStringToQuads(data, nt);
  ASSERT_TRUE(quads.ok());
  std::ostringstream out;
  auto writer = MakeQuadWriter(RdfFormat::kRdfXml, out);
  for (const Quad& q : *quads) ASSERT_TRUE(writer->Write(q).ok());
  ASSERT_TRUE(writer->Finish().ok());
  auto back = ParseStringToQuads(out.str(), XmlOptions());
  ASSERT_TRUE(back.ok()) << back.status().ToString() << "\n" << out.str();
  std::string why;
  EXPECT_TRUE(Isomorphic(*quads, *back, &why)) << why << "\n" << out.str();
}

TEST(RdfXmlParserTest, Rdf12TripleTermsAnnotationsAndDirections) {
  const std::string rdf12 = " rdf:version=\"1.2\" xmlns:its=\"http://www.w3.org/2005/11/its\"";
  ExpectGraph(
      std::string("<rdf:RDF ") + kRdfNsDecl + rdf12 +
          " xmlns:ex=\"http://example.org/ns#\" xml:lang=\"ar\" its:dir=\"rtl\">\n"
          "<rdf:Description rdf:about=\"http://example.org/s\" ex:name=\"n\">\n"
          " <ex:says rdf:parseType=\"Triple\" rdf:annotationNodeID=\"r\">\n"
          "  <rdf:Description rdf:about=\"http://example.org/a\">\n"
          "   <ex:knows rdf:resource=\"http://example.org/b\"/>\n"
          "  </rdf:Description>\n"
          " </ex:says>\n"
          " <ex:p rdf:annotation=\"http://example.org/r2\" xml:lang=\"en\">x</ex:p>\n"
          "</rdf:Description>\n"
          "</rdf:RDF>\n",
      "<http://example.org/s> <http://example.org/ns#name> \"n\"@ar--rtl .\n"
      "<http://example.org/s> <http://example.org/ns#says> "
      "<<( <http://example.org/a> <http://example.org/ns#knows> <http://example.org/b> )>> .\n"
      "_:r <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> "
      "<<( <http://example.org/s> <http://example.org/ns#says> "
      "<<( <http://example.org/a> <http://example.org/ns#knows> <http://example.org/b> )>> )>> .\n"
      "<http://example.org/s> <http://example.org/ns#p> \"x\"@en--rtl .\n"
      "<http://example.org/r2> <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> "
      "<<( <http://example.org/s> <http://example.org/ns#p> \"x\"@en--rtl )>> .\n");
  // A triple term holds exactly one statement; the error names where the element starts.
  auto two = ParseStringToQuads(
      std::string("<rdf:RDF ") + kRdfNsDecl + rdf12 + " xmlns:ex=\"http://example.org/ns#\">\n" +
          "<rdf:Description rdf:about=\"http://example.org/s\">\n"
          " <ex:says rdf:parseType=\"Triple\">\n"
          "  <rdf:Description rdf:about=\"http://example.org/a\" ex:n=\"1\" ex:m=\"2\"/>\n"
          " </ex:says>\n"
          "</rdf:Description></rdf:RDF>\n",
      XmlOptions());
  ASSERT_FALSE(two.ok());
  EXPECT_NE(two.status().ToString().find("in.rdf:3:"), std::string::npos)
      << two.status().ToString();
  EXPECT_NE(two.status().message().find("exactly one statement (it holds more than one)"),
            std::string::npos)
      << two.status().ToString();
}

TEST(RdfXmlParserTest, WriterKeepsRdf12TermsAndRefusesTripleSubjects) {
  const Term s = Term::Iri("http://example.org/s");
  const Term p = Term::Iri("http://example.org/ns#p");
  const Term inner =
      Term::Triple(Term::Blank("x"), p, Term::LangLiteral("a", "he", Direction::kRtl));
  const std::vector<Quad> quads = {
      {s, p, Term::Triple(s, p, inner), Term::DefaultGraph()},
      {s, p, Term::LangLiteral("b", "ar", Direction::kLtr), Term::DefaultGraph()},
      {Term::Blank("x"), p, Term::Literal("c"), Term::DefaultGraph()}};
  std::ostringstream out;
  auto writer = MakeQuadWriter(RdfFormat::kRdfXml, out);
  for (const Quad& q : quads) ASSERT_TRUE(writer->Write(q).ok());
  ASSERT_TRUE(writer->Finish().ok());
  auto back = ParseStringToQuads(out.str(), XmlOptions());
  ASSERT_TRUE(back.ok()) << back.status().ToString() << "\n" << out.str();
  std::string why;
  EXPECT_TRUE(Isomorphic(quads, *back, &why)) << why << "\n" << out.str();

  std::ostringstream out2;
  auto writer2 = MakeQuadWriter(RdfFormat::kRdfXml, out2);
  const Status st = writer2->Write({inner, p, s, Term::DefaultGraph()});
  EXPECT_EQ(st.code(), StatusCode::kUnsupported);
  EXPECT_NE(st.message().find("triple term as a subject"), std::string::npos) << st.ToString();
}

}  // namespace
}  // namespace sextant::rdf
