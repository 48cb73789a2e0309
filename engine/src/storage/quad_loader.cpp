#include "storage/quad_loader.h"

#include <rocksdb/sst_file_writer.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include "storage/background_job.h"
#include "storage/dictionary.h"
#include "storage/dictionary_ingest.h"
#include "storage/id_scan.h"
#include "storage/quad_block_worker.h"
#include "storage/stats_keys.h"
#include "storage/text_builder.h"
#include "storage/write_txn.h"

namespace sextant::storage {
namespace {

namespace fs = std::filesystem;

// Loads up to this many distinct quads go through one WriteBatch; larger ones through SSTs.
constexpr size_t kBatchPathLimit = 200000;

// Longest run handed to the worker: short enough that it is sorted and spilled well before
// parsing ends, long enough that the final merge reads only a handful of runs per million.
constexpr size_t kMaxRunQuads = size_t{1} << 20;

using Run = std::vector<IdQuad>;

// The last few distinct terms seen in one quad position. A subject's triples usually come
// together and a handful of predicates recur, so comparing with these first skips most
// dictionary lookups (each a hash and a probe into a map of every term of the load).
class RecentTerms {
 public:
  // The id of `t` if it is one of the recent terms, else kNoId.
  // Triple terms are never kept here (their parts are compared by id in the dictionary).
  TermId Find(const rdf::TermView& t) const {
    for (const Entry& e : entries_) {
      if (e.id != kNoId && e.kind == t.kind && e.direction == t.direction && e.value == t.value &&
          e.datatype == t.datatype && e.language == t.language) {
        return e.id;
      }
    }
    return kNoId;
  }
  void Add(const rdf::TermView& t, TermId id) {
    if (t.kind == TermKind::kTriple) return;
    Entry& e = entries_[next_++ % entries_.size()];
    e.kind = t.kind;
    e.direction = t.direction;
    e.value.assign(t.value);
    e.datatype.assign(t.datatype);
    e.language.assign(t.language);
    e.id = id;
  }

 private:
  struct Entry {
    TermId id = kNoId;
    TermKind kind = TermKind::kDefaultGraph;
    Direction direction = Direction::kNone;
    std::string value, datatype, language;
  };
  std::array<Entry, 4> entries_;
  size_t next_ = 0;
};

// Terms the loader's dictionary map may hold before it is written out and emptied (after
// which every term not in it costs a database lookup). A term takes about 100 bytes there (the
// string, its id and the table's slack), so this keeps the map within the load's memory
// budget: a large load's dictionary usually fits whole, is written once, and every lookup of
// a fresh load is a map probe.
size_t DictionaryTermLimit(const LoadOptions& options) {
  return std::max<size_t>(4096, options.bulk_memory_bytes / 128);
}

// The order is a template argument so the comparison compiles to straight-line code: sorting
// runs and merging them are most of the worker's time and of the time after parsing.
template <IndexOrder kOrder>
struct OrderLess {
  static constexpr auto pos = kOrderPositions[static_cast<int>(kOrder)];
  bool operator()(const IdQuad& a, const IdQuad& b) const {
    if (a[pos[0]] != b[pos[0]]) return a[pos[0]] < b[pos[0]];
    if (a[pos[1]] != b[pos[1]]) return a[pos[1]] < b[pos[1]];
    if (a[pos[2]] != b[pos[2]]) return a[pos[2]] < b[pos[2]];
    return a[pos[3]] < b[pos[3]];
  }
};

template <IndexOrder kOrder>
void SortRunIn(Run* run) {
  std::sort(run->begin(), run->end(), OrderLess<kOrder>());
}

bool HasNamedGraphQuad(const Run& run) {
  return std::any_of(run.begin(), run.end(),
                     [](const IdQuad& q) { return q[kG] != kDefaultGraphId; });
}

void SortRun(IndexOrder order, Run* run) {
  // Graph-first indexes leave out default-graph quads, so a run without named graphs needs no
  // order there.
  if (IsGraphFirst(order) && !HasNamedGraphQuad(*run)) return;
  switch (order) {
    case IndexOrder::kSPOG: return SortRunIn<IndexOrder::kSPOG>(run);
    case IndexOrder::kPOSG: return SortRunIn<IndexOrder::kPOSG>(run);
    case IndexOrder::kOSPG: return SortRunIn<IndexOrder::kOSPG>(run);
    case IndexOrder::kGSPO: return SortRunIn<IndexOrder::kGSPO>(run);
    case IndexOrder::kGPOS: return SortRunIn<IndexOrder::kGPOS>(run);
    case IndexOrder::kGOSP: return SortRunIn<IndexOrder::kGOSP>(run);
  }
}

// A sorted sequence of quads: an in-memory run or a run spilled to a file.
class RunSource {
 public:
  explicit RunSource(const Run* run) : run_(run) {}
  explicit RunSource(const std::string& path) : file_(std::fopen(path.c_str(), "rb")) {
    buffer_.resize(4096);
  }
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

// Statistics deltas of one load, counted by id (a string key per quad would cost more than
// writing the quad) and turned into sorted keys once at the end.
struct StatCounts {
  std::unordered_map<TermId, int64_t> graphs, triples, subjects, objects;

