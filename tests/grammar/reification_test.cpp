// SPARQL 1.2 reification syntax: triple terms, reified triples, reifiers and annotations in
// patterns, templates and update data, and what each of them expands to; VERSION.
#include "grammar_test_util.h"

namespace sextant::testing {
namespace {

const std::string kReifies = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies>";

TEST(ParseReification, TripleTermsAreTermsInObjectAndSubjectPosition) {
  EXPECT_EQ(ParseToString("SELECT * { ?r rdf:reifies <<( ?s ex:p <<( ex:a ?q 1 )>> )>> }"),
            "(select * (where (group (bgp (?r " + kReifies +
                " <<( ?s <http://e/p> <<( <http://e/a> ?q \"1\"^^xsd:integer )>> )>>)))))");
  EXPECT_EQ(ParseToString("SELECT * { <<( ?s a ex:C )>> ex:q ?z }"),
            "(select * (where (group (bgp (<<( ?s "
            "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://e/C> )>> <http://e/q> "
            "?z)))))");
}

TEST(ParseReification, ReifiedTripleStandsForItsReifier) {
  // No reifier: a fresh blank node, which in a pattern is a variable no one can project.
  EXPECT_EQ(ParseToString("SELECT * { << ?s ex:p ?o >> ex:src ?g }"),
            "(select * (where (group (bgp (_:b0 " + kReifies +
                " <<( ?s <http://e/p> ?o )>>) (_:b0 <http://e/src> ?g)))))");
  EXPECT_EQ(ParseToString("SELECT * { << ?s ex:p ?o ~ ?r >> ex:src ?g }"),
            "(select * (where (group (bgp (?r " + kReifies +
                " <<( ?s <http://e/p> ?o )>>) (?r <http://e/src> ?g)))))");
  // Alone, as the object, and nested.
  EXPECT_EQ(ParseToString("SELECT * { << ex:a ex:b ex:c ~ ex:r >> . }"),
            "(select * (where (group (bgp (<http://e/r> " + kReifies +
                " <<( <http://e/a> <http://e/b> <http://e/c> )>>)))))");
  EXPECT_EQ(
      ParseToString("SELECT * { ?x ex:cites << << ex:a ex:b ex:c ~ ?in >> ex:q 1 ~ ?out >> }"),
      "(select * (where (group (bgp (?in " + kReifies +
          " <<( <http://e/a> <http://e/b> <http://e/c> )>>) (?out " + kReifies +
          " <<( ?in <http://e/q> \"1\"^^xsd:integer )>>) (?x <http://e/cites> ?out)))))");
}

TEST(ParseReification, AnnotationsAssertTheTripleAndDescribeItsReifiers) {
  // ~ names a reifier; a block describes the reifier named just before it, or a fresh one.
  EXPECT_EQ(
      ParseToString("SELECT * { ?s ex:p ?o ~ ex:r1 {| ex:q 1 |} {| ex:q 2 |} ~ ex:r3 , ?o2 }"),
      "(select * (where (group (bgp (?s <http://e/p> ?o) (<http://e/r1> " + kReifies +
          " <<( ?s <http://e/p> ?o )>>) (<http://e/r1> <http://e/q> \"1\"^^xsd:integer) (_:b0 " +
          kReifies + " <<( ?s <http://e/p> ?o )>>) (_:b0 <http://e/q> \"2\"^^xsd:integer) " +
          "(<http://e/r3> " + kReifies + " <<( ?s <http://e/p> ?o )>>) (?s <http://e/p> ?o2)))))");
  // A property path inside the block is fine; the annotated triple's own predicate is not.
  EXPECT_EQ(ParseToString("SELECT * { ?s ?p ?o {| ex:a/ex:b ?z |} }"),
            "(select * (where (group (bgp (?s ?p ?o) (_:b0 " + kReifies +
                " <<( ?s ?p ?o )>>) (_:b0 (seq <http://e/a> <http://e/b>) ?z)))))");
  EXPECT_EQ(ParseToString("SELECT * { ?s ex:p+ ?o {| ex:q ?z |} }"),
            "ERROR 1:24: a reifier or annotation needs a triple: its predicate must be an IRI or a "
            "variable, not a property path");
}

TEST(ParseReification, TemplatesAndUpdateData) {
  EXPECT_EQ(ParseToString("CONSTRUCT { ?s ex:p ?o {| ex:src ex:g |} } WHERE { ?s ex:p ?o }"),
            "(construct (template (?s <http://e/p> ?o) (_:b0 " + kReifies +
                " <<( ?s <http://e/p> ?o )>>) (_:b0 <http://e/src> <http://e/g>)) (where (group "
                "(bgp (?s <http://e/p> ?o)))))");
  EXPECT_EQ(ParseToString("INSERT DATA { ex:s ex:p <<( ex:a ex:b ex:c )>> }"),
            "(update (insert-data (quads (<http://e/s> <http://e/p> <<( <http://e/a> <http://e/b> "
            "<http://e/c> )>>))))");
  EXPECT_EQ(ParseToString("INSERT DATA { ex:s ex:p <<( ex:a ex:b ?c )>> }"),
            "ERROR 1:25: variables are not allowed in INSERT DATA or DELETE DATA");
  // A DELETE may not make blank nodes, so its reifiers need names.
  EXPECT_EQ(ParseToString("DELETE DATA { ex:s ex:p ex:o {| ex:q 1 |} }"),
            "ERROR 1:30: a reifier without a name is a blank node, and blank nodes are not allowed "
            "here (DELETE templates and DELETE DATA/WHERE must not contain blank nodes): name it "
            "with ~ <iri>");
  EXPECT_EQ(ParseToString("DELETE DATA { ex:s ex:p ex:o ~ex:r {| ex:q 1 |} }"),
            "(update (delete-data (quads (<http://e/s> <http://e/p> <http://e/o>) (<http://e/r> " +
                kReifies +
                " <<( <http://e/s> <http://e/p> <http://e/o> )>>) (<http://e/r> <http://e/q> "
                "\"1\"^^xsd:integer))))");
}

TEST(ParseReification, WhatTheGrammarRefuses) {
  // A triple term is a term, not a triple: alone it is no pattern.
  EXPECT_EQ(ParseToString("SELECT * { <<( ?s ?p ?o )>> . }").substr(0, 11), "ERROR 1:29:");
  // No lists, paths or [] predicates inside.
  EXPECT_EQ(ParseToString("SELECT * { ?x ex:p <<( ?s ex:p () )>> }").substr(0, 11), "ERROR 1:32:");
  EXPECT_EQ(ParseToString("SELECT * { << ?s ex:p/ex:q ?o >> ex:r 1 }").substr(0, 11),
            "ERROR 1:22:");
  EXPECT_EQ(ParseToString("SELECT * { << ?s [] ?o >> ex:r 1 }").substr(0, 11), "ERROR 1:18:");
}

TEST(ParseReification, VersionIsAcceptedAnywhereInThePrologue) {
  EXPECT_EQ(ParseToString("VERSION \"1.2\" PREFIX a: <http://a/> VERSION '1.2-basic' ASK {}"),
            "(ask (where (group)))");
  EXPECT_EQ(ParseToString("VERSION \"1.2\" INSERT DATA { ex:a ex:b ex:c }"),
            "(update (insert-data (quads (<http://e/a> <http://e/b> <http://e/c>))))");
  EXPECT_EQ(ParseToString("VERSION 1.2 ASK {}").substr(0, 10), "ERROR 1:9:");
  EXPECT_EQ(ParseToString("VERSION \"\"\"1.2\"\"\" ASK {}").substr(0, 10), "ERROR 1:9:");
}

TEST(ParseSparql12, RepeatedNotAndValuesVariables) {
  EXPECT_EQ(ParseToString("SELECT * { BIND(!!?x AS ?y) }"),
            "(select * (where (group (bind (! (! ?x)) ?y))))");
  EXPECT_EQ(ParseToString("SELECT * { BIND(!-?x AS ?y) }"),
            "(select * (where (group (bind (! (minus ?x)) ?y))))");
  EXPECT_EQ(ParseToString("SELECT * { VALUES (?a ?a) { (1 1) } }"),
            "ERROR 1:23: ?a is listed twice in VALUES");
}

TEST(ParseSparql12, GroupedProjectionsMayReuseWhatTheGroupingDropped) {
  EXPECT_EQ(ParseToString("SELECT (1 AS ?z) WHERE { ?s ex:p ?z } GROUP BY ?s"),
            "(select ((as \"1\"^^xsd:integer ?z)) (where (group (bgp (?s <http://e/p> ?z)))) "
            "(group-by ?s))");
  EXPECT_EQ(ParseToString("SELECT (1 AS ?z) WHERE { } GROUP BY ?z").substr(0, 14),
            "ERROR 1:14: ?z");
  EXPECT_EQ(ParseToString("SELECT (1 AS ?z) WHERE { } GROUP BY (2 AS ?z)").substr(0, 14),
            "ERROR 1:14: ?z");
}

}  // namespace
}  // namespace sextant::testing
