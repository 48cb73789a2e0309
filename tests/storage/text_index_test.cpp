// The text index kept by the storage layer: every commit path (transactions, small and large
// bulk loads, rebuilds) leaves postings, lengths and statistics equal to what analysing the
// literals gives (CheckStore recomputes them), and searches see exactly the committed facts.
#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>

#include "storage/consistency_check.h"
#include "storage/quad_loader.h"
#include "storage/store.h"
#include "storage/text_rebuild.h"
#include "storage/text_search.h"
#include "storage/write_txn.h"
#include "testutil/store_fixture.h"

namespace sextant::storage {
namespace {

rdf::TermView IriView(const std::string& s) {
  return {TermKind::kIri, s, {}, {}};
}
rdf::TermView Text(const std::string& s, const std::string& lang = "") {
  return {TermKind::kLiteral, s, lang.empty() ? vocab::kXsdString : vocab::kRdfLangString, lang};
}

class TextIndexTest : public sextant::testing::StoreFixture {
 protected:
  // Adds (or removes) one fact (s, p, text) in its own transaction.
  void Write(const std::string& s, const std::string& p, const rdf::TermView& o, bool insert,
             const std::string& g = "") {
    const rdf::QuadView q{IriView(s), IriView(p), o, g.empty() ? rdf::TermView{} : IriView(g)};
    ASSERT_OK(WriteQuad(q, insert).status());
  }
  size_t Hits(const std::string& text) {
    text::Analyzer analyzer;
    auto q = text::ParseTextQuery(text, &analyzer);
    EXPECT_OK(q.status());
    auto r = SearchText(*store_, nullptr, *q, 0);
    EXPECT_OK(r.status());
    return r.ok() ? r->hits.size() : 0;
  }
  void ExpectConsistent() { EXPECT_FALSE(ExpectCheckOk().text_index_pending); }
};

TEST_F(TextIndexTest, TransactionsAddAndRemoveDocumentsWithTheirLastFact) {
  Write("a", "label", Text("Polonez missiles", "en"), true);
  Write("b", "label", Text("Polonez missiles", "en"), true);  // same literal, second fact
  EXPECT_EQ(Hits("missile"), 1u);                             // one literal
  Write("a", "label", Text("Polonez missiles", "en"), false);
  EXPECT_EQ(Hits("missile"), 1u);  // still stated by b
  ExpectConsistent();
  Write("b", "label", Text("Polonez missiles", "en"), false);
  EXPECT_EQ(Hits("missile"), 0u);
  EXPECT_EQ(Hits("polonez"), 0u);
  ExpectConsistent();
  // Typed literals are not text.
  Write("c", "code", {TermKind::kLiteral, "polonez", "http://example.org/code", {}}, true);
  EXPECT_EQ(Hits("polonez"), 0u);
  ExpectConsistent();
}

TEST_F(TextIndexTest, RandomChangesKeepStatisticsExact) {
  std::mt19937 rng(7);
  const std::vector<std::string> words = {"alpha", "beta", "gamma", "delta", "missile", "the"};
  for (int i = 0; i < 200; ++i) {
    std::string text;
    for (int w = 0; w < 1 + static_cast<int>(rng() % 5); ++w)
      text += words[rng() % words.size()] + " ";
    const std::string lang = rng() % 2 ? "en" : "";
    Write("s" + std::to_string(rng() % 20), "p" + std::to_string(rng() % 3), Text(text, lang),
          rng() % 3 != 0, rng() % 2 ? "g" : "");
  }
  ExpectConsistent();
  // A rebuild from the quads gives the same index.
  ASSERT_OK_AND_ASSIGN(CheckReport before, CheckStore(*store_));
  ASSERT_OK(RebuildTextIndex(store_.get()));
  ASSERT_OK_AND_ASSIGN(CheckReport after, CheckStore(*store_));
  EXPECT_EQ(before.text_postings, after.text_postings);
  EXPECT_EQ(before.text_documents, after.text_documents);
  ExpectConsistent();
}

TEST_F(TextIndexTest, BulkLoadsIndexThroughBatchAndIngestion) {
  auto load = [&](int from, int to, uint64_t memory) -> Result<uint64_t> {
    LoadOptions options;
    options.bulk_memory_bytes = memory;
    SEXTANT_ASSIGN_OR_RETURN(auto loader, QuadLoader::Begin(store_.get(), options));
    for (int i = from; i < to; ++i) {
      SEXTANT_RETURN_IF_ERROR(loader->Add({IriView("s" + std::to_string(i)),
                                           IriView("p"),
                                           Text("word" + std::to_string(i % 100) + " common"),
                                           {}}));
    }
    return loader->Finish();
  };
  ASSERT_OK(load(0, 500, 64 << 20).status());  // one WriteBatch
  EXPECT_EQ(Hits("word7"), 1u);
  ExpectConsistent();
  // 1 MiB budget: runs spill, everything goes in as ingested files; literals 0..499 overlap
  // with the first load and are indexed once.
  ASSERT_OK(load(0, 40000, 1 << 20).status());
  EXPECT_EQ(Hits("common"), 100u);
  EXPECT_EQ(Hits("word7 common"), 1u);
  ExpectConsistent();
}

TEST_F(TextIndexTest, FrequentWordsAreLookedUpInTheRareOnesLiterals) {
  // "missiles" in all 400 literals, "parades" in 20 of them (half English, half untagged, so
  // each word has two index terms): the AND and the phrase read the rare word's postings and
  // look the frequent one up in those literals, with the scores a full read gives.
  ASSERT_OK_AND_ASSIGN(auto loader, QuadLoader::Begin(store_.get(), LoadOptions{}));
  for (int i = 0; i < 400; ++i) {
    const std::string text = i % 40 == 0    ? "parades missiles item " + std::to_string(i)
                             : i % 40 == 20 ? "missiles parades item " + std::to_string(i)
                                            : "missiles item " + std::to_string(i);
    ASSERT_OK(loader->Add(
        {IriView("s" + std::to_string(i)), IriView("p"), Text(text, i % 2 != 0 ? "en" : ""), {}}));
  }
  ASSERT_OK(loader->Finish().status());
  auto search = [&](const std::string& text) {
    text::Analyzer analyzer;
    auto q = text::ParseTextQuery(text, &analyzer);
    EXPECT_OK(q.status());
    auto r = SearchText(*store_, nullptr, *q, 0);
    EXPECT_OK(r.status());
    return r.ok() ? std::move(*r) : TextSearchResult{};
  };
  const auto frequent = search("missiles");
  const auto rare = search("parades");
  ASSERT_EQ(frequent.hits.size(), 400u);
  ASSERT_EQ(rare.hits.size(), 20u);
  std::map<TermId, double> frequent_score;
  for (const auto& h : frequent.hits) frequent_score[h.literal] = h.score;
  const auto both = search("missiles parades");
  ASSERT_EQ(both.hits.size(), 20u);
  EXPECT_LT(both.postings_read, 100u);  // 20 read, 20 looked up per index term
  for (const auto& h : rare.hits) {
    const auto it = std::find_if(both.hits.begin(), both.hits.end(),
                                 [&](const TextHit& b) { return b.literal == h.literal; });
    ASSERT_NE(it, both.hits.end());
    EXPECT_NEAR(it->score, h.score + frequent_score[h.literal], 1e-9);
  }
  const auto phrase = search("\"parades missiles\"");
  EXPECT_EQ(phrase.hits.size(), 10u);
  EXPECT_LT(phrase.postings_read, 100u);
  EXPECT_EQ(search("\"missiles parades\"").hits.size(), 10u);
  EXPECT_EQ(search("\"item parades\"").hits.size(), 0u);
}

TEST_F(TextIndexTest, ConfigurationLimitsPredicatesAndGraphs) {
  Write("a", "label", Text("kept label"), true);
  Write("a", "comment", Text("dropped comment"), true);
  Write("a", "label", Text("other graph label"), true, "g2");
  ASSERT_OK_AND_ASSIGN(auto txn, WriteTxn::Begin(store_.get()));
  ASSERT_OK_AND_ASSIGN(TermId label, txn->dictionary().Lookup(IriView("label")));
  txn->Rollback();
  TextConfig config;
  config.predicates = {label};
  config.graphs = {kDefaultGraphId};
  ASSERT_OK(RebuildTextIndex(store_.get(), config));
  EXPECT_EQ(Hits("kept"), 1u);
  EXPECT_EQ(Hits("dropped"), 0u);
  EXPECT_EQ(Hits("other"), 0u);
  ExpectConsistent();
  Write("b", "comment", Text("kept label"), true);  // not indexed: the literal stays in once
  Write("a", "label", Text("kept label"), false);   // its last indexed fact goes
  EXPECT_EQ(Hits("kept"), 0u);
  ExpectConsistent();
  Reopen();  // the configuration is stored
  EXPECT_EQ(store_->text_config()->predicates, std::vector<TermId>{label});
  ExpectConsistent();
}

TEST_F(TextIndexTest, InterruptedRebuildIsFinishedByTheNextWritableOpen) {
  Write("a", "label", Text("polonez"), true);
  // What a crash between the rebuild's two commits leaves: the mark, an emptied index.
  ASSERT_TRUE(store_->db()->Put({}, store_->meta(), std::string(TextConfig::kPendingKey), "").ok());
  Reopen(/*read_only=*/true);
  text::Analyzer analyzer;
  auto q = text::ParseTextQuery("polonez", &analyzer);
  auto r = SearchText(*store_, nullptr, *q, 0);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("--rebuild"), std::string::npos) << r.status().message();
  ASSERT_OK_AND_ASSIGN(CheckReport report, CheckStore(*store_));
  EXPECT_TRUE(report.text_index_pending);
  Reopen();
  EXPECT_EQ(Hits("polonez"), 1u);
  ExpectConsistent();
}

// Drops the text index's column families, as a version-1 store lacks them (and as a damaged
// MANIFEST can lose them); `version` is then recorded unless empty.
void DropTextColumnFamilies(const std::string& path, const std::string& version) {
  rocksdb::DBOptions o;
  std::vector<std::string> names;
  ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(o, path, &names).ok());
  std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
  for (const auto& n : names) cfs.emplace_back(n, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  ASSERT_TRUE(rocksdb::DB::Open(o, path, cfs, &handles, &raw).ok());
  std::unique_ptr<rocksdb::DB> db(raw);
  for (auto* h : handles) {
    if (h->GetName().rfind("text_", 0) == 0) {
      ASSERT_TRUE(db->DropColumnFamily(h).ok());
    }
  }
  if (!version.empty()) {
    ASSERT_TRUE(db->Put({}, "format_version", version).ok());
  }
  for (auto* h : handles) ASSERT_TRUE(db->DestroyColumnFamilyHandle(h).ok());
}

// A current store that lost its text column families is damaged, not a version-1 store:
// neither open may take it for one (read-only said "version 1", writable rebuilt nothing).
TEST_F(TextIndexTest, CurrentStoreWithoutTextColumnFamiliesIsCorrupt) {
  Write("a", "label", Text("polonez"), true);
  store_.reset();
  DropTextColumnFamilies(dir_.Sub("db"), "");
  if (HasFatalFailure()) return;
  for (const bool read_only : {true, false}) {
    Options o;
    o.read_only = read_only;
    auto refused = Store::Open(dir_.Sub("db"), o);
    ASSERT_FALSE(refused.ok()) << "read_only=" << read_only;
    EXPECT_EQ(refused.status().code(), StatusCode::kCorruption) << refused.status().message();
    EXPECT_NE(refused.status().message().find("format version " + std::to_string(kFormatVersion)),
              std::string::npos)
        << refused.status().message();
  }
}

TEST_F(TextIndexTest, VersionOneStoreIsUpgradedOnWritableOpen) {
  Write("a", "label", Text("polonez"), true);
  store_.reset();
  DropTextColumnFamilies(dir_.Sub("db"), "1");
  if (HasFatalFailure()) return;
  Options ro;
  ro.read_only = true;
  auto refused = Store::Open(dir_.Sub("db"), ro);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kVersionMismatch);
  EXPECT_NE(refused.status().message().find("open it once for writing"), std::string::npos);
  Reopen();
  EXPECT_EQ(Hits("polonez"), 1u);
  ExpectConsistent();
}

