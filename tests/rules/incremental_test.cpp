// Incremental maintenance agrees exactly with recomputation from scratch: random small graphs,
// random inserts and deletes through transactions and SPARQL Update, recursive rules, the
// rdfs set (variable-predicate rules) and facts asserted in several graphs at once.
#include <cstdlib>
#include <random>

#include "api/database_impl.h"
#include "rules_fixture.h"

namespace sextant::rules_test {
namespace {

constexpr const char* kRules =
    "RULE ex:trans { ?x ex:p ?z } WHERE { ?x ex:p ?y . ?y ex:p ?z } ;\n"
    "RULE ex:s-is-p { ?x ex:p ?y } WHERE { ?x ex:s ?y } ;\n"
    "RULE ex:back { ?y ex:r ?x } WHERE { ?x ex:q ?y . ?x ex:p ?y } ;\n"
    "RULE ex:forth { ?x ex:q ?y } WHERE { ?x ex:r ?y } ;\n"
    "RULE ex:typed { ?x a ex:Linked } WHERE { ?x ex:p ?y . ?y a ex:C0 }";

class IncrementalTest : public RulesTest {
 protected:
  Status Recompute() { return static_cast<DatabaseImpl*>(db_.get())->RecomputeDerived(); }

  Quad RandomQuad(std::mt19937& rng) {
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    const std::string ex = "http://example.org/";
    Quad q;
    const int kind = pick(10);
    if (kind < 6) {
      static const char* const preds[] = {"p", "s", "q", "r"};
      q.subject = Term::Iri(ex + "n" + std::to_string(pick(5)));
      q.predicate = Term::Iri(ex + preds[pick(4)]);
      q.object = Term::Iri(ex + "n" + std::to_string(pick(5)));
    } else if (kind < 8) {
      q.subject = Term::Iri(ex + "n" + std::to_string(pick(5)));
      q.predicate = Term::Iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
      q.object = Term::Iri(ex + "C" + std::to_string(pick(3)));
    } else if (kind < 9) {
      q.subject = Term::Iri(ex + "C" + std::to_string(pick(3)));
      q.predicate = Term::Iri("http://www.w3.org/2000/01/rdf-schema#subClassOf");
      q.object = Term::Iri(ex + "C" + std::to_string(pick(3)));
    } else {
      static const char* const preds[] = {"p", "s", "q", "r"};
      q.subject = Term::Iri(ex + preds[pick(4)]);
      q.predicate = Term::Iri("http://www.w3.org/2000/01/rdf-schema#subPropertyOf");
      q.object = Term::Iri(ex + preds[pick(4)]);
    }
    const int g = pick(3);
    q.graph = g == 0 ? Term::DefaultGraph() : Term::Iri(ex + "g" + std::to_string(g));
    return q;
  }

  static std::string DataBlock(const std::vector<Quad>& quads) {
    std::string out;
    for (const auto& q : quads) {
      const std::string triple =
          q.subject.ToNTriples() + " " + q.predicate.ToNTriples() + " " + q.object.ToNTriples();
      out += q.graph.is_default_graph() ? triple + " . "
                                        : "GRAPH " + q.graph.ToNTriples() + " { " + triple + " } ";
    }
    return out;
  }