  std::map<std::string, int64_t> Keys(uint64_t total) const {
    std::map<std::string, int64_t> out;
    for (const auto& [g, n] : graphs) out[stats_keys::Graph(g)] += n;
    for (const auto& [p, n] : triples) out[stats_keys::Predicate(p, 't')] += n;
    for (const auto& [p, n] : subjects) out[stats_keys::Predicate(p, 's')] += n;
    for (const auto& [p, n] : objects) out[stats_keys::Predicate(p, 'o')] += n;
    out[stats_keys::Total()] = static_cast<int64_t>(total);
    return out;
  }
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
    return FromRocks(batch_->Put(cf_, rocksdb::Slice(key, kKeySize), rocksdb::Slice()),
                     "load batch");
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
    // The message is only built on failure: this runs once per key.
    const rocksdb::Status s = writer_.Put(rocksdb::Slice(key, kKeySize), rocksdb::Slice());
    return s.ok() ? Status::OK() : FromRocks(s, "bulk load: write " + path_);
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
  Impl(Store* store, const LoadOptions& options, NewTerms new_terms,
       std::unique_lock<std::mutex> lock)
      : store_(store),
        lock_(std::move(lock)),
        dict_(store, DictionaryTermLimit(options), new_terms == NewTerms::kChecked) {
    if (const auto config = store->text_config(); config->enabled && store->text_index_ready()) {
      text_.emplace(*config);
      first_new_sequence_ = store->next_sequence();
    }
    const uint64_t budget = std::max<uint64_t>(options.bulk_memory_bytes, 1 << 20);
    // Two runs live at once (one filling, one being sorted), each sorted in place. Runs are
    // kept short so the worker sorts and spills them while parsing goes on, instead of
    // leaving all the sorting for the end.
    run_limit_ = std::min(kMaxRunQuads, static_cast<size_t>(budget / (2 * sizeof(IdQuad))));
    current_.reserve(std::min<size_t>(run_limit_, 1 << 16));
    worker_ = std::thread([this] { WorkerLoop(); });
    encoder_ =
        std::make_unique<QuadBlockWorker>([this](const rdf::QuadView& q) { return Encode(q); });
  }

  ~Impl() { Abort(); }

  // Parsing goes on in the caller while the encoder thread turns quads into ids.
  Status Add(const rdf::QuadView& q) { return encoder_->Add(q); }

  Result<uint64_t> Finish() {
    SEXTANT_RETURN_IF_ERROR(encoder_->Drain());
    encoder_->Stop();
    SEXTANT_RETURN_IF_ERROR(HandOff(/*last=*/true));
    StopWorker();
    SEXTANT_RETURN_IF_ERROR(WorkerStatus());
    auto result = WriteIndexes();
    // WriteIndexes waits for the dictionary before it commits anything; this covers its early
    // returns.
    const Status dict_status = dict_writes_.Wait();
    if (result.ok() && !dict_status.ok()) result = dict_status;
    Cleanup();
    if (lock_.owns_lock()) lock_.unlock();
    return result;
  }

  void Abort() {
    encoder_->Stop();
    dict_writes_.Stop();
    StopWorker();
    Cleanup();
    if (lock_.owns_lock()) lock_.unlock();
  }

