// The 14 LUBM queries (expanded form: no reasoning needed) return the reference row counts
// on LUBM(1).
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
  const uint64_t expected[14] = {4, 0, 6, 34, 719, 7790, 67, 7790, 208, 4, 224, 15, 1, 5916};
  for (int q = 1; q <= 14; ++q) {
    char name[32];
    std::snprintf(name, sizeof name, "lubmx_q%02d.rq", q);
    const std::string text =
        sextant::testing::ReadFile((lubm / "queries-expanded" / name).string());
    ASSERT_OK_AND_ASSIGN(uint64_t rows, sextant::testing::CountRows(*db, text));
    EXPECT_EQ(rows, expected[q - 1]) << name;
  }
}

}  // namespace
}  // namespace sextant
