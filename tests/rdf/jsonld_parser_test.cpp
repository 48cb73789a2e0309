// JSON-LD reading: streaming per top-level node object, positioned errors, lenient mode, remote
// contexts only through the URL mapping, and the writer's output reading back.
#include <gtest/gtest.h>

#include <sstream>

#include "rdf/isomorphism.h"
#include "rdf/parser.h"
#include "sextant/rdf_writer.h"
#include "testutil/test_util.h"

namespace sextant::rdf {
namespace {

ParseOptions JsonLdOptions(bool lenient = false) {
  ParseOptions o;
  o.format = RdfFormat::kJsonLd;
  o.source_name = "in.jsonld";
  o.base_iri = "http://example.org/doc";
  o.lenient = lenient;
  return o;
}

TEST(JsonLdParserTest, GraphItemsStreamOneAtATime) {
  const std::string text =
      "{\"@context\": {\"ex\": \"http://example.org/\"},\n"
      " \"@graph\": [\n"
      "  {\"@id\": \"ex:a\", \"ex:p\": \"one\"},\n"
      "  {\"@id\": \"ex:b\", \"ex:p\": [\"two\", {\"@value\": \"3\", \"@type\": \"ex:T\"}]}\n"
      " ]}\n";
  std::vector<Quad> quads;
  auto r = ParseString(
      text, JsonLdOptions(),
      [&](const QuadView& q) {
        quads.push_back(q.ToQuad());
        return Status::OK();
      },
      nullptr);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(quads.size(), 3u);
  EXPECT_EQ(quads[0].subject, Term::Iri("http://example.org/a"));
  EXPECT_EQ(quads[0].object, Term::Literal("one"));
  EXPECT_EQ(quads[2].object, Term::TypedLiteral("3", "http://example.org/T"));

  // A top-level array streams: its complete elements are handed over before the bad JSON
  // after them is read.
  std::vector<Quad> partial;
  auto broken = ParseString(
      "[{\"@id\": \"http://example.org/a\", \"http://example.org/p\": \"one\"},\n"
      " {\"@id\": \"http://example.org/b\", \"http://example.org/p\": \"two\"},\n"
      " {\"@id\" ]",
      JsonLdOptions(),
      [&](const QuadView& q) {
        partial.push_back(q.ToQuad());
        return Status::OK();
      },
      nullptr);
  EXPECT_EQ(broken.status().code(), StatusCode::kSyntaxError);
  EXPECT_EQ(partial.size(), 2u);
}

TEST(JsonLdParserTest, ErrorsNameLineColumnAndLenientSkipsTheNode) {
  const std::string text =
      "[\n"
      "  {\"@id\": \"http://example.org/a\", \"http://example.org/p\": \"ok\"},\n"
      "  {\"@id\": 5, \"http://example.org/p\": \"bad\"},\n"
      "  {\"@id\": \"http://example.org/c\", \"http://example.org/p\": \"ok too\"}\n"
      "]\n";
  std::vector<LoadDiagnostic> diags;
  auto strict = ParseString(text, JsonLdOptions(), nullptr,
                            [&](const LoadDiagnostic& d) { diags.push_back(d); });
  ASSERT_EQ(strict.status().code(), StatusCode::kSyntaxError);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].ToString(), "in.jsonld:3:4: JSON-LD: invalid @id value (@id)");

  diags.clear();
  std::vector<Quad> quads;
  auto lenient = ParseString(
      text, JsonLdOptions(true),
      [&](const QuadView& q) {
        quads.push_back(q.ToQuad());
        return Status::OK();
      },
      [&](const LoadDiagnostic& d) { diags.push_back(d); });
  ASSERT_TRUE(lenient.ok()) << lenient.status().ToString();
  EXPECT_EQ(lenient->skipped, 1u);
  EXPECT_EQ(quads.size(), 2u);

  diags.clear();
  auto syntax = ParseString("{\"@id\": \"http://example.org/a\",\n  \"x\" 1}", JsonLdOptions(),
                            nullptr, [&](const LoadDiagnostic& d) { diags.push_back(d); });
  ASSERT_EQ(syntax.status().code(), StatusCode::kSyntaxError);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].line, 2u);
  EXPECT_EQ(diags[0].column, 7u);
}

TEST(JsonLdParserTest, RemoteContextsComeOnlyFromMappedFiles) {
  const std::string text =
      "{\"@context\": \"https://example.org/ctx.jsonld\", \"@id\": \"http://example.org/a\", "
      "\"name\": \"A\"}";
  auto unmapped = ParseStringToQuads(text, JsonLdOptions());
  ASSERT_FALSE(unmapped.ok());
  EXPECT_NE(unmapped.status().message().find(
                "https://example.org/ctx.jsonld is not mapped to a local file"),
            std::string::npos)
      << unmapped.status().ToString();

  testing::TempDir dir;
  testing::WriteFile(dir.Sub("ctx.jsonld"),
                     "{\"@context\": {\"name\": \"http://schema.org/name\"}}");
  ParseOptions o = JsonLdOptions();
  o.jsonld.contexts.map.emplace_back("https://example.org/ctx.jsonld", dir.Sub("ctx.jsonld"));
  auto mapped = ParseStringToQuads(text, o);
  ASSERT_TRUE(mapped.ok()) << mapped.status().ToString();
  ASSERT_EQ(mapped->size(), 1u);
  EXPECT_EQ(mapped->at(0).predicate, Term::Iri("http://schema.org/name"));

  // A file: context is refused unless files are allowed (the server never allows them).
  auto file = ParseStringToQuads(
      "{\"@context\": \"file://" + dir.Sub("ctx.jsonld") + "\", \"@id\": \"http://e/a\"}",
      JsonLdOptions());
  ASSERT_FALSE(file.ok());
  EXPECT_NE(file.status().message().find("cannot be read here"), std::string::npos);
}

