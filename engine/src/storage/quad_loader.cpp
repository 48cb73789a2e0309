#include "storage/quad_loader.h"

#include <rocksdb/sst_file_writer.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "storage/dictionary.h"
#include "storage/id_scan.h"
#include "storage/stats_keys.h"
#include "storage/write_txn.h"

namespace sextant::storage {
namespace {

namespace fs = std::filesystem;

// Loads up to this many distinct quads go through one WriteBatch; larger ones through SSTs.
constexpr size_t kBatchPathLimit = 200000;
// Dictionary entries are written in batches of about this size.
constexpr size_t kDictionaryBatchBytes = 8 << 20;

using Run = std::vector<IdQuad>;

bool LessInOrder(IndexOrder order, const IdQuad& a, const IdQuad& b) {
  for (uint8_t pos : kOrderPositions[static_cast<int>(order)]) {
    if (a[pos] != b[pos]) return a[pos] < b[pos];
  }
  return false;
}

void SortRun(IndexOrder order, Run* run) {
  std::sort(run->begin(), run->end(), [order](const IdQuad& a, const IdQuad& b) { return LessInOrder(order, a, b); });
}

// A sorted sequence of quads: an in-memory run or a run spilled to a file.
class RunSource {
 public:
  explicit RunSource(const Run* run) : run_(run) {}
  explicit RunSource(const std::string& path) : file_(std::fopen(path.c_str(), "rb")) { buffer_.resize(4096); }
  ~RunSource() {
    if (file_ != nullptr) std::fclose(file_);
  }
  RunSource(const RunSource&) = delete;
  RunSource& operator=(const RunSource&) = delete;

  // Next quad or nullptr at the end.
  const IdQuad* Next() {
    if (run_ != nullptr) return pos_ < run_->size() ? &(*run_)[pos_++] : nullptr;
    if (pos_ == filled_) {
      if (file_ == nullptr) return nullptr;
      filled_ = std::fread(buffer_.data(), sizeof(IdQuad), buffer_.size(), file_);
      pos_ = 0;
      if (filled_ == 0) return nullptr;
    }
    return &buffer_[pos_++];
  }

 private:
  const Run* run_ = nullptr;
  std::FILE* file_ = nullptr;
  std::vector<IdQuad> buffer_;
  size_t pos_ = 0;
  size_t filled_ = 0;
};

// Where the final sorted keys of one index go.
class IndexSink {
 public:
  virtual ~IndexSink() = default;
  virtual Status Add(const char* key) = 0;
  virtual Status Finish() = 0;
};

class BatchSink : public IndexSink {
 public:
  BatchSink(rocksdb::WriteBatch* batch, rocksdb::ColumnFamilyHandle* cf) : batch_(batch), cf_(cf) {}
  Status Add(const char* key) override {
    return FromRocks(batch_->Put(cf_, rocksdb::Slice(key, kKeySize), rocksdb::Slice()), "load batch");
  }
  Status Finish() override { return Status::OK(); }

 private:
  rocksdb::WriteBatch* batch_;
  rocksdb::ColumnFamilyHandle* cf_;
};

// Ingested files land in the last level and stay there: compress them as the bottommost
// level would be.
rocksdb::Options WithStrongCompression(rocksdb::Options o) {
  o.compression = o.bottommost_compression;
  return o;
}

class SstSink : public IndexSink {
 public:
  SstSink(Store* store, rocksdb::ColumnFamilyHandle* cf, std::string path)
      : options_(WithStrongCompression(store->db()->GetOptions(cf))),
        writer_(rocksdb::EnvOptions(), options_, cf),
        path_(std::move(path)) {}
  Status Add(const char* key) override {
    if (!opened_) {
      SEXTANT_RETURN_IF_ERROR(FromRocks(writer_.Open(path_), "bulk load: create " + path_));
      opened_ = true;
    }
    return FromRocks(writer_.Put(rocksdb::Slice(key, kKeySize), rocksdb::Slice()), "bulk load: write " + path_);
  }
  Status Finish() override {
    if (!opened_) return Status::OK();
    return FromRocks(writer_.Finish(), "bulk load: finish " + path_);
  }
  bool has_file() const { return opened_; }
  const std::string& path() const { return path_; }

