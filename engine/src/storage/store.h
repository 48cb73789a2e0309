// The RocksDB instance behind a Database: column families, format check, process lock, the
// term-id sequence and the in-process writer lock.
#pragma once

#include <rocksdb/db.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "sextant/database.h"
#include "sextant/status.h"
#include "storage/estimate_cache.h"
#include "storage/index_order.h"
#include "storage/term_id.h"

namespace sextant::storage {
class CommitHook;
}

namespace sextant::storage {

// Bumped whenever the on-disk layout changes; a store of another version refuses to open.
inline constexpr int kFormatVersion = 1;

class Store {
 public:
  // `env` replaces RocksDB's default environment (fault-injection tests); null for the default.
  static Result<std::unique_ptr<Store>> Open(const std::string& path, const Options& options,
                                             rocksdb::Env* env = nullptr);
  ~Store();

  rocksdb::DB* db() const { return db_.get(); }
  rocksdb::ColumnFamilyHandle* index(IndexOrder order) const { return cfs_[static_cast<int>(order)]; }
  rocksdb::ColumnFamilyHandle* id2term() const { return cfs_[kIndexCount]; }
  rocksdb::ColumnFamilyHandle* term2id() const { return cfs_[kIndexCount + 1]; }
  rocksdb::ColumnFamilyHandle* stats() const { return cfs_[kIndexCount + 2]; }
  rocksdb::ColumnFamilyHandle* meta() const { return cfs_[kIndexCount + 3]; }

  const std::string& path() const { return path_; }
  bool read_only() const { return read_only_; }
  const rocksdb::WriteOptions& write_options() const { return write_options_; }

  // Reserves `n` consecutive dictionary sequence numbers and returns the first. The new high
  // water mark must be written (PutSequence) in the same batch that uses the ids.
  uint64_t ReserveSequence(uint64_t n) { return next_seq_.fetch_add(n); }
  uint64_t next_sequence() const { return next_seq_.load(); }
  static constexpr std::string_view kSequenceKey = "next_seq";

  // The in-process writer lock: one write transaction or load at a time.
  std::mutex& writer_mutex() { return writer_mutex_; }

  // Called by every write transaction's commit (rules); null when nothing listens.
  void set_commit_hook(CommitHook* hook) { commit_hook_ = hook; }
  CommitHook* commit_hook() const { return commit_hook_; }
  // Id of the graph rules write into (kNoId while the store has no such term): only the rule
  // maintainer may write there.
  TermId derived_graph() const { return derived_graph_.load(); }
  void set_derived_graph(TermId id) { derived_graph_.store(id); }

  // Planner estimates of the current version, shared by concurrent queries.
  EstimateCache& estimates() const { return estimates_; }

  // Directory for bulk-load staging files (removed on open).
  std::string StagingDir() const { return path_ + "/bulk-staging"; }

 private:
  Store() = default;
  void RetireIdleLogs();

  std::string path_;
  bool read_only_ = false;
  rocksdb::WriteOptions write_options_;
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> cfs_;
  std::atomic<uint64_t> next_seq_{1};
  std::mutex writer_mutex_;
  CommitHook* commit_hook_ = nullptr;
  std::atomic<TermId> derived_graph_{kNoId};
  mutable EstimateCache estimates_;
};

// Maps a RocksDB status to ours, adding `context` in front of the message.
Status FromRocks(const rocksdb::Status& s, const std::string& context);

}  // namespace sextant::storage
