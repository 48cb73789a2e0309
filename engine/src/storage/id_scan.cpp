#include "storage/id_scan.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace sextant::storage {

IdScan::IdScan(const Store* store, const rocksdb::Snapshot* snapshot, const IdQuad& pattern, ScanPlan plan)
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

void IdScan::Start() {
  it_->Seek(rocksdb::Slice(prefix_, prefix_bytes_));
  Settle();
}

void IdScan::Settle() {
  for (; it_->Valid(); it_->Next()) {
    const rocksdb::Slice key = it_->key();
    if (key.size() != kKeySize || std::memcmp(key.data(), prefix_, prefix_bytes_) != 0) break;
    current_ = DecodeKey(plan_.order, key.data());
    if (plan_.needs_filter || plan_.prefix_len < 4) {
      bool match = true;
      for (int p = 0; p < 4 && match; ++p) {
        if (pattern_[p] != kNoId && pattern_[p] != current_[p]) match = false;
      }
      if (!match) continue;
    }
    valid_ = true;
    return;
  }
  valid_ = false;
}

void IdScan::Next() {
  it_->Next();
  Settle();
}

void IdScan::SeekTo(const IdQuad& at) {
  char key[kKeySize];
  EncodeKey(plan_.order, at, key);
  if (std::memcmp(key, prefix_, prefix_bytes_) < 0) {
    std::memcpy(key, prefix_, prefix_bytes_);
  }
  it_->Seek(rocksdb::Slice(key, kKeySize));
  Settle();
}

Status IdScan::status() const { return FromRocks(it_->status(), "index scan"); }

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
  if (i == 0) end.assign(kKeySize + 1, '\xff');
  else end[i - 1] = static_cast<char>(static_cast<unsigned char>(end[i - 1]) + 1);
  const std::string everything(kKeySize + 1, '\xff');
  const rocksdb::Range ranges[2] = {{rocksdb::Slice(begin, bytes), end}, {rocksdb::Slice(), everything}};
  uint64_t sizes[2] = {0, 0};
  rocksdb::SizeApproximationOptions options;
  options.include_memtables = true;
  options.include_files = true;
  if (!store->db()->GetApproximateSizes(options, store->index(order), ranges, 2, sizes).ok() || sizes[1] == 0) return 0;
  return std::min(1.0, static_cast<double>(sizes[0]) / static_cast<double>(sizes[1]));
}

}  // namespace sextant::storage
