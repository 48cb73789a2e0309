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
#include "storage/range_cache.h"
#include "storage/term_id.h"
#include "storage/text_config.h"

namespace sextant::storage {
class CommitHook;
struct IdStats;
}  // namespace sextant::storage

namespace sextant::storage {

// Bumped whenever the on-disk layout changes. A store of an older version this build can
// upgrade is upgraded when opened for writing; any other version refuses to open
// (docs/FORMAT.md, "Versions"). Version 2 added the text index (a version-1 store gets its column
// families and its index built); version 3 added term kinds (triple terms, literals with a base
// direction), so a version-2 store is already a valid version-3 one.
inline constexpr int kFormatVersion = 3;
// The oldest version this build upgrades.
inline constexpr int kOldestUpgradableVersion = 1;

class Store {
 public:
  // `env` replaces RocksDB's default environment (fault-injection tests); null for the default.
  static Result<std::unique_ptr<Store>> Open(const std::string& path, const Options& options,
                                             rocksdb::Env* env = nullptr);
  // Closes the store if Close() was not called; a failure is printed (a destructor cannot
  // return it), so callers that can report it call Close() first.
  ~Store();
  // Flushes what was written to table files and closes. An error means writes may not be on
  // disk (the write-ahead log, then synced, still has them for the next open). Nothing else
  // may be called afterwards; a second call does nothing.
  Status Close();

  rocksdb::DB* db() const { return db_.get(); }
  rocksdb::ColumnFamilyHandle* index(IndexOrder order) const {
    return cfs_[static_cast<int>(order)];
  }
  rocksdb::ColumnFamilyHandle* id2term() const { return cfs_[kIndexCount]; }
  rocksdb::ColumnFamilyHandle* term2id() const { return cfs_[kIndexCount + 1]; }
  rocksdb::ColumnFamilyHandle* stats() const { return cfs_[kIndexCount + 2]; }
  rocksdb::ColumnFamilyHandle* meta() const { return cfs_[kIndexCount + 3]; }
  rocksdb::ColumnFamilyHandle* text_postings() const { return cfs_[kIndexCount + 4]; }
  rocksdb::ColumnFamilyHandle* text_docs() const { return cfs_[kIndexCount + 5]; }
  rocksdb::ColumnFamilyHandle* text_stats() const { return cfs_[kIndexCount + 6]; }

  // What the text index holds, and whether it is usable (false while a rebuild is pending).
  std::shared_ptr<const TextConfig> text_config() const;
  bool text_index_ready() const { return !text_pending_.load(); }
  // After a committed configuration change or rebuild (writer lock held).
  void set_text_config(TextConfig config);
  void set_text_pending(bool pending) { text_pending_.store(pending); }

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

  // Called by every write transaction's commit, in the order added: a hook sees what the hooks
  // before it added to the batch (the shape enforcer comes after the rules, so it validates
  // the derived facts too). Set up while the store opens, before any transaction.
  void AddCommitHook(CommitHook* hook) { commit_hooks_.push_back(hook); }
  void RemoveCommitHook(CommitHook* hook) { std::erase(commit_hooks_, hook); }
  const std::vector<CommitHook*>& commit_hooks() const { return commit_hooks_; }
  // Id of the graph rules write into (kNoId while the store has no such term): only the rule
  // maintainer may write there.
  TermId derived_graph() const { return derived_graph_.load(); }
  void set_derived_graph(TermId id) { derived_graph_.store(id); }

  // Planner estimates of the current version, shared by concurrent queries.
  EstimateCache& estimates() const { return estimates_; }

  // Decoded index ranges of the current data version, shared by concurrent queries.
  RangeCache& ranges() const { return *ranges_; }

  // Data versions, seqlock style: every write to the indexes holds a DataWrite for its
  // duration, which makes the counter odd while the write is under way and even (and larger)
  // after it. A snapshot taken between two equal even readings saw exactly that version.
  class DataWrite {
   public:
    explicit DataWrite(const Store* store) : store_(store) { store_->data_epoch_.fetch_add(1); }
    ~DataWrite() { store_->data_epoch_.fetch_add(1); }
    DataWrite(const DataWrite&) = delete;
    DataWrite& operator=(const DataWrite&) = delete;

   private:
    const Store* store_;
  };
  uint64_t data_epoch() const { return data_epoch_.load(); }
  // The data version a snapshot taken after reading `epoch_before` sees, or kNoVersion if a
  // write may have landed in between.
  uint64_t VersionSince(uint64_t epoch_before) const {
    return (epoch_before % 2 == 0 && data_epoch_.load() == epoch_before) ? epoch_before
                                                                         : kNoVersion;
  }

  // The statistics a query of data version `version` read, kept for the next query of that
  // version (null: none kept).
  std::shared_ptr<const IdStats> CachedStats(uint64_t version) const;
  void CacheStats(uint64_t version, std::shared_ptr<const IdStats> stats) const;

  // Directory for bulk-load staging files (removed on open).
  std::string StagingDir() const { return path_ + "/bulk-staging"; }

 private:
  Store() = default;
  void RetireIdleLogs();
  // OK for the current version and for older ones this build upgrades (the upgrade written
  // unless read_only); VersionMismatch, saying what to do, for anything else.
  Status CheckFormatVersion(const std::string& version, bool read_only);

  // Syncs the write-ahead log through the write path (which refuses if an earlier write failed).
  Status SyncLog();

  std::string path_;
  bool read_only_ = false;
  bool closed_ = false;
  rocksdb::WriteOptions write_options_;
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> cfs_;
  std::atomic<uint64_t> next_seq_{1};
  std::mutex writer_mutex_;
  std::vector<CommitHook*> commit_hooks_;
  std::atomic<TermId> derived_graph_{kNoId};
  mutable EstimateCache estimates_;
  std::unique_ptr<RangeCache> ranges_;
  mutable std::atomic<uint64_t> data_epoch_{0};
  mutable std::mutex stats_mu_;
  mutable uint64_t stats_version_ = kNoVersion;
  mutable std::shared_ptr<const IdStats> stats_;
  mutable std::mutex text_config_mu_;
  std::shared_ptr<const TextConfig> text_config_ = std::make_shared<TextConfig>();
  std::atomic<bool> text_pending_{false};
};

// Maps a RocksDB status to ours, adding `context` in front of the message.
Status FromRocks(const rocksdb::Status& s, const std::string& context);

}  // namespace sextant::storage
