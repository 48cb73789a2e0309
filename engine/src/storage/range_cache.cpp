#include "storage/range_cache.h"

namespace sextant::storage {

std::shared_ptr<const RangeQuads> RangeCache::Find(uint64_t version, const RangeKey& key) {
  if (version == kNoVersion) return nullptr;
  std::lock_guard<std::mutex> lock(mu_);
  if (version != version_) return nullptr;
  const auto it = entries_.find(key);
  if (it == entries_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second.lru);
  ++hits_;
  return it->second.quads;
}

bool RangeCache::Contains(uint64_t version, const RangeKey& key) const {
  if (version == kNoVersion) return false;
  std::lock_guard<std::mutex> lock(mu_);
  return version == version_ && entries_.count(key) != 0;
}

void RangeCache::Put(uint64_t version, const RangeKey& key,
                     std::shared_ptr<const RangeQuads> quads) {
  const size_t bytes = quads->size() * sizeof(IdQuad);
  if (version == kNoVersion || bytes > budget_) return;
  std::lock_guard<std::mutex> lock(mu_);
  // Versions only grow: a snapshot older than the cached version keeps to RocksDB.
  if (version_ != kNoVersion && version < version_) return;
  if (version != version_) {
    ClearLocked();
    version_ = version;
  }
  if (entries_.count(key) != 0) return;  // a concurrent query stored it first
  while (bytes_ + bytes > budget_ && !lru_.empty()) {
    const auto victim = entries_.find(lru_.back());
    bytes_ -= victim->second.quads->size() * sizeof(IdQuad);
    entries_.erase(victim);
    lru_.pop_back();
  }
  lru_.push_front(key);
  entries_.emplace(key, Entry{std::move(quads), lru_.begin()});
  bytes_ += bytes;
  ++stores_;
}

uint64_t RangeCache::AddDemand(uint64_t version, const RangeKey& key, uint64_t seeks) {
  if (version == kNoVersion) return 0;
  std::lock_guard<std::mutex> lock(mu_);
  if (version_ != kNoVersion && version < version_) return 0;
  if (version != version_) {
    ClearLocked();
    version_ = version;
  }
  constexpr size_t kMaxKeys = 100'000;
  if (demand_.size() >= kMaxKeys) demand_.clear();
  return demand_[key] += seeks;
}

void RangeCache::ClearLocked() {
  demand_.clear();
  entries_.clear();
  lru_.clear();
  bytes_ = 0;
}

uint64_t RangeCache::hits() const {
  std::lock_guard<std::mutex> lock(mu_);
  return hits_;
}

uint64_t RangeCache::stores() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stores_;
}

}  // namespace sextant::storage
