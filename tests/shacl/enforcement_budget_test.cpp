// Enforced shapes validate within the limits of the write that commits: an update's time limit
// and memory budget, a load's time limit, stop a validation (a slow or memory-hungry sh:sparql
// constraint) with their error, and nothing of the write is committed.
#include <atomic>

#include "shacl_fixture.h"

namespace sextant::shacl_test {
namespace {

using namespace std::chrono_literals;

// 300 values: four unrelated patterns over them are 300^4 rows, far more than any limit below.
std::string Numbers() {
  std::string out;
  for (int i = 0; i < 300; ++i) {
    out += "ex:n" + std::to_string(i) + " ex:v " + std::to_string(i) + " .\n";
  }
  return out;
}

// A constraint that finds nothing but takes hours to say so.
constexpr const char* kSlowSelect =
    "SELECT $this WHERE { ?a ex:v ?x . ?b ex:v ?y . ?c ex:v ?z . ?d ex:v ?w "
    "FILTER(?x + ?y + ?z + ?w < 0) }";
// A constraint that holds 90,000 rows in a DISTINCT.
constexpr const char* kHungrySelect =
    "SELECT $this WHERE { { SELECT DISTINCT $this ?x ?y WHERE { ?a ex:v ?x . ?b ex:v ?y } } "
    "FILTER(?x + ?y < 0) }";

std::string ShapeWith(const char* select, const std::string& target) {
  return "ex:S a sh:NodeShape ; " + target +
         " ; sh:sparql [ sh:select \"\"\"PREFIX ex: " + "<http://example.org/> " + select +
         "\"\"\" ] .";
}

// The same shape as an INSERT DATA into the shapes graph.
std::string InsertShape(const char* select, const std::string& target) {
  return "PREFIX sh: <http://www.w3.org/ns/shacl#> INSERT DATA { GRAPH <urn:sextant:shapes> { " +
         ShapeWith(select, target) + " } }";
}

class EnforcementBudgetTest : public ShaclTest {
 protected:
  void SetUp() override {
    ShaclTest::SetUp();
    ASSERT_OK(Load(Numbers()));
    before_ = Count();
  }
  Status UpdateWith(const std::string& update, const QueryOptions& options) {
    return db_->Update(std::string(kSparqlPrefixes) + update, options).status();
  }
  // Nothing of the request committed: the same quads, no shapes enforced.
  void ExpectNothingCommitted(uint64_t quads) {
    EXPECT_EQ(Count(), quads);
    ASSERT_OK_AND_ASSIGN(auto shapes, db_->ListShapes());
    EXPECT_TRUE(shapes.empty());
  }
  uint64_t before_ = 0;
};

TEST_F(EnforcementBudgetTest, UpdateWritingASlowShapeStopsAtItsTimeLimit) {
  QueryOptions options;
  options.timeout = 200ms;
  const Status s = UpdateWith(InsertShape(kSlowSelect, "sh:targetNode ex:n0"), options);
  EXPECT_EQ(s.code(), StatusCode::kTimeout) << s.ToString();
  EXPECT_NE(s.message().find("enforced shapes"), std::string::npos) << s.ToString();
  ExpectNothingCommitted(before_);
}

TEST_F(EnforcementBudgetTest, UpdateWritingAMemoryHungryShapeStopsAtItsBudget) {
  QueryOptions options;
  options.max_memory_bytes = 64 << 10;
  const Status s = UpdateWith(InsertShape(kHungrySelect, "sh:targetNode ex:n0"), options);
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted) << s.ToString();
  ExpectNothingCommitted(before_);
  // With the default budget the same shape is enforced (it finds no violation).
  ASSERT_OK(UpdateWith(InsertShape(kHungrySelect, "sh:targetNode ex:n0"), {}));
  ASSERT_OK_AND_ASSIGN(auto shapes, db_->ListShapes());
  EXPECT_EQ(shapes.size(), 1u);
}

TEST_F(EnforcementBudgetTest, UpdateTouchingAFocusNodeOfASlowShapeStopsAtItsTimeLimit) {
  // Enforced while nothing is an ex:T: no focus node, nothing to run.
  ASSERT_OK(Enforce(ShapeWith(kSlowSelect, "sh:targetClass ex:T")));
  const uint64_t before = Count();
  QueryOptions options;
  options.timeout = 200ms;
  const Status s = UpdateWith("INSERT DATA { ex:n1 a ex:T }", options);
  EXPECT_EQ(s.code(), StatusCode::kTimeout) << s.ToString();
  EXPECT_EQ(Count(), before);
}

TEST_F(EnforcementBudgetTest, LoadIntoAStoreWithASlowShapeStopsAtItsTimeLimit) {
  ASSERT_OK(Enforce(ShapeWith(kSlowSelect, "sh:targetClass ex:T")));
  const uint64_t before = Count();
  LoadOptions options;
  options.format = RdfFormat::kTurtle;
  options.timeout = 200ms;
  auto loaded = db_->LoadString(std::string(kPrefixes) + "ex:n1 a ex:T . ex:n2 ex:w 1 .", options);
  EXPECT_EQ(loaded.status().code(), StatusCode::kTimeout) << loaded.status().ToString();
  EXPECT_EQ(Count(), before);
}

TEST_F(EnforcementBudgetTest, ReplacingTheShapesGraphWithASlowShapeStopsAtItsTimeLimit) {
  LoadOptions options;
  options.format = RdfFormat::kTurtle;
  options.graph = Term::Iri(std::string(kShapesGraphIri));
  options.replace_graph = true;  // the Graph Store Protocol's PUT
  options.timeout = 200ms;
  auto loaded = db_->LoadString(
      std::string(kPrefixes) + ShapeWith(kSlowSelect, "sh:targetNode ex:n0"), options);
  EXPECT_EQ(loaded.status().code(), StatusCode::kTimeout) << loaded.status().ToString();
  ExpectNothingCommitted(before_);
}

TEST_F(EnforcementBudgetTest, EnforceAndValidateTakeTheirLimits) {
  ValidateOptions options;
  options.timeout = 200ms;
  const std::string slow = std::string(kPrefixes) + ShapeWith(kSlowSelect, "sh:targetNode ex:n0");
  EXPECT_EQ(db_->EnforceShapes(slow, options).code(), StatusCode::kTimeout);
  ExpectNothingCommitted(before_);
  EXPECT_EQ(db_->Validate(slow, options).status().code(), StatusCode::kTimeout);
  ValidateOptions small;
  small.max_memory_bytes = 64 << 10;
  EXPECT_EQ(
      db_->Validate(std::string(kPrefixes) + ShapeWith(kHungrySelect, "sh:targetNode ex:n0"), small)
          .status()
          .code(),
      StatusCode::kResourceExhausted);
  std::atomic<bool> stop{true};
  ValidateOptions interrupted;
  interrupted.interrupt = &stop;
  EXPECT_EQ(db_->Validate(slow, interrupted).status().code(), StatusCode::kInterrupted);
}

}  // namespace
}  // namespace sextant::shacl_test
