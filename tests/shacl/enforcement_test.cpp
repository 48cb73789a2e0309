// Enforced shapes: every kind of write is refused whole when its result would violate them,
// the store keeps them across reopening and dump/reload, and derived facts count.
#include <sstream>

#include "shacl_fixture.h"

namespace sextant::shacl_test {
namespace {

constexpr const char* kPersonShapes = R"(
  ex:PersonShape a sh:NodeShape ; sh:targetClass ex:Person ;
    sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype xsd:string ] ;
    sh:property [ sh:path ex:employer ; sh:class ex:Company ] .)";

class EnforcementTest : public ShaclTest {
 protected:
  void SetUp() override {
    ShaclTest::SetUp();
    ASSERT_OK(
        Load("ex:acme a ex:Company . ex:alice a ex:Person ; ex:name \"Alice\" ; "
             "ex:employer ex:acme ."));
    ASSERT_OK(Enforce(kPersonShapes));
  }
  void ExpectRefused(const Status& s) {
    EXPECT_EQ(s.code(), StatusCode::kConstraintViolation) << s.ToString();
  }
};

TEST_F(EnforcementTest, ConformingChangesCommit) {
  ASSERT_OK(Update("INSERT DATA { ex:bob a ex:Person ; ex:name \"Bob\" }"));
  ASSERT_OK(Load("ex:carol a ex:Person ; ex:name \"Carol\" ; ex:employer ex:acme ."));
  auto txn = db_->BeginTransaction();
  ASSERT_OK(txn.status());
  ASSERT_OK(
      (*txn)->Insert({Term::Iri("http://example.org/dave"), Term::Iri("http://example.org/note"),
                      Term::Literal("no type, no shape"), Term::DefaultGraph()}));
  ASSERT_OK((*txn)->Commit());
  ASSERT_OK_AND_ASSIGN(auto report, db_->ValidateEnforced());
  EXPECT_TRUE(report.conforms);
}