 private:
  rocksdb::Options options_;
  rocksdb::SstFileWriter writer_;
  std::string path_;
  bool opened_ = false;
};

}  // namespace

class QuadLoader::Impl {
 public:
  Impl(Store* store, const LoadOptions& options, std::unique_lock<std::mutex> lock)
      : store_(store), lock_(std::move(lock)), dict_(store, &dict_batch_) {
    const uint64_t budget = std::max<uint64_t>(options.bulk_memory_bytes, 1 << 20);
    // Two runs live at once (one filling, one being sorted), each sorted in place.
    run_limit_ = static_cast<size_t>(budget / (2 * sizeof(IdQuad)));
    current_.reserve(std::min<size_t>(run_limit_, 1 << 16));
    worker_ = std::thread([this] { WorkerLoop(); });
  }

  ~Impl() { Abort(); }

  Status Add(const rdf::QuadView& q) {
    if (!status_.ok()) return status_;
    IdQuad ids;
    const rdf::TermView* views[4] = {&q.subject, &q.predicate, &q.object, &q.graph};
    for (int i = 0; i < 4; ++i) {
      auto id = dict_.GetOrCreate(*views[i]);
      if (!id.ok()) return status_ = id.status();
      ids[i] = *id;
    }
    if (ids[kG] == store_->derived_graph()) {
      return status_ = Status::InvalidArgument("the derived graph <urn:sextant:derived> is maintained by rules; "
                                               "data cannot be loaded into it");
    }
    current_.push_back(ids);
    if (dict_batch_.GetDataSize() >= kDictionaryBatchBytes) SEXTANT_RETURN_IF_ERROR(WriteDictionary(/*wal=*/false));
    if (current_.size() >= run_limit_) return HandOff();
    return Status::OK();
  }

  Result<uint64_t> Finish() {
    SEXTANT_RETURN_IF_ERROR(SettleDictionary());
    SEXTANT_RETURN_IF_ERROR(HandOff());
    StopWorker();
    SEXTANT_RETURN_IF_ERROR(WorkerStatus());
    auto result = WriteIndexes();
    Cleanup();
    if (lock_.owns_lock()) lock_.unlock();
    return result;
  }

  void Abort() {
    StopWorker();
    Cleanup();
    if (lock_.owns_lock()) lock_.unlock();
  }

 private:
  // Large loads write dictionary entries without the WAL (half the bytes, and the WAL would
  // only be replayed into entries nothing refers to yet) and flush them to SST files before
  // any index entry that refers to them is committed.
  Status WriteDictionary(bool wal) {
    if (dict_batch_.Count() == 0) return Status::OK();
    dict_.WriteSequence();
    rocksdb::WriteOptions wo = store_->write_options();
    wo.disableWAL = !wal;
    if (!wal) wo.sync = false;
    SEXTANT_RETURN_IF_ERROR(FromRocks(store_->db()->Write(wo, &dict_batch_), "dictionary write"));
    dict_batch_.Clear();
    dict_.OnBatchCommitted();
    if (!wal) dictionary_unlogged_ = true;
    return Status::OK();
  }

  // Makes every dictionary entry of this load durable before the indexes are written.
  Status SettleDictionary() {
    if (!dictionary_unlogged_) return WriteDictionary(/*wal=*/true);
    SEXTANT_RETURN_IF_ERROR(WriteDictionary(/*wal=*/false));
    rocksdb::FlushOptions fo;
    fo.wait = true;
    return FromRocks(store_->db()->Flush(fo, {store_->term2id(), store_->id2term(), store_->meta()}),
                     "dictionary flush");
  }

