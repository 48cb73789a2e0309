// SPARQL 1.2 over stored RDF 1.2 data: triple term and reified triple patterns (variables
// inside triple terms bound from the stored ones), the plans they get (a pattern through a
// reifier is an index lookup), the triple term functions, CONSTRUCT and update templates.
#include <gtest/gtest.h>

#include <algorithm>

#include "testutil/fresh_store.h"

namespace sextant {
namespace {

constexpr const char* kPrefixes = R"(
PREFIX : <http://sextant.local/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
)";

constexpr const char* kFacts = R"(
@prefix : <http://sextant.local/> .
:Belarus :exported :Polonez ~ :f1 {| :statedIn :article ; :quote "Polonez to Baku" |} .
:Russia :exported :Iskander ~ :f2 {| :statedIn :report |} .
:Russia :borders :Belarus ~ :f3 {| :statedIn :article |} .
:f4 <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> <<( :Kazakhstan :memberOf :CSTO )>> .
:claim :says <<( :Russia :exported <<( :Belarus :exported :Polonez )>> )>> .
)";

class TripleTermQueryTest : public sextant::testing::FreshStoreTest {
 protected:
  void SetUp() override {
    FreshStoreTest::SetUp();
    LoadOptions lo;
    lo.format = RdfFormat::kTurtle;
    ASSERT_OK(db_->LoadString(kFacts, lo));
    // Many more facts from another source, so that reading every reifier costs more than
    // following the few of one source.
    std::string more = "@prefix : <http://sextant.local/> .\n";
    for (int i = 0; i < 300; ++i) {
      const std::string n = std::to_string(i);
      more += ":x" + n + " :mentions :y" + n + " ~ :g" + n + " {| :statedIn :wire |} .\n";
    }
    ASSERT_OK(db_->LoadString(more, lo));
  }

  // The answers of a SELECT (rows "a|b|...", unbound "-") or a CONSTRUCT (triples "s p o") as
  // sorted lines of N-Triples terms, the test IRIs shortened (see Short).
  std::vector<std::string> Answers(const std::string& q) {
    std::vector<std::string> out;
    auto c = db_->Query(kPrefixes + q);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    if (!c.ok()) return out;
    while ((*c)->Next()) {
      std::string line;
      if ((*c)->form() == QueryForm::kConstruct) {
        const Quad& t = (*c)->triple();
        line =
            t.subject.ToNTriples() + " " + t.predicate.ToNTriples() + " " + t.object.ToNTriples();
      } else {
        for (const auto& v : (*c)->row()) {
          line += (line.empty() ? "" : "|") + (v ? v->ToNTriples() : std::string("-"));
        }
      }
      out.push_back(Short(line));
    }
    EXPECT_OK((*c)->status());
    std::sort(out.begin(), out.end());
    return out;
  }
  std::string Plan(const std::string& q) {
    auto c = db_->Query(std::string("EXPLAIN ") + kPrefixes + q);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? Short((*c)->Explain(false)) : std::string();
  }
  static std::string Short(std::string s) {
    for (const std::string iri :
         {"<http://sextant.local/", "<http://www.w3.org/1999/02/22-rdf-syntax-ns#"}) {
      for (size_t at; (at = s.find(iri)) != std::string::npos;) {
        const size_t end = s.find('>', at);
        s.replace(end, 1, "");
        s.replace(at, iri.size(), iri[8] == 's' ? ":" : "rdf:");
      }
    }
    return s;
  }
};

using Strings = std::vector<std::string>;

TEST_F(TripleTermQueryTest, SourcesOfAFactAreOneIndexLookup) {
  const std::string q =
      "SELECT ?src WHERE { << :Belarus :exported :Polonez ~ ?r >> :statedIn ?src }";
  EXPECT_EQ(Answers(q), (Strings{":article"}));
  // The triple term is a constant: ?r comes from the index of (predicate, object), and no
  // operator reads triple terms' parts.
  const std::string plan = Plan(q);
  EXPECT_NE(plan.find("IndexJoin (?r rdf:reifies <<( :Belarus :exported :Polonez )>>)"),
            std::string::npos)
      << plan;
  EXPECT_EQ(plan.find("TripleTerm"), std::string::npos) << plan;
}

