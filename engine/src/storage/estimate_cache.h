// Planner estimates shared by the queries that read the same version of the store.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <utility>

#include "storage/term_id.h"

namespace sextant::storage {

// Counting a class's instances for the planner (up to a thousand index entries, then a size
// estimate) cost more than running a short query, and every query asked again. The counts only
// change when the store does, so they are kept per version of the store: a snapshot of that
// version reads them, a newer one starts afresh, an older one does not use the cache. The
// version is the RocksDB sequence number together with the store's quad count, because a bulk
// ingest need not advance the sequence number but always changes the count. A stale estimate
// could only make a plan slower, never an answer wrong.
struct StoreVersion {
  uint64_t sequence = 0;
  int64_t quads = 0;
  bool operator==(const StoreVersion& o) const {
    return sequence == o.sequence && quads == o.quads;
  }
};
class EstimateCache {
 public:
  std::optional<double> Find(const StoreVersion& version, TermId p, TermId o) const {
    std::lock_guard<std::mutex> lock(mu_);
    if (!(version == version_)) return std::nullopt;
    const auto it = counts_.find({p, o});
    if (it == counts_.end()) return std::nullopt;
    return it->second;
  }

  void Put(const StoreVersion& version, TermId p, TermId o, double count) {
    std::lock_guard<std::mutex> lock(mu_);
    if (version.sequence < version_.sequence) return;  // an older snapshot's
    if (!(version == version_) || counts_.size() >= kMaxEntries) {
      counts_.clear();
      version_ = version;
    }
    counts_[{p, o}] = count;
  }

 private:
  static constexpr size_t kMaxEntries = 100'000;
  mutable std::mutex mu_;
  StoreVersion version_;
  std::map<std::pair<TermId, TermId>, double> counts_;
};

}  // namespace sextant::storage
