#include "storage/id_scan.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace sextant::storage {

IdScan::IdScan(const Store* store, const rocksdb::Snapshot* snapshot, const IdQuad& pattern,
               ScanPlan plan)
    : pattern_(pattern), plan_(plan) {
  EncodeKey(plan.order, pattern, prefix_);
  prefix_bytes_ = static_cast<size_t>(plan.prefix_len) * 8;
  // Upper bound = prefix + 1 as a big-endian number, so RocksDB stops at the range's end.
  upper_.assign(prefix_, prefix_bytes_);
  int i = static_cast<int>(prefix_bytes_) - 1;
  for (; i >= 0; --i) {
    if (static_cast<unsigned char>(upper_[i]) != 0xff) {
      upper_[i] = static_cast<char>(static_cast<unsigned char>(upper_[i]) + 1);
      upper_.resize(i + 1);
      break;
    }
  }
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot;
  upper_slice_ = rocksdb::Slice(upper_);
  if (i >= 0) ro.iterate_upper_bound = &upper_slice_;
  ro.readahead_size = prefix_bytes_ <= 8 ? 2 << 20 : 0;
  owned_.reset(store->db()->NewIterator(ro, store->index(plan.order)));
  it_ = owned_.get();
  Start();
}

IdScan::IdScan(std::unique_ptr<rocksdb::Iterator> it, const IdQuad& pattern, ScanPlan plan)
    : owned_(std::move(it)), it_(owned_.get()), pattern_(pattern), plan_(plan) {
  EncodeKey(plan.order, pattern, prefix_);
  prefix_bytes_ = static_cast<size_t>(plan.prefix_len) * 8;
  Start();
}

IdScan::IdScan(rocksdb::Iterator* borrowed, const IdQuad& pattern, ScanPlan plan)
    : it_(borrowed), pattern_(pattern), plan_(plan) {
  EncodeKey(plan.order, pattern, prefix_);
  prefix_bytes_ = static_cast<size_t>(plan.prefix_len) * 8;
  Start();
}

IdScan::IdScan(rocksdb::Iterator* borrowed, const IdQuad& pattern, ScanPlan plan,
               Recording* recording)
    : it_(borrowed), pattern_(pattern), plan_(plan), recording_(recording) {
  EncodeKey(plan.order, pattern, prefix_);
  prefix_bytes_ = static_cast<size_t>(plan.prefix_len) * 8;
  Start();
}

namespace {

// Orders quads by their first `n` key slots in `order`.
struct KeyPrefixLess {
  const std::array<uint8_t, 4>& pos;
  int n;
  int Compare(const IdQuad& a, const IdQuad& b) const {
    for (int i = 0; i < n; ++i) {
      if (a[pos[i]] != b[pos[i]]) return a[pos[i]] < b[pos[i]] ? -1 : 1;
    }
    return 0;
  }
};

}  // namespace

IdScan::IdScan(std::shared_ptr<const RangeQuads> range, const IdQuad& pattern, ScanPlan plan)
    : pattern_(pattern), plan_(plan), range_(std::move(range)) {
  EncodeKey(plan.order, pattern, prefix_);
  prefix_bytes_ = static_cast<size_t>(plan.prefix_len) * 8;
  const KeyPrefixLess cmp{kOrderPositions[static_cast<int>(plan.order)], plan.prefix_len};
  const auto first = std::partition_point(
      range_->begin(), range_->end(), [&](const IdQuad& q) { return cmp.Compare(q, pattern) < 0; });
  const auto last = std::partition_point(
      first, range_->end(), [&](const IdQuad& q) { return cmp.Compare(q, pattern) == 0; });
  range_begin_ = range_pos_ = static_cast<size_t>(first - range_->begin());
  range_end_ = static_cast<size_t>(last - range_->begin());
  SettleInRange();
}

void IdScan::Start() {
  it_->Seek(rocksdb::Slice(prefix_, prefix_bytes_));
  Settle();
}

bool IdScan::Matches(const IdQuad& q) const {
  if (plan_.needs_filter || plan_.prefix_len < 4) {
    for (int p = 0; p < 4; ++p) {
      if (pattern_[p] != kNoId && pattern_[p] != q[p]) return false;
    }
  }
  return true;
}

