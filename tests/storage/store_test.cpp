#include "storage/store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>
#include <set>

#include "storage/consistency_check.h"
#include "storage/id_scan.h"
#include "storage/quad_loader.h"
#include "storage/stats_reader.h"
#include "storage/write_txn.h"
#include "testutil/store_fixture.h"

namespace sextant::storage {
namespace {

using sextant::testing::TempDir;

rdf::TermView Iri(const std::string& s) {
  return {TermKind::kIri, s, {}, {}};
}
rdf::TermView Int(const std::string& s) {
  return {TermKind::kLiteral, s, vocab::kXsdInteger, {}};
}

class StoreTest : public sextant::testing::StoreFixture {
 protected:
  std::vector<IdQuad> ScanAll(const IdQuad& pattern) {
    std::vector<IdQuad> out;
    IdScan scan(store_.get(), nullptr, pattern, ChooseIndex(pattern));
    for (; scan.Valid(); scan.Next()) out.push_back(scan.quad());
    EXPECT_OK(scan.status());
    return out;
  }
  // Statistics recomputed from the spog index, to check the maintained ones.
  IdStats Recount() {
    IdStats s;
    std::set<std::pair<TermId, TermId>> sp, po;
    for (const auto& q : ScanAll({kNoId, kNoId, kNoId, kNoId})) {
      ++s.quads;
      ++s.graphs[q[kG]];
      ++s.predicates[q[kP]].triples;
      if (sp.emplace(q[kS], q[kP]).second) ++s.predicates[q[kP]].distinct_subjects;
      if (po.emplace(q[kP], q[kO]).second) ++s.predicates[q[kP]].distinct_objects;
    }
    return s;
  }
  void ExpectStatsExact() {
    auto got = ReadIdStats(store_.get(), nullptr);
    ASSERT_OK(got);
    const IdStats want = Recount();
    EXPECT_EQ(got->quads, want.quads);
    EXPECT_EQ(got->graphs, want.graphs);
    ASSERT_EQ(got->predicates.size(), want.predicates.size());
    for (const auto& [p, c] : want.predicates) {
      const auto& g = got->predicates.at(p);
      EXPECT_EQ(g.triples, c.triples) << p;
      EXPECT_EQ(g.distinct_subjects, c.distinct_subjects) << p;
      EXPECT_EQ(g.distinct_objects, c.distinct_objects) << p;
    }
  }
};

TEST_F(StoreTest, TransactionCommitsAllIndexesAndDictionary) {
  ASSERT_OK_AND_ASSIGN(auto txn, WriteTxn::Begin(store_.get()));
  ASSERT_OK_AND_ASSIGN(IdQuad q, txn->EncodeForInsert({Iri("s"), Iri("p"), Int("3000"), Iri("g")}));
  EXPECT_EQ(TagOf(q[kO]), IdTag::kInteger);  // inline: no dictionary entry
  ASSERT_OK_AND_ASSIGN(bool added, txn->Insert(q));
  EXPECT_TRUE(added);
  ASSERT_OK_AND_ASSIGN(added, txn->Insert(q));
  EXPECT_FALSE(added);  // duplicate insert is a no-op
  // Not visible outside before commit.
  EXPECT_TRUE(ScanAll({kNoId, kNoId, kNoId, kNoId}).empty());
  ASSERT_OK(txn->Commit());
  Reopen();
  for (const IdQuad& pattern :
       {IdQuad{q[kS], kNoId, kNoId, kNoId}, IdQuad{kNoId, q[kP], kNoId, kNoId},
        IdQuad{kNoId, kNoId, q[kO], kNoId}, IdQuad{kNoId, kNoId, kNoId, q[kG]},
        IdQuad{q[kS], kNoId, q[kO], q[kG]}, q}) {
    EXPECT_EQ(ScanAll(pattern), std::vector<IdQuad>{q});
  }
  EXPECT_TRUE(ScanAll({kNoId, kNoId, kNoId, kDefaultGraphId}).empty());
  DictionaryReader dict(store_.get(), static_cast<const rocksdb::Snapshot*>(nullptr));
  ASSERT_OK_AND_ASSIGN(Term s, dict.Decode(q[kS]));
  EXPECT_EQ(s, Term::Iri("s"));
  ASSERT_OK_AND_ASSIGN(Term o, dict.Decode(q[kO]));
  EXPECT_EQ(o, Term::TypedLiteral("3000", std::string(vocab::kXsdInteger)));
  ExpectStatsExact();
}

// DecodeMany walks sorted ids with one iterator, stepping to near ids and seeking to far
// ones; every gap size must give exactly what Decode gives, and an unknown id is corruption.
TEST_F(StoreTest, DecodeManyMatchesDecodeForAnyGaps) {
  ASSERT_OK_AND_ASSIGN(auto txn, WriteTxn::Begin(store_.get()));
  std::vector<TermId> all;
  for (int i = 0; i < 300; ++i) {
    ASSERT_OK_AND_ASSIGN(IdQuad q, txn->EncodeForInsert({Iri("s" + std::to_string(i)), Iri("p"),
                                                         Iri("o"), Iri("g")}));
    all.push_back(q[kS]);
  }
  ASSERT_OK(txn->Commit());
  std::sort(all.begin(), all.end());
  std::vector<TermId> ids;
  size_t gap = 1;
  for (size_t i = 0; i < all.size(); i += gap, gap = gap % 13 + 1) ids.push_back(all[i]);
  ids.push_back(all.back());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  DictionaryReader dict(store_.get(), static_cast<const rocksdb::Snapshot*>(nullptr));
  std::vector<Term> terms;
  ASSERT_OK(dict.DecodeMany(ids, &terms));
  ASSERT_EQ(terms.size(), ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    ASSERT_OK_AND_ASSIGN(Term one, dict.Decode(ids[i]));
    EXPECT_EQ(terms[i], one) << i;
  }
  // An id between two stored ones: a rolled-back transaction used it, and ids are never reused.
  TermId unused = kNoId;
  {
    ASSERT_OK_AND_ASSIGN(auto dropped, WriteTxn::Begin(store_.get()));
    ASSERT_OK_AND_ASSIGN(IdQuad q,
                         dropped->EncodeForInsert({Iri("never"), Iri("p"), Iri("o"), Iri("g")}));
    unused = q[kS];
  }
  ASSERT_OK_AND_ASSIGN(auto later, WriteTxn::Begin(store_.get()));
  ASSERT_OK_AND_ASSIGN(IdQuad after,
                       later->EncodeForInsert({Iri("after"), Iri("p"), Iri("o"), Iri("g")}));
  ASSERT_OK(later->Insert(after).status());
  ASSERT_OK(later->Commit());
  ASSERT_GT(after[kS], unused);
  DictionaryReader fresh(store_.get(), static_cast<const rocksdb::Snapshot*>(nullptr));
  ASSERT_OK(fresh.DecodeMany({all.back(), after[kS]}, &terms));
  EXPECT_EQ(terms[1], Term::Iri("after"));
  EXPECT_EQ(fresh.DecodeMany({all.back(), unused, after[kS]}, &terms).code(),
            StatusCode::kCorruption);
  EXPECT_EQ(fresh.DecodeMany({after[kS] + 1}, &terms).code(), StatusCode::kCorruption);
}

TEST_F(StoreTest, SecondWriterIsBusyAndRollbackDiscards) {
  ASSERT_OK_AND_ASSIGN(auto txn, WriteTxn::Begin(store_.get()));
  auto second = WriteTxn::Begin(store_.get());
  EXPECT_EQ(second.status().code(), StatusCode::kBusy);
  ASSERT_OK_AND_ASSIGN(IdQuad q, txn->EncodeForInsert({Iri("s"), Iri("p"), Iri("o"), {}}));
  ASSERT_OK(txn->Insert(q));
  txn->Rollback();
  EXPECT_TRUE(ScanAll({kNoId, kNoId, kNoId, kNoId}).empty());
  ASSERT_OK_AND_ASSIGN(auto third, WriteTxn::Begin(store_.get()));
  ASSERT_OK(third->Commit());
}

TEST_F(StoreTest, StatisticsStayExactUnderRandomInsertsAndRemoves) {
  std::mt19937 rng(42);
  std::vector<IdQuad> known;
  for (int round = 0; round < 30; ++round) {
    ASSERT_OK_AND_ASSIGN(auto txn, WriteTxn::Begin(store_.get()));
    for (int i = 0; i < 40; ++i) {
      const std::string s = "s" + std::to_string(rng() % 6), p = "p" + std::to_string(rng() % 3),
                        o = "o" + std::to_string(rng() % 5);
      const std::string g = "g" + std::to_string(rng() % 3);
      rdf::QuadView v{Iri(s), Iri(p), Iri(o), g == "g0" ? rdf::TermView{} : Iri(g)};
      if (rng() % 3 == 0) {
        ASSERT_OK_AND_ASSIGN(IdQuad q, txn->EncodeForLookup(v));
        if (q[0] != kNoId && q[1] != kNoId && q[2] != kNoId && q[3] != kNoId)
          ASSERT_OK(txn->Remove(q));
      } else {
        ASSERT_OK_AND_ASSIGN(IdQuad q, txn->EncodeForInsert(v));
        ASSERT_OK(txn->Insert(q));
      }
    }
    ASSERT_OK(txn->Commit());
    ExpectStatsExact();
  }
}

TEST_F(StoreTest, TransactionIteratorSeesOwnWrites) {
  ASSERT_OK_AND_ASSIGN(auto txn, WriteTxn::Begin(store_.get()));
  ASSERT_OK_AND_ASSIGN(IdQuad q, txn->EncodeForInsert({Iri("s"), Iri("p"), Iri("o"), {}}));
  ASSERT_OK(txn->Insert(q));
  IdScan scan(txn->NewIndexIterator(IndexOrder::kSPOG), {q[kS], kNoId, kNoId, kNoId},
              {IndexOrder::kSPOG, 1, false});
  ASSERT_TRUE(scan.Valid());
  EXPECT_EQ(scan.quad(), q);
}

class LoaderTest : public StoreTest {
 protected:
  // Loads quads (s_i p_(i%7) o_(i%13) g_(i%3)) through the bulk loader.
  Result<uint64_t> LoadGenerated(int n, int offset, uint64_t memory) {
    LoadOptions options;
    options.bulk_memory_bytes = memory;
    SEXTANT_ASSIGN_OR_RETURN(auto loader, QuadLoader::Begin(store_.get(), options));
    for (int i = offset; i < offset + n; ++i) {
      const std::string s = "s" + std::to_string(i / 2), p = "p" + std::to_string(i % 7),
                        o = std::to_string(i % 13), g = "g" + std::to_string(i % 3);
      SEXTANT_RETURN_IF_ERROR(
          loader->Add({Iri(s), Iri(p), Int(o), g == "g0" ? rdf::TermView{} : Iri(g)}));
      // Every quad twice: duplicates within a load are counted once.
      SEXTANT_RETURN_IF_ERROR(
          loader->Add({Iri(s), Iri(p), Int(o), g == "g0" ? rdf::TermView{} : Iri(g)}));
    }
    return loader->Finish();
  }
};

TEST_F(LoaderTest, SmallLoadThroughBatch) {
  ASSERT_OK_AND_ASSIGN(uint64_t n, LoadGenerated(1000, 0, 64 << 20));
  EXPECT_EQ(n, 1000u);
  ExpectStatsExact();
  EXPECT_EQ(ScanAll({kNoId, kNoId, kNoId, kNoId}).size(), 1000u);
}

TEST_F(LoaderTest, LargeLoadSpillsRunsAndIngestsAtomically) {
  // 1 MiB budget -> runs of 16384 quads: 300000 adds spill many runs.
  ASSERT_OK_AND_ASSIGN(uint64_t n, LoadGenerated(150000, 0, 1 << 20));
  EXPECT_EQ(n, 150000u);
  ExpectStatsExact();
  // Overlapping second load into a non-empty store: only the new half counts.
  ASSERT_OK_AND_ASSIGN(n, LoadGenerated(150000, 75000, 1 << 20));
  EXPECT_EQ(n, 75000u);
  ExpectStatsExact();
  Reopen();
  EXPECT_EQ(ScanAll({kNoId, kNoId, kNoId, kNoId}).size(), 225000u);
  EXPECT_FALSE(std::filesystem::exists(store_->StagingDir()));
}

TEST_F(LoaderTest, ManyNewTermsCommitThroughDictionaryFiles) {
  // 100,000 new terms overflow the loader's term map (8,192 terms for a 1 MiB budget) many
  // times over: each time the new terms go in as ingested files and the map starts afresh,
  // after which terms it forgot are found in the store (the same ids, no duplicates).
  const std::string pad(150, 'x');
  auto load = [&]() -> Result<uint64_t> {
    LoadOptions options;
    options.bulk_memory_bytes = 1 << 20;
    SEXTANT_ASSIGN_OR_RETURN(auto loader, QuadLoader::Begin(store_.get(), options));
    for (int i = 0; i < 60000; ++i) {
      SEXTANT_RETURN_IF_ERROR(loader->Add({Iri("http://s/" + pad + std::to_string(i)),
                                           Iri("p" + std::to_string(i % 5)),
                                           Iri("http://o/" + pad + std::to_string(i % 40000)),
                                           {}}));
    }
    return loader->Finish();
  };
  ASSERT_OK_AND_ASSIGN(uint64_t n, load());
  EXPECT_EQ(n, 60000u);
  ExpectStatsExact();
  ASSERT_OK_AND_ASSIGN(CheckReport report, CheckStore(*store_));
  EXPECT_TRUE(report.ok()) << report.problems.front();
  EXPECT_EQ(report.dictionary_terms, 60000u + 40000u + 5u);
  EXPECT_FALSE(std::filesystem::exists(store_->StagingDir()));
  // The same quads again find every term in the files: no new ids, nothing inserted.
  Reopen();
  ASSERT_OK_AND_ASSIGN(n, load());
  EXPECT_EQ(n, 0u);
  ASSERT_OK_AND_ASSIGN(report, CheckStore(*store_));
  EXPECT_TRUE(report.ok()) << report.problems.front();
  EXPECT_EQ(report.dictionary_terms, 60000u + 40000u + 5u);
  EXPECT_EQ(ScanAll({kNoId, kNoId, kNoId, kNoId}).size(), 60000u);
}

TEST_F(LoaderTest, AbortedLoadLeavesNoQuads) {
  {
    LoadOptions options;
    options.bulk_memory_bytes = 1 << 20;
    ASSERT_OK_AND_ASSIGN(auto loader, QuadLoader::Begin(store_.get(), options));
    for (int i = 0; i < 50000; ++i) {
      ASSERT_OK(loader->Add({Iri("s" + std::to_string(i)), Iri("p"), Iri("o"), {}}));
    }
    loader->Abort();
  }
  EXPECT_TRUE(ScanAll({kNoId, kNoId, kNoId, kNoId}).empty());
  ExpectStatsExact();
  EXPECT_FALSE(std::filesystem::exists(store_->StagingDir()));
}

TEST(StoreOpenTest, ClearErrors) {
  TempDir dir;
  Options no_create;
  no_create.create_if_missing = false;
  EXPECT_EQ(Store::Open(dir.Sub("missing"), no_create).status().code(), StatusCode::kNotFound);

  sextant::testing::WriteFile(dir.Sub("foreign/notes.txt"), "hello");
  auto foreign = Store::Open(dir.Sub("foreign"), Options());
  EXPECT_EQ(foreign.status().code(), StatusCode::kCorruption);
  EXPECT_NE(foreign.status().message().find("not a Sextant store"), std::string::npos);

  sextant::testing::WriteFile(dir.Sub("file"), "x");
  EXPECT_EQ(Store::Open(dir.Sub("file"), Options()).status().code(), StatusCode::kInvalidArgument);

  {
    ASSERT_OK_AND_ASSIGN(auto store, Store::Open(dir.Sub("db"), Options()));
    auto again = Store::Open(dir.Sub("db"), Options());
    EXPECT_EQ(again.status().code(), StatusCode::kLocked) << again.status().ToString();
    // A read-only open does not need the lock.
    Options ro;
    ro.read_only = true;
    EXPECT_OK(Store::Open(dir.Sub("db"), ro));
  }
}

TEST(StoreOpenTest, VersionMismatchIsRefused) {
  TempDir dir;
  {
    ASSERT_OK_AND_ASSIGN(auto store, Store::Open(dir.Sub("db"), Options()));
    ASSERT_TRUE(store->db()->Put({}, store->meta(), "format_version", "999").ok());
  }
  auto s = Store::Open(dir.Sub("db"), Options());
  EXPECT_EQ(s.status().code(), StatusCode::kVersionMismatch);
  EXPECT_NE(s.status().message().find("999"), std::string::npos);
}

}  // namespace
}  // namespace sextant::storage
