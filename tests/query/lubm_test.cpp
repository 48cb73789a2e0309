// The 14 LUBM queries (expanded form: no reasoning needed) return the reference row counts
// on LUBM(1), with the plans recorded in tests/query/lubm_plans.txt.
#include <gtest/gtest.h>

#include "sextant/database.h"
#include "testutil/row_count.h"
#include "testutil/test_util.h"

namespace sextant {
namespace {

TEST(LubmTest, ReferenceRowCountsOnLubm1) {
  SEXTANT_REQUIRE_SHARED(shared);
  const auto lubm = shared / "bench" / "lubm";
  if (!std::filesystem::exists(lubm / "lubm1.nt.gz"))
    GTEST_SKIP() << "LUBM data not found under " << lubm;
  sextant::testing::TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto db, Database::Open(dir.Sub("db")));
  ASSERT_OK_AND_ASSIGN(LoadStats stats, db->LoadFile((lubm / "lubm1.nt.gz").string(), {}));
  ASSERT_EQ(stats.quads_inserted, 99565u);
  // Reopened, the store has all its data in files, so the planner's size estimates (from
  // RocksDB's approximate sizes) no longer depend on how far background flushes had got.
  db.reset();
  ASSERT_OK_AND_ASSIGN(db, Database::Open(dir.Sub("db")));
  const auto query_text = [&](int q) {
    char name[32];
    std::snprintf(name, sizeof name, "lubmx_q%02d.rq", q);
    return sextant::testing::ReadFile((lubm / "queries-expanded" / name).string());
  };
  // Plans first: running queries fills the range cache, and cached ranges change plans. A
  // refactoring of the planner must leave every plan byte for byte as it was; a change meant to
  // alter plans rewrites the recording (SEXTANT_RECORD=1) and shows the difference in review.
  std::string plans;
  for (int q = 1; q <= 14; ++q) {
    ASSERT_OK_AND_ASSIGN(auto cursor, db->Query(query_text(q)));
    plans += "## Q" + std::to_string(q) + "\n" + cursor->Explain(false);
  }
  sextant::testing::ExpectMatchesRecording("tests/query/lubm_plans.txt", plans);
  const uint64_t expected[14] = {4, 0, 6, 34, 719, 7790, 67, 7790, 208, 4, 224, 15, 1, 5916};
  for (int q = 1; q <= 14; ++q) {
    ASSERT_OK_AND_ASSIGN(uint64_t rows, sextant::testing::CountRows(*db, query_text(q)));
    EXPECT_EQ(rows, expected[q - 1]) << "Q" << q;
  }
}

}  // namespace
}  // namespace sextant