void IdScan::Settle() {
  for (; it_->Valid(); it_->Next()) {
    const rocksdb::Slice key = it_->key();
    if (key.size() != kKeySize || std::memcmp(key.data(), prefix_, prefix_bytes_) != 0) break;
    current_ = DecodeKey(plan_.order, key.data());
    if (recording_ != nullptr && recording_->complete) {
      if (recording_->sink->size() < recording_->limit) {
        recording_->sink->push_back(current_);
      } else {
        recording_->complete = false;
      }
    }
    if (!Matches(current_)) continue;
    valid_ = true;
    return;
  }
  if (recording_ != nullptr && !it_->status().ok()) recording_->complete = false;
  valid_ = false;
}

void IdScan::SettleInRange() {
  const RangeQuads& quads = *range_;
  for (; range_pos_ < range_end_; ++range_pos_) {
    if (Matches(quads[range_pos_])) {
      current_ = quads[range_pos_];
      valid_ = true;
      return;
    }
  }
  valid_ = false;
}

void IdScan::Next() {
  if (range_) {
    ++range_pos_;
    SettleInRange();
    return;
  }
  it_->Next();
  Settle();
}

void IdScan::SeekTo(const IdQuad& at) {
  char key[kKeySize];
  EncodeKey(plan_.order, at, key);
  if (std::memcmp(key, prefix_, prefix_bytes_) < 0) {
    std::memcpy(key, prefix_, prefix_bytes_);
  }
  if (range_) {
    // The range is in key order: find the first quad whose key is not below `key`.
    const KeyPrefixLess cmp{kOrderPositions[static_cast<int>(plan_.order)], 4};
    const IdQuad target = DecodeKey(plan_.order, key);
    const auto begin = range_->begin() + static_cast<long>(range_begin_);
    const auto end = range_->begin() + static_cast<long>(range_end_);
    const auto first = std::partition_point(
        begin, end, [&](const IdQuad& q) { return cmp.Compare(q, target) < 0; });
    range_pos_ = static_cast<size_t>(first - range_->begin());
    SettleInRange();
    return;
  }
  if (recording_ != nullptr) recording_->complete = false;
  it_->Seek(rocksdb::Slice(key, kKeySize));
  Settle();
}

Status IdScan::status() const {
  if (range_) return Status::OK();
  return FromRocks(it_->status(), "index scan");
}

bool PrefixExists(rocksdb::Iterator* it, IndexOrder order, const IdQuad& q, int n) {
  char key[kKeySize];
  EncodeKey(order, q, key);
  const size_t bytes = static_cast<size_t>(n) * 8;
  it->Seek(rocksdb::Slice(key, bytes));
  return it->Valid() && it->key().size() >= bytes && std::memcmp(it->key().data(), key, bytes) == 0;
}

double ApproximateShare(const Store* store, IndexOrder order, const IdQuad& q, int n) {
  char begin[kKeySize];
  EncodeKey(order, q, begin);
  const size_t bytes = static_cast<size_t>(n) * 8;
  std::string end(begin, bytes);
  // The first key after the prefix: increment it as a big-endian number.
  size_t i = bytes;
  while (i > 0 && static_cast<unsigned char>(end[i - 1]) == 0xff) end[--i] = '\0';
  if (i == 0) {
    end.assign(kKeySize + 1, '\xff');
  } else {
    end[i - 1] = static_cast<char>(static_cast<unsigned char>(end[i - 1]) + 1);
  }
  const std::string everything(kKeySize + 1, '\xff');
  const rocksdb::Range ranges[2] = {{rocksdb::Slice(begin, bytes), end},
                                    {rocksdb::Slice(), everything}};
  uint64_t sizes[2] = {0, 0};
  rocksdb::SizeApproximationOptions options;
  options.include_memtables = true;
  options.include_files = true;
  if (!store->db()->GetApproximateSizes(options, store->index(order), ranges, 2, sizes).ok() ||
      sizes[1] == 0) {
    return 0;
  }
  return std::min(1.0, static_cast<double>(sizes[0]) / static_cast<double>(sizes[1]));
}

}  // namespace sextant::storage
