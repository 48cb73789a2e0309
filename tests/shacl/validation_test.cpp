// Validation against shapes given as text: the constraint components, the report's fields,
// errors in shapes, and the --graph restriction.
#include <sstream>

#include "rdf/parser.h"
#include "shacl_fixture.h"

namespace sextant::shacl_test {
namespace {

using Set = std::multiset<std::string>;

TEST_F(ShaclTest, ConformingDataHasNoResults) {
  ASSERT_OK(Load("ex:alice a ex:Person ; ex:name \"Alice\" ; ex:age 30 ."));
  ASSERT_OK_AND_ASSIGN(auto report, Validate(R"(
    ex:PersonShape a sh:NodeShape ; sh:targetClass ex:Person ;
      sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype xsd:string ] ;
      sh:property [ sh:path ex:age ; sh:datatype xsd:integer ; sh:minInclusive 0 ] .)"));
  EXPECT_TRUE(report.conforms);
  EXPECT_TRUE(report.results.empty());
  EXPECT_EQ(report.focus_nodes, 1u);
}

TEST_F(ShaclTest, CardinalityDatatypeAndRange) {
  ASSERT_OK(Load(R"(
    ex:alice a ex:Person ; ex:name "Alice" ; ex:age 30 .
    ex:bob a ex:Person ; ex:age "old" .
    ex:carol a ex:Person ; ex:name "Carol", "Caroline" ; ex:age -4 .)"));
  ASSERT_OK_AND_ASSIGN(auto report, Validate(R"(
    ex:PersonShape a sh:NodeShape ; sh:targetClass ex:Person ;
      sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:maxCount 1 ] ;
      sh:property [ sh:path ex:age ; sh:datatype xsd:integer ; sh:minInclusive 0 ] .)"));
  EXPECT_FALSE(report.conforms);
  EXPECT_EQ(Summary(report),
            (Set{"ex:bob MinCount -", "ex:bob Datatype \"old\"", "ex:bob MinInclusive \"old\"",
                 "ex:carol MaxCount -",
                 "ex:carol MinInclusive \"-4\"^^<http://www.w3.org/2001/XMLSchema#integer>"}));
}

TEST_F(ShaclTest, ResultCarriesPathSeverityMessageAndSourceGraph) {
  ASSERT_OK(Load("ex:bob a ex:Person .", "http://example.org/people"));
  ASSERT_OK(Load("ex:bob ex:age \"x\" .", "http://example.org/ages"));
  ASSERT_OK_AND_ASSIGN(auto report, Validate(R"(
    ex:S sh:targetClass ex:Person ; sh:property ex:AgeShape .
    ex:AgeShape sh:path ex:age ; sh:datatype xsd:integer ; sh:severity sh:Warning ;
      sh:message "age must be an integer"@en .)"));
  ASSERT_EQ(report.results.size(), 1u);
  const ValidationResult& r = report.results[0];
  EXPECT_EQ(r.focus_node, Term::Iri("http://example.org/bob"));
  EXPECT_EQ(r.path, Term::Iri("http://example.org/age"));
  EXPECT_EQ(r.path_text, "<http://example.org/age>");
  EXPECT_EQ(r.value, Term::Literal("x"));
  EXPECT_EQ(r.source_shape, Term::Iri("http://example.org/AgeShape"));
  EXPECT_EQ(r.severity, Term::Iri("http://www.w3.org/ns/shacl#Warning"));
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_EQ(r.messages[0], Term::LangLiteral("age must be an integer", "en"));
  // The offending triple is in <ages>, not in <people> where bob is typed.
  EXPECT_EQ(r.source_graphs, std::vector<Term>{Term::Iri("http://example.org/ages")});
}

TEST_F(ShaclTest, MissingValueNamesTheGraphThatMadeTheTarget) {
  ASSERT_OK(Load("ex:bob a ex:Person .", "http://example.org/people"));
  ASSERT_OK_AND_ASSIGN(
      auto report,
      Validate(
          "ex:S sh:targetClass ex:Person ; sh:property [ sh:path ex:name ; sh:minCount 1 ] ."));
  ASSERT_EQ(report.results.size(), 1u);
  EXPECT_EQ(report.results[0].source_graphs,
            std::vector<Term>{Term::Iri("http://example.org/people")});
  ASSERT_EQ(report.results[0].messages.size(), 1u);
  EXPECT_EQ(report.results[0].messages[0].value(), "Fewer than 1 values");
}

TEST_F(ShaclTest, TargetsOfEveryKindAndSubclasses) {
  ASSERT_OK(Load(R"(
    ex:Student rdfs:subClassOf ex:Person .
    ex:s1 a ex:Student .
    ex:x ex:knows ex:y .
    ex:lonely ex:other 1 .)"));
  ASSERT_OK_AND_ASSIGN(auto report, Validate(R"(
    ex:ByClass sh:targetClass ex:Person ; sh:nodeKind sh:BlankNode .
    ex:BySubject sh:targetSubjectsOf ex:knows ; sh:nodeKind sh:Literal .
    ex:ByObject sh:targetObjectsOf ex:knows ; sh:nodeKind sh:Literal .
    ex:ByNode sh:targetNode ex:absent ; sh:nodeKind sh:Literal .)"));
  EXPECT_EQ(Summary(report), (Set{"ex:s1 NodeKind ex:s1", "ex:x NodeKind ex:x",
                                  "ex:y NodeKind ex:y", "ex:absent NodeKind ex:absent"}));
}

TEST_F(ShaclTest, ImplicitClassTarget) {
  ASSERT_OK(Load("ex:a a ex:Thing ."));
  ASSERT_OK_AND_ASSIGN(
      auto report,
      Validate(
          "ex:Thing a rdfs:Class, sh:NodeShape ; sh:property [ sh:path ex:p ; sh:minCount 1 ] ."));
  EXPECT_EQ(Summary(report), (Set{"ex:a MinCount -"}));
}

TEST_F(ShaclTest, StringConstraints) {
  ASSERT_OK(Load(R"(
    ex:a ex:code "AB-12", "toolongvalue", "x1", _:b ;
         ex:label "hello"@en, "hallo"@de, "bonjour"@fr, "hi"@en .)"));
  ASSERT_OK_AND_ASSIGN(auto report, Validate(R"(
    ex:S sh:targetNode ex:a ;
      sh:property [ sh:path ex:code ; sh:pattern "^[A-Z]+-[0-9]+$" ; sh:maxLength 6 ] ;
      sh:property [ sh:path ex:label ; sh:languageIn ("en" "de") ; sh:uniqueLang true ] .)"));
  const Set got = Summary(report);
  EXPECT_EQ(got.count("ex:a Pattern \"toolongvalue\""), 1u);
  EXPECT_EQ(got.count("ex:a Pattern \"x1\""), 1u);
  EXPECT_EQ(got.count("ex:a MaxLength \"toolongvalue\""), 1u);
  EXPECT_EQ(got.count("ex:a Pattern \"AB-12\""), 0u);
  EXPECT_EQ(got.count("ex:a LanguageIn \"bonjour\"@fr"), 1u);
  EXPECT_EQ(got.count("ex:a UniqueLang -"), 1u);
  // A blank node has no string form: it fails both.
  size_t blank = 0;
  for (const auto& r : report.results) blank += r.value && r.value->is_blank() ? 1 : 0;
  EXPECT_EQ(blank, 2u);
}

TEST_F(ShaclTest, PropertyPairs) {
  ASSERT_OK(Load(R"(
    ex:a ex:start 5 ; ex:end 3 ; ex:p ex:x ; ex:q ex:x ; ex:r ex:y .)"));
  ASSERT_OK_AND_ASSIGN(auto report, Validate(R"(
    ex:S sh:targetNode ex:a ;
      sh:property [ sh:path ex:start ; sh:lessThan ex:end ] ;
      sh:property [ sh:path ex:p ; sh:disjoint ex:q ; sh:equals ex:r ] .)"));
  EXPECT_EQ(Summary(report), (Set{"ex:a LessThan \"5\"^^<http://www.w3.org/2001/XMLSchema#integer>",
                                  "ex:a Disjoint ex:x", "ex:a Equals ex:x", "ex:a Equals ex:y"}));
}

TEST_F(ShaclTest, LogicalShapesAndQualifiedCounts) {
  ASSERT_OK(Load(R"(
    ex:a ex:v 1, "one" .
    ex:kid1 a ex:Child . ex:kid2 a ex:Child . ex:pet a ex:Dog .
    ex:family ex:member ex:kid1, ex:kid2, ex:pet .)"));
  ASSERT_OK_AND_ASSIGN(auto report, Validate(R"(
    ex:Int sh:datatype xsd:integer .
    ex:Str sh:datatype xsd:string .
    ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:v ; sh:not ex:Str ] ;
      sh:property [ sh:path ex:v ; sh:xone (ex:Int ex:Str) ] ;
      sh:property [ sh:path ex:v ; sh:and (ex:Int [ sh:minInclusive 0 ]) ] .
    ex:F sh:targetNode ex:family ;
      sh:property [ sh:path ex:member ; sh:qualifiedValueShape [ sh:class ex:Child ] ;
                    sh:qualifiedMinCount 3 ] .)"));
  EXPECT_EQ(Summary(report),
            (Set{"ex:a Not \"one\"", "ex:a And \"one\"", "ex:family QualifiedMinCount -"}));
}

TEST_F(ShaclTest, ClosedShapeReportsEachExtraTriple) {
  ASSERT_OK(Load("ex:a a ex:T ; ex:name \"A\" ; ex:extra 1 ; ex:other ex:b ."));
  ASSERT_OK_AND_ASSIGN(auto report, Validate(R"(
    ex:S sh:targetClass ex:T ; sh:closed true ; sh:ignoredProperties (rdf:type) ;
      sh:property [ sh:path ex:name ] .)"));
  EXPECT_EQ(Summary(report), (Set{"ex:a Closed \"1\"^^<http://www.w3.org/2001/XMLSchema#integer>",
                                  "ex:a Closed ex:b"}));
  for (const auto& r : report.results) ASSERT_TRUE(r.path.has_value());
}

TEST_F(ShaclTest, ComplexPathsRunThroughSparql) {
  ASSERT_OK(Load(R"(
    ex:a ex:parent ex:b . ex:b ex:parent ex:c . ex:c ex:name "C" .
    ex:b ex:name "B" .)"));
  ASSERT_OK_AND_ASSIGN(auto report, Validate(R"(
    ex:S sh:targetNode ex:a ;
      sh:property [ sh:path ( ex:parent ex:name ) ; sh:maxCount 0 ] ;
      sh:property [ sh:path [ sh:oneOrMorePath ex:parent ] ; sh:minCount 3 ] ;
      sh:property [ sh:path [ sh:inversePath ex:parent ] ; sh:minCount 1 ] .)"));
  EXPECT_EQ(Summary(report), (Set{"ex:a MaxCount -", "ex:a MinCount -", "ex:a MinCount -"}));
  std::set<std::string> paths;
  for (const auto& r : report.results) paths.insert(r.path_text);
  EXPECT_EQ(paths, (std::set<std::string>{"<http://example.org/parent>/<http://example.org/name>",
                                          "<http://example.org/parent>+",
                                          "^<http://example.org/parent>"}));
}

TEST_F(ShaclTest, SparqlConstraintWithMessageTemplate) {
  ASSERT_OK(Load(R"(
    ex:a ex:born 2000 ; ex:died 1990 .
    ex:b ex:born 1900 ; ex:died 1950 .)"));
  ASSERT_OK_AND_ASSIGN(auto report, Validate(R"(
    ex:S sh:targetSubjectsOf ex:born ;
      sh:sparql [ sh:message "died {?died} before birth" ;
                  sh:select """SELECT $this ?died WHERE {
                      $this <http://example.org/born> ?b ; <http://example.org/died> ?died .
                      FILTER (?died < ?b) }""" ] .)"));
  ASSERT_EQ(report.results.size(), 1u);
  EXPECT_EQ(report.results[0].focus_node, Term::Iri("http://example.org/a"));
  ASSERT_EQ(report.results[0].messages.size(), 1u);
  EXPECT_EQ(report.results[0].messages[0].value(), "died 1990 before birth");
  EXPECT_TRUE(report.results[0].source_constraint.has_value());
}

TEST_F(ShaclTest, GraphOptionValidatesOneGraph) {
  ASSERT_OK(Load("ex:a a ex:T .", "http://example.org/g1"));
  ASSERT_OK(Load("ex:a ex:name \"A\" .", "http://example.org/g2"));
  const std::string shapes =
      "ex:S sh:targetClass ex:T ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .";
  ASSERT_OK_AND_ASSIGN(auto whole, Validate(shapes));
  EXPECT_TRUE(whole.conforms);
  ValidateOptions only_g1;
  only_g1.graph = Term::Iri("http://example.org/g1");
  ASSERT_OK_AND_ASSIGN(auto part, Validate(shapes, only_g1));
  EXPECT_FALSE(part.conforms);
  ValidateOptions only_default;
  only_default.graph = Term::DefaultGraph();
  ASSERT_OK_AND_ASSIGN(auto none, Validate(shapes, only_default));
  EXPECT_TRUE(none.conforms);
  EXPECT_EQ(none.focus_nodes, 0u);
}

TEST_F(ShaclTest, MaxResultsKeepsTheCount) {
  ASSERT_OK(Load("ex:a a ex:T . ex:b a ex:T . ex:c a ex:T ."));
  ValidateOptions options;
  options.max_results = 2;
  ASSERT_OK_AND_ASSIGN(auto report,
                       Validate("ex:S sh:targetClass ex:T ; sh:nodeKind sh:Literal .", options));
  EXPECT_EQ(report.results.size(), 2u);
  EXPECT_EQ(report.results_omitted, 1u);
  EXPECT_FALSE(report.conforms);
}

TEST_F(ShaclTest, SyntaxErrorInShapesHasLineAndColumn) {
  ValidateOptions options;
  options.source_name = "shapes.ttl";
  auto report = db_->Validate(
      "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
      "<http://example.org/S> sh:targetNode <x> ;\n"
      "  sh:minCount 1 1 .\n",
      options);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kSyntaxError);
  EXPECT_EQ(report.status().source(), "shapes.ttl");
  EXPECT_EQ(report.status().line(), 3u);
  EXPECT_GT(report.status().column(), 0u);
}

TEST_F(ShaclTest, IllFormedShapesAreErrorsNamingTheShape) {
  auto bad_count =
      Validate("ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:minCount \"x\" ] .");
  ASSERT_FALSE(bad_count.ok());
  EXPECT_NE(bad_count.status().message().find("sh:minCount"), std::string::npos)
      << bad_count.status().ToString();
  auto bad_path = Validate("ex:S sh:targetNode ex:a ; sh:property [ sh:path \"p\" ] .");
  ASSERT_FALSE(bad_path.ok());
  EXPECT_NE(bad_path.status().message().find("sh:path"), std::string::npos);
  auto bad_sparql = Validate(
      "ex:S sh:targetNode ex:a ; sh:sparql [ sh:select \"SELECT $this WHERE { $this ?p }\" ] .");
  ASSERT_FALSE(bad_sparql.ok());
  EXPECT_NE(bad_sparql.status().message().find("does not parse"), std::string::npos)
      << bad_sparql.status().ToString();
  auto minus = Validate(
      "ex:S sh:targetNode ex:a ; sh:sparql [ sh:select \"SELECT $this WHERE { $this ?p ?o "
      "MINUS { $this ?p 1 } }\" ] .");
  ASSERT_FALSE(minus.ok());
  EXPECT_NE(minus.status().message().find("MINUS"), std::string::npos);
}

TEST_F(ShaclTest, RecursiveShapesTerminate) {
  ASSERT_OK(Load("ex:a ex:knows ex:b . ex:b ex:knows ex:a ."));
  ASSERT_OK_AND_ASSIGN(auto report, Validate(R"(
    ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:knows ; sh:node ex:S ; sh:minCount 1 ] .)"));
  EXPECT_TRUE(report.conforms);
}

TEST_F(ShaclTest, TableAndTurtleReport) {
  ASSERT_OK(Load("ex:bob a ex:Person ; ex:age \"x\" .", "http://example.org/people"));
  ASSERT_OK_AND_ASSIGN(auto report, Validate("ex:S sh:targetClass ex:Person ; sh:property [ "
                                             "sh:path ex:age ; sh:datatype xsd:integer ] ."));
  const std::string table = FormatValidationTable(
      report, {{"ex", "http://example.org/"}, {"xsd", "http://www.w3.org/2001/XMLSchema#"}});
  EXPECT_NE(table.find("focus node"), std::string::npos) << table;
  EXPECT_NE(table.find("Violation  ex:bob"), std::string::npos) << table;
  EXPECT_NE(table.find("ex:age"), std::string::npos) << table;
  EXPECT_NE(table.find("ex:people"), std::string::npos) << table;
  EXPECT_NE(table.find("does not conform: 1 Violation"), std::string::npos) << table;

  std::ostringstream ttl;
  ASSERT_OK(WriteValidationReport(report, ttl));
  rdf::ParseOptions po;
  po.format = RdfFormat::kTurtle;
  ASSERT_OK_AND_ASSIGN(auto quads, rdf::ParseStringToQuads(ttl.str(), po));
  size_t conforms = 0, focus = 0, paths_blank = 0;
  for (const Quad& q : quads) {
    if (q.predicate.value() == "http://www.w3.org/ns/shacl#conforms") {
      ++conforms;
      EXPECT_EQ(q.object.value(), "false");
    }
    if (q.predicate.value() == "http://www.w3.org/ns/shacl#focusNode") ++focus;
    if (q.predicate.value() == "http://www.w3.org/ns/shacl#sourceShape" && q.object.is_blank()) {
      ++paths_blank;
    }
  }
  EXPECT_EQ(conforms, 1u);
  EXPECT_EQ(focus, 1u);
  EXPECT_EQ(paths_blank, 1u);  // the blank property shape, described in the report
  bool described = false;
  for (const Quad& q : quads) {
    described |= q.predicate.value() == "http://www.w3.org/ns/shacl#datatype";
  }
  EXPECT_TRUE(described) << ttl.str();
}

}  // namespace
}  // namespace sextant::shacl_test
