// The decoded-range cache on its own: versions, the byte budget, least recently used first out.
#include "storage/range_cache.h"

#include <gtest/gtest.h>

#include <memory>

namespace sextant::storage {
namespace {

std::shared_ptr<const RangeQuads> Range(size_t n, TermId p) {
  auto quads = std::make_shared<RangeQuads>();
  for (size_t i = 0; i < n; ++i) quads->push_back(IdQuad{i + 1, p, 7, 0});
  return quads;
}

RangeKey Key(TermId p) {
  return RangeKey{IndexOrder::kPOSG, 1, p, 0};
}

TEST(RangeCacheTest, ServesOnlyTheVersionItWasFilledFor) {
  RangeCache cache(1 << 20);
  cache.Put(2, Key(5), Range(100, 5));
  auto hit = cache.Find(2, Key(5));
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->size(), 100u);
  EXPECT_EQ((*hit)[99][0], 100u);
  EXPECT_TRUE(cache.Contains(2, Key(5)));
  EXPECT_EQ(cache.Find(2, Key(6)), nullptr);
  EXPECT_EQ(cache.Find(4, Key(5)), nullptr);  // a newer version
  EXPECT_EQ(cache.Find(kNoVersion, Key(5)), nullptr);
  EXPECT_FALSE(cache.Contains(4, Key(5)));
  EXPECT_EQ(cache.hits(), 1u);

  cache.Put(4, Key(6), Range(10, 6));  // a newer version empties the cache
  EXPECT_EQ(cache.Find(2, Key(5)), nullptr);
  EXPECT_NE(cache.Find(4, Key(6)), nullptr);
  cache.Put(2, Key(5), Range(10, 5));  // an older snapshot's range is not kept
  EXPECT_FALSE(cache.Contains(2, Key(5)));
  EXPECT_FALSE(cache.Contains(4, Key(5)));
  cache.Put(kNoVersion, Key(7), Range(10, 7));
  EXPECT_EQ(cache.stores(), 2u);
}

TEST(RangeCacheTest, DemandAddsUpWithinOneVersion) {
  RangeCache cache(1 << 20);
  EXPECT_EQ(cache.AddDemand(2, Key(5), 64), 64u);
  EXPECT_EQ(cache.AddDemand(2, Key(5), 64), 128u);
  EXPECT_EQ(cache.AddDemand(2, Key(6), 32), 32u);
  EXPECT_EQ(cache.AddDemand(kNoVersion, Key(5), 64), 0u);
  EXPECT_EQ(cache.AddDemand(1, Key(5), 64), 0u);   // an older snapshot's seeks do not count
  EXPECT_EQ(cache.AddDemand(4, Key(5), 64), 64u);  // a write starts the count afresh
  EXPECT_EQ(cache.AddDemand(2, Key(5), 64), 0u);
}

TEST(RangeCacheTest, KeysDifferInEverySlot) {
  RangeCache cache(1 << 20);
  const RangeKey a{IndexOrder::kPOSG, 2, 5, 9};
  cache.Put(2, a, Range(3, 5));
  EXPECT_TRUE(cache.Contains(2, a));
  EXPECT_FALSE(cache.Contains(2, RangeKey{IndexOrder::kPOSG, 2, 5, 8}));
  EXPECT_FALSE(cache.Contains(2, RangeKey{IndexOrder::kPOSG, 1, 5, 9}));
  EXPECT_FALSE(cache.Contains(2, RangeKey{IndexOrder::kSPOG, 2, 5, 9}));
  EXPECT_FALSE(cache.Contains(2, RangeKey{IndexOrder::kPOSG, 2, 6, 9}));
}

TEST(RangeCacheTest, EvictsLeastRecentlyUsedWithinBudget) {
  const size_t quad_bytes = sizeof(IdQuad);
  RangeCache cache(300 * quad_bytes);
  EXPECT_EQ(cache.max_quads(), 150u);
  cache.Put(2, Key(1), Range(100, 1));
  cache.Put(2, Key(2), Range(100, 2));
  cache.Put(2, Key(3), Range(100, 3));
  ASSERT_NE(cache.Find(2, Key(1)), nullptr);  // 1 is now the most recently used
  cache.Put(2, Key(4), Range(100, 4));        // evicts 2, the least recently used
  EXPECT_TRUE(cache.Contains(2, Key(1)));
  EXPECT_FALSE(cache.Contains(2, Key(2)));
  EXPECT_TRUE(cache.Contains(2, Key(3)));
  EXPECT_TRUE(cache.Contains(2, Key(4)));
  cache.Put(2, Key(5), Range(301, 5));  // bigger than the whole budget: not kept, nothing evicted
  EXPECT_FALSE(cache.Contains(2, Key(5)));
  EXPECT_TRUE(cache.Contains(2, Key(1)));
  // A range handed out stays valid after its eviction.
  auto held = cache.Find(2, Key(3));
  cache.Put(2, Key(6), Range(300, 6));
  EXPECT_FALSE(cache.Contains(2, Key(3)));
  ASSERT_NE(held, nullptr);
  EXPECT_EQ(held->size(), 100u);
  EXPECT_EQ((*held)[0][1], 3u);
}

}  // namespace
}  // namespace sextant::storage
