// Enforcement validates only the focus nodes a commit can affect (reach.h). These tests check
// that this never differs from validating everything: random changes are applied to a store
// that enforces the shapes and to a twin that does not; the enforcing store must refuse exactly
// the changes after which a full validation of the twin finds a violation.
#include <cstdlib>
#include <random>
#include <set>

#include "shacl_fixture.h"

namespace sextant::shacl_test {
namespace {

// Class targets through subclasses, sh:class two hops away, sequence and inverse paths, a
// nested node shape, a closed shape and a SPARQL constraint.
constexpr const char* kShapes = R"(
  ex:AShape sh:targetClass ex:A ;
    sh:property [ sh:path ex:p ; sh:class ex:B ] ;
    sh:property [ sh:path ( ex:p ex:q ) ; sh:maxCount 1 ] ;
    sh:property [ sh:path [ sh:inversePath ex:q ] ; sh:node ex:Named ] .
  ex:Named sh:property [ sh:path ex:name ; sh:minCount 1 ] .
  ex:QShape sh:targetSubjectsOf ex:q ; sh:closed true ;
    sh:ignoredProperties ( rdf:type ex:p ex:q ex:name ) .
  ex:BShape sh:targetClass ex:B ;
    sh:sparql [ sh:select """SELECT $this WHERE { $this <http://example.org/p> ?x .
                              ?x <http://example.org/p> $this }""" ] .)";

struct Triple {
  std::string s, p, o;
  std::string Text() const { return s + " " + p + " " + o + " ."; }
  bool operator<(const Triple& t) const { return Text() < t.Text(); }
};

class RandomChanges {
 public:
  explicit RandomChanges(uint32_t seed) : rng_(seed) {}

  Triple Next() {
    static const char* kNodes[] = {"ex:n0", "ex:n1", "ex:n2", "ex:n3", "ex:n4", "ex:n5"};
    static const char* kClasses[] = {"ex:A", "ex:B", "ex:C"};
    static const char* kNames[] = {"\"a\"", "\"b\""};
    auto pick = [&](auto& options) {
      return std::string(options[rng_() % (sizeof(options) / sizeof(options[0]))]);
    };
    switch (rng_() % 6) {
      case 0:
      case 1: return {pick(kNodes), "rdf:type", pick(kClasses)};
      case 2: return {pick(kNodes), "ex:p", pick(kNodes)};
      case 3: return {pick(kNodes), "ex:q", pick(kNodes)};
      case 4: return {pick(kNodes), "ex:name", pick(kNames)};
      default: return {pick(kClasses), "rdfs:subClassOf", pick(kClasses)};
    }
  }
  bool Coin() { return rng_() % 2 == 0; }
  size_t Below(size_t n) { return rng_() % n; }

 private:
  std::mt19937 rng_;
};

std::string DataBlock(const std::set<Triple>& triples) {
  std::string out;
  for (const Triple& t : triples) out += t.Text() + "\n";
  return out;
}

class IncrementalEnforcementTest : public ShaclTest {
 protected:
  Status UpdateOn(Database& db, const std::set<Triple>& remove, const std::set<Triple>& add) {
    const std::string prefixes = std::string(kSparqlPrefixes) +
                                 "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
                                 "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";
    return db
        .Update(prefixes + "DELETE DATA { " + DataBlock(remove) + " } ; INSERT DATA { " +
                DataBlock(add) + " }")
        .status();
  }

  void Run(uint32_t seed, int steps) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    testing::TempDir twin_dir;
    auto twin = Database::Open(twin_dir.Sub("twin"));
    ASSERT_OK(twin.status());
    ASSERT_OK(Enforce(kShapes));
    RandomChanges random(seed);
    std::set<Triple> state;
    int refused = 0, accepted = 0;
    for (int step = 0; step < steps; ++step) {
      std::set<Triple> remove, add;
      const size_t n = 1 + random.Below(3);
      for (size_t i = 0; i < n; ++i) {
        Triple t = random.Next();
        if (state.count(t) && random.Coin()) {
          remove.insert(t);
        } else if (!state.count(t) && !remove.count(t)) {
          add.insert(t);
        }
      }
      ASSERT_OK(UpdateOn(**twin, remove, add));
      ASSERT_OK_AND_ASSIGN(auto full, (*twin)->Validate(std::string(kPrefixes) + kShapes));
      const bool violates = !full.conforms;
      const Status enforced = UpdateOn(*db_, remove, add);
      ASSERT_TRUE(enforced.ok() || enforced.code() == StatusCode::kConstraintViolation)
          << enforced.ToString();
      ASSERT_EQ(!enforced.ok(), violates)
          << "step " << step << ": remove {" << DataBlock(remove) << "} add {" << DataBlock(add)
          << "}\nstate:\n"
          << DataBlock(state) << "\nenforcement: " << enforced.ToString();
      if (violates) {
        ++refused;
        ASSERT_OK(UpdateOn(**twin, add, remove));  // undo on the twin too
      } else {
        ++accepted;
        for (const Triple& t : remove) state.erase(t);
        state.insert(add.begin(), add.end());
      }
    }
    // Both outcomes happened, or the test proves little.
    EXPECT_GT(refused, 0);
    EXPECT_GT(accepted, 0);
  }
};

TEST_F(IncrementalEnforcementTest, RandomChangesAgreeWithFullValidation) {
  int seeds = 2;
  if (const char* env = std::getenv("SEXTANT_SHACL_SEEDS")) seeds = std::atoi(env);
  for (int seed = 1; seed <= seeds; ++seed) {
    Reopen();
    ASSERT_OK(db_->DropShapes(""));
    ASSERT_OK(Update("DELETE WHERE { ?s ?p ?o }"));
    Run(static_cast<uint32_t>(seed), 120);
    if (HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace sextant::shacl_test