 private:
  // Runs on the encoder thread (and nowhere else while that thread lives).
  Status Encode(const rdf::QuadView& q) {
    if (!status_.ok()) return status_;
    IdQuad ids;
    const rdf::TermView* views[4] = {&q.subject, &q.predicate, &q.object, &q.graph};
    for (int i = 0; i < 4; ++i) {
      ids[i] = recent_[i].Find(*views[i]);
      if (ids[i] != kNoId) continue;
      auto id = dict_.GetOrCreate(*views[i]);
      if (!id.ok()) return status_ = id.status();
      ids[i] = *id;
      recent_[i].Add(*views[i], ids[i]);
    }
    if (ids[kG] == store_->derived_graph()) {
      return status_ = Status::InvalidArgument(
                 "the derived graph <urn:sextant:derived> is maintained by rules; "
                 "data cannot be loaded into it");
    }
    current_.push_back(ids);
    if (text_ && TagOf(ids[kO]) == IdTag::kLiteral && !text_->Seen(ids[kO]) &&
        text_->config().Indexes(ids[kP], ids[kG])) {
      EncodeTermKeyInto(q.object, &text_term_);
      text_->Add(ids[kO], text_term_);
    }
    if (dict_.full()) {
      if (Status s = dict_.Write(/*as_files=*/true, NextDictionaryFile()); !s.ok()) {
        return status_ = s;
      }
    }
    if (current_.size() >= run_limit_) return HandOff(/*last=*/false);
    return Status::OK();
  }

  std::string NextDictionaryFile() {
    return store_->StagingDir() + "/dict-" + std::to_string(dict_files_++);
  }

  // Writes the load's new terms beside the index files (the encoder is done with the map);
  // both commit paths wait for it, so the terms are in the store before any quad using them.
  // Small loads write them through the WAL, large ones as ingested files.
  Status StartDictionaryWrite(bool as_files) {
    return dict_writes_.Start(
        [this, as_files, prefix = NextDictionaryFile()] { return dict_.Write(as_files, prefix); });
  }

  // Gives the filled run to the worker, waiting while it is still busy with the previous one.
  // Every run but the last is spilled at once; the last stays in memory for the final merge.
  Status HandOff(bool last) {
    std::unique_lock<std::mutex> l(mu_);
    cv_.wait(l, [this] { return !incoming_ || !worker_status_.ok(); });
    if (!worker_status_.ok()) return status_ = worker_status_;
    incoming_.emplace(std::move(current_));
    incoming_last_ = last;
    // A load that filled one run will likely fill more: reuse a spilled run's buffer, or take
    // a full-size one at once, rather than growing (copying, faulting in) a vector per run.
    if (spare_) {
      current_ = std::move(*spare_);
      spare_.reset();
    } else {
      current_ = Run();
      current_.reserve(run_limit_);
    }
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
      bool last = false;
      {
        std::unique_lock<std::mutex> l(mu_);
        cv_.wait(l, [this] { return incoming_.has_value() || stop_; });
        if (!incoming_) return;
        run = std::move(*incoming_);
        last = incoming_last_;
        incoming_.reset();
      }
      cv_.notify_all();
      Status s = SortAndKeep(run, last);
      if (s.ok() && !last) {
        run.clear();
        std::lock_guard<std::mutex> l(mu_);
        spare_.emplace(std::move(run));
      }
      if (!s.ok()) {
        std::lock_guard<std::mutex> l(mu_);
        worker_status_ = s;
        cv_.notify_all();
        return;
      }
    }
  }

  // Sorts a run and spills it to disk, except the last, which the final merge reads from memory.
  Status SortAndKeep(Run& run, bool last) {
    if (run.empty()) return Status::OK();
    SortRun(IndexOrder::kSPOG, &run);
    run.erase(std::unique(run.begin(), run.end()), run.end());
    if (!last) return Spill(run);
    last_run_ = std::move(run);
    return Status::OK();
  }

  std::string SpillPath(size_t run, IndexOrder order) const {
    return store_->StagingDir() + "/run-" + std::to_string(run) + "-" +
           std::string(kIndexNames[static_cast<int>(order)]);
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
      if (!IsGraphFirst(order)) {
        ok = std::fwrite(run.data(), sizeof(IdQuad), run.size(), f) == run.size();
      } else {
        for (const auto& q : run) {
          if (q[kG] == kDefaultGraphId) continue;
          ok = ok && std::fwrite(&q, sizeof q, 1, f) == 1;
        }
      }
      ok = std::fclose(f) == 0 && ok;
      if (!ok) return Status::IOError("bulk load: cannot write " + path + " (disk full?)");
    }
    return Status::OK();
  }

