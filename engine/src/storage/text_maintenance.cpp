#include "storage/text_maintenance.h"

#include <memory>
#include <string>

#include "storage/text_document.h"

namespace sextant::storage {

bool HasIndexedQuad(const Store& store, rocksdb::WriteBatchWithIndex* batch,
                    rocksdb::Iterator* ospg, TermId literal, const TextConfig& config) {
  char prefix[8];
  PutBigEndian(prefix, literal);
  const rocksdb::Slice p(prefix, 8);
  auto indexed = [&config](const rocksdb::Slice& key) {
    const IdQuad q = DecodeKey(IndexOrder::kOSPG, key.data());
    return config.Indexes(q[kP], q[kG]);
  };
  // Keys the batch deletes; only looked at under this literal's prefix (a merged iterator
  // would walk every deleted key past it).
  std::set<std::string> deleted;
  if (batch != nullptr) {
    std::unique_ptr<rocksdb::WBWIIterator> delta(
        batch->NewIterator(store.index(IndexOrder::kOSPG)));
    for (delta->Seek(p); delta->Valid() && delta->Entry().key.starts_with(p); delta->Next()) {
      const auto type = delta->Entry().type;
      if (type == rocksdb::kPutRecord && indexed(delta->Entry().key)) return true;
      if (type == rocksdb::kDeleteRecord || type == rocksdb::kSingleDeleteRecord) {
        deleted.insert(delta->Entry().key.ToString());
      }
    }
  }
  for (ospg->Seek(p); ospg->Valid() && ospg->key().starts_with(p); ospg->Next()) {
    if (indexed(ospg->key()) && !deleted.count(ospg->key().ToString())) return true;
  }
  return false;
}

Status TextMaintenance::AddToBatch(const Store& store, rocksdb::WriteBatchWithIndex* batch) {
  if (touched_.empty() || !store.text_index_ready()) return Status::OK();
  const auto config = store.text_config();
  if (!config->enabled) return Status::OK();
  std::unique_ptr<rocksdb::Iterator> ospg(
      store.db()->NewIterator({}, store.index(IndexOrder::kOSPG)));
  text::Analyzer analyzer;
  TextDocument document;
  TextStatsDelta stats;
  std::string encoded;
  for (TermId literal : touched_) {
    const bool before = HasIndexedQuad(store, nullptr, ospg.get(), literal, *config);
    const bool after = HasIndexedQuad(store, batch, ospg.get(), literal, *config);
    if (before == after) continue;
    char id[8];
    PutBigEndian(id, literal);
    const auto s =
        batch->GetFromBatchAndDB(store.db(), {}, store.id2term(), rocksdb::Slice(id, 8), &encoded);
    if (!s.ok()) return FromRocks(s, "text index: reading literal");
    if (!AnalyzeLiteral(&analyzer, encoded, *config, &document)) continue;
    SEXTANT_RETURN_IF_ERROR(FromRocks(
        WriteTextDocument(store, batch, literal, document, after, &stats), "text index write"));
  }
  SEXTANT_RETURN_IF_ERROR(FromRocks(ospg->status(), "text index: reading quads"));
  return FromRocks(WriteTextStats(store, batch, stats), "text index: statistics");
}

}  // namespace sextant::storage