  // One random change: a few inserts and deletes of quads, through a transaction or an update.
  void RandomStep(std::mt19937& rng, std::vector<Quad>* asserted) {
    std::vector<Quad> ins, del;
    const int n = 1 + static_cast<int>(rng() % 4);
    for (int i = 0; i < n; ++i) {
      if (!asserted->empty() && rng() % 2 == 0) {
        del.push_back((*asserted)[rng() % asserted->size()]);
      } else {
        ins.push_back(RandomQuad(rng));
      }
    }
    if (rng() % 2 == 0) {
      ASSERT_OK_AND_ASSIGN(auto txn, db_->BeginTransaction());
      for (const auto& q : del) ASSERT_OK(txn->Remove(q));
      for (const auto& q : ins) ASSERT_OK(txn->Insert(q));
      ASSERT_OK(txn->Commit());
    } else {
      std::string update;
      if (!del.empty()) update += "DELETE DATA { " + DataBlock(del) + "}";
      if (!ins.empty())
        update +=
            std::string(update.empty() ? "" : " ;\n") + "INSERT DATA { " + DataBlock(ins) + "}";
      ASSERT_OK(db_->Update(update));
    }
    for (const auto& q : del)
      asserted->erase(std::remove(asserted->begin(), asserted->end(), q), asserted->end());
    for (const auto& q : ins) {
      if (std::find(asserted->begin(), asserted->end(), q) == asserted->end())
        asserted->push_back(q);
    }
  }
};

// 40 seeds in the quick tier; ctest's rules_random_seeds (label slow) runs 300.
int Seeds() {
  const char* env = std::getenv("SEXTANT_RULES_SEEDS");
  return env != nullptr ? std::atoi(env) : 40;
}

TEST_F(IncrementalTest, RandomChangesAgreeWithFullRecomputation) {
  const int seeds = Seeds();
  for (int seed = 0; seed < seeds; ++seed) {
    ASSERT_OK(Run("CLEAR ALL"));
    ASSERT_OK(db_->EnableRules("rdfs"));
    ASSERT_OK(AddRules(kRules));
    std::mt19937 rng(static_cast<unsigned>(seed));
    std::vector<Quad> asserted;
    for (int step = 0; step < 8; ++step) {
      ASSERT_NO_FATAL_FAILURE(RandomStep(rng, &asserted));
      const auto incremental = Derived();
      ASSERT_OK(Recompute());
      const auto full = Derived();
      ASSERT_EQ(incremental, full) << "seed " << seed << " step " << step;
    }
    // Drop the rules for the next seed's CLEAR ALL to start from nothing derived.
    ASSERT_OK(
        Run("DROP RULE ex:trans ; DROP RULE ex:s-is-p ; DROP RULE ex:back ; DROP RULE ex:forth ; "
            "DROP RULE ex:typed"));
    ASSERT_OK(db_->DisableRules("rdfs"));
    EXPECT_TRUE(Derived().empty());
  }
}

// Small bulk loads hand their new quads to incremental maintenance (no recomputation).
TEST_F(IncrementalTest, LoadsAgreeWithFullRecomputation) {
  ASSERT_OK(db_->EnableRules("rdfs"));
  ASSERT_OK(AddRules(kRules));
  for (int seed = 0; seed < 20; ++seed) {
    std::mt19937 rng(static_cast<unsigned>(1000 + seed));
    std::string nquads;
    for (int i = 0; i < 6; ++i) nquads += RandomQuad(rng).ToNQuads() + "\n";
    LoadOptions lo;
    lo.format = RdfFormat::kNQuads;
    ASSERT_OK(db_->LoadString(nquads, lo));
    const auto incremental = Derived();
    ASSERT_OK(Recompute());
    ASSERT_EQ(incremental, Derived()) << "seed " << seed;
  }
}

TEST_F(IncrementalTest, DeletingOneFactRetractsExactlyWhatNoLongerFollows) {
  ASSERT_OK(AddRules("RULE ex:trans { ?x ex:p ?z } WHERE { ?x ex:p ?y . ?y ex:p ?z }"));
  ASSERT_OK(Run("INSERT DATA { ex:a ex:p ex:b . ex:b ex:p ex:c . ex:c ex:p ex:d }"));
  EXPECT_EQ(Derived().size(), 3u);  // a-c, b-d, a-d
  ASSERT_OK(Run("DELETE DATA { ex:b ex:p ex:c }"));
  EXPECT_TRUE(Derived().empty());
  EXPECT_TRUE(Holds("ex:a ex:p ex:b"));
  EXPECT_TRUE(Holds("ex:c ex:p ex:d"));
  EXPECT_FALSE(Holds("ex:a ex:p ex:c"));
}

TEST_F(IncrementalTest, FactWithTwoDerivationsSurvivesLosingOne) {
  ASSERT_OK(
      AddRules("RULE ex:from-s { ?x ex:p ?y } WHERE { ?x ex:s ?y } ;\n"
               "RULE ex:from-r { ?x ex:p ?y } WHERE { ?x ex:r ?y }"));
  ASSERT_OK(Run("INSERT DATA { ex:a ex:s ex:b . ex:a ex:r ex:b }"));
  EXPECT_TRUE(Holds("ex:a ex:p ex:b"));
  ASSERT_OK(Run("DELETE DATA { ex:a ex:s ex:b }"));
  EXPECT_TRUE(Holds("ex:a ex:p ex:b"));
  ASSERT_OK(Run("DELETE DATA { ex:a ex:r ex:b }"));
  EXPECT_FALSE(Holds("ex:a ex:p ex:b"));
}

TEST_F(IncrementalTest, FactAssertedInTwoGraphsStaysTrueWhenOneGoes) {
  ASSERT_OK(AddRules("RULE ex:from-s { ?x ex:p ?y } WHERE { ?x ex:s ?y }"));
  ASSERT_OK(Run("INSERT DATA { GRAPH ex:g1 { ex:a ex:s ex:b } GRAPH ex:g2 { ex:a ex:s ex:b } }"));
  ASSERT_OK(Run("CLEAR GRAPH ex:g1"));
  EXPECT_TRUE(Holds("ex:a ex:p ex:b"));
  ASSERT_OK(Run("CLEAR GRAPH ex:g2"));
  EXPECT_FALSE(Holds("ex:a ex:p ex:b"));
}

}  // namespace
}  // namespace sextant::rules_test
