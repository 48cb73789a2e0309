// A commit validates only the focus nodes it can affect, and those only against the constraints
// whose reads it changed (reach.h): shown without timing by a constraint that needs far more
// memory than a small budget. The store enforces it (checked once with the default budget);
// commits under the small budget then succeed exactly when they do not make it run again.
#include "shacl_fixture.h"

namespace sextant::shacl_test {
namespace {

// ex:hub links to 100 nodes with values; its SPARQL constraint groups the 10,000 pairs of their
// values (and finds no violation), the ex:name property shape reads ex:name only.
std::string HubData() {
  std::string out = "ex:hub ex:name \"hub\" .\n";
  for (int i = 0; i < 100; ++i) {
    const std::string n = "ex:n" + std::to_string(i);
    out += "ex:hub ex:m " + n + " . " + n + " ex:v " + std::to_string(i) + " .\n";
  }
  return out;
}

constexpr const char* kHubShape = R"ttl(
  ex:HubShape sh:targetNode ex:hub ;
    sh:property [ sh:path ex:name ; sh:minCount 1 ] ;
    sh:sparql [ sh:select """PREFIX ex: <http://example.org/>
      SELECT $this WHERE { $this ex:m ?a . ?a ex:v ?x . $this ex:m ?b . ?b ex:v ?y }
      GROUP BY $this ?x ?y HAVING (SUM(?x) < 0)""" ] .)ttl";

class EnforcementLocalityTest : public ShaclTest {
 protected:
  void SetUp() override {
    ShaclTest::SetUp();
    ASSERT_OK(Load(HubData()));
    ASSERT_OK(Enforce(kHubShape));  // the default budget holds the 10,000 groups
  }
  // An update under a 64 KiB memory budget, far below what the SPARQL constraint needs.
  Status SmallUpdate(const std::string& update) {
    QueryOptions options;
    options.max_memory_bytes = 64 << 10;
    return db_->Update(std::string(kSparqlPrefixes) + update, options).status();
  }
};

TEST_F(EnforcementLocalityTest, ACommitThatReachesTheFocusNodeRunsItsConstraint) {
  const uint64_t before = Count();
  // A new value of a linked node is read by the constraint: ex:hub is validated again.
  const Status s = SmallUpdate("INSERT DATA { ex:n7 ex:v 1000 }");
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted) << s.ToString();
  EXPECT_EQ(Count(), before);
}

TEST_F(EnforcementLocalityTest, ACommitElsewhereDoesNotValidateTheFocusNode) {
  const uint64_t before = Count();
  // (A value the hub's nodes have, as in ex:other ex:v 1, would reach it: the analysis reads each
  // triple pattern from both ends, so ex:n1 ex:v 1 leads back to ex:hub.)
  ASSERT_OK(SmallUpdate("INSERT DATA { ex:other ex:v 5000 . ex:other ex:name \"other\" }"));
  EXPECT_EQ(Count(), before + 2);
}

TEST_F(EnforcementLocalityTest, ACommitReachingOneConstraintRunsThatOneAlone) {
  const uint64_t before = Count();
  // ex:name is read by the property shape only: its minCount runs, the SPARQL constraint not.
  ASSERT_OK(SmallUpdate("INSERT DATA { ex:hub ex:name \"second name\" }"));
  EXPECT_EQ(Count(), before + 1);
  // And the constraint that runs still refuses: the hub without any name.
  const Status s = SmallUpdate("DELETE WHERE { ex:hub ex:name ?n }");
  EXPECT_EQ(s.code(), StatusCode::kConstraintViolation) << s.ToString();
  EXPECT_EQ(Count(), before + 1);
}

}  // namespace
}  // namespace sextant::shacl_test
