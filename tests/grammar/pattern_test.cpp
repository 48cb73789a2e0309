// Graph patterns: triples, blank nodes, collections, property paths and every element kind.
#include "grammar_test_util.h"

namespace sextant::testing {
namespace {

constexpr const char* kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

std::string Rdf(const char* local) {
  return "<" + std::string(kRdf) + local + ">";
}

TEST(ParsePattern, PropertyAndObjectLists) {
  EXPECT_EQ(
      ParseToString("SELECT * { ?s ex:p ?a , ?b ; ex:q ?c ; . ?x ?y ?z . }"),
      "(select * (where (group (bgp (?s <http://e/p> ?a) (?s <http://e/p> ?b) (?s <http://e/q> ?c) "
      "(?x ?y ?z)))))");
}

TEST(ParsePattern, BlankNodePropertyLists) {
  EXPECT_EQ(ParseToString("SELECT * { [ ex:p ?o ] ex:q [ ex:r [] ] . [ ex:t 1 ] }"),
            "(select * (where (group (bgp (_:b0 <http://e/p> ?o) (_:b1 <http://e/r> _:b2) "
            "(_:b0 <http://e/q> _:b1) (_:b3 <http://e/t> \"1\"^^xsd:integer)))))");
}

TEST(ParsePattern, CollectionsExpandToFirstRest) {
  EXPECT_EQ(ParseToString("SELECT * { ?s ex:p (1 ?x) }"),
            "(select * (where (group (bgp (_:b0 " + Rdf("first") + " \"1\"^^xsd:integer) (_:b0 " +
                Rdf("rest") + " _:b1) (_:b1 " + Rdf("first") + " ?x) (_:b1 " + Rdf("rest") + " " +
                Rdf("nil") + ") (?s <http://e/p> _:b0)))))");
  EXPECT_EQ(ParseToString("SELECT * { ?s ex:p () }"),
            "(select * (where (group (bgp (?s <http://e/p> " + Rdf("nil") + ")))))");
  // A collection as subject, with nested collection.
  EXPECT_EQ(ParseToString("SELECT * { ((?a)) ex:p ?o }"),
            "(select * (where (group (bgp (_:b0 " + Rdf("first") + " ?a) (_:b0 " + Rdf("rest") +
                " " + Rdf("nil") + ") (_:b1 " + Rdf("first") + " _:b0) (_:b1 " + Rdf("rest") + " " +
                Rdf("nil") + ") (_:b1 <http://e/p> ?o)))))");
}

TEST(ParsePattern, PropertyPaths) {
  EXPECT_EQ(
      ParseToString("SELECT * { ?s ex:a/ex:b|^ex:c ?o }"),
      "(select * (where (group (bgp (?s (alt (seq <http://e/a> <http://e/b>) (inv <http://e/c>)) "
      "?o)))))");
  EXPECT_EQ(ParseToString("SELECT * { ?s ex:a* ?o . ?s ex:a+ ?o . ?s ex:a? ?o . ?s ^ex:a* ?o }"),
            "(select * (where (group (bgp (?s (* <http://e/a>) ?o) (?s (+ <http://e/a>) ?o) "
            "(?s (? <http://e/a>) ?o) (?s (inv (* <http://e/a>)) ?o)))))");
  EXPECT_EQ(ParseToString("SELECT * { ?s (ex:a|ex:b)+/a ?o }"),
            "(select * (where (group (bgp (?s (seq (+ (alt <http://e/a> <http://e/b>)) " +
                Rdf("type") + ") ?o)))))");
  EXPECT_EQ(ParseToString("SELECT * { ?s !ex:a ?o . ?s !(ex:a|^ex:b|a|^a) ?o . ?s !() ?o }"),
            "(select * (where (group (bgp (?s (not <http://e/a>) ?o) (?s (not <http://e/a> " +
                Rdf("type") + " ^<http://e/b> ^" + Rdf("type") + ") ?o) (?s (not) ?o)))))");
  // A path that is a single IRI is a plain predicate, and parentheses around it change nothing.
  EXPECT_EQ(ParseToString("SELECT * { ?s (ex:a) ?o }"),
            "(select * (where (group (bgp (?s <http://e/a> ?o)))))");
}

TEST(ParsePattern, PathPredicateIsTyped) {
  auto parsed = Parse("SELECT * { ?s ex:a/ex:b ?o . ?s ?v ?o . ?s ex:c ?o }", TestOptions());
  ASSERT_OK(parsed);
  const auto& triples = parsed->query().where->elements.at(0).triples;
  ASSERT_EQ(triples.size(), 3u);
  const auto* path = std::get_if<ast::Path>(&triples[0].predicate);
  ASSERT_NE(path, nullptr);
  EXPECT_EQ(path->kind, ast::PathKind::kSequence);
  ASSERT_EQ(path->args.size(), 2u);
  EXPECT_EQ(path->args[1].iri, "http://e/b");
  EXPECT_TRUE(std::holds_alternative<ast::Variable>(triples[1].predicate));
  EXPECT_EQ(std::get<Term>(triples[2].predicate), Term::Iri("http://e/c"));
}

TEST(ParsePattern, PathsInBlankNodesAndCollections) {
  EXPECT_EQ(ParseToString("SELECT * { [ ex:a/ex:b ?o ] ex:c (?x) }"),
            "(select * (where (group (bgp (_:b0 (seq <http://e/a> <http://e/b>) ?o) (_:b1 " +
                Rdf("first") + " ?x) (_:b1 " + Rdf("rest") + " " + Rdf("nil") +
                ") (_:b0 <http://e/c> _:b1)))))");
}

TEST(ParsePattern, ElementsInOrder) {
  EXPECT_EQ(
      ParseToString("SELECT * { ?s ?p ?o . OPTIONAL { ?s ex:a ?a } ?s ex:b ?b "
                    "MINUS { ?s ex:c ?c } FILTER(?b) BIND(?b AS ?d) GRAPH ?g { ?s ?p ?o } "
                    "GRAPH ex:g { } SERVICE ex:e { ?s ?p ?o } SERVICE SILENT ?e { } "
                    "{ ?s ?p ?o } VALUES ?b { 1 } }"),
      "(select * (where (group (bgp (?s ?p ?o)) (optional (group (bgp (?s <http://e/a> ?a)))) "
      "(bgp (?s <http://e/b> ?b)) (minus (group (bgp (?s <http://e/c> ?c)))) (filter ?b) "
      "(bind ?b ?d) (graph ?g (group (bgp (?s ?p ?o)))) (graph <http://e/g> (group)) "
      "(service <http://e/e> (group (bgp (?s ?p ?o)))) (service silent ?e (group)) "
      "(group (bgp (?s ?p ?o))) (values (?b) (\"1\"^^xsd:integer)))))");
}

TEST(ParsePattern, UnionIsNary) {
  auto parsed = Parse("SELECT * { { ?a ?b ?c } UNION { ?d ?e ?f } UNION { } }", TestOptions());
  ASSERT_OK(parsed);
  const auto& e = parsed->query().where->elements.at(0);
  EXPECT_EQ(e.kind, ast::ElementKind::kUnion);
  EXPECT_EQ(e.groups.size(), 3u);
  EXPECT_EQ(ast::ToString(e), "(union (group (bgp (?a ?b ?c))) (group (bgp (?d ?e ?f))) (group))");
}

TEST(ParsePattern, NestedGroupsAndFilterPlacement) {
  EXPECT_EQ(ParseToString("SELECT * { FILTER(?x) { { ?x ?y ?z } } }"),
            "(select * (where (group (filter ?x) (group (group (bgp (?x ?y ?z)))))))");
}

TEST(ParsePattern, BlankLabelsMayRepeatAcrossFilters) {
  // A FILTER does not end the basic graph pattern, so the label stays in one BGP.
  EXPECT_EQ(ParseToString("SELECT * { _:a ex:p ?o FILTER(?o) _:a ex:q ?r }"),
            "(select * (where (group (bgp (_:a <http://e/p> ?o)) (filter ?o) (bgp (_:a "
            "<http://e/q> ?r)))))");
  // Even when the FILTER holds an EXISTS, whose pattern is a BGP of its own.
  EXPECT_OK(
      Parse("SELECT * { _:a ex:p ?o FILTER EXISTS { ?x ?y ?z } _:a ex:q ?r }", TestOptions()));
  EXPECT_FALSE(Parse("SELECT * { _:a ex:p ?o FILTER EXISTS { _:a ?y ?z } }", TestOptions()).ok());
}

}  // namespace
}  // namespace sextant::testing