  // Merges every run in `order` (`last` is the in-memory run, sorted here), de-duplicating,
  // and calls fn for each distinct quad.
  template <typename Fn>
  Status MergeRuns(IndexOrder order, Run* last, Fn&& fn) {
    std::vector<std::unique_ptr<RunSource>> sources;
    for (size_t r = 0; r < spilled_runs_; ++r) {
      sources.push_back(std::make_unique<RunSource>(SpillPath(r, order)));
    }
    if (last != nullptr) {
      if (order != IndexOrder::kSPOG) SortRun(order, last);
      sources.push_back(std::make_unique<RunSource>(last));
    }
    switch (order) {
      case IndexOrder::kSPOG: return MergeSources<IndexOrder::kSPOG>(sources, fn);
      case IndexOrder::kPOSG: return MergeSources<IndexOrder::kPOSG>(sources, fn);
      case IndexOrder::kOSPG: return MergeSources<IndexOrder::kOSPG>(sources, fn);
      case IndexOrder::kGSPO: return MergeSources<IndexOrder::kGSPO>(sources, fn);
      case IndexOrder::kGPOS: return MergeSources<IndexOrder::kGPOS>(sources, fn);
      case IndexOrder::kGOSP: return MergeSources<IndexOrder::kGOSP>(sources, fn);
    }
    return Status::Internal("unknown index order");
  }

  // The merge proper: a binary heap of the sources' current quads, smallest on top, so each
  // quad costs a couple of comparisons however many runs there are.
  template <IndexOrder kOrder, typename Fn>
  static Status MergeSources(std::vector<std::unique_ptr<RunSource>>& sources, Fn& fn) {
    struct Head {
      const IdQuad* quad;
      RunSource* source;
    };
    const OrderLess<kOrder> less;
    auto after = [&less](const Head& a, const Head& b) { return less(*b.quad, *a.quad); };
    std::vector<Head> heap;
    for (auto& s : sources) {
      if (const IdQuad* q = s->Next()) heap.push_back({q, s.get()});
    }
    std::make_heap(heap.begin(), heap.end(), after);
    constexpr bool kGraphFirst = static_cast<int>(kOrder) >= 3;
    IdQuad prev{kNoId, kNoId, kNoId, kNoId};
    bool have_prev = false;
    while (!heap.empty()) {
      const IdQuad q = *heap.front().quad;
      // The top source moves on (its quad pointer is only good until then); sift it down.
      if (const IdQuad* next = heap.front().source->Next()) {
        heap.front().quad = next;
        const size_t n = heap.size();
        for (size_t i = 0;;) {
          size_t c = 2 * i + 1;
          if (c >= n) break;
          if (c + 1 < n && after(heap[c], heap[c + 1])) ++c;
          if (!after(heap[i], heap[c])) break;
          std::swap(heap[i], heap[c]);
          i = c;
        }
      } else {
        std::pop_heap(heap.begin(), heap.end(), after);
        heap.pop_back();
      }
      if (have_prev && prev == q) continue;
      prev = q;
      have_prev = true;
      if (kGraphFirst && q[kG] == kDefaultGraphId) continue;
      SEXTANT_RETURN_IF_ERROR(fn(q));
    }
    return Status::OK();
  }

  // What a load adds to the statistics, checked against what is already stored so they stay
  // exact. Only the spog pass (quads, graphs, predicates, subjects) and the posg pass (objects)
  // use it, each its own fields, so the two may run on different threads.
  struct Tally {
    explicit Tally(Store* store)
        : spog(store->db()->NewIterator({}, store->index(IndexOrder::kSPOG))),
          posg(store->db()->NewIterator({}, store->index(IndexOrder::kPOSG))) {
      spog->SeekToFirst();
      store_empty = !spog->Valid();
    }
    void Close() {
      spog.reset();
      posg.reset();
    }
    std::unique_ptr<rocksdb::Iterator> spog, posg;
    bool store_empty = true;
    StatCounts counts;
    uint64_t inserted = 0;
  };

