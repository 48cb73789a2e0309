// Power loss at 100+ points of a commit stream (docs/RELIABILITY.md, Durability): a fault
// file system freezes the disk at the N-th file operation, unsynced bytes are cut away, and
// the reopened store must hold every acknowledged commit (sync on) or a prefix of them
// (sync off), never a state with holes, and must pass Check().
#include <gtest/gtest.h>

#include <algorithm>

#include "api/database_impl.h"
#include "fault_fs.h"
#include "testutil/test_util.h"
#include "workload.h"

namespace sextant::reliability {
namespace {

using sextant::testing::TempDir;

constexpr uint64_t kTransactions = 60;

// Flushing mid-stream puts SST, MANIFEST and WAL-switch operations among the crash points.
Status FlushAll(Database& db) {
  auto* store = static_cast<DatabaseImpl&>(db).store();
  rocksdb::FlushOptions fo;
  return storage::FromRocks(
      store->db()->Flush(
          fo, std::vector<rocksdb::ColumnFamilyHandle*>{store->index(storage::IndexOrder::kSPOG)}),
      "flush");
}

struct RunOutcome {
  uint64_t acknowledged = 0;
  uint64_t attempted = 0;
};

// Runs the commit stream with a crash armed at operation `crash_at` (0: never).
RunOutcome RunStream(Database& db, FaultFs& fs, uint64_t crash_at) {
  RunOutcome out;
  if (crash_at > 0) fs.Arm(FaultMode::kCrash, crash_at);
  for (uint64_t n = 1; n <= kTransactions; ++n) {
    out.attempted = n;
    const Status s = CommitTransaction(db, n);
    if (fs.crashed()) break;
    EXPECT_TRUE(s.ok()) << s.ToString();
    if (!s.ok()) break;
    out.acknowledged = n;
    if (n % 20 == 0) {
      (void)FlushAll(db);
      if (fs.crashed()) break;
    }
  }
  return out;
}

class PowerLossTest : public ::testing::TestWithParam<bool> {};

TEST_P(PowerLossTest, EveryCrashPointRecoversToAConsistentPrefix) {
  const bool sync = GetParam();
  Options options;
  options.sync = sync;

  // A dry run counts the file operations the stream performs, so crash points cover all of it.
  uint64_t total_ops = 0;
  {
    TempDir dir;
    FaultFs fs;
    ASSERT_OK_AND_ASSIGN(auto db, OpenDatabase(dir.Sub("db"), options, fs.env()));
    const uint64_t before = fs.operations();
    const auto outcome = RunStream(*db, fs, 0);
    ASSERT_EQ(outcome.acknowledged, kTransactions);
    total_ops = fs.operations() - before;
  }
  ASSERT_GT(total_ops, 60u);
  const uint64_t points = std::min<uint64_t>(total_ops, 120);

  uint64_t survived_total = 0;
  for (uint64_t i = 0; i < points; ++i) {
    const uint64_t crash_at = 1 + i * total_ops / points;
    TempDir dir;
    FaultFs fs;
    RunOutcome outcome;
    {
      ASSERT_OK_AND_ASSIGN(auto db, OpenDatabase(dir.Sub("db"), options, fs.env()));
      outcome = RunStream(*db, fs, crash_at);
      ASSERT_TRUE(fs.crashed()) << "crash point " << crash_at << " of " << total_ops
                                << " was never reached";
    }  // closing after the crash writes nothing: the disk is frozen
    fs.DropUnsyncedData();

    auto reopened = Database::Open(dir.Sub("db"));
    ASSERT_TRUE(reopened.ok()) << "crash point " << crash_at << ": "
                               << reopened.status().ToString();
    const auto state = InspectWorkload(**reopened, kTransactions + 1);
    for (const auto& p : state.problems) ADD_FAILURE() << "crash point " << crash_at << ": " << p;
    if (sync) {
      EXPECT_GE(state.complete, outcome.acknowledged)
          << "crash point " << crash_at << ": an acknowledged commit was lost";
    }
    EXPECT_LE(state.complete, outcome.attempted) << "crash point " << crash_at;
    ASSERT_OK_AND_ASSIGN(auto report, (*reopened)->Check());
    EXPECT_TRUE(report.ok()) << "crash point " << crash_at << ": "
                             << (report.problems.empty() ? "" : report.problems[0]);
    survived_total += state.complete;
  }
  // With sync on, most crash points come after many acknowledged commits; a store that lost
  // everything each time would still be "a prefix", so make sure the test saw real survivors.
  if (sync) {
    EXPECT_GT(survived_total, points * kTransactions / 4);
  }
  std::printf("%s: %llu crash points over %llu file operations, %llu commits survived in total\n",
              sync ? "sync" : "no sync", static_cast<unsigned long long>(points),
              static_cast<unsigned long long>(total_ops),
              static_cast<unsigned long long>(survived_total));
}

INSTANTIATE_TEST_SUITE_P(SyncModes, PowerLossTest, ::testing::Values(true, false),
                         [](const auto& info) { return info.param ? "SyncOn" : "SyncOff"; });

}  // namespace
}  // namespace sextant::reliability
