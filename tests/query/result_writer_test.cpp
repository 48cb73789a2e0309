// Exact bytes of every result format for one row holding each kind of term, an unbound
// variable, and characters that need escaping.
#include "sextant/result_writer.h"

#include <gtest/gtest.h>

#include <sstream>

#include "sextant/text_table.h"
#include "testutil/test_util.h"

namespace sextant::results {
namespace {

const std::vector<std::string> kVars = {"iri", "blank", "plain", "lang",
                                        "int", "none",  "dbl",   "typed"};

std::vector<std::optional<Term>> SampleRow() {
  return {Term::Iri("http://ex/a?x=1&y=2"),
          Term::Blank("b0"),
          Term::Literal("say \"hi\",\tnow\n<&>"),
          Term::LangLiteral("chat", "fr"),
          Term::TypedLiteral("42", std::string(vocab::kXsdInteger)),
          std::nullopt,
          Term::TypedLiteral("1.0E6", std::string(vocab::kXsdDouble)),
          Term::TypedLiteral("x<y", "http://ex/t")};
}

std::string Write(ResultFormat format, const std::vector<std::string>& vars,
                  const std::vector<std::vector<std::optional<Term>>>& rows) {
  std::ostringstream out;
  auto w = MakeResultWriter(format, out);
  EXPECT_OK(w->Begin(vars));
  for (const auto& r : rows) EXPECT_OK(w->Row(r));
  EXPECT_OK(w->End());
  return out.str();
}

std::string WriteBoolean(ResultFormat format, bool value) {
  std::ostringstream out;
  EXPECT_OK(MakeResultWriter(format, out)->Boolean(value));
  return out.str();
}

TEST(ResultWriterTest, FormatNames) {
  EXPECT_EQ(ResultFormatFromName("json"), ResultFormat::kJson);
  EXPECT_EQ(ResultFormatFromName("xml"), ResultFormat::kXml);
  EXPECT_EQ(ResultFormatFromName("csv"), ResultFormat::kCsv);
  EXPECT_EQ(ResultFormatFromName("tsv"), ResultFormat::kTsv);
  EXPECT_EQ(ResultFormatFromName("table"), ResultFormat::kTable);
  EXPECT_EQ(ResultFormatFromName("yaml"), std::nullopt);
}

TEST(ResultWriterTest, Json) {
  EXPECT_EQ(
      Write(ResultFormat::kJson, kVars, {SampleRow()}),
      "{\n"
      "  \"head\": {\n"
      "    \"vars\": [\"iri\", \"blank\", \"plain\", \"lang\", \"int\", \"none\", \"dbl\", "
      "\"typed\"]\n"
      "  },\n"
      "  \"results\": {\n"
      "    \"bindings\": [\n"
      "      {\n"
      "        \"iri\": {\"type\": \"uri\", \"value\": \"http://ex/a?x=1&y=2\"},\n"
      "        \"blank\": {\"type\": \"bnode\", \"value\": \"b0\"},\n"
      "        \"plain\": {\"type\": \"literal\", \"value\": \"say \\\"hi\\\",\\tnow\\n<&>\"},\n"
      "        \"lang\": {\"type\": \"literal\", \"value\": \"chat\", \"xml:lang\": \"fr\"},\n"
      "        \"int\": {\"type\": \"literal\", \"value\": \"42\", \"datatype\": "
      "\"http://www.w3.org/2001/XMLSchema#integer\"},\n"
      "        \"dbl\": {\"type\": \"literal\", \"value\": \"1.0E6\", \"datatype\": "
      "\"http://www.w3.org/2001/XMLSchema#double\"},\n"
      "        \"typed\": {\"type\": \"literal\", \"value\": \"x<y\", \"datatype\": "
      "\"http://ex/t\"}\n"
      "      }\n"
      "    ]\n"
      "  }\n"
      "}\n");
  EXPECT_EQ(Write(ResultFormat::kJson, {"x"}, {}),
            "{\n  \"head\": {\n    \"vars\": [\"x\"]\n  },\n  \"results\": {\n    \"bindings\": "
            "[]\n  }\n}\n");
  EXPECT_EQ(Write(ResultFormat::kJson, {"x"}, {{std::nullopt}, {Term::Literal("\x01")}}),
            "{\n  \"head\": {\n    \"vars\": [\"x\"]\n  },\n  \"results\": {\n    \"bindings\": [\n"
            "      {},\n      {\n        \"x\": {\"type\": \"literal\", \"value\": \"\\u0001\"}\n  "
            "    }\n"
            "    ]\n  }\n}\n");
  EXPECT_EQ(WriteBoolean(ResultFormat::kJson, true),
            "{\n  \"head\": {},\n  \"boolean\": true\n}\n");
}

TEST(ResultWriterTest, Xml) {
  EXPECT_EQ(
      Write(ResultFormat::kXml, kVars, {SampleRow()}),
      "<?xml version=\"1.0\"?>\n"
      "<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n"
      "  <head>\n"
      "    <variable name=\"iri\"/>\n"
      "    <variable name=\"blank\"/>\n"
      "    <variable name=\"plain\"/>\n"
      "    <variable name=\"lang\"/>\n"
      "    <variable name=\"int\"/>\n"
      "    <variable name=\"none\"/>\n"
      "    <variable name=\"dbl\"/>\n"
      "    <variable name=\"typed\"/>\n"
      "  </head>\n"
      "  <results>\n"
      "    <result>\n"
      "      <binding name=\"iri\"><uri>http://ex/a?x=1&amp;y=2</uri></binding>\n"
      "      <binding name=\"blank\"><bnode>b0</bnode></binding>\n"
      "      <binding name=\"plain\"><literal>say "
      "&quot;hi&quot;,\tnow\n&lt;&amp;&gt;</literal></binding>\n"
      "      <binding name=\"lang\"><literal xml:lang=\"fr\">chat</literal></binding>\n"
      "      <binding name=\"int\"><literal "
      "datatype=\"http://www.w3.org/2001/XMLSchema#integer\">42</literal></binding>\n"
      "      <binding name=\"dbl\"><literal "
      "datatype=\"http://www.w3.org/2001/XMLSchema#double\">1.0E6</literal></binding>\n"
      "      <binding name=\"typed\"><literal datatype=\"http://ex/t\">x&lt;y</literal></binding>\n"
      "    </result>\n"
      "  </results>\n"
      "</sparql>\n");
  EXPECT_EQ(WriteBoolean(ResultFormat::kXml, false),
            "<?xml version=\"1.0\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n"
            "  <head/>\n  <boolean>false</boolean>\n</sparql>\n");
}

TEST(ResultWriterTest, Csv) {
  EXPECT_EQ(Write(ResultFormat::kCsv, kVars, {SampleRow()}),
            "iri,blank,plain,lang,int,none,dbl,typed\r\n"
            "http://ex/a?x=1&y=2,_:b0,\"say \"\"hi\"\",\tnow\n<&>\",chat,42,,1.0E6,x<y\r\n");
  EXPECT_EQ(WriteBoolean(ResultFormat::kCsv, true), "_askResult\r\ntrue\r\n");
}

TEST(ResultWriterTest, Tsv) {
  EXPECT_EQ(
      Write(ResultFormat::kTsv, kVars, {SampleRow()}),
      "?iri\t?blank\t?plain\t?lang\t?int\t?none\t?dbl\t?typed\n"
      "<http://ex/a?x=1&y=2>\t_:b0\t\"say \\\"hi\\\",\\tnow\\n<&>\"\t\"chat\"@fr\t42\t\t1.0e6\t"
      "\"x<y\"^^<http://ex/t>\n");
  EXPECT_EQ(WriteBoolean(ResultFormat::kTsv, false), "?_askResult\nfalse\n");
}

// SPARQL 1.2 result formats: a nested triple term and a literal with a base direction.
TEST(ResultWriterTest, TripleTermsAndDirections) {
  const Term inner = Term::Triple(Term::Iri("http://ex/s"), Term::Iri("http://ex/p"),
                                  Term::LangLiteral("x", "ar", Direction::kRtl));
  const std::vector<std::optional<Term>> row = {
      Term::Triple(Term::Blank("b0"), Term::Iri("http://ex/q"), inner)};
  EXPECT_EQ(Write(ResultFormat::kJson, {"t"}, {row}),
            "{\n  \"head\": {\n    \"vars\": [\"t\"]\n  },\n  \"results\": {\n    \"bindings\": [\n"
            "      {\n        \"t\": {\"type\": \"triple\", \"value\": {\"subject\": {\"type\": "
            "\"bnode\", \"value\": \"b0\"}, \"predicate\": {\"type\": \"uri\", \"value\": "
            "\"http://ex/q\"}, \"object\": {\"type\": \"triple\", \"value\": {\"subject\": "
            "{\"type\": \"uri\", \"value\": \"http://ex/s\"}, \"predicate\": {\"type\": \"uri\", "
            "\"value\": \"http://ex/p\"}, \"object\": {\"type\": \"literal\", \"value\": \"x\", "
            "\"xml:lang\": \"ar\", \"its:dir\": \"rtl\"}}}}}\n      }\n    ]\n  }\n}\n");
  const std::string xml = Write(ResultFormat::kXml, {"t"}, {row});
  EXPECT_NE(
      xml.find("<binding name=\"t\"><triple><subject><bnode>b0</bnode></subject><predicate>"
               "<uri>http://ex/q</uri></predicate><object><triple><subject><uri>http://ex/s"
               "</uri></subject><predicate><uri>http://ex/p</uri></predicate><object><literal "
               "xml:lang=\"ar\" xmlns:its=\"http://www.w3.org/2005/11/its\" its:dir=\"rtl\">x"
               "</literal></object></triple></object></triple></binding>"),
      std::string::npos)
      << xml;
  EXPECT_EQ(Write(ResultFormat::kTsv, {"t"}, {row}),
            "?t\n<<( _:b0 <http://ex/q> <<( <http://ex/s> <http://ex/p> \"x\"@ar--rtl )>> )>>\n");
  EXPECT_EQ(Write(ResultFormat::kCsv, {"t"}, {row}),
            "t\r\n\"<<( _:b0 <http://ex/q> <<( <http://ex/s> <http://ex/p> \"\"x\"\"@ar--rtl )>> "
            ")>>\"\r\n");
  // People read it with prefixes, as `<< s p o >>` (the shell's tables).
  EXPECT_EQ(DisplayTerm(*row[0], {{"ex", "http://ex/"}}),
            "<< _:b0 ex:q << ex:s ex:p \"x\"@ar--rtl >> >>");
}

// The rows of the W3C csv-tsv-res test csvtsv03, byte for byte.
TEST(ResultWriterTest, TsvMatchesW3cNumbers) {
  const std::string xsd(vocab::kXsd);
  std::vector<std::vector<std::optional<Term>>> rows = {
      {Term::Literal("1")},
      {Term::TypedLiteral("2.2", xsd + "decimal")},
      {Term::TypedLiteral("-3", xsd + "negativeInteger")},
      {Term::TypedLiteral("1.0E6", xsd + "double")},
      {Term::TypedLiteral("a7", xsd + "hexBinary")},
  };
  EXPECT_EQ(Write(ResultFormat::kTsv, {"o"}, rows),
            "?o\n\"1\"\n2.2\n\"-3\"^^<http://www.w3.org/2001/XMLSchema#negativeInteger>\n1.0e6\n"
            "\"a7\"^^<http://www.w3.org/2001/XMLSchema#hexBinary>\n");
  EXPECT_EQ(Write(ResultFormat::kCsv, {"o"}, rows), "o\r\n1\r\n2.2\r\n-3\r\n1.0E6\r\na7\r\n");
}

TEST(ResultWriterTest, Table) {
  EXPECT_EQ(Write(ResultFormat::kTable, {"s", "o"},
                  {{Term::Iri("http://ex/a"), Term::LangLiteral("chat", "fr")},
                   {std::nullopt, Term::TypedLiteral("42", std::string(vocab::kXsdInteger))},
                   {Term::Blank("b"), Term::Literal("\xe6\x97\xa5\xe6\x9c\xac")}}),
            // The shell's `.mode table`: same frame, same term display, same row count line.
            "+---------------+-----------+\n"
            "| s             | o         |\n"
            "+---------------+-----------+\n"
            "| <http://ex/a> | \"chat\"@fr |\n"
            "|               | 42        |\n"
            "| _:b           | \xe6\x97\xa5\xe6\x9c\xac      |\n"
            "+---------------+-----------+\n"
            "3 rows\n");
  EXPECT_EQ(WriteBoolean(ResultFormat::kTable, true), "true\n");
}

TEST(ResultWriterTest, FailedStreamIsAnIoError) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  auto w = MakeResultWriter(ResultFormat::kCsv, out);
  EXPECT_EQ(w->Begin({"x"}).code(), StatusCode::kIOError);
}

}  // namespace
}  // namespace sextant::results
