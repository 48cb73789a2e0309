// SPARQL Update operations parse to the expected AST.
#include "grammar_test_util.h"

namespace sextant::testing {
namespace {

TEST(ParseUpdate, InsertAndDeleteData) {
  EXPECT_EQ(ParseToString("INSERT DATA { ex:s ex:p 1 . GRAPH ex:g { ex:s ex:p _:b } }"),
            "(update (insert-data (quads (<http://e/s> <http://e/p> \"1\"^^xsd:integer) "
            "(graph <http://e/g> (<http://e/s> <http://e/p> _:b)))))");
  EXPECT_EQ(ParseToString("DELETE DATA { GRAPH ex:g { ex:s ex:p \"x\" } ex:a ex:b ex:c }"),
            "(update (delete-data (quads (graph <http://e/g> (<http://e/s> <http://e/p> \"x\")) "
            "(<http://e/a> <http://e/b> <http://e/c>))))");
  EXPECT_EQ(ParseToString("INSERT DATA { }"), "(update (insert-data (quads)))");
}

TEST(ParseUpdate, QuadFields) {
  auto parsed = Parse("INSERT DATA { GRAPH ex:g { ex:s ex:p ex:o } }", TestOptions());
  ASSERT_OK(parsed);
  ASSERT_FALSE(parsed->is_query());
  const auto& ops = parsed->update().operations;
  ASSERT_EQ(ops.size(), 1u);
  EXPECT_EQ(ops[0].kind, ast::UpdateKind::kInsertData);
  ASSERT_EQ(ops[0].insert_quads.size(), 1u);
  ASSERT_TRUE(ops[0].insert_quads[0].graph.has_value());
  EXPECT_EQ(std::get<Term>(*ops[0].insert_quads[0].graph), Term::Iri("http://e/g"));
}

TEST(ParseUpdate, DeleteWhere) {
  EXPECT_EQ(ParseToString("DELETE WHERE { ?s ex:p ?o . GRAPH ?g { ?s ?p ?o } }"),
            "(update (delete-where (quads (?s <http://e/p> ?o) (graph ?g (?s ?p ?o)))))");
}

TEST(ParseUpdate, Modify) {
  EXPECT_EQ(ParseToString("WITH ex:g DELETE { ?s ex:p ?o } INSERT { ?s ex:q [ ex:r ?o ] } "
                          "USING ex:u USING NAMED ex:n WHERE { ?s ex:p ?o }"),
            "(update (modify (with <http://e/g>) (delete (?s <http://e/p> ?o)) "
            "(insert (_:b0 <http://e/r> ?o) (?s <http://e/q> _:b0)) (using <http://e/u>) "
            "(using-named <http://e/n>) (where (group (bgp (?s <http://e/p> ?o))))))");
  EXPECT_EQ(ParseToString("INSERT { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }"),
            "(update (modify (insert (graph ?g (?s ?p ?o))) (where (group (graph ?g (group (bgp "
            "(?s ?p ?o))))))))");
  EXPECT_EQ(ParseToString("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"),
            "(update (modify (delete (?s ?p ?o)) (where (group (bgp (?s ?p ?o))))))");
}

TEST(ParseUpdate, GraphManagement) {
  EXPECT_EQ(ParseToString("LOAD <http://x/d.ttl>; LOAD SILENT <http://x/e> INTO GRAPH ex:g"),
            "(update (load <http://x/d.ttl>) (load silent <http://x/e> (into <http://e/g>)))");
  EXPECT_EQ(ParseToString("CLEAR GRAPH ex:g; CLEAR SILENT DEFAULT; CLEAR NAMED; CLEAR ALL"),
            "(update (clear <http://e/g>) (clear silent DEFAULT) (clear NAMED) (clear ALL))");
  EXPECT_EQ(ParseToString(
                "DROP SILENT GRAPH ex:g; DROP ALL; CREATE GRAPH ex:h; CREATE SILENT GRAPH ex:i"),
            "(update (drop silent <http://e/g>) (drop ALL) (create <http://e/h>) (create silent "
            "<http://e/i>))");
  EXPECT_EQ(ParseToString(
                "ADD ex:a TO ex:b; MOVE SILENT DEFAULT TO GRAPH ex:c; COPY GRAPH ex:d TO DEFAULT"),
            "(update (add <http://e/a> <http://e/b>) (move silent DEFAULT <http://e/c>) "
            "(copy <http://e/d> DEFAULT))");
}

TEST(ParseUpdate, SequencesAndPrologues) {
  EXPECT_EQ(ParseToString(""), "(update)");
  EXPECT_EQ(ParseToString("# nothing but a comment\n"), "(update)");
  EXPECT_EQ(ParseToString("PREFIX p: <http://p/> INSERT DATA { p:a p:b p:c } ; "
                          "PREFIX q: <http://q/> DELETE DATA { p:a q:b p:c } ;"),
            "(update (insert-data (quads (<http://p/a> <http://p/b> <http://p/c>))) "
            "(delete-data (quads (<http://p/a> <http://q/b> <http://p/c>))))");
  auto parsed = Parse("BASE <http://b/> CLEAR DEFAULT ; BASE <c/> LOAD <d>", TestOptions());
  ASSERT_OK(parsed);
  const auto& ops = parsed->update().operations;
  ASSERT_EQ(ops.size(), 2u);
  EXPECT_EQ(ops[0].base_iri, "http://b/");
  EXPECT_EQ(ops[1].base_iri, "http://b/c/");
  EXPECT_EQ(ops[1].source, "http://b/c/d");
}

TEST(ParseUpdate, KeywordsInAnyCase) {
  EXPECT_EQ(ParseToString("insert data { ex:a ex:b ex:c }; Delete Where { ?s ?p ?o }"),
            "(update (insert-data (quads (<http://e/a> <http://e/b> <http://e/c>))) "
            "(delete-where (quads (?s ?p ?o))))");
}

}  // namespace
}  // namespace sextant::testing
