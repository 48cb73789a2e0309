#include "storage/text_rebuild.h"

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "storage/text_builder.h"

namespace sextant::storage {

Status LoadTextIndexState(Store* store) {
  std::string value;
  auto s = store->db()->Get({}, store->meta(), std::string(TextConfig::kMetaKey), &value);
  if (s.ok()) {
    SEXTANT_ASSIGN_OR_RETURN(TextConfig config, TextConfig::Decode(value));
    store->set_text_config(std::move(config));
  } else if (!s.IsNotFound()) {
    return FromRocks(s, "cannot read the text index configuration");
  }
  s = store->db()->Get({}, store->meta(), std::string(TextConfig::kPendingKey), &value);
  if (!s.ok() && !s.IsNotFound()) return FromRocks(s, "cannot read the text index state");
  store->set_text_pending(s.ok());
  return Status::OK();
}

namespace {

// Removes every entry of the text index's column families (keys are at most this long in
// their first byte: terms are UTF-8, ids and statistics keys start below 0xff).
rocksdb::Status ClearTextIndex(const Store& store, rocksdb::WriteBatch* batch) {
  const std::string end(9, '\xff');
  for (auto* cf : {store.text_postings(), store.text_docs(), store.text_stats()}) {
    rocksdb::Status s = batch->DeleteRange(cf, "", end);
    if (!s.ok()) return s;
  }
  return rocksdb::Status::OK();
}

// Feeds every literal that is the object of an indexed quad to the builder, in id order.
Status CollectDocuments(const Store& store, const rocksdb::Snapshot* snapshot,
                        TextIndexBuilder* builder, const TextConfig& config) {
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot;
  ro.fill_cache = false;
  std::unique_ptr<rocksdb::Iterator> ospg(
      store.db()->NewIterator(ro, store.index(IndexOrder::kOSPG)));
  std::unique_ptr<rocksdb::Iterator> terms(store.db()->NewIterator(ro, store.id2term()));
  char first[8];
  PutBigEndian(first, MakeId(IdTag::kLiteral, 0));
  for (ospg->Seek(rocksdb::Slice(first, 8)); ospg->Valid(); ospg->Next()) {
    const IdQuad q = DecodeKey(IndexOrder::kOSPG, ospg->key().data());
    if (TagOf(q[kO]) != IdTag::kLiteral) break;
    if (builder->Seen(q[kO]) || !config.Indexes(q[kP], q[kG])) continue;
    char id[8];
    PutBigEndian(id, q[kO]);
    terms->Seek(rocksdb::Slice(id, 8));
    if (!terms->Valid() || terms->key() != rocksdb::Slice(id, 8)) {
      SEXTANT_RETURN_IF_ERROR(FromRocks(terms->status(), "text index: reading literals"));
      return Status::Corruption("text index: literal " + std::to_string(PayloadOf(q[kO])) +
                                " is used by a quad but missing from the dictionary");
    }
    builder->Add(q[kO], terms->value().ToStringView());
  }
  SEXTANT_RETURN_IF_ERROR(FromRocks(ospg->status(), "text index: reading quads"));
  return FromRocks(terms->status(), "text index: reading literals");
}

}  // namespace

Status RebuildTextIndex(Store* store, const std::optional<TextConfig>& new_config) {
  if (store->read_only()) {
    return Status::InvalidArgument("store '" + store->path() + "' is open read-only");
  }
  std::unique_lock<std::mutex> lock(store->writer_mutex(), std::try_to_lock);
  if (!lock.owns_lock()) {
    return Status::Busy("another write transaction is in progress on this store");
  }
  const TextConfig config = new_config ? *new_config : *store->text_config();
  rocksdb::WriteOptions synced;
  synced.sync = true;
  {
    rocksdb::WriteBatch batch;
    rocksdb::Status s = batch.Put(store->meta(), std::string(TextConfig::kPendingKey), "");
    if (s.ok() && new_config) {
      s = batch.Put(store->meta(), std::string(TextConfig::kMetaKey), config.Encode());
    }
    if (s.ok()) s = ClearTextIndex(*store, &batch);
    if (s.ok()) s = store->db()->Write(synced, &batch);
    SEXTANT_RETURN_IF_ERROR(FromRocks(s, "text index rebuild"));
    store->set_text_pending(true);
    store->set_text_config(config);
  }
  if (config.enabled) {
    TextIndexBuilder builder(config);
    const rocksdb::Snapshot* snapshot = store->db()->GetSnapshot();
    const Status collected = CollectDocuments(*store, snapshot, &builder, config);
    store->db()->ReleaseSnapshot(snapshot);
    SEXTANT_RETURN_IF_ERROR(collected);
    const std::string dir = store->StagingDir() + "/text-rebuild";
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    std::filesystem::create_directories(dir, ec);
    if (ec) {
      return Status::IOError("text index rebuild: cannot create " + dir + ": " + ec.message());
    }
    std::vector<rocksdb::IngestExternalFileArg> args;
    Status st = builder.WriteFiles(*store, dir, &args);
    if (st.ok() && !args.empty()) {
      const Store::DataWrite version_change(store);
      st = FromRocks(store->db()->IngestExternalFiles(args), "text index rebuild: ingest");
    }
    std::filesystem::remove_all(dir, ec);
    SEXTANT_RETURN_IF_ERROR(st);
  }
  SEXTANT_RETURN_IF_ERROR(
      FromRocks(store->db()->Delete(synced, store->meta(), std::string(TextConfig::kPendingKey)),
                "text index rebuild"));
  store->set_text_pending(false);
  return Status::OK();
}

}  // namespace sextant::storage