TEST_F(TextIndexTest, DirectionalLiteralsAreDocumentsAndTripleTermsAreNot) {
  const rdf::TermView rtl{TermKind::kLiteral, "Polonez missiles", vocab::kRdfDirLangString, "en",
                          Direction::kRtl};
  Write("a", "label", rtl, true);
  // Views of string literals: IriView and Text view temporaries that end with the statement.
  const rdf::TermView parts[3] = {
      {TermKind::kIri, "b", {}, {}},
      {TermKind::kIri, "said", {}, {}},
      {TermKind::kLiteral, "Iskander rockets", vocab::kRdfLangString, "en"}};
  rdf::TermView triple{TermKind::kTriple, {}, {}, {}};
  triple.parts = parts;
  Write("c", "states", triple, true);
  EXPECT_EQ(Hits("missile"), 1u);
  EXPECT_EQ(Hits("iskander"), 0u);  // inside a triple term: not a document of its own
  ExpectConsistent();
}

// A crash after the text column families were created but before the version was recorded
// leaves them with version 1: the next writable open still upgrades and builds the index.
TEST_F(TextIndexTest, VersionOneWithTextColumnFamiliesIsUpgraded) {
  Write("a", "label", Text("polonez"), true);
  ASSERT_TRUE(store_->db()->Put({}, store_->meta(), "format_version", "1").ok());
  Reopen();
  EXPECT_EQ(Hits("polonez"), 1u);
  ExpectConsistent();
  std::string v;
  ASSERT_TRUE(store_->db()->Get({}, store_->meta(), "format_version", &v).ok());
  EXPECT_EQ(v, std::to_string(kFormatVersion));
}

}  // namespace
}  // namespace sextant::storage
