#include "storage/language_tag_upgrade.h"

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <memory>
#include <unordered_set>

#include "storage/store.h"

namespace sextant::storage {

namespace {

// Entries rewritten per batch: bounds the batch's memory on a store with many of them.
constexpr size_t kUpgradeBatch = 10000;

}  // namespace

Status LowerLanguageTagsForUpgrade(Store* store, const std::string& path, bool read_only) {
  rocksdb::DB* db = store->db();
  rocksdb::WriteOptions wo;
  wo.sync = true;
  rocksdb::WriteBatch batch;
  size_t pending = 0;
  std::unordered_set<std::string> lowered_keys;  // written by this run (batches not yet visible)
  const std::string context = "cannot upgrade store '" + path + "'";
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator({}, store->term2id()));
  // 'L' + tag + '\0' + lexical form: the only entries with a language tag before version 3.
  for (it->Seek("L"); it->Valid() && !it->key().empty() && it->key()[0] == 'L'; it->Next()) {
    const std::string key = it->key().ToString();
    const size_t end = key.find('\0', 1);
    if (end == std::string::npos) continue;  // sextant check reports malformed entries
    std::string lowered = key;
    bool changed = false;
    for (size_t i = 1; i < end; ++i) {
      if (lowered[i] >= 'A' && lowered[i] <= 'Z') {
        lowered[i] = static_cast<char>(lowered[i] - 'A' + 'a');
        changed = true;
      }
    }
    if (!changed) continue;
    const std::string tag = key.substr(1, end - 1);
    if (read_only) {
      return Status::VersionMismatch(
          "store '" + path + "' holds language tags in upper case (such as '" + tag +
          "'), which format version " + std::to_string(kFormatVersion) +
          " keeps in lower case; open it once for writing to upgrade it");
    }
    std::string other;
    const auto found = db->Get({}, store->term2id(), lowered, &other);
    if (!found.ok() && !found.IsNotFound()) return FromRocks(found, context);
    if (found.ok() || !lowered_keys.insert(lowered).second) {
      return Status::VersionMismatch("store '" + path +
                                     "' holds one literal under language tags that differ only "
                                     "in case ('" +
                                     tag +
                                     "'); dump it with the Sextant that wrote it (`sextant dump`) "
                                     "and load the dump");
    }
    const rocksdb::Slice id = it->value();
    batch.Delete(store->term2id(), key);
    batch.Put(store->term2id(), lowered, id);
    batch.Put(store->id2term(), id, lowered);
    if (++pending == kUpgradeBatch) {
      SEXTANT_RETURN_IF_ERROR(FromRocks(db->Write(wo, &batch), context));
      batch.Clear();
      pending = 0;
    }
  }
  SEXTANT_RETURN_IF_ERROR(FromRocks(it->status(), context));
  if (pending == 0) return Status::OK();
  return FromRocks(db->Write(wo, &batch), context);
}

}  // namespace sextant::storage