  // Writes one index from the merged runs; counts statistics when `tally` is given.
  Status WriteOrder(IndexOrder order, Run* last, IndexSink* sink, Tally* tally) {
    char key[kKeySize];
    IdQuad group{kNoId, kNoId, kNoId, kNoId};
    Status s = MergeRuns(order, last, [&](const IdQuad& q) -> Status {
      EncodeKey(order, q, key);
      if (tally != nullptr && order == IndexOrder::kSPOG) {
        bool exists = false;
        if (!tally->store_empty) {
          tally->spog->Seek(rocksdb::Slice(key, kKeySize));
          exists = tally->spog->Valid() && tally->spog->key() == rocksdb::Slice(key, kKeySize);
        }
        if (!exists) {
          if (new_quads_) new_quads_->push_back(q);
          ++tally->inserted;
          ++tally->counts.graphs[q[kG]];
          ++tally->counts.triples[q[kP]];
          if (q[kS] != group[kS] || q[kP] != group[kP]) {
            group = q;
            if (tally->store_empty || !PrefixExists(tally->spog.get(), IndexOrder::kSPOG, q, 2)) {
              ++tally->counts.subjects[q[kP]];
            }
          }
        }
      } else if (tally != nullptr && order == IndexOrder::kPOSG &&
                 (q[kP] != group[kP] || q[kO] != group[kO])) {
        group = q;
        if (tally->store_empty || !PrefixExists(tally->posg.get(), IndexOrder::kPOSG, q, 2)) {
          ++tally->counts.objects[q[kP]];
        }
      }
      return sink->Add(key);
    });
    if (s.ok()) s = sink->Finish();
    return s;
  }

