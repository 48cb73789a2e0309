// Database::Check() and `sextant check`: a sound store passes, and each kind of damage the
// crash tests rely on it to find is reported (tampering goes through RocksDB directly).
#include <gtest/gtest.h>

#include "api/database_impl.h"
#include "process.h"
#include "storage/index_order.h"
#include "storage/stats_keys.h"
#include "testutil/test_util.h"
#include "workload.h"

namespace sextant::reliability {
namespace {

using sextant::testing::TempDir;

class CheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(db_, Database::Open(dir_.Sub("db")));
    for (uint64_t n = 1; n <= 12; ++n) ASSERT_OK(CommitTransaction(*db_, n));
    // Removing some quads leaves zero-valued statistics behind, which must still check clean.
    ASSERT_OK(
        db_->Update("DELETE WHERE { GRAPH ?g { <http://sextant.local/tx/3> ?p ?o } }").status());
  }
  storage::Store* store() { return static_cast<DatabaseImpl&>(*db_).store(); }
  std::string FirstKey(rocksdb::ColumnFamilyHandle* cf) {
    std::unique_ptr<rocksdb::Iterator> it(store()->db()->NewIterator({}, cf));
    it->SeekToFirst();
    return it->Valid() ? it->key().ToString() : std::string();
  }
  std::string Problems() {
    auto report = db_->Check();
    if (!report.ok()) return "check failed: " + report.status().ToString();
    std::string all;
    for (const auto& p : report->problems) all += p + "\n";
    return all;
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(CheckTest, SoundStorePasses) {
  ASSERT_OK_AND_ASSIGN(auto report, db_->Check());
  EXPECT_TRUE(report.ok()) << Problems();
  EXPECT_EQ(report.quads, 11u * (kQuadsPerTransaction) + 1);  // 11 transactions + the counter
  EXPECT_GT(report.dictionary_terms, 0u);
}

TEST_F(CheckTest, MissingIndexEntryIsReported) {
  const std::string key = FirstKey(store()->index(storage::IndexOrder::kOSPG));
  ASSERT_TRUE(store()->db()->Delete({}, store()->index(storage::IndexOrder::kOSPG), key).ok());
  EXPECT_NE(Problems().find("index ospg disagrees with spog"), std::string::npos) << Problems();
}

TEST_F(CheckTest, DifferentQuadWithSameCountIsReported) {
  auto* cf = store()->index(storage::IndexOrder::kGPOS);
  std::string key = FirstKey(cf);
  ASSERT_TRUE(store()->db()->Delete({}, cf, key).ok());
  key[31] = static_cast<char>(key[31] ^ 1);  // another subject id, same count
  ASSERT_TRUE(store()->db()->Put({}, cf, key, "").ok());
  EXPECT_NE(Problems().find("gpos disagrees with spog"), std::string::npos) << Problems();
}

TEST_F(CheckTest, WrongStatisticIsReported) {
  const std::string delta = storage::stats_keys::EncodeValue(1);
  ASSERT_TRUE(store()->db()->Merge({}, store()->stats(), storage::stats_keys::Total(), delta).ok());
  EXPECT_NE(Problems().find("statistic 'quads' is"), std::string::npos) << Problems();
}

TEST_F(CheckTest, DictionaryDamageIsReported) {
  const std::string id = FirstKey(store()->id2term());
  ASSERT_TRUE(store()->db()->Delete({}, store()->id2term(), id).ok());
  const std::string problems = Problems();
  EXPECT_NE(problems.find("dictionary's directions disagree"), std::string::npos) << problems;
  EXPECT_NE(problems.find("not in the dictionary"), std::string::npos) << problems;
}

TEST_F(CheckTest, TextIndexDamageIsReported) {
  ASSERT_OK_AND_ASSIGN(auto sound, db_->Check());
  EXPECT_EQ(sound.text_documents, 11u * kQuadsPerTransaction / 2);  // one string literal in two
  // A posting lost, a posting's positions changed, a frequency off by one: each is found.
  auto* postings = store()->text_postings();
  const std::string key = FirstKey(postings);
  std::string value;
  ASSERT_TRUE(store()->db()->Get({}, postings, key, &value).ok());
  ASSERT_TRUE(store()->db()->Delete({}, postings, key).ok());
  EXPECT_NE(Problems().find("text index postings disagree"), std::string::npos) << Problems();
  value.back() = static_cast<char>(value.back() + 1);
  ASSERT_TRUE(store()->db()->Put({}, postings, key, value).ok());
  EXPECT_NE(Problems().find("text index postings disagree"), std::string::npos) << Problems();
  value.back() = static_cast<char>(value.back() - 1);
  ASSERT_TRUE(store()->db()->Put({}, postings, key, value).ok());
  EXPECT_EQ(Problems(), "");
  ASSERT_TRUE(store()
                  ->db()
                  ->Merge({}, store()->text_stats(), "ditem", storage::stats_keys::EncodeValue(1))
                  .ok());
  EXPECT_NE(Problems().find("document frequency of \"item\"' is"), std::string::npos) << Problems();
}

TEST_F(CheckTest, CommandExitsFourOnDamage) {
  TempDir out;
  const std::string path = dir_.Sub("db");
  db_.reset();
  EXPECT_EQ(
      RunProcess({SextantBinary(), "check", path}, out.Sub("ok.out"), out.Sub("ok.err")).exit_code,
      0);
  EXPECT_NE(sextant::testing::ReadFile(out.Sub("ok.out")).find("agree"), std::string::npos);
  {
    ASSERT_OK_AND_ASSIGN(db_, Database::Open(path));
    ASSERT_TRUE(store()
                    ->db()
                    ->Merge({}, store()->stats(), storage::stats_keys::Total(),
                            storage::stats_keys::EncodeValue(-1))
                    .ok());
    db_.reset();
  }
  EXPECT_EQ(RunProcess({SextantBinary(), "check", path}, out.Sub("bad.out"), out.Sub("bad.err"))
                .exit_code,
            4);
  EXPECT_NE(sextant::testing::ReadFile(out.Sub("bad.err")).find("inconsistent"), std::string::npos);
}

}  // namespace
}  // namespace sextant::reliability