TEST_F(EnforcementTest, ViolatingUpdateIsRefusedWholeWithTheReport) {
  const uint64_t before = Count();
  const Status s =
      Update("INSERT DATA { ex:bob a ex:Person . ex:x ex:unrelated 1 }");  // bob has no name
  ExpectRefused(s);
  EXPECT_NE(s.message().find("<http://example.org/bob>"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("Violation"), std::string::npos) << s.message();
  EXPECT_EQ(Count(), before);  // nothing of it, not even the unrelated triple
}

TEST_F(EnforcementTest, ViolatingTransactionLoadAndReplaceAreRefused) {
  const uint64_t before = Count();
  auto txn = db_->BeginTransaction();
  ASSERT_OK(txn.status());
  ASSERT_OK(
      (*txn)->Insert({Term::Iri("http://example.org/alice"), Term::Iri("http://example.org/name"),
                      Term::Literal("Second name"), Term::DefaultGraph()}));
  ExpectRefused((*txn)->Commit());
  ExpectRefused(Load("ex:erin a ex:Person ; ex:name 42 ."));
  LoadOptions replace;
  replace.replace_graph = true;
  replace.format = RdfFormat::kTurtle;
  ExpectRefused(
      db_->LoadString(std::string(kPrefixes) + "ex:frank a ex:Person .", replace).status());
  EXPECT_EQ(Count(), before);
  ASSERT_OK_AND_ASSIGN(auto report, db_->ValidateEnforced());
  EXPECT_TRUE(report.conforms);
}

TEST_F(EnforcementTest, DeletionsAreCheckedToo) {
  ExpectRefused(Update("DELETE DATA { ex:alice ex:name \"Alice\" }"));
  // Removing the type of the employer breaks sh:class for alice, two hops away.
  ExpectRefused(Update("DELETE DATA { ex:acme a ex:Company }"));
  ASSERT_OK(Update("DELETE WHERE { ex:alice ?p ?o }"));  // no longer a Person: fine
}

TEST_F(EnforcementTest, ValueTypeChangeReachesTheReferrer) {
  ASSERT_OK(Update("INSERT DATA { ex:shell a ex:Company }"));
  ASSERT_OK(Update("INSERT DATA { ex:alice ex:employer ex:shell }"));
  ExpectRefused(Update("DELETE DATA { ex:shell a ex:Company }"));
  // Through a subclass: making shell a Subsidiary, a subclass of Company, is fine ...
  ASSERT_OK(
      Update("INSERT DATA { ex:Subsidiary rdfs:subClassOf ex:Company . "
             "ex:shell a ex:Subsidiary }"));
  ASSERT_OK(Update("DELETE DATA { ex:shell a ex:Company }"));
  // ... until the subclass link goes.
  ExpectRefused(Update("DELETE DATA { ex:Subsidiary rdfs:subClassOf ex:Company }"));
}

TEST_F(EnforcementTest, EnforcingShapesTheStoreViolatesIsRefused) {
  ASSERT_OK(Update("INSERT DATA { ex:bob a ex:Person ; ex:name \"Bob\" }"));
  const Status s = Enforce(
      "ex:Strict sh:targetClass ex:Person ; "
      "sh:property [ sh:path ex:employer ; sh:minCount 1 ] .");
  ExpectRefused(s);
  EXPECT_NE(s.message().find("<http://example.org/bob>"), std::string::npos) << s.message();
  ASSERT_OK_AND_ASSIGN(auto shapes, db_->ListShapes());
  for (const auto& info : shapes) EXPECT_NE(info.shape, Term::Iri("http://example.org/Strict"));
  // bob still may lack an employer.
  ASSERT_OK(Update("INSERT DATA { ex:carl a ex:Person ; ex:name \"Carl\" }"));
}

TEST_F(EnforcementTest, WarningsDoNotRefuse) {
  ASSERT_OK(
      Enforce("ex:Soft sh:targetClass ex:Person ; sh:severity sh:Warning ; "
              "sh:property [ sh:path ex:email ; sh:minCount 1 ; sh:severity sh:Warning ] ."));
  ASSERT_OK(Update("INSERT DATA { ex:bob a ex:Person ; ex:name \"Bob\" }"));
  ASSERT_OK_AND_ASSIGN(auto report, db_->ValidateEnforced());
  EXPECT_FALSE(report.conforms);
  EXPECT_EQ(report.results.size(), 2u);  // alice and bob lack an email
}

TEST_F(EnforcementTest, DropStopsEnforcing) {
  ASSERT_OK(db_->DropShapes("http://example.org/PersonShape"));
  ASSERT_OK(Update("INSERT DATA { ex:bob a ex:Person }"));
  EXPECT_EQ(db_->DropShapes("http://example.org/PersonShape").code(), StatusCode::kNotFound);
  ASSERT_OK(
      Enforce("ex:S2 sh:targetClass ex:Robot ; sh:property [ sh:path ex:id ; sh:minCount 1 ] ."));
  ExpectRefused(Update("INSERT DATA { ex:r a ex:Robot }"));
  ASSERT_OK(db_->DropShapes(""));
  ASSERT_OK(Update("INSERT DATA { ex:r a ex:Robot }"));
  QuadPattern shapes_graph;
  shapes_graph.graph = Term::Iri(std::string(kShapesGraphIri));
  EXPECT_EQ(Count(shapes_graph), 0u);
}

TEST_F(EnforcementTest, ReopenedStoreEnforcesTheSameShapes) {
  Reopen();
  ExpectRefused(Update("INSERT DATA { ex:bob a ex:Person }"));
  ASSERT_OK_AND_ASSIGN(auto shapes, db_->ListShapes());
  bool found = false;
  for (const auto& info : shapes) {
    found |= info.shape == Term::Iri("http://example.org/PersonShape");
  }
  EXPECT_TRUE(found);
}

TEST_F(EnforcementTest, DumpReloadsIntoAStoreThatEnforces) {
  std::ostringstream dump;
  DumpOptions options;
  options.format = RdfFormat::kTriG;
  ASSERT_OK(db_->Dump(dump, options));
  const std::string path = dir_.Sub("dump.trig");
  testing::WriteFile(path, dump.str());
  auto copy = Database::Open(dir_.Sub("copy"));
  ASSERT_OK(copy.status());
  LoadOptions lo;
  ASSERT_OK((*copy)->LoadFile(path, lo));
  EXPECT_EQ(*(*copy)->Count({}), Count());
  EXPECT_EQ((*copy)
                ->Update(std::string(kSparqlPrefixes) + "INSERT DATA { ex:bob a ex:Person }")
                .status()
                .code(),
            StatusCode::kConstraintViolation);
  // A dump whose data violates its own shapes is refused whole.
  const std::string bad = dir_.Sub("bad.trig");
  testing::WriteFile(bad,
                     dump.str() + "\n<http://example.org/zed> a <http://example.org/Person> .\n");
  auto fresh = Database::Open(dir_.Sub("fresh"));
  ASSERT_OK(fresh.status());
  EXPECT_EQ((*fresh)->LoadFile(bad, lo).status().code(), StatusCode::kConstraintViolation);
  EXPECT_EQ(*(*fresh)->Count({}), 0u);
}

TEST_F(EnforcementTest, ClearAllKeepsTheShapes) {
  ASSERT_OK(Update("DELETE WHERE { ?s ?p ?o }"));  // the data only: the default graph
  ASSERT_OK(Update("CLEAR ALL"));
  QuadPattern shapes_graph;
  shapes_graph.graph = Term::Iri(std::string(kShapesGraphIri));
  EXPECT_GT(Count(shapes_graph), 0u);
  ExpectRefused(Update("INSERT DATA { ex:bob a ex:Person }"));
}

TEST_F(EnforcementTest, ShapesGraphWrittenBySparqlIsEnforced) {
  ASSERT_OK(
      Update("INSERT DATA { GRAPH <urn:sextant:shapes> { ex:TagShape sh:targetSubjectsOf "
             "ex:tag ; sh:property [ sh:path ex:tag ; sh:datatype <http://www.w3.org/2001/"
             "XMLSchema#string> ] } }"));
  ExpectRefused(Update("INSERT DATA { ex:t ex:tag 5 }"));
  const Status bad = Update(
      "INSERT DATA { GRAPH <urn:sextant:shapes> { ex:Bad sh:targetNode "
      "ex:t ; sh:minCount \"many\" } }");
  // minCount on a node shape is ignored; a malformed path is not.
  ASSERT_OK(bad);
  const Status broken = Update(
      "INSERT DATA { GRAPH <urn:sextant:shapes> { ex:Bad2 sh:targetNode "
      "ex:t ; sh:property [ sh:path 5 ] } }");
  EXPECT_EQ(broken.code(), StatusCode::kInvalidArgument) << broken.ToString();
}

TEST_F(EnforcementTest, DerivedFactsAreValidated) {
  // A rule makes every employee a Person; a Person needs a name.
  ASSERT_OK(
      db_->AddRules("PREFIX ex: <http://example.org/>\n"
                    "RULE ex:employees { ?x a ex:Person } WHERE { ?x ex:worksAt ?c }"));
  const Status s = Update("INSERT DATA { ex:gus ex:worksAt ex:acme }");
  ExpectRefused(s);
  EXPECT_NE(s.message().find("<http://example.org/gus>"), std::string::npos) << s.message();
  ASSERT_OK(Update("INSERT DATA { ex:gus ex:worksAt ex:acme ; ex:name \"Gus\" }"));
}

TEST_F(EnforcementTest, SparqlConstraintIsEnforced) {
  ASSERT_OK(Enforce(R"(
    ex:Dates sh:targetSubjectsOf ex:died ;
      sh:sparql [ sh:select """SELECT $this WHERE { $this <http://example.org/born> ?b ;
                     <http://example.org/died> ?d . FILTER (?d < ?b) }""" ] .)"));
  ASSERT_OK(Update("INSERT DATA { ex:p ex:born 1900 ; ex:died 1950 }"));
  ExpectRefused(Update("INSERT DATA { ex:q ex:born 1900 ; ex:died 1850 }"));
  ExpectRefused(Update("DELETE DATA { ex:p ex:born 1900 } ; INSERT DATA { ex:p ex:born 1990 }"));
}

}  // namespace
}  // namespace sextant::shacl_test