TEST(JsonLdParserTest, DocumentBlankLabelsStayApartFromGeneratedOnes) {
  // The nested node gets a generated label; the document's own "_:_g1" must not become it.
  auto quads = ParseStringToQuads(
      "{\"@id\": \"_:_g1\", \"http://example.org/p\": {\"http://example.org/q\": 1}}",
      JsonLdOptions());
  ASSERT_TRUE(quads.ok()) << quads.status().ToString();
  ASSERT_EQ(quads->size(), 2u);
  const Quad& outer =
      quads->at(0).predicate == Term::Iri("http://example.org/p") ? quads->at(0) : quads->at(1);
  EXPECT_TRUE(outer.subject.is_blank());
  EXPECT_TRUE(outer.object.is_blank());
  EXPECT_NE(outer.subject, outer.object);
}

TEST(JsonLdParserTest, WriterOutputReadsBack) {
  ParseOptions nq;
  nq.format = RdfFormat::kNQuads;
  auto quads = ParseStringToQuads(
      "<http://example.org/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
      "<http://example.org/C> .\n"
      "<http://example.org/s> <http://example.org/p> \"a \\\"q\\\"\"@en .\n"
      "<http://example.org/s> <http://example.org/p> _:x .\n"
      "_:x <http://example.org/q> \"5\"^^<http://www.w3.org/2001/XMLSchema#integer> "
      "<http://example.org/g> .\n",
      nq);
  ASSERT_TRUE(quads.ok());
  for (const bool custom : {false, true}) {
    std::ostringstream out;
    std::unique_ptr<QuadWriter> writer;
    if (custom) {
      // A coercing term must not be used for a value it would change.
      auto made =
          MakeJsonLdWriter(out,
                           "{\"@context\": {\"ex\": \"http://example.org/\", "
                           "\"p\": {\"@id\": \"http://example.org/p\", \"@type\": \"@id\"}}}");
      ASSERT_TRUE(made.ok()) << made.status().ToString();
      writer = std::move(*made);
    } else {
      writer = MakeQuadWriter(RdfFormat::kJsonLd, out, CommonPrefixes());
    }
    for (const Quad& q : *quads) ASSERT_TRUE(writer->Write(q).ok());
    ASSERT_TRUE(writer->Finish().ok());
    auto back = ParseStringToQuads(out.str(), JsonLdOptions());
    ASSERT_TRUE(back.ok()) << back.status().ToString() << "\n" << out.str();
    std::string why;
    EXPECT_TRUE(Isomorphic(*quads, *back, &why)) << why << "\n" << out.str();
    if (custom) {
      EXPECT_NE(out.str().find("\"ex:p\""), std::string::npos) << out.str();
    }
  }
}

TEST(JsonLdParserTest, BaseDirectionsKeptAsRdf12AndTripleTermsRefused) {
  const Quad rtl{Term::Iri("http://example.org/s"), Term::Iri("http://example.org/p"),
                 Term::LangLiteral("abc", "ar", Direction::kRtl), Term::DefaultGraph()};
  std::ostringstream out;
  auto writer = MakeQuadWriter(RdfFormat::kJsonLd, out, CommonPrefixes());
  ASSERT_TRUE(writer->Write(rtl).ok());
  ASSERT_TRUE(writer->Finish().ok());
  EXPECT_NE(out.str().find("\"@direction\":\"rtl\""), std::string::npos) << out.str();
  // A store load keeps the direction; the JSON-LD 1.1 default (no rdfDirection) drops it.
  ParseOptions keep = JsonLdOptions();
  keep.jsonld.keep_direction = true;
  auto kept = ParseStringToQuads(out.str(), keep);
  ASSERT_TRUE(kept.ok()) << kept.status().ToString();
  ASSERT_EQ(kept->size(), 1u);
  EXPECT_EQ(kept->at(0), rtl);
  auto dropped = ParseStringToQuads(out.str(), JsonLdOptions());
  ASSERT_TRUE(dropped.ok()) << dropped.status().ToString();
  ASSERT_EQ(dropped->size(), 1u);
  EXPECT_EQ(dropped->at(0).object, Term::LangLiteral("abc", "ar"));

  std::ostringstream out2;
  auto writer2 = MakeQuadWriter(RdfFormat::kJsonLd, out2, CommonPrefixes());
  const Quad quoted{Term::Iri("http://example.org/s"), Term::Iri("http://example.org/p"),
                    Term::Triple(rtl.subject, rtl.predicate, Term::Literal("x")),
                    Term::DefaultGraph()};
  const Status s = writer2->Write(quoted);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("triple terms"), std::string::npos) << s.ToString();
}

}  // namespace
}  // namespace sextant::rdf
