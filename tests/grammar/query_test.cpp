// Query forms, prologue, terms and solution modifiers parse to the expected AST.
#include "grammar_test_util.h"

namespace sextant::testing {
namespace {

TEST(ParseQuery, SelectWithModifiers) {
  EXPECT_EQ(
      ParseToString("SELECT DISTINCT ?s ?o WHERE { ?s ?p ?o } ORDER BY DESC(?o) ?s LIMIT 10 "
                    "OFFSET 5"),
      "(select distinct (?s ?o) (where (group (bgp (?s ?p ?o)))) (order-by (desc ?o) (asc ?s)) "
      "(limit 10) (offset 5))");
  EXPECT_EQ(ParseToString("SELECT REDUCED * { ?s ?p ?o } OFFSET 3 LIMIT 1"),
            "(select reduced * (where (group (bgp (?s ?p ?o)))) (limit 1) (offset 3))");
}

TEST(ParseQuery, FieldsOfASelect) {
  auto parsed = Parse(
      "SELECT ?x (STR(?x) AS ?y) FROM <http://g1> FROM NAMED <http://g2> "
      "{ ?x ?p ?o } LIMIT 7",
      TestOptions());
  ASSERT_OK(parsed);
  const ast::Statement& s = *parsed;
  ASSERT_TRUE(s.is_query());
  const ast::Query& q = s.query();
  EXPECT_EQ(q.form, ast::QueryForm::kSelect);
  ASSERT_EQ(q.projection.size(), 2u);
  EXPECT_EQ(q.projection[0].var, "x");
  EXPECT_FALSE(q.projection[0].expr.has_value());
  EXPECT_EQ(q.projection[1].var, "y");
  ASSERT_TRUE(q.projection[1].expr.has_value());
  EXPECT_EQ(q.projection[1].expr->kind, ast::ExprKind::kBuiltin);
  EXPECT_EQ(q.projection[1].expr->builtin, ast::Builtin::kStr);
  EXPECT_EQ(q.from, std::vector<std::string>{"http://g1"});
  EXPECT_EQ(q.from_named, std::vector<std::string>{"http://g2"});
  EXPECT_EQ(q.limit, 7u);
  EXPECT_FALSE(q.offset.has_value());
  EXPECT_FALSE(q.aggregated);
  ASSERT_TRUE(q.where.has_value());
  ASSERT_EQ(q.where->elements.size(), 1u);
  const auto& t = q.where->elements[0].triples.at(0);
  EXPECT_EQ(std::get<ast::Variable>(t.subject).name, "x");
  EXPECT_EQ(t.pos.line, 1u);
  EXPECT_EQ(t.pos.column, 75u);  // the object ?o
}

TEST(ParseQuery, AskConstructDescribe) {
  EXPECT_EQ(ParseToString("ASK { ?s ?p ?o }"), "(ask (where (group (bgp (?s ?p ?o)))))");
  EXPECT_EQ(ParseToString("ASK WHERE { }"), "(ask (where (group)))");
  EXPECT_EQ(
      ParseToString("CONSTRUCT { ?s ex:q ?o } WHERE { ?s ex:p ?o }"),
      "(construct (template (?s <http://e/q> ?o)) (where (group (bgp (?s <http://e/p> ?o)))))");
  EXPECT_EQ(
      ParseToString("CONSTRUCT WHERE { ?s ex:p ?o }"),
      "(construct (template (?s <http://e/p> ?o)) (where (group (bgp (?s <http://e/p> ?o)))))");
  EXPECT_EQ(ParseToString("CONSTRUCT {} WHERE {}"), "(construct (template) (where (group)))");
  EXPECT_EQ(ParseToString("DESCRIBE ?x ex:a WHERE { ?x ?p ?o }"),
            "(describe (?x <http://e/a>) (where (group (bgp (?x ?p ?o)))))");
  EXPECT_EQ(ParseToString("DESCRIBE <http://x>"), "(describe (<http://x>))");
  EXPECT_EQ(ParseToString("DESCRIBE *"), "(describe *)");
}

TEST(ParseQuery, ConstructTemplateBlankNodesAreFresh) {
  EXPECT_EQ(
      ParseToString("CONSTRUCT { ?s ex:p [ ex:q ?o ] . _:x ex:r ?s } WHERE { ?s ?p ?o }"),
      "(construct (template (_:b0 <http://e/q> ?o) (?s <http://e/p> _:b0) (_:x <http://e/r> ?s)) "
      "(where (group (bgp (?s ?p ?o)))))");
}

TEST(ParseQuery, FreshLabelsAvoidUserLabels) {
  EXPECT_EQ(ParseToString("SELECT * { _:b0 ex:p [] }"),
            "(select * (where (group (bgp (_:b0 <http://e/p> _:b1)))))");
}

TEST(ParseQuery, Explain) {
  EXPECT_EQ(ParseToString("EXPLAIN SELECT * {}"), "(explain (select * (where (group))))");
  auto parsed = Parse("explain Analyze ASK {}", TestOptions());
  ASSERT_OK(parsed);
  const ast::Statement& s = *parsed;
  EXPECT_TRUE(s.explain);
  EXPECT_TRUE(s.analyze);
  EXPECT_EQ(ParseToString("EXPLAIN INSERT DATA {}").substr(0, 6), "ERROR ");
}

TEST(ParseQuery, KeywordsInAnyCase) {
  const std::string expected =
      "(select distinct (?s) (where (group (bgp (?s "
      "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
      "?c)) (optional (group (bgp (?s ?p ?o)))) (filter (BOUND ?o)))) (order-by (desc ?s)) (limit "
      "1))";
  EXPECT_EQ(
      ParseToString("select distinct ?s where { ?s a ?c optional { ?s ?p ?o } filter(bound(?o)) } "
                    "order by desc(?s) limit 1"),
      expected);
  EXPECT_EQ(
      ParseToString("SeLeCt DiStInCt ?s WhErE { ?s a ?c OpTiOnAl { ?s ?p ?o } FiLtEr(BoUnD(?o)) } "
                    "oRdEr By DeSc(?s) LiMiT 1"),
      expected);
  // 'a' is the one keyword that is case-sensitive.
  EXPECT_EQ(ParseToString("SELECT * { ?s A ?c }").substr(0, 6), "ERROR ");
}

TEST(ParseQuery, PredeclaredPrefixes) {
  EXPECT_EQ(
      ParseToString("SELECT * { ?s rdf:type owl:Class ; rdfs:label ?l ; :p \"1\"^^xsd:int }"),
      "(select * (where (group (bgp (?s <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
      "<http://www.w3.org/2002/07/owl#Class>) (?s <http://www.w3.org/2000/01/rdf-schema#label> ?l) "
      "(?s <http://s/p> \"1\"^^xsd:int)))))");
}

TEST(ParseQuery, DefaultStoreNamespace) {
  auto parsed = Parse("SELECT * { :a :b :c }");
  ASSERT_OK(parsed);
  const ast::Statement& s = *parsed;
  EXPECT_EQ(ast::ToString(s),
            "(select * (where (group (bgp (<http://sextant.local/a> <http://sextant.local/b> "
            "<http://sextant.local/c>)))))");
}

TEST(ParseQuery, QueryPrefixOverridesPredeclared) {
  EXPECT_EQ(
      ParseToString("PREFIX : <http://other/> PREFIX rdf: <http://r/> SELECT * { :a rdf:b ?c }"),
      "(select * (where (group (bgp (<http://other/a> <http://r/b> ?c)))))");
}

TEST(ParseQuery, BaseResolution) {
  EXPECT_EQ(
      ParseToString("BASE <http://b/x/y/z> PREFIX p: <q/> SELECT * { <a> <../b> <#c> . p:d <//h/i> "
                    "<?q> }"),
      "(select * (where (group (bgp (<http://b/x/y/a> <http://b/x/b> <http://b/x/y/z#c>) "
      "(<http://b/x/y/q/d> <http://h/i> <http://b/x/y/z?q>)))))");
  ParseOptions options = TestOptions();
  options.base_iri = "http://base/dir/";
  EXPECT_EQ(
      ParseToString("SELECT * { <s> <./p> <../o> }", options),
      "(select * (where (group (bgp (<http://base/dir/s> <http://base/dir/p> <http://base/o>)))))");
  // BASE in the text wins over the option, and a second BASE resolves against the first.
  EXPECT_EQ(ParseToString("BASE <http://x/a/> BASE <b/> SELECT * { <s> ?p ?o }", options),
            "(select * (where (group (bgp (<http://x/a/b/s> ?p ?o)))))");
}

TEST(ParseQuery, Literals) {
  EXPECT_EQ(
      ParseToString("SELECT * { ?s ?p 1, -2, +3, 1.5, -.5, 1e3, 2.5E-2, true, false, \"s\", 'c', "
                    "\"\"\"long\n\"x\" \"\"\", \"en\"@en-GB, \"d\"^^xsd:date, \"t\\t\\\"q\\\"\" }"),
      "(select * (where (group (bgp (?s ?p \"1\"^^xsd:integer) (?s ?p \"-2\"^^xsd:integer) "
      "(?s ?p \"+3\"^^xsd:integer) (?s ?p \"1.5\"^^xsd:decimal) (?s ?p \"-.5\"^^xsd:decimal) "
      "(?s ?p \"1e3\"^^xsd:double) (?s ?p \"2.5E-2\"^^xsd:double) (?s ?p \"true\"^^xsd:boolean) "
      "(?s ?p \"false\"^^xsd:boolean) (?s ?p \"s\") (?s ?p \"c\") (?s ?p \"long\\n\\\"x\\\" \") "
      "(?s ?p \"en\"@en-gb) (?s ?p \"d\"^^xsd:date) (?s ?p \"t\\t\\\"q\\\"\")))))");
}

TEST(ParseQuery, LiteralTermsAreTyped) {
  auto parsed = Parse("SELECT * { ?s ?p 007, \"x\"@fr }", TestOptions());
  ASSERT_OK(parsed);
  const ast::Statement& s = *parsed;
  const auto& triples = s.query().where->elements[0].triples;
  const Term& n = std::get<Term>(triples[0].object);
  EXPECT_EQ(n.value(), "007");  // lexical form kept
  EXPECT_EQ(n.datatype(), vocab::kXsdInteger);
  const Term& l = std::get<Term>(triples[1].object);
  EXPECT_EQ(l.language(), "fr");
  EXPECT_EQ(l.datatype(), vocab::kRdfLangString);
}

TEST(ParseQuery, Unicode) {
  EXPECT_EQ(
      ParseToString(
          "PREFIX é: <http://e/ü/> SELECT ?naïve { ?naïve é:ß \"日本語 \\u00e9\\U0001F600\" ; "
          "<http://x/€> 'α' }"),
      "(select (?naïve) (where (group (bgp (?naïve <http://e/ü/ß> \"日本語 é😀\") "
      "(?naïve <http://x/€> \"α\")))))");
  EXPECT_EQ(ParseToString("SELECT * { <http://x/\\u00E9> ?p ?o }"),
            "(select * (where (group (bgp (<http://x/é> ?p ?o)))))");
}

TEST(ParseQuery, PrefixedNameEscapes) {
  EXPECT_EQ(ParseToString("SELECT * { ex:a\\.b ex:c%20d ex:e:f }"),
            "(select * (where (group (bgp (<http://e/a.b> <http://e/c%20d> <http://e/e:f>)))))");
}

TEST(ParseQuery, ValuesAndUndef) {
  EXPECT_EQ(ParseToString("SELECT * { VALUES (?a ?b) { (1 UNDEF) (ex:x \"s\") () } }").substr(0, 6),
            "ERROR ");
  EXPECT_EQ(ParseToString("SELECT * { VALUES (?a ?b) { (1 UNDEF) (ex:x \"s\") } }"),
            "(select * (where (group (values (?a ?b) (\"1\"^^xsd:integer UNDEF) (<http://e/x> "
            "\"s\")))))");
  EXPECT_EQ(ParseToString("SELECT * { VALUES ?a { 1 UNDEF } }"),
            "(select * (where (group (values (?a) (\"1\"^^xsd:integer) (UNDEF)))))");
  EXPECT_EQ(ParseToString("SELECT * { VALUES () { () () } }"),
            "(select * (where (group (values () () ()))))");
  EXPECT_EQ(ParseToString("SELECT * { ?s ?p ?o } VALUES ?s { ex:a }"),
            "(select * (where (group (bgp (?s ?p ?o)))) (values (?s) (<http://e/a>)))");
}

TEST(ParseQuery, GroupByHavingAggregates) {
  EXPECT_EQ(
      ParseToString("SELECT ?k (SUM(?v) AS ?t) (COUNT(DISTINCT *) AS ?n) { ?k ?p ?v } "
                    "GROUP BY ?k (STR(?p) AS ?q) STR(?v) HAVING (SUM(?v) > 1) (AVG(?v) < 9) "
                    "ORDER BY ASC(MIN(?v))"),
      "(select (?k (as (SUM ?v) ?t) (as (COUNT distinct *) ?n)) (where (group (bgp (?k ?p ?v)))) "
      "(group-by ?k (as (STR ?p) ?q) (STR ?v)) (having (> (SUM ?v) \"1\"^^xsd:integer) "
      "(< (AVG ?v) \"9\"^^xsd:integer)) (order-by (asc (MIN ?v))))");
  ASSERT_OK_AND_ASSIGN(
      ast::Statement s,
      Parse("SELECT (GROUP_CONCAT(?v ; separator = \"|\") AS ?g) (SAMPLE(?v) AS ?x) "
            "(MAX(?v) AS ?m) { ?k ?p ?v }",
            TestOptions()));
  const ast::Query& q = s.query();
  EXPECT_TRUE(q.aggregated);
  const ast::Expr& g = *q.projection[0].expr;
  EXPECT_EQ(g.kind, ast::ExprKind::kAggregate);
  EXPECT_EQ(g.aggregate, ast::Aggregate::kGroupConcat);
  EXPECT_EQ(g.separator, "|");
  EXPECT_EQ(q.projection[1].expr->aggregate, ast::Aggregate::kSample);
  EXPECT_EQ(q.projection[2].expr->aggregate, ast::Aggregate::kMax);
}

TEST(ParseQuery, SubQuery) {
  EXPECT_EQ(
      ParseToString("SELECT ?s { ?s ?p ?o { SELECT ?s (COUNT(?o) AS ?c) { ?s ?q ?o } GROUP BY ?s "
                    "LIMIT 2 } }"),
      "(select (?s) (where (group (bgp (?s ?p ?o)) (group (subquery (select (?s (as (COUNT ?o) "
      "?c)) "
      "(where (group (bgp (?s ?q ?o)))) (group-by ?s) (limit 2)))))))");
}

TEST(ParseQuery, CommentsAndWhitespace) {
  EXPECT_EQ(ParseToString("# leading comment\nSELECT # between\n*\t{ ?s ?p ?o # end\n}\n"),
            "(select * (where (group (bgp (?s ?p ?o)))))");
}

}  // namespace
}  // namespace sextant::testing
