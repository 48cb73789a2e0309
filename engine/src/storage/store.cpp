#include "storage/store.h"

#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/merge_operator.h>
#include <rocksdb/table.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "storage/language_tag_upgrade.h"
#include "storage/stats_keys.h"
#include "storage/text_rebuild.h"

namespace sextant::storage {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMagicKey = "magic";
constexpr std::string_view kMagicValue = "sextant-quad-store";
constexpr std::string_view kVersionKey = "format_version";
// Added by format version 2: a version-1 store lacks them.
constexpr std::array<const char*, 3> kTextColumnFamilies = {"text_postings", "text_docs",
                                                            "text_stats"};

// A version-1 store has no text index, which a read-only open cannot build.
Status VersionOneReadOnly(const std::string& path) {
  return Status::VersionMismatch(
      "store '" + path +
      "' has format version 1 (no text index); open it once for writing to upgrade it to "
      "version " +
      std::to_string(kFormatVersion) + " (for example: sextant text-index " + path + " --rebuild)");
}

// The recorded format version, read through the default column family alone (a read-only
// open may name a subset of the column families).
Result<std::string> ReadFormatVersionAlone(const rocksdb::DBOptions& db_options,
                                           const std::string& path) {
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  descriptors.emplace_back(rocksdb::kDefaultColumnFamilyName, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  auto s = rocksdb::DB::OpenForReadOnly(db_options, path, descriptors, &handles, &raw);
  if (!s.ok()) return FromRocks(s, "cannot open store '" + path + "'");
  std::unique_ptr<rocksdb::DB> db(raw);
  std::string version;
  s = db->Get({}, handles[0], std::string(kVersionKey), &version);
  for (auto* cf : handles) {
    if (cf != db->DefaultColumnFamily()) db->DestroyColumnFamilyHandle(cf);
  }
  if (s.IsNotFound()) {
    return Status::Corruption("'" + path + "' is not a Sextant store (no format version)");
  }
  if (!s.ok()) return FromRocks(s, "cannot read the format version of store '" + path + "'");
  return version;
}

// Adds int64 deltas: statistics are written as deltas so commits never read them first.
class Int64AddOperator : public rocksdb::AssociativeMergeOperator {
 public:
  bool Merge(const rocksdb::Slice& /*key*/, const rocksdb::Slice* existing,
             const rocksdb::Slice& value, std::string* new_value,
             rocksdb::Logger* /*logger*/) const override {
    int64_t sum = existing != nullptr && existing->size() == 8
                      ? stats_keys::DecodeValue(existing->data())
                      : 0;
    if (value.size() == 8) sum += stats_keys::DecodeValue(value.data());
    *new_value = stats_keys::EncodeValue(sum);
    return true;
  }
  const char* Name() const override { return "sextant.int64add"; }
};

std::vector<std::string> ColumnFamilyNames() {
  std::vector<std::string> names;
  for (auto n : kIndexNames) names.emplace_back(n);
  names.insert(names.end(), {"id2term", "term2id", "stats", rocksdb::kDefaultColumnFamilyName});
  names.insert(names.end(), kTextColumnFamilies.begin(), kTextColumnFamilies.end());
  return names;
}

rocksdb::ColumnFamilyOptions CfOptions(const std::shared_ptr<rocksdb::Cache>& cache,
                                       bool index_cf) {
  rocksdb::ColumnFamilyOptions cf;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache;
  table.block_size = index_cf ? 16 * 1024 : 8 * 1024;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  // Bulk loads write one large SST per column family, whose single filter block (1.5 MB for
  // LUBM(10)) is bigger than a block-cache shard: it was evicted as soon as it was used and
  // re-read from disk on every point lookup (DELETE ran at 5,000 quads/s). Partitioned
  // filters and a two-level index keep every cached block small.
  table.partition_filters = true;
  table.index_type = rocksdb::BlockBasedTableOptions::IndexType::kTwoLevelIndexSearch;
  table.metadata_block_size = 4096;
  table.cache_index_and_filter_blocks = true;
  table.cache_index_and_filter_blocks_with_high_priority = true;
  table.pin_top_level_index_and_filter = true;
  table.pin_l0_filter_and_index_blocks_in_cache = true;
  table.format_version = 5;
  cf.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  cf.compression = rocksdb::kLZ4Compression;
  cf.bottommost_compression = rocksdb::kZSTD;
  cf.level_compaction_dynamic_level_bytes = true;
  return cf;
}

}  // namespace

std::shared_ptr<const IdStats> Store::CachedStats(uint64_t version) const {
  std::lock_guard<std::mutex> lock(stats_mu_);
  return version != kNoVersion && version == stats_version_ ? stats_ : nullptr;
}

void Store::CacheStats(uint64_t version, std::shared_ptr<const IdStats> stats) const {
  if (version == kNoVersion) return;
  std::lock_guard<std::mutex> lock(stats_mu_);
  if (stats_version_ != kNoVersion && version < stats_version_) return;
  stats_version_ = version;
  stats_ = std::move(stats);
}

std::shared_ptr<const TextConfig> Store::text_config() const {
  std::lock_guard<std::mutex> lock(text_config_mu_);
  return text_config_;
}

void Store::set_text_config(TextConfig config) {
  auto next = std::make_shared<const TextConfig>(std::move(config));
  std::lock_guard<std::mutex> lock(text_config_mu_);
  text_config_ = std::move(next);
}

Status FromRocks(const rocksdb::Status& s, const std::string& context) {
  if (s.ok()) return Status::OK();
  const std::string msg = context + ": " + s.ToString();
  if (s.IsCorruption()) return Status::Corruption(msg);
  if (s.IsNotFound()) return Status::NotFound(msg);
  if (s.IsInvalidArgument()) return Status::InvalidArgument(msg);
  if (s.IsNotSupported()) return Status::Unsupported(msg);
  if (s.IsBusy() || s.IsTryAgain()) return Status::Busy(msg);
  if (s.IsNoSpace()) return Status::IOError(msg + " (disk full)");
  return Status::IOError(msg);
}

Status Store::SyncLog() {
  rocksdb::WriteBatch nothing;
  rocksdb::WriteOptions synced;
  synced.sync = true;
  return FromRocks(db_->Write(synced, &nothing),
                   "closing store '" + path_ + "': syncing the write-ahead log");
}

Status Store::Close() {
  if (closed_ || !db_) return Status::OK();
  closed_ = true;
  Status result;
  if (!read_only_) {
    // Without this, everything written since the last memtable flush stays only in the WAL and
    // every later open replays it: a 100,000-quad load made each `sextant query` on the store
    // take a second.
    rocksdb::FlushOptions flush;
    flush.allow_write_stall = true;
    result = FromRocks(db_->Flush(flush, cfs_), "closing store '" + path_ + "': flush");
    // The log still holds what the flush failed to write: made durable, it is replayed at the
    // next open. The flush's error is reported either way (a command must not claim success).
    if (!result.ok()) (void)SyncLog();
  }
  for (auto* cf : cfs_) {
    if (cf != nullptr && cf != db_->DefaultColumnFamily()) db_->DestroyColumnFamilyHandle(cf);
  }
  cfs_.clear();
  // Close refuses while a snapshot is alive (the destructor then closes): nothing is lost
  // that way, only an I/O error is.
  const rocksdb::Status closed = db_->Close();
  if (result.ok() && closed.IsIOError()) return FromRocks(closed, "closing store '" + path_ + "'");
  return result;
}

Store::~Store() {
  if (const Status s = Close(); !s.ok()) {
    std::cerr << "sextant: " << s.ToString() << " (writes made before may not be on disk)\n";
  }
}

// RocksDB before 8.3 starts a new write-ahead log at every open and keeps the old empty ones
// until a memtable flush moves every column family's log number past them, so a store opened
// by many short commands (each `sextant query` is one) collected an empty .log file per open,
// and every open read them all. An empty log holds no records, and we hold the store's lock,
// so deleting the old empty ones loses nothing (RocksDB's own fix, 8.3, does the same; safe
// while track_and_verify_wals_in_manifest is off, its default).
void Store::RetireIdleLogs() {
  // Right after an open the log RocksDB writes to is the newest, highest-numbered one.
  std::vector<std::pair<uint64_t, fs::path>> logs;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(path_, ec)) {
    if (entry.path().extension() != ".log") continue;
    const std::string stem = entry.path().stem().string();
    if (stem.empty() || stem.find_first_not_of("0123456789") != std::string::npos) continue;
    logs.emplace_back(std::stoull(stem), entry.path());
  }
  if (logs.size() < 2) return;
  std::sort(logs.begin(), logs.end());
  logs.pop_back();
  for (const auto& [number, file] : logs) {
    // Best effort: a log left behind costs a little at the next open, nothing more.
    if (fs::file_size(file, ec) == 0 && !ec) {
      db_->GetEnv()->DeleteFile(file.string()).PermitUncheckedError();
    }
  }
}