TEST_F(TripleTermQueryTest, FactsASourceStatesAreIndexLookups) {
  const std::string q = "SELECT ?s ?p ?o WHERE { << ?s ?p ?o ~ ?r >> :statedIn :article }";
  EXPECT_EQ(Answers(q), (Strings{":Belarus|:exported|:Polonez", ":Russia|:borders|:Belarus"}));
  // The reifiers come from (statedIn, article); each one's triple term from (reifier,
  // reifies); its parts from the dictionary.
  const std::string plan = Plan(q);
  const size_t stated = plan.find("IndexJoin (?r :statedIn :article)");
  const size_t reifies = plan.find("IndexJoin (?r rdf:reifies <<( ?s ?p ?o )>>)");
  const size_t parts = plan.find("TripleTermParts <<( ?s ?p ?o )>>");
  ASSERT_NE(stated, std::string::npos) << plan;
  ASSERT_NE(reifies, std::string::npos) << plan;
  ASSERT_NE(parts, std::string::npos) << plan;
  // EXPLAIN prints the last operator first.
  EXPECT_LT(parts, reifies) << plan;
  EXPECT_LT(reifies, stated) << plan;
}

TEST_F(TripleTermQueryTest, BoundPartsLookUpTheTripleTermFirst) {
  const std::string q =
      "SELECT ?r WHERE { :Russia :exported ?o . ?r rdf:reifies <<( :Russia :exported ?o )>> }";
  EXPECT_EQ(Answers(q), (Strings{":f2"}));
  const std::string plan = Plan(q);
  EXPECT_NE(plan.find("TripleTermLookup <<( :Russia :exported ?o )>>"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("TripleTermParts"), std::string::npos) << plan;
}

TEST_F(TripleTermQueryTest, VariablesInsideTripleTermsMatchStoredOnes) {
  EXPECT_EQ(Answers("SELECT ?r ?o WHERE { ?r rdf:reifies <<( :Russia ?p ?o )>> }"),
            (Strings{":f2|:Iskander", ":f3|:Belarus"}));
  // A constant part that differs, and a variable used twice, filter.
  EXPECT_EQ(Answers("SELECT ?r WHERE { ?r rdf:reifies <<( ?x :exported ?x )>> }"), Strings{});
  EXPECT_EQ(Answers("SELECT ?r WHERE { ?r rdf:reifies <<( :Nobody ?p ?o )>> }"), Strings{});
  // Nested triple terms, matched part by part.
  EXPECT_EQ(
      Answers("SELECT ?c ?s WHERE { ?c :says <<( :Russia :exported <<( ?s ?p :Polonez )>> )>> }"),
      (Strings{":claim|:Belarus"}));
  // A ground triple term the store lacks matches nothing.
  EXPECT_EQ(Answers("SELECT ?r WHERE { ?r rdf:reifies <<( :Russia :exported :Polonez )>> }"),
            Strings{});
  // An annotation pattern: the asserted triple and what its reifier says.
  EXPECT_EQ(Answers("SELECT ?q WHERE { :Belarus :exported :Polonez {| :quote ?q |} }"),
            (Strings{"\"Polonez to Baku\""}));
  // OPTIONAL leaves a part variable bound in some rows only: it is compared where bound.
  EXPECT_EQ(Answers("SELECT ?s ?r WHERE { VALUES ?s { :Russia :Belarus } "
                    "OPTIONAL { ?r rdf:reifies <<( ?s :borders ?o )>> } }"),
            (Strings{":Belarus|-", ":Russia|:f3"}));
}

TEST_F(TripleTermQueryTest, TripleTermFunctions) {
  EXPECT_EQ(Answers("SELECT ?s ?p ?o WHERE { :f4 rdf:reifies ?t . FILTER(isTRIPLE(?t)) "
                    "BIND(SUBJECT(?t) AS ?s) BIND(PREDICATE(?t) AS ?p) BIND(OBJECT(?t) AS ?o) }"),
            (Strings{":Kazakhstan|:memberOf|:CSTO"}));
  // TRIPLE and <<( ... )>> in an expression make the stored term (they join with it).
  EXPECT_EQ(Answers("SELECT ?r WHERE { BIND(TRIPLE(:Russia, :borders, :Belarus) AS ?t) "
                    "?r rdf:reifies ?t }"),
            (Strings{":f3"}));
  EXPECT_EQ(Answers("SELECT ?r WHERE { ?r rdf:reifies ?t . "
                    "FILTER(?t = <<( :Kazakhstan :memberOf :CSTO )>>) }"),
            (Strings{":f4"}));
  // Where RDF 1.2 has no triple term the function is an error (the variable stays unbound).
  EXPECT_EQ(Answers("SELECT ?t WHERE { BIND(TRIPLE(\"a\", :p, :o) AS ?t) }"), (Strings{"-"}));
  EXPECT_EQ(Answers("SELECT ?t WHERE { BIND(SUBJECT(:a) AS ?t) }"), (Strings{"-"}));
  const std::string one = "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>";
  EXPECT_EQ(Answers("SELECT ?t WHERE { VALUES ?t { <<( :a :b 1 )>> } }"),
            (Strings{"<<( :a :b " + one + " )>>"}));
}

TEST_F(TripleTermQueryTest, ConstructTemplatesMakeTripleTermsAndReifiers) {
  EXPECT_EQ(Answers("CONSTRUCT { ?r :about <<( ?s :exported ?o )>> } "
                    "WHERE { ?s :exported ?o . ?r rdf:reifies <<( ?s :exported ?o )>> }"),
            (Strings{":f1 :about <<( :Belarus :exported :Polonez )>>",
                     ":f2 :about <<( :Russia :exported :Iskander )>>"}));
  // An annotation in a template: the triple, a fresh reifier, what it says.
  const Strings annotated = Answers(
      "CONSTRUCT { :Belarus :exported ?o {| :seenIn :test |} } WHERE { :Belarus :exported ?o }");
  ASSERT_EQ(annotated.size(), 3u);
  EXPECT_EQ(annotated[0], ":Belarus :exported :Polonez");
  EXPECT_EQ(annotated[1].substr(0, 2), "_:");
  EXPECT_NE(annotated[1].find(" :seenIn :test"), std::string::npos);
  EXPECT_NE(annotated[2].find(" rdf:reifies <<( :Belarus :exported :Polonez )>>"),
            std::string::npos);
}

TEST_F(TripleTermQueryTest, UpdatesWriteAndDeleteReifiedTriples) {
  ASSERT_OK(db_->Update(std::string(kPrefixes) +
                        "INSERT { << ?s :exported ?o ~ :f9 >> :checkedBy :analyst } "
                        "WHERE { ?s :exported ?o FILTER(?o = :Iskander) }"));
  EXPECT_EQ(Answers("SELECT ?s ?o ?who WHERE { << ?s :exported ?o ~ :f9 >> :checkedBy ?who }"),
            (Strings{":Russia|:Iskander|:analyst"}));
  ASSERT_OK(
      db_->Update(std::string(kPrefixes) + "INSERT DATA { :a :b :c {| :source :faraway |} }"));
  EXPECT_EQ(Answers("SELECT ?src WHERE { << :a :b :c >> :source ?src }"), (Strings{":faraway"}));
  ASSERT_OK(db_->Update(std::string(kPrefixes) +
                        "DELETE DATA { :f4 rdf:reifies <<( :Kazakhstan :memberOf :CSTO )>> }"));
  EXPECT_EQ(Answers("SELECT ?r WHERE { ?r rdf:reifies <<( :Kazakhstan ?p ?o )>> }"), Strings{});
}

}  // namespace
}  // namespace sextant
