// SPARQL results documents (JSON and XML) read back into terms, as SERVICE receives them.
#include "results/result_reader.h"

#include <gtest/gtest.h>

#include "testutil/test_util.h"

namespace sextant::results {
namespace {

TEST(ResultReaderTest, ContentTypes) {
  EXPECT_EQ(ResultsSyntaxFromContentType("application/sparql-results+json; charset=utf-8"),
            ResultsSyntax::kJson);
  EXPECT_EQ(ResultsSyntaxFromContentType("Application/SPARQL-Results+XML"), ResultsSyntax::kXml);
  EXPECT_EQ(ResultsSyntaxFromContentType("text/html"), std::nullopt);
}

TEST(ResultReaderTest, JsonTermsAndUnbound) {
  const char* doc = R"({"head":{"vars":["s","o","u"]},"results":{"bindings":[
    {"s":{"type":"uri","value":"http://a"},"o":{"type":"literal","value":"x","xml:lang":"en"}},
    {"s":{"type":"bnode","value":"b1"},"o":{"type":"literal","value":"5",
      "datatype":"http://www.w3.org/2001/XMLSchema#integer"}},
    {"o":{"type":"literal","value":"plain"}}]}})";
  ASSERT_OK_AND_ASSIGN(auto t, ReadSparqlResults(doc, ResultsSyntax::kJson, "test", "r_"));
  ASSERT_EQ(t.variables, (std::vector<std::string>{"s", "o", "u"}));
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(*t.rows[0][0], Term::Iri("http://a"));
  EXPECT_EQ(*t.rows[0][1], Term::LangLiteral("x", "en"));
  EXPECT_FALSE(t.rows[0][2].has_value());
  EXPECT_EQ(*t.rows[1][0], Term::Blank("r_b1"));
  EXPECT_EQ(*t.rows[1][1], Term::TypedLiteral("5", "http://www.w3.org/2001/XMLSchema#integer"));
  EXPECT_FALSE(t.rows[2][0].has_value());
  EXPECT_EQ(*t.rows[2][1], Term::Literal("plain"));
}

TEST(ResultReaderTest, XmlTermsAndBoolean) {
  const char* doc = R"(<?xml version="1.0"?>
<sparql xmlns="http://www.w3.org/2005/sparql-results#">
  <head><variable name="s"/><variable name="o"/></head>
  <results>
    <result><binding name="s"><uri>http://a</uri></binding>
            <binding name="o"><literal xml:lang="fr">bonjour &amp; salut</literal></binding></result>
    <result><binding name="o"><literal datatype="http://www.w3.org/2001/XMLSchema#integer">7</literal></binding></result>
  </results>
</sparql>)";
  ASSERT_OK_AND_ASSIGN(auto t, ReadSparqlResults(doc, ResultsSyntax::kXml, "test"));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(*t.rows[0][0], Term::Iri("http://a"));
  EXPECT_EQ(*t.rows[0][1], Term::LangLiteral("bonjour & salut", "fr"));
  EXPECT_FALSE(t.rows[1][0].has_value());
  EXPECT_EQ(*t.rows[1][1], Term::TypedLiteral("7", "http://www.w3.org/2001/XMLSchema#integer"));

  ASSERT_OK_AND_ASSIGN(auto ask,
                       ReadSparqlResults(R"(<sparql xmlns="http://www.w3.org/2005/sparql-results#">
        <head/><boolean>true</boolean></sparql>)",
                                         ResultsSyntax::kXml, "test"));
  EXPECT_TRUE(ask.is_boolean);
  EXPECT_TRUE(ask.boolean);
}

TEST(ResultReaderTest, MalformedDocumentsAreErrorsNamingTheSource) {
  auto not_json = ReadSparqlResults("{\"head\":", ResultsSyntax::kJson, "SERVICE <http://x>");
  ASSERT_FALSE(not_json.ok());
  EXPECT_NE(not_json.status().message().find("SERVICE <http://x>"), std::string::npos);
  auto undeclared = ReadSparqlResults(
      R"({"head":{"vars":["a"]},"results":{"bindings":[{"b":{"type":"uri","value":"x"}}]}})",
      ResultsSyntax::kJson, "src");
  ASSERT_FALSE(undeclared.ok());
  EXPECT_NE(undeclared.status().message().find("?b"), std::string::npos);
  auto bad_type = ReadSparqlResults(
      R"({"head":{"vars":["a"]},"results":{"bindings":[{"a":{"type":"weird","value":"x"}}]}})",
      ResultsSyntax::kJson, "src");
  EXPECT_FALSE(bad_type.ok());
  auto bad_xml = ReadSparqlResults("<sparql><head>", ResultsSyntax::kXml, "src");
  ASSERT_FALSE(bad_xml.ok());
  EXPECT_NE(bad_xml.status().message().find("line"), std::string::npos);
  auto wrong_root = ReadSparqlResults("<html/>", ResultsSyntax::kXml, "src");
  EXPECT_FALSE(wrong_root.ok());
}

}  // namespace
}  // namespace sextant::results
