#include "storage/index_order.h"

#include <gtest/gtest.h>

namespace sextant::storage {
namespace {

TEST(IndexOrderTest, KeysRoundTripAndSortBigEndian) {
  const IdQuad q{1, 2, 3, 4};
  for (int i = 0; i < kIndexCount; ++i) {
    char key[kKeySize];
    EncodeKey(static_cast<IndexOrder>(i), q, key);
    EXPECT_EQ(DecodeKey(static_cast<IndexOrder>(i), key), q);
  }
  char a[kKeySize], b[kKeySize];
  EncodeKey(IndexOrder::kSPOG, {1, 0x100, 0, 0}, a);
  EncodeKey(IndexOrder::kSPOG, {2, 0, 0, 0}, b);
  EXPECT_LT(std::string(a, kKeySize), std::string(b, kKeySize));
}

// Every combination of bound positions is served by a prefix of some index.
TEST(IndexOrderTest, EveryPatternHasAPrefixScan) {
  for (int mask = 0; mask < 16; ++mask) {
    for (TermId g : {TermId{7}, kDefaultGraphId}) {
      IdQuad p{kNoId, kNoId, kNoId, kNoId};
      for (int i = 0; i < 4; ++i) {
        if ((mask & (1 << i)) != 0) p[i] = i == kG ? g : 10 + i;
      }
      const ScanPlan plan = ChooseIndex(p);
      const auto& pos = kOrderPositions[static_cast<int>(plan.order)];
      int bound_in_prefix = 0;
      for (int k = 0; k < plan.prefix_len; ++k) {
        ASSERT_NE(p[pos[k]], kNoId) << "mask " << mask;
        ++bound_in_prefix;
      }
      int bound = 0;
      for (int i = 0; i < 4; ++i) bound += p[i] != kNoId;
      if (g != kDefaultGraphId || (mask & 8) == 0) {
        EXPECT_EQ(bound_in_prefix, bound) << "mask " << mask;
      } else {
        // The default graph is filtered unless the triple is fully bound.
        EXPECT_GE(bound_in_prefix, bound - 1) << "mask " << mask;
      }
      if ((mask & 8) != 0 && g != kDefaultGraphId) {
        EXPECT_TRUE(IsGraphFirst(plan.order));
      }
    }
  }
}

}  // namespace
}  // namespace sextant::storage