Status Store::CheckFormatVersion(const std::string& version, bool read_only) {
  if (version == std::to_string(kFormatVersion)) return Status::OK();
  int found = 0;
  for (int v = kOldestUpgradableVersion; v < kFormatVersion; ++v) {
    if (version == std::to_string(v)) found = v;
  }
  if (found == 0) {
    const bool newer = !version.empty() && version.size() <= 9 &&
                       version.find_first_not_of("0123456789") == std::string::npos &&
                       std::stoi(version) > kFormatVersion;
    return Status::VersionMismatch(
        "store '" + path_ + "' has format version " + version +
        " but this build of Sextant reads versions " + std::to_string(kOldestUpgradableVersion) +
        " to " + std::to_string(kFormatVersion) +
        (newer ? ": open it with the newer Sextant that wrote it (or dump it there with "
                 "`sextant dump` and load the dump here)"
               : ": dump it with the Sextant that wrote it (`sextant dump`) and load the dump"));
  }
  // Version 1 was upgraded by Open (it needs its text index built); every later older version
  // is a subset of the current one, so upgrading is recording the new version. A read-only
  // open reads the store as it is.
  if (read_only) return Status::OK();
  rocksdb::WriteOptions wo;
  wo.sync = true;
  return FromRocks(db_->Put(wo, meta(), std::string(kVersionKey), std::to_string(kFormatVersion)),
                   "cannot upgrade the store's format version");
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const Options& options,
                                           rocksdb::Env* env) {
  std::error_code ec;
  const bool exists = fs::exists(path, ec);
  bool fresh = false;
  if (!exists) {
    if (!options.create_if_missing || options.read_only) {
      return Status::NotFound("no store at '" + path + "'");
    }
    fs::create_directories(path, ec);
    if (ec) return Status::IOError("cannot create store directory '" + path + "': " + ec.message());
    fresh = true;
  } else if (!fs::is_directory(path, ec)) {
    return Status::InvalidArgument("'" + path + "' is not a directory (a store is a directory)");
  } else if (!fs::exists(fs::path(path) / "CURRENT", ec)) {
    if (!fs::is_empty(path, ec)) {
      return Status::Corruption(
          "'" + path + "' is not a Sextant store (no database files in a non-empty directory)");
    }
    if (options.read_only) return Status::NotFound("no store at '" + path + "' (empty directory)");
    fresh = true;
  } else if (options.error_if_exists) {
    return Status::InvalidArgument("store '" + path + "' already exists");
  }

  auto store = std::unique_ptr<Store>(new Store());
  store->path_ = path;
  store->read_only_ = options.read_only;
  store->write_options_.sync = options.sync;
  store->ranges_ = std::make_unique<RangeCache>(options.range_cache_bytes);

  rocksdb::DBOptions db_options;
  db_options.create_if_missing = fresh;
  db_options.create_missing_column_families = fresh;
  db_options.paranoid_checks = true;
  db_options.max_background_jobs = 2;
  db_options.bytes_per_sync = 1 << 20;
  db_options.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  db_options.keep_log_file_num = 2;
  // Bulk loads write dictionary entries without the WAL. Flushing all column families together
  // keeps term2id, id2term and the id sequence consistent on disk whichever memtable fills
  // first, so a crash can never leave a persisted term whose id a later load hands out again.
  db_options.atomic_flush = true;
  // A torn last WAL record (a crash mid-write) is dropped; damage anywhere else in the WAL
  // fails the open with Corruption instead of silently discarding later commits.
  db_options.wal_recovery_mode = rocksdb::WALRecoveryMode::kTolerateCorruptedTailRecords;
  if (env != nullptr) db_options.env = env;

  bool upgrade = false;  // a version-1 store, without the text index's column families
  if (!fresh) {
    std::vector<std::string> existing;
    const auto s = rocksdb::DB::ListColumnFamilies(db_options, path, &existing);
    if (!s.ok()) return FromRocks(s, "cannot read store '" + path + "'");
    for (const auto& name : ColumnFamilyNames()) {
      if (std::find(existing.begin(), existing.end(), name) != existing.end()) continue;
      if (std::find(kTextColumnFamilies.begin(), kTextColumnFamilies.end(), name) !=
          kTextColumnFamilies.end()) {
        upgrade = true;
        continue;
      }
      return Status::Corruption("'" + path + "' is not a Sextant store (missing column family '" +
                                name + "')");
    }
    if (upgrade) {
      // Missing text column families mean a version-1 store only if the store says so: a
      // damaged MANIFEST can drop a column family of a newer store, and creating it empty
      // would silently lose its text index.
      auto version = ReadFormatVersionAlone(db_options, path);
      if (!version.ok()) return version.status();
      if (*version != "1") {
        return Status::Corruption("store '" + path + "' has format version " + *version +
                                  " but lacks its text index column families (damaged MANIFEST?)");
      }
      if (options.read_only) return VersionOneReadOnly(path);
    }
    db_options.create_missing_column_families = upgrade;
  }

  auto cache = rocksdb::NewLRUCache(options.block_cache_bytes);
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const auto& name : ColumnFamilyNames()) {
    auto cf = CfOptions(cache, name.size() == 4);
    if (name == "stats" || name == "text_stats") {
      cf.merge_operator = std::make_shared<Int64AddOperator>();
    }
    descriptors.emplace_back(name, cf);
  }
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s;
  if (options.read_only) {
    s = rocksdb::DB::OpenForReadOnly(db_options, path, descriptors, &store->cfs_, &raw);
  } else {
    s = rocksdb::DB::Open(db_options, path, descriptors, &store->cfs_, &raw);
  }
  if (!s.ok()) {
    if (s.IsIOError() && s.ToString().find("lock") != std::string::npos) {
      return Status::Locked("store '" + path + "' is open for writing by another process");
    }
    return FromRocks(s, "cannot open store '" + path + "'");
  }
  store->db_.reset(raw);

  auto* meta = store->meta();
  if (fresh) {
    rocksdb::WriteBatch batch;
    batch.Put(meta, std::string(kMagicKey), std::string(kMagicValue));
    batch.Put(meta, std::string(kVersionKey), std::to_string(kFormatVersion));
    rocksdb::WriteOptions wo;
    wo.sync = true;
    SEXTANT_RETURN_IF_ERROR(FromRocks(store->db_->Write(wo, &batch), "cannot initialise store"));
  } else {
    std::string magic, version, seq;
    s = store->db_->Get({}, meta, std::string(kMagicKey), &magic);
    if (s.IsNotFound() || magic != kMagicValue) {
      return Status::Corruption("'" + path + "' is not a Sextant store (no Sextant header)");
    }
    SEXTANT_RETURN_IF_ERROR(FromRocks(s, "cannot read store header"));
    SEXTANT_RETURN_IF_ERROR(FromRocks(store->db_->Get({}, meta, std::string(kVersionKey), &version),
                                      "cannot read store format version"));
    if (version == "1" || version == "2") {
      SEXTANT_RETURN_IF_ERROR(LowerLanguageTagsForUpgrade(store.get(), path, options.read_only));
    }
    if (version == "1") {
      // Version 1 has no text index. Upgraded in place: the index is built below, and a crash
      // before that finishes leaves the pending mark, so the next open builds it again. (Checked
      // on the version, not only on the missing column families, so a crash between creating
      // them and recording the version is upgraded too.)
      if (options.read_only) return VersionOneReadOnly(path);
      rocksdb::WriteBatch batch;
      batch.Put(meta, std::string(kVersionKey), std::to_string(kFormatVersion));
      batch.Put(meta, std::string(TextConfig::kPendingKey), "");
      rocksdb::WriteOptions wo;
      wo.sync = true;
      SEXTANT_RETURN_IF_ERROR(
          FromRocks(store->db_->Write(wo, &batch), "cannot upgrade store '" + path + "'"));
      version = std::to_string(kFormatVersion);
    }
    SEXTANT_RETURN_IF_ERROR(store->CheckFormatVersion(version, options.read_only));
    s = store->db_->Get({}, meta, std::string(kSequenceKey), &seq);
    if (s.ok()) {
      if (seq.size() != 8) {
        return Status::Corruption("store '" + path + "': bad id sequence record");
      }
      store->next_seq_ = GetBigEndian(seq.data());
    } else if (!s.IsNotFound()) {
      return FromRocks(s, "cannot read id sequence");
    }
  }
  SEXTANT_RETURN_IF_ERROR(LoadTextIndexState(store.get()));
  if (!options.read_only) {
    fs::remove_all(store->StagingDir(), ec);
    store->RetireIdleLogs();
    if (!store->text_index_ready()) SEXTANT_RETURN_IF_ERROR(RebuildTextIndex(store.get()));
  }
  return store;
}

}  // namespace sextant::storage