  // Gives the filled run to the worker, waiting while it is still busy with the previous one.
  Status HandOff() {
    std::unique_lock<std::mutex> l(mu_);
    cv_.wait(l, [this] { return !incoming_ || !worker_status_.ok(); });
    if (!worker_status_.ok()) return status_ = worker_status_;
    incoming_.emplace(std::move(current_));
    current_ = Run();
    current_.reserve(std::min<size_t>(run_limit_, 1 << 16));
    cv_.notify_all();
    return Status::OK();
  }

  void StopWorker() {
    {
      std::lock_guard<std::mutex> l(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    if (worker_.joinable()) worker_.join();
  }

  Status WorkerStatus() {
    std::lock_guard<std::mutex> l(mu_);
    return worker_status_;
  }

  void WorkerLoop() {
    for (;;) {
      Run run;
      {
        std::unique_lock<std::mutex> l(mu_);
        cv_.wait(l, [this] { return incoming_.has_value() || stop_; });
        if (!incoming_) return;
        run = std::move(*incoming_);
        incoming_.reset();
      }
      cv_.notify_all();
      Status s = SortAndKeep(std::move(run));
      if (!s.ok()) {
        std::lock_guard<std::mutex> l(mu_);
        worker_status_ = s;
        cv_.notify_all();
        return;
      }
    }
  }

  // Sorts a run; the previous run (if any) is spilled to disk so at most two live in memory.
  Status SortAndKeep(Run run) {
    if (run.empty()) return Status::OK();
    SortRun(IndexOrder::kSPOG, &run);
    run.erase(std::unique(run.begin(), run.end()), run.end());
    if (last_run_) SEXTANT_RETURN_IF_ERROR(Spill(*last_run_));
    last_run_ = std::move(run);
    return Status::OK();
  }

  std::string SpillPath(size_t run, IndexOrder order) const {
    return store_->StagingDir() + "/run-" + std::to_string(run) + "-" + std::string(kIndexNames[static_cast<int>(order)]);
  }

  Status Spill(Run& run) {
    std::error_code ec;
    fs::create_directories(store_->StagingDir(), ec);
    const size_t id = spilled_runs_++;
    for (int i = 0; i < kIndexCount; ++i) {
      const auto order = static_cast<IndexOrder>(i);
      if (i > 0) SortRun(order, &run);
      const std::string path = SpillPath(id, order);
      std::FILE* f = std::fopen(path.c_str(), "wb");
      if (f == nullptr) return Status::IOError("bulk load: cannot create " + path);
      bool ok = true;
      for (const auto& q : run) {
        if (IsGraphFirst(order) && q[kG] == kDefaultGraphId) continue;
        ok = ok && std::fwrite(&q, sizeof q, 1, f) == 1;
      }
      ok = std::fclose(f) == 0 && ok;
      if (!ok) return Status::IOError("bulk load: cannot write " + path + " (disk full?)");
    }
    return Status::OK();
  }

  // Merges every run in `order`, de-duplicating, and calls fn for each distinct quad.
  template <typename Fn>
  Status MergeRuns(IndexOrder order, Fn&& fn) {
    std::vector<std::unique_ptr<RunSource>> sources;
    for (size_t r = 0; r < spilled_runs_; ++r) sources.push_back(std::make_unique<RunSource>(SpillPath(r, order)));
    if (last_run_) {
      if (order != IndexOrder::kSPOG) SortRun(order, &*last_run_);
      sources.push_back(std::make_unique<RunSource>(&*last_run_));
    }
    std::vector<const IdQuad*> heads;
    for (auto& s : sources) heads.push_back(s->Next());
    const bool graph_first = IsGraphFirst(order);
    std::optional<IdQuad> prev;
    for (;;) {
      int best = -1;
      for (size_t i = 0; i < heads.size(); ++i) {
        if (heads[i] != nullptr && (best < 0 || LessInOrder(order, *heads[i], *heads[best]))) best = static_cast<int>(i);
      }
      if (best < 0) break;
      const IdQuad q = *heads[best];
      heads[best] = sources[best]->Next();
      if (prev && *prev == q) continue;
      prev = q;
      if (graph_first && q[kG] == kDefaultGraphId) continue;
      SEXTANT_RETURN_IF_ERROR(fn(q));
    }
    return Status::OK();
  }

  Result<uint64_t> WriteIndexes() {
    const size_t distinct_hint = last_run_ ? last_run_->size() : 0;
    const bool use_batch = spilled_runs_ == 0 && distinct_hint <= kBatchPathLimit;
    if (spilled_runs_ == 0 && !last_run_) return uint64_t{0};

    // Existence checks against what is already stored, so statistics stay exact.
    std::unique_ptr<rocksdb::Iterator> existing_spog(store_->db()->NewIterator({}, store_->index(IndexOrder::kSPOG)));
    std::unique_ptr<rocksdb::Iterator> existing_posg(store_->db()->NewIterator({}, store_->index(IndexOrder::kPOSG)));
    existing_spog->SeekToFirst();
    const bool store_empty = !existing_spog->Valid();

    rocksdb::WriteBatch batch;
    if (use_batch) new_quads_.emplace();
    std::vector<std::unique_ptr<SstSink>> ssts;
    std::map<std::string, int64_t> stats;
    uint64_t inserted = 0;
    fs::create_directories(store_->StagingDir());

    for (int i = 0; i < kIndexCount; ++i) {
      const auto order = static_cast<IndexOrder>(i);
      std::unique_ptr<IndexSink> batch_sink;
      IndexSink* sink;
      if (use_batch) {
        batch_sink = std::make_unique<BatchSink>(&batch, store_->index(order));
        sink = batch_sink.get();
      } else {
        ssts.push_back(std::make_unique<SstSink>(store_, store_->index(order), store_->StagingDir() + "/" +
                                                     std::string(kIndexNames[i]) + ".sst"));
        sink = ssts.back().get();
      }
      char key[kKeySize];
      IdQuad group{kNoId, kNoId, kNoId, kNoId};
      Status s = MergeRuns(order, [&](const IdQuad& q) -> Status {
        EncodeKey(order, q, key);
        if (order == IndexOrder::kSPOG) {
          char full[kKeySize];
          std::memcpy(full, key, kKeySize);
          bool exists = false;
          if (!store_empty) {
            existing_spog->Seek(rocksdb::Slice(full, kKeySize));
            exists = existing_spog->Valid() && existing_spog->key() == rocksdb::Slice(full, kKeySize);
          }
          if (!exists) {
            if (new_quads_) new_quads_->push_back(q);
            ++inserted;
            ++stats[stats_keys::Graph(q[kG])];
            ++stats[stats_keys::Predicate(q[kP], 't')];
            if (q[kS] != group[kS] || q[kP] != group[kP]) {
              group = q;
              if (store_empty || !PrefixExists(existing_spog.get(), IndexOrder::kSPOG, q, 2)) {
                ++stats[stats_keys::Predicate(q[kP], 's')];
              }
            }
          }
        } else if (order == IndexOrder::kPOSG && (q[kP] != group[kP] || q[kO] != group[kO])) {
          group = q;
          if (store_empty || !PrefixExists(existing_posg.get(), IndexOrder::kPOSG, q, 2)) {
            ++stats[stats_keys::Predicate(q[kP], 'o')];
          }
        }
        return sink->Add(key);
      });
      if (s.ok()) s = sink->Finish();
      if (!s.ok()) return s;
    }
    if (inserted == 0) return uint64_t{0};
    stats[stats_keys::Total()] = static_cast<int64_t>(inserted);
    existing_spog.reset();
    existing_posg.reset();

    if (use_batch) {
      for (const auto& [k, v] : stats) {
        SEXTANT_RETURN_IF_ERROR(FromRocks(AddStat(&batch, store_, k, v), "statistics"));
      }
      SEXTANT_RETURN_IF_ERROR(FromRocks(store_->db()->Write(store_->write_options(), &batch), "load commit"));
      return inserted;
    }
    // Statistics ride in the same atomic ingestion as the indexes, as merge operands.
    rocksdb::SstFileWriter stats_writer(rocksdb::EnvOptions(), store_->db()->GetOptions(store_->stats()), store_->stats());
    const std::string stats_path = store_->StagingDir() + "/stats.sst";
    SEXTANT_RETURN_IF_ERROR(FromRocks(stats_writer.Open(stats_path), "bulk load: statistics file"));
    for (const auto& [k, v] : stats) {
      SEXTANT_RETURN_IF_ERROR(FromRocks(stats_writer.Merge(k, stats_keys::EncodeValue(v)), "bulk load: statistics"));
    }
    SEXTANT_RETURN_IF_ERROR(FromRocks(stats_writer.Finish(), "bulk load: statistics file"));

    std::vector<rocksdb::IngestExternalFileArg> args;
    auto add_arg = [&](rocksdb::ColumnFamilyHandle* cf, const std::string& path) {
      rocksdb::IngestExternalFileArg arg;
      arg.column_family = cf;
      arg.external_files = {path};
      arg.options.move_files = true;
      arg.options.snapshot_consistency = true;
      args.push_back(std::move(arg));
    };
    for (int i = 0; i < kIndexCount; ++i) {
      if (ssts[i]->has_file()) add_arg(store_->index(static_cast<IndexOrder>(i)), ssts[i]->path());
    }
    add_arg(store_->stats(), stats_path);
    SEXTANT_RETURN_IF_ERROR(FromRocks(store_->db()->IngestExternalFiles(args), "bulk load: ingest"));
    return inserted;
  }

  void Cleanup() {
    last_run_.reset();
    current_.clear();
    std::error_code ec;
    if (spilled_runs_ > 0 || fs::exists(store_->StagingDir(), ec)) fs::remove_all(store_->StagingDir(), ec);
    spilled_runs_ = 0;
  }

  Store* store_;
  std::unique_lock<std::mutex> lock_;
  rocksdb::WriteBatch dict_batch_;
  DictionaryWriter dict_;
  bool dictionary_unlogged_ = false;
  size_t run_limit_;
  Run current_;
  Status status_;

  std::mutex mu_;
  std::condition_variable cv_;
  std::optional<Run> incoming_;
  bool stop_ = false;
  Status worker_status_;
  std::thread worker_;
  // Owned by the worker until it is joined.
  std::optional<Run> last_run_;
  size_t spilled_runs_ = 0;

 public:
  std::optional<std::vector<IdQuad>> new_quads_;
};

Result<std::unique_ptr<QuadLoader>> QuadLoader::Begin(Store* store, const LoadOptions& options) {
  if (store->read_only()) return Status::InvalidArgument("store '" + store->path() + "' is open read-only");
  std::unique_lock<std::mutex> lock(store->writer_mutex(), std::try_to_lock);
  if (!lock.owns_lock()) return Status::Busy("another write transaction is in progress on this store");
  return std::unique_ptr<QuadLoader>(new QuadLoader(std::make_unique<Impl>(store, options, std::move(lock))));
}

QuadLoader::QuadLoader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
QuadLoader::~QuadLoader() = default;
Status QuadLoader::Add(const rdf::QuadView& quad) { return impl_->Add(quad); }
Result<uint64_t> QuadLoader::Finish() { return impl_->Finish(); }
std::vector<IdQuad>* QuadLoader::new_quads() { return impl_->new_quads_ ? &*impl_->new_quads_ : nullptr; }
void QuadLoader::Abort() { impl_->Abort(); }

}  // namespace sextant::storage
