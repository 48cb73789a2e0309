#include "storage/dictionary_ingest.h"

#include <rocksdb/sst_file_writer.h>

#include <algorithm>
#include <filesystem>
#include <utility>
#include <vector>

namespace sextant::storage {

namespace {

using Entry = std::pair<rocksdb::Slice, rocksdb::Slice>;

// Splits a batch into its column families; the slices point into the batch.
class Splitter : public rocksdb::WriteBatch::Handler {
 public:
  explicit Splitter(const Store* store)
      : term2id_id_(store->term2id()->GetID()), id2term_id_(store->id2term()->GetID()) {}

  rocksdb::Status PutCF(uint32_t cf, const rocksdb::Slice& key,
                        const rocksdb::Slice& value) override {
    if (cf == term2id_id_) {
      term2id.emplace_back(key, value);
    } else if (cf == id2term_id_) {
      id2term.emplace_back(key, value);
    } else {
      others.emplace_back(cf, Entry{key, value});
    }
    return rocksdb::Status::OK();
  }
  // DictionaryWriter only puts; anything else means the batch is not what this code expects.
  rocksdb::Status DeleteCF(uint32_t, const rocksdb::Slice&) override {
    return rocksdb::Status::NotSupported("delete in a dictionary batch");
  }
  rocksdb::Status MergeCF(uint32_t, const rocksdb::Slice&, const rocksdb::Slice&) override {
    return rocksdb::Status::NotSupported("merge in a dictionary batch");
  }

  std::vector<Entry> term2id, id2term;
  std::vector<std::pair<uint32_t, Entry>> others;

 private:
  uint32_t term2id_id_, id2term_id_;
};

bool KeyLess(const Entry& a, const Entry& b) {
  return a.first.compare(b.first) < 0;
}

Status WriteSst(Store* store, rocksdb::ColumnFamilyHandle* cf, std::vector<Entry>& entries,
                const std::string& path) {
  // Ids are handed out in increasing order, so id2term is usually sorted already.
  if (!std::is_sorted(entries.begin(), entries.end(), KeyLess))
    std::sort(entries.begin(), entries.end(), KeyLess);
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), store->db()->GetOptions(cf), cf);
  SEXTANT_RETURN_IF_ERROR(FromRocks(writer.Open(path), "bulk load: create " + path));
  for (const auto& [k, v] : entries) {
    SEXTANT_RETURN_IF_ERROR(FromRocks(writer.Put(k, v), "bulk load: write " + path));
  }
  return FromRocks(writer.Finish(), "bulk load: finish " + path);
}

}  // namespace

Status IngestDictionaryBatch(Store* store, const rocksdb::WriteBatch& batch,
                             const std::string& file_prefix) {
  Splitter split(store);
  SEXTANT_RETURN_IF_ERROR(FromRocks(batch.Iterate(&split), "dictionary batch"));
  if (!split.others.empty()) {
    // The sequence high-water mark: durable before any id it covers can reach the store.
    rocksdb::WriteBatch meta;
    for (const auto& [cf, e] : split.others) {
      if (cf != store->meta()->GetID())
        return Status::Internal("unexpected column family in a dictionary batch");
      SEXTANT_RETURN_IF_ERROR(
          FromRocks(meta.Put(store->meta(), e.first, e.second), "dictionary sequence"));
    }
    rocksdb::WriteOptions wo = store->write_options();
    wo.sync = true;
    SEXTANT_RETURN_IF_ERROR(FromRocks(store->db()->Write(wo, &meta), "dictionary sequence"));
  }
  if (split.term2id.empty() && split.id2term.empty()) return Status::OK();
  std::error_code ec;
  std::filesystem::create_directories(store->StagingDir(), ec);
  std::vector<rocksdb::IngestExternalFileArg> args;
  const std::pair<rocksdb::ColumnFamilyHandle*, std::vector<Entry>*> parts[] = {
      {store->term2id(), &split.term2id}, {store->id2term(), &split.id2term}};
  for (const auto& [cf, entries] : parts) {
    if (entries->empty()) continue;
    const std::string path = file_prefix + "-" + cf->GetName() + ".sst";
    SEXTANT_RETURN_IF_ERROR(WriteSst(store, cf, *entries, path));
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = cf;
    arg.external_files = {path};
    arg.options.move_files = true;
    args.push_back(std::move(arg));
  }
  return FromRocks(store->db()->IngestExternalFiles(args), "bulk load: dictionary ingest");
}

}  // namespace sextant::storage
