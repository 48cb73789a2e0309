// Id-level scan of one index for a quad pattern: a prefix range of the index plus a filter on
// the bound positions the prefix does not cover. The query engine builds on this.
#pragma once

#include <rocksdb/db.h>

#include <memory>
#include <string>
#include <vector>

#include "sextant/status.h"
#include "storage/index_order.h"
#include "storage/range_cache.h"
#include "storage/store.h"

namespace sextant::storage {

class IdScan {
 public:
  // pattern: kNoId for unbound positions. plan from ChooseIndex(pattern) or any order whose
  // leading slots are bound in the pattern (for order-preserving scans).
  IdScan(const Store* store, const rocksdb::Snapshot* snapshot, const IdQuad& pattern,
         ScanPlan plan);
  // Scans an iterator the caller made (e.g. one that merges a transaction's pending writes).
  IdScan(std::unique_ptr<rocksdb::Iterator> it, const IdQuad& pattern, ScanPlan plan);
  // Scans with an iterator the caller keeps and reuses across scans (creating a RocksDB
  // iterator costs far more than a Seek, and index joins start one scan per input row).
  IdScan(rocksdb::Iterator* borrowed, const IdQuad& pattern, ScanPlan plan);

  // Appends every entry of the range the scan passes over (matching the pattern or not) to
  // `sink`, up to `limit` entries, so a complete range can go into the RangeCache.
  struct Recording {
    std::vector<IdQuad>* sink = nullptr;
    size_t limit = 0;
    bool complete = true;  // false once the limit, a SeekTo or an error cut the record short
  };
  IdScan(rocksdb::Iterator* borrowed, const IdQuad& pattern, ScanPlan plan, Recording* recording);
  // Scans a range the RangeCache holds, in `plan`'s order: its quads with `plan`'s prefix of
  // `pattern`. The range may be wider than that prefix (a predicate's range serving one
  // predicate and object): binary search then finds the part the prefix covers.
  IdScan(std::shared_ptr<const RangeQuads> range, const IdQuad& pattern, ScanPlan plan);

  bool Valid() const { return valid_; }
  void Next();
  // Positions at the first quad whose key in this index order is >= the given one
  // (quad positions, unbound = 0). Only keys inside the scan's prefix are returned.
  void SeekTo(const IdQuad& at);
  const IdQuad& quad() const { return current_; }
  IndexOrder order() const { return plan_.order; }
  Status status() const;

 private:
  void Start();
  void Settle();  // skips filtered keys, sets valid_
  void SettleInRange();
  bool Matches(const IdQuad& q) const;

  std::unique_ptr<rocksdb::Iterator> owned_;
  rocksdb::Iterator* it_ = nullptr;
  IdQuad pattern_;
  ScanPlan plan_;
  char prefix_[kKeySize] = {};
  size_t prefix_bytes_;
  std::string upper_;
  rocksdb::Slice upper_slice_;  // iterate_upper_bound points here
  IdQuad current_{};
  bool valid_ = false;
  Recording* recording_ = nullptr;
  std::shared_ptr<const RangeQuads> range_;  // set: the scan reads this instead of RocksDB
  size_t range_begin_ = 0;                   // the part of range_ the scan's prefix covers
  size_t range_pos_ = 0;
  size_t range_end_ = 0;
};

// The approximate fraction (0..1) of `order`'s index taken by keys starting with the first `n`
// slots of `q`, from RocksDB's size estimates (no scan; memtables included).
double ApproximateShare(const Store* store, IndexOrder order, const IdQuad& q, int n);

// True if a key exists in `cf` starting with the first `n` slots of `q` in `order`.
bool PrefixExists(rocksdb::Iterator* it, IndexOrder order, const IdQuad& q, int n);

}  // namespace sextant::storage
