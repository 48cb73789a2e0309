// Accept-header negotiation and form decoding, without a server.
#include "server/content_negotiation.h"

#include <gtest/gtest.h>

#include "server/url.h"

namespace sextant::server {
namespace {

TEST(Negotiate, PicksHighestQualityThenSpecificity) {
  const std::vector<std::string_view> offers = {"application/sparql-results+json",
                                                "application/sparql-results+xml", "text/csv"};
  EXPECT_EQ(Negotiate("", offers), 0u);
  EXPECT_EQ(Negotiate("text/csv", offers), 2u);
  EXPECT_EQ(Negotiate("application/*;q=0.5, text/csv;q=0.4", offers), 0u);
  EXPECT_EQ(Negotiate("application/sparql-results+xml, */*;q=0.1", offers), 1u);
  EXPECT_EQ(Negotiate("*/*;q=0.1, application/sparql-results+xml;q=0.9", offers), 1u);
  EXPECT_EQ(Negotiate("TEXT/CSV", offers), 2u);
  EXPECT_EQ(Negotiate("image/png", offers), std::nullopt);
  EXPECT_EQ(Negotiate("text/csv;q=0, */*;q=0.1", offers), 0u);
  EXPECT_EQ(Negotiate("*/*, text/csv;q=0", {"text/csv"}), std::nullopt);
}

TEST(Negotiate, MediaTypeAndCharset) {
  EXPECT_EQ(MediaType(" Text/Turtle ; charset=UTF-8"), "text/turtle");
  EXPECT_EQ(Charset("text/turtle; charset=\"UTF-16\""), "utf-16");
  EXPECT_EQ(Charset("text/turtle"), "");
  EXPECT_EQ(RdfFormatForMediaType("application/n-quads"), RdfFormat::kNQuads);
  EXPECT_EQ(RdfFormatForMediaType("application/rdf+xml"), RdfFormat::kRdfXml);
}

TEST(Url, DecodesFormsAndTargets) {
  EXPECT_EQ(PercentDecode("a+b%20c%3D%zz", true), "a b c=%zz");
  EXPECT_EQ(PercentDecode("a+b", false), "a+b");
  EXPECT_EQ(PercentDecode("%4", false), "%4");
  EXPECT_EQ(PercentEncode("a b/é~"), "a%20b%2F%C3%A9~");
  EXPECT_EQ(PercentDecode(PercentEncode("?x <a> \"1\"@en"), false), "?x <a> \"1\"@en");
  const Params p =
      ParseForm("query=SELECT+*&default-graph-uri=http%3A%2F%2Fa&default-graph-uri=b&flag");
  ASSERT_EQ(p.size(), 4u);
  EXPECT_EQ(p[0].second, "SELECT *");
  EXPECT_EQ(ParamValues(p, "default-graph-uri"), (std::vector<std::string>{"http://a", "b"}));
  EXPECT_TRUE(HasParam(p, "flag"));
  const Target t = ParseTarget("/rdf-graphs/service?graph=http%3A%2F%2Fx%2520y");
  EXPECT_EQ(t.path, "/rdf-graphs/service");
  EXPECT_EQ(ParamValues(t.params, "graph")[0], "http://x%20y") << "decoded once, not twice";
}

}  // namespace
}  // namespace sextant::server
