// I/O errors and a full disk injected at the N-th file operation for N = 1, 2, ...
// (docs/RELIABILITY.md, Atomicity): every call returns a Status (no abort), each transaction and
// load is all or nothing, and the store passes Check() when reopened on a healthy disk.
#include <gtest/gtest.h>

#include "api/database_impl.h"
#include "fault_fs.h"
#include "testutil/test_util.h"
#include "workload.h"

namespace sextant::reliability {
namespace {

using sextant::testing::TempDir;

constexpr uint64_t kTransactions = 24;
constexpr int kLoadQuads = 300;
const char* const kLoadGraph = "http://sextant.local/source/loaded";

std::string LoadText() {
  std::string text;
  for (int i = 0; i < kLoadQuads; ++i) {
    text += "<http://sextant.local/loaded/" + std::to_string(i) +
            "> <http://sextant.local/rank> \"" + std::to_string(i) + "\" .\n";
  }
  return text;
}

struct Outcome {
  uint64_t acknowledged = 0;
  bool load_acknowledged = false;
  bool load_attempted = false;
  int errors = 0;
};

// The stream stops at the first failed commit: a later commit would remove a counter the
// failed one never wrote, which the workload check would rightly call a hole.
Outcome RunStream(Database& db) {
  Outcome out;
  for (uint64_t n = 1; n <= kTransactions; ++n) {
    if (n == kTransactions / 2) {
      LoadOptions lo;
      lo.format = RdfFormat::kNTriples;
      lo.graph = Term::Iri(kLoadGraph);
      out.load_attempted = true;
      auto loaded = db.LoadString(LoadText(), lo);
      if (!loaded.ok()) {
        ++out.errors;
        return out;
      }
      out.load_acknowledged = true;
    }
    const Status s = CommitTransaction(db, n);
    if (!s.ok()) {
      ++out.errors;
      return out;
    }
    out.acknowledged = n;
  }
  // An update request and a flush at the end put SST and MANIFEST writes in range too.
  auto updated = db.Update("INSERT DATA { <http://sextant.local/u> <http://sextant.local/v> 1 }");
  if (!updated.ok()) ++out.errors;
  auto* store = static_cast<DatabaseImpl&>(db).store();
  if (!store->db()->Flush(rocksdb::FlushOptions()).ok()) ++out.errors;
  return out;
}

void ExpectAllOrNothing(FaultMode mode, uint64_t fail_at, const Outcome& outcome,
                        const std::string& path) {
  auto reopened = Database::Open(path);
  ASSERT_TRUE(reopened.ok()) << "fault at op " << fail_at << ": " << reopened.status().ToString();
  const auto state = InspectWorkload(**reopened, kTransactions + 1);
  for (const auto& p : state.problems) ADD_FAILURE() << "fault at op " << fail_at << ": " << p;
  EXPECT_GE(state.complete, outcome.acknowledged)
      << "fault at op " << fail_at << ": acknowledged commit lost";
  // A commit whose WAL write landed but whose sync failed may be recovered: at most one more.
  EXPECT_LE(state.complete, outcome.acknowledged + 1) << "fault at op " << fail_at;
  QuadPattern loaded;
  loaded.graph = Term::Iri(kLoadGraph);
  ASSERT_OK_AND_ASSIGN(uint64_t load_count, (*reopened)->Count(loaded));
  EXPECT_TRUE(load_count == 0 || load_count == kLoadQuads)
      << "fault at op " << fail_at << ": load is half there (" << load_count << ")";
  if (outcome.load_acknowledged) {
    EXPECT_EQ(load_count, kLoadQuads) << "fault at op " << fail_at;
  }
  if (!outcome.load_attempted) {
    EXPECT_EQ(load_count, 0u);
  }
  ASSERT_OK_AND_ASSIGN(auto report, (*reopened)->Check());
  EXPECT_TRUE(report.ok()) << "fault at op " << fail_at << ": "
                           << (report.problems.empty() ? "" : report.problems[0]);
  (void)mode;
}

// ~Store ignored a failed final flush, so the CLI could exit 0 with writes only in an unsynced
// log. Close() reports it, and the log still holds the writes for the next open.
TEST(CloseTest, AFailedCloseIsReportedAndLosesNothing) {
  TempDir dir;
  FaultFs fs;
  {
    ASSERT_OK_AND_ASSIGN(auto db, OpenDatabase(dir.Sub("db"), Options(), fs.env()));
    ASSERT_TRUE(
        db->Update("INSERT DATA { <http://sextant.local/s> <http://sextant.local/p> 1 }").ok());
    fs.Arm(FaultMode::kNoSpace, 1);
    const Status closed = db->Close();
    EXPECT_FALSE(closed.ok());
    EXPECT_NE(closed.ToString().find("closing store"), std::string::npos) << closed.ToString();
  }
  fs.Disarm();
  ASSERT_OK_AND_ASSIGN(auto reopened, Database::Open(dir.Sub("db")));
  ASSERT_OK_AND_ASSIGN(uint64_t count, reopened->Count(QuadPattern{}));
  EXPECT_EQ(count, 1u);
}

class IoErrorTest : public ::testing::TestWithParam<FaultMode> {};

TEST_P(IoErrorTest, EveryFailurePointLeavesAConsistentStore) {
  const FaultMode mode = GetParam();
  uint64_t total_ops = 0;
  {
    TempDir dir;
    FaultFs fs;
    ASSERT_OK_AND_ASSIGN(auto db, OpenDatabase(dir.Sub("db"), Options(), fs.env()));
    const uint64_t before = fs.operations();
    const auto outcome = RunStream(*db);
    ASSERT_EQ(outcome.errors, 0);
    total_ops = fs.operations() - before;
  }
  ASSERT_GT(total_ops, 20u);
  uint64_t runs_with_errors = 0;
  for (uint64_t n = 1; n <= total_ops; ++n) {
    TempDir dir;
    FaultFs fs;
    Outcome outcome;
    {
      ASSERT_OK_AND_ASSIGN(auto db, OpenDatabase(dir.Sub("db"), Options(), fs.env()));
      fs.Arm(mode, n);
      outcome = RunStream(*db);
      ASSERT_TRUE(fs.failed()) << "fault point " << n << " of " << total_ops
                               << " was never reached";
      if (outcome.errors > 0) ++runs_with_errors;
    }
    fs.Disarm();
    ExpectAllOrNothing(mode, n, outcome, dir.Sub("db"));
  }
  // Most injected faults must surface as errors to the caller, not vanish.
  EXPECT_GT(runs_with_errors, total_ops / 2);
  std::printf("%llu fault points, %llu surfaced as errors\n",
              static_cast<unsigned long long>(total_ops),
              static_cast<unsigned long long>(runs_with_errors));
}

INSTANTIATE_TEST_SUITE_P(Faults, IoErrorTest,
                         ::testing::Values(FaultMode::kNoSpace, FaultMode::kIoErrorOnce),
                         [](const auto& info) {
                           return info.param == FaultMode::kNoSpace ? "DiskFull" : "IoErrorOnce";
                         });

}  // namespace
}  // namespace sextant::reliability