  Result<uint64_t> WriteIndexes() {
    const size_t distinct_hint = last_run_ ? last_run_->size() : 0;
    const bool use_batch = spilled_runs_ == 0 && distinct_hint <= kBatchPathLimit;
    if (spilled_runs_ == 0 && !last_run_) return uint64_t{0};
    SEXTANT_RETURN_IF_ERROR(StartDictionaryWrite(/*as_files=*/!use_batch));

    Tally tally(store_);
    rocksdb::WriteBatch batch;
    if (use_batch) new_quads_.emplace();
    std::vector<std::unique_ptr<SstSink>> ssts;
    fs::create_directories(store_->StagingDir());

    if (use_batch) {
      for (int i = 0; i < kIndexCount; ++i) {
        const auto order = static_cast<IndexOrder>(i);
        BatchSink sink(&batch, store_->index(order));
        SEXTANT_RETURN_IF_ERROR(
            WriteOrder(order, last_run_ ? &*last_run_ : nullptr, &sink, &tally));
      }
    } else {
      for (int i = 0; i < kIndexCount; ++i) {
        ssts.push_back(std::make_unique<SstSink>(
            store_, store_->index(static_cast<IndexOrder>(i)),
            store_->StagingDir() + "/" + std::string(kIndexNames[i]) + ".sst"));
      }
      // Two cores take the orders one at a time, each with its own copy of the in-memory run
      // (each order re-sorts it). The spog and posg passes count statistics into disjoint
      // parts of the tally, so they may run at once. Orders are taken in increasing order, so
      // spog is always the first order of the copy that writes it, still in spog order.
      std::atomic<int> next_order{0};
      std::atomic<bool> failed{false};
      auto write_orders = [&](Run* run) {
        Status st;
        for (int i = next_order++; i < kIndexCount && !failed; i = next_order++) {
          st = WriteOrder(static_cast<IndexOrder>(i), run, ssts[i].get(), i < 2 ? &tally : nullptr);
          if (!st.ok()) {
            failed = true;
            break;
          }
        }
        return st;
      };
      std::optional<Run> side_run = last_run_;
      Status side_status;
      std::thread side([&] { side_status = write_orders(side_run ? &*side_run : nullptr); });
      const Status s = write_orders(last_run_ ? &*last_run_ : nullptr);
      side.join();
      SEXTANT_RETURN_IF_ERROR(s);
      SEXTANT_RETURN_IF_ERROR(side_status);
    }
    const uint64_t inserted = tally.inserted;
    if (inserted == 0) return uint64_t{0};
    const std::map<std::string, int64_t> stats = tally.counts.Keys(inserted);
    tally.Close();
    // The text index's entries for the literals this load makes documents commit with the
    // quads: in the same batch, or in the same ingestion.
    if (text_) SEXTANT_RETURN_IF_ERROR(text_->DropIndexed(*store_, first_new_sequence_));

    if (use_batch) {
      for (const auto& [k, v] : stats) {
        SEXTANT_RETURN_IF_ERROR(FromRocks(AddStat(&batch, store_, k, v), "statistics"));
      }
      if (text_) SEXTANT_RETURN_IF_ERROR(text_->WriteTo(*store_, &batch));
      SEXTANT_RETURN_IF_ERROR(dict_writes_.Wait());
      const Store::DataWrite version_change(store_);
      SEXTANT_RETURN_IF_ERROR(
          FromRocks(store_->db()->Write(store_->write_options(), &batch), "load commit"));
      return inserted;
    }
    // Statistics ride in the same atomic ingestion as the indexes, as merge operands.
    rocksdb::SstFileWriter stats_writer(rocksdb::EnvOptions(),
                                        store_->db()->GetOptions(store_->stats()), store_->stats());
    const std::string stats_path = store_->StagingDir() + "/stats.sst";
    SEXTANT_RETURN_IF_ERROR(FromRocks(stats_writer.Open(stats_path), "bulk load: statistics file"));
    for (const auto& [k, v] : stats) {
      SEXTANT_RETURN_IF_ERROR(
          FromRocks(stats_writer.Merge(k, stats_keys::EncodeValue(v)), "bulk load: statistics"));
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
    if (text_) SEXTANT_RETURN_IF_ERROR(text_->WriteFiles(*store_, store_->StagingDir(), &args));
    SEXTANT_RETURN_IF_ERROR(dict_writes_.Wait());
    const Store::DataWrite version_change(store_);
    SEXTANT_RETURN_IF_ERROR(
        FromRocks(store_->db()->IngestExternalFiles(args), "bulk load: ingest"));
    return inserted;
  }

  void Cleanup() {
    last_run_.reset();
    current_.clear();
    std::error_code ec;
    if (spilled_runs_ > 0 || fs::exists(store_->StagingDir(), ec)) {
      fs::remove_all(store_->StagingDir(), ec);
    }
    spilled_runs_ = 0;
  }

  Store* store_;
  std::unique_lock<std::mutex> lock_;
  BackgroundJob dict_writes_;
  LoadDictionary dict_;  // the encoder thread's until it stops, then the dictionary job's
  size_t dict_files_ = 0;
  size_t run_limit_;
  std::array<RecentTerms, 4> recent_;  // per quad position; encoder thread only
  // The text index's share of the load (absent when the index is off); encoder thread only
  // until it stops.
  std::optional<TextIndexBuilder> text_;
  uint64_t first_new_sequence_ = 0;
  std::string text_term_;
  Run current_;
  Status status_;

  std::mutex mu_;
  std::condition_variable cv_;
  std::optional<Run> incoming_;
  std::optional<Run> spare_;  // an emptied run, kept for its capacity
  bool incoming_last_ = false;
  bool stop_ = false;
  Status worker_status_;
  std::thread worker_;
  // Owned by the worker until it is joined.
  std::optional<Run> last_run_;
  size_t spilled_runs_ = 0;

 public:
  // Set for loads that commit as one batch: the quads really inserted, for rule maintenance.
  std::optional<std::vector<IdQuad>> new_quads_;

 private:
  // Declared last so it is destroyed first: its thread never outlives what Encode uses.
  std::unique_ptr<QuadBlockWorker> encoder_;
};

Result<std::unique_ptr<QuadLoader>> QuadLoader::Begin(Store* store, const LoadOptions& options,
                                                      NewTerms new_terms) {
  if (store->read_only()) {
    return Status::InvalidArgument("store '" + store->path() + "' is open read-only");
  }
  std::unique_lock<std::mutex> lock(store->writer_mutex(), std::try_to_lock);
  if (!lock.owns_lock()) {
    return Status::Busy("another write transaction is in progress on this store");
  }
  return std::unique_ptr<QuadLoader>(
      new QuadLoader(std::make_unique<Impl>(store, options, new_terms, std::move(lock))));
}

QuadLoader::QuadLoader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
QuadLoader::~QuadLoader() = default;
Status QuadLoader::Add(const rdf::QuadView& quad) {
  return impl_->Add(quad);
}
Result<uint64_t> QuadLoader::Finish() {
  return impl_->Finish();
}
std::vector<IdQuad>* QuadLoader::new_quads() {
  return impl_->new_quads_ ? &*impl_->new_quads_ : nullptr;
}
void QuadLoader::Abort() {
  impl_->Abort();
}

}  // namespace sextant::storage
