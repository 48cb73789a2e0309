// Index ranges kept decoded in memory for the queries that read the same version of the store.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "storage/index_order.h"

namespace sextant::storage {

// A version of the store's data, as Store::ReadVersion gives it to a snapshot; kNoVersion when
// a write was under way as the snapshot was taken (such a snapshot does not use the cache).
inline constexpr uint64_t kNoVersion = ~uint64_t{0};

// Which range: an index order and the ids of its leading key slots (at most two).
struct RangeKey {
  IndexOrder order = IndexOrder::kPOSG;
  uint8_t prefix_len = 0;
  TermId first = 0;
  TermId second = 0;
  bool operator==(const RangeKey& o) const {
    return order == o.order && prefix_len == o.prefix_len && first == o.first && second == o.second;
  }
};

// The quads of one range in index order.
using RangeQuads = std::vector<IdQuad>;

// Reading a large range through RocksDB costs about 150 ns per entry (merging iterator, block
// iterator, key decoding); a query that hashes every `ub:takesCourse` triple of LUBM(10) spent
// 40 ms there, every time it ran. Ranges read in full are kept here decoded, at 32 bytes per
// quad, up to a byte budget (least recently used first out), and serve the next query on the
// same version of the store. Any write makes a new version: entries of an older version are
// never returned, so a cached range can never be stale, only missing.
class RangeCache {
 public:
  explicit RangeCache(size_t budget_bytes) : budget_(budget_bytes) {}

  // Ranges smaller than this are cheap to read from RocksDB and are not worth a cache slot.
  static constexpr size_t kMinQuads = 1024;

  // The largest range worth recording: half the budget.
  size_t max_quads() const { return budget_ / 2 / sizeof(IdQuad); }

  std::shared_ptr<const RangeQuads> Find(uint64_t version, const RangeKey& key);
  bool Contains(uint64_t version, const RangeKey& key) const;
  void Put(uint64_t version, const RangeKey& key, std::shared_ptr<const RangeQuads> quads);

  // Seeks that a cached copy of `key`'s range would have saved, summed over the queries of
  // `version`: adds `seeks` and returns the sum. Reading a range costs about as much as a
  // seek per ten entries, so a range is worth reading once its demand times ten reaches its
  // size; a one-off query that seeks a few times into a huge range never pays for reading it.
  uint64_t AddDemand(uint64_t version, const RangeKey& key, uint64_t seeks);

  // Counters for tests and EXPLAIN: lookups that found a range, ranges stored.
  uint64_t hits() const;
  uint64_t stores() const;

 private:
  struct KeyHash {
    size_t operator()(const RangeKey& k) const {
      uint64_t h = k.first * 0x9e3779b97f4a7c15ULL ^ (k.second + 0x632be59bd9b4e019ULL);
      h ^= (static_cast<uint64_t>(k.order) << 8 | k.prefix_len) * 0xff51afd7ed558ccdULL;
      return static_cast<size_t>(h ^ (h >> 29));
    }
  };
  struct Entry {
    std::shared_ptr<const RangeQuads> quads;
    std::list<RangeKey>::iterator lru;
  };
  void ClearLocked();

  const size_t budget_;
  mutable std::mutex mu_;
  uint64_t version_ = kNoVersion;
  size_t bytes_ = 0;
  std::list<RangeKey> lru_;  // most recently used first
  std::unordered_map<RangeKey, Entry, KeyHash> entries_;
  std::unordered_map<RangeKey, uint64_t, KeyHash> demand_;  // of version_
  uint64_t hits_ = 0;
  uint64_t stores_ = 0;
};

}  // namespace sextant::storage
