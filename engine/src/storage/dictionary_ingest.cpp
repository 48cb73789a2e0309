#include "storage/dictionary_ingest.h"

#include <rocksdb/sst_file_writer.h>

#include <algorithm>
#include <filesystem>
#include <string_view>
#include <utility>
#include <vector>

#include "sextant/rules.h"
#include "storage/dictionary.h"
#include "storage/index_order.h"
#include "storage/term_check.h"

namespace sextant::storage {

namespace {

bool TermKeyIsEmpty(Store* store) {
  std::unique_ptr<rocksdb::Iterator> it(store->db()->NewIterator({}, store->term2id()));
  it->SeekToFirst();
  return !it->Valid() && it->status().ok();
}

using NewTerm = std::pair<std::string_view, TermId>;

// Writes `terms` (sorted as the file's keys must be) to an SST file of `cf`; `entry` gives a
// term's key and value.
template <typename EntryFn>
Status WriteSst(Store* store, rocksdb::ColumnFamilyHandle* cf, const std::vector<NewTerm>& terms,
                const std::string& path, EntryFn&& entry) {
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), store->db()->GetOptions(cf), cf);
  SEXTANT_RETURN_IF_ERROR(FromRocks(writer.Open(path), "bulk load: create " + path));
  char id[8];
  for (const NewTerm& t : terms) {
    PutBigEndian(id, t.second);
    const auto [k, v] = entry(t, rocksdb::Slice(id, sizeof id));
    // The message is only built on failure: this runs once per term.
    if (const rocksdb::Status s = writer.Put(k, v); !s.ok()) {
      return FromRocks(s, "bulk load: write " + path);
    }
  }
  return FromRocks(writer.Finish(), "bulk load: finish " + path);
}

}  // namespace

LoadDictionary::LoadDictionary(Store* store, size_t term_limit, bool check_new_terms)
    : store_(store),
      term_limit_(term_limit),
      first_unwritten_(store->next_sequence()),
      map_holds_all_terms_(TermKeyIsEmpty(store)),
      check_new_terms_(check_new_terms) {}

Result<TermId> LoadDictionary::GetOrCreate(const rdf::TermView& term) {
  if (auto id = InlineIdOf(term)) return *id;
  // A triple term's parts come first: they get the smaller ids.
  SEXTANT_RETURN_IF_ERROR(EncodeKeyWith(term, &key_, [this](const rdf::TermView& part) {
                            return GetOrCreate(part);
                          }).status());
  if (auto it = map_.find(key_); it != map_.end()) return it->second;
  if (!map_holds_all_terms_) {
    std::string value;
    const auto s = store_->db()->Get(rocksdb::ReadOptions(), store_->term2id(), key_, &value);
    if (s.ok()) {
      if (value.size() != 8) return Status::Corruption("malformed term id in dictionary");
      const TermId id = GetBigEndian(value.data());
      if (map_.size() < term_limit_) map_.emplace(key_, id);
      return id;
    }
    if (!s.IsNotFound()) return FromRocks(s, "dictionary lookup");
  }
  if (check_new_terms_) SEXTANT_RETURN_IF_ERROR(CheckStorable(term));
  const TermId id = MakeId(TagFor(term.kind), store_->ReserveSequence(1));
  // New terms stay in the map until written, whatever its limit.
  map_.emplace(key_, id);
  ++unwritten_;
  // Every path that could write into the derived graph creates its name here first, so the
  // store learns its id before any quad can use it (and WriteTxn can refuse such writes).
  if (term.kind == TermKind::kIri && term.value == kDerivedGraphIri) store_->set_derived_graph(id);
  return id;
}

Status LoadDictionary::Write(bool as_files, const std::string& file_prefix) {
  if (unwritten_ > 0) {
    std::vector<NewTerm> terms;
    terms.reserve(unwritten_);
    for (const auto& [key, id] : map_) {
      if (PayloadOf(id) >= first_unwritten_) terms.emplace_back(key, id);
    }
    char seq[8];
    PutBigEndian(seq, store_->next_sequence());
    const rocksdb::Slice seq_value(seq, sizeof seq);
    if (!as_files) {
      rocksdb::WriteBatch batch;
      char id[8];
      for (const auto& [key, term_id] : terms) {
        PutBigEndian(id, term_id);
        rocksdb::Status s = batch.Put(store_->term2id(), rocksdb::Slice(key.data(), key.size()),
                                      rocksdb::Slice(id, 8));
        if (s.ok()) {
          s = batch.Put(store_->id2term(), rocksdb::Slice(id, 8),
                        rocksdb::Slice(key.data(), key.size()));
        }
        if (!s.ok()) return FromRocks(s, "dictionary insert");
      }
      SEXTANT_RETURN_IF_ERROR(
          FromRocks(batch.Put(store_->meta(), std::string(Store::kSequenceKey), seq_value),
                    "dictionary sequence"));
      SEXTANT_RETURN_IF_ERROR(
          FromRocks(store_->db()->Write(store_->write_options(), &batch), "dictionary write"));
    } else {
      // The sequence high-water mark: durable before any id it covers can reach the store.
      rocksdb::WriteOptions wo = store_->write_options();
      wo.sync = true;
      SEXTANT_RETURN_IF_ERROR(FromRocks(
          store_->db()->Put(wo, store_->meta(), std::string(Store::kSequenceKey), seq_value),
          "dictionary sequence"));
      std::error_code ec;
      std::filesystem::create_directories(store_->StagingDir(), ec);
      const std::string id2term_path = file_prefix + "-id2term.sst";
      const std::string term2id_path = file_prefix + "-term2id.sst";
      std::sort(terms.begin(), terms.end(),
                [](const NewTerm& a, const NewTerm& b) { return a.second < b.second; });
      SEXTANT_RETURN_IF_ERROR(WriteSst(store_, store_->id2term(), terms, id2term_path,
                                       [](const NewTerm& t, rocksdb::Slice id) {
                                         return std::pair<rocksdb::Slice, rocksdb::Slice>(
                                             id, rocksdb::Slice(t.first.data(), t.first.size()));
                                       }));
      std::sort(terms.begin(), terms.end(),
                [](const NewTerm& a, const NewTerm& b) { return a.first < b.first; });
      SEXTANT_RETURN_IF_ERROR(WriteSst(store_, store_->term2id(), terms, term2id_path,
                                       [](const NewTerm& t, rocksdb::Slice id) {
                                         return std::pair<rocksdb::Slice, rocksdb::Slice>(
                                             rocksdb::Slice(t.first.data(), t.first.size()), id);
                                       }));
      std::vector<rocksdb::IngestExternalFileArg> args(2);
      args[0].column_family = store_->id2term();
      args[0].external_files = {id2term_path};
      args[1].column_family = store_->term2id();
      args[1].external_files = {term2id_path};
      for (auto& arg : args) arg.options.move_files = true;
      SEXTANT_RETURN_IF_ERROR(
          FromRocks(store_->db()->IngestExternalFiles(args), "bulk load: dictionary ingest"));
    }
    first_unwritten_ = store_->next_sequence();
    unwritten_ = 0;
  }
  if (full()) {
    map_.clear();
    map_holds_all_terms_ = false;
  }
  return Status::OK();
}

}  // namespace sextant::storage
