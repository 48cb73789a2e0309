// Term dictionary: term2id maps an encoded term to its id, id2term maps back. Literals that
// fit are inlined in the id and never stored. Entries are never deleted, so ids are never
// recycled (a term whose last quad is removed keeps its id).
#pragma once

#include <rocksdb/db.h>
#include <rocksdb/utilities/write_batch_with_index.h>

#include <boost/unordered/unordered_flat_map.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/term_view.h"
#include "sextant/status.h"
#include "storage/store.h"
#include "storage/term_id.h"

namespace sextant::storage {

// The dictionary key of a term: a kind byte, then the text (see docs/FORMAT.md).
std::string EncodeTermKey(const rdf::TermView& term);
void EncodeTermKeyInto(const rdf::TermView& term, std::string* out);
Result<Term> DecodeTermKey(std::string_view bytes);

// The id a term has without consulting the dictionary: inline literals and the default graph.
// nullopt for terms that live in the dictionary.
std::optional<TermId> InlineIdOf(const rdf::TermView& term);

// The tag of the id a dictionary term gets.
inline IdTag TagFor(TermKind kind) {
  switch (kind) {
    case TermKind::kIri: return IdTag::kIri;
    case TermKind::kBlank: return IdTag::kBlank;
    default: return IdTag::kLiteral;
  }
}

// Read side, against a snapshot (or the latest state when snapshot is null).
class DictionaryReader {
 public:
  DictionaryReader(const Store* store, const rocksdb::Snapshot* snapshot);
  // Reads through a write transaction's pending batch (it sees terms the transaction added).
  DictionaryReader(const Store* store, rocksdb::WriteBatchWithIndex* batch)
      : store_(store), batch_(batch) {}
  // kNoId when the term is not in the store.
  Result<TermId> Lookup(const rdf::TermView& term) const;
  Result<Term> Decode(TermId id) const;
  // Decodes dictionary ids (not inline ones) with one iterator walking them in order: far
  // fewer index searches than a Get (or a MultiGet) each when a batch of result rows is
  // decoded. `ids` must be sorted and distinct; out[i] is the term of ids[i].
  Status DecodeMany(const std::vector<TermId>& ids, std::vector<Term>* out) const;

 private:
  rocksdb::Status Get(rocksdb::ColumnFamilyHandle* cf, const rocksdb::Slice& key,
                      std::string* value) const;

  const Store* store_;
  rocksdb::WriteBatchWithIndex* batch_ = nullptr;
  rocksdb::ReadOptions read_options_;
};

// Write side: finds or creates ids, appending new entries to a batch. Keeps the terms it
// created so repeated lookups within one batch are served from memory; lookups of existing
// terms go to the database through an optional bounded cache.
class DictionaryWriter {
 public:
  DictionaryWriter(Store* store, rocksdb::WriteBatchBase* batch, size_t cache_limit = 1 << 20);
  Result<TermId> GetOrCreate(const rdf::TermView& term);
  // Looks up without creating (kNoId when absent), seeing terms created by this writer.
  Result<TermId> Lookup(const rdf::TermView& term);
  // Records the id high-water mark in the batch; call before committing it.
  void WriteSequence();
  uint64_t created() const { return created_; }
  // True when OnBatchCommitted would empty the local map.
  bool cache_full() const { return cache_.size() > cache_limit_; }
  // Moves new terms out of the local map once their batch is committed.
  void OnBatchCommitted();
  // Call when term2id was empty as this writer started (and only this writer adds terms): while
  // the local map still holds every term created, a miss there means the term is new, so the
  // database lookup is skipped.
  void StartOnEmptyDictionary() { map_holds_all_terms_ = true; }

 private:
  Store* store_;
  rocksdb::WriteBatchBase* batch_;
  size_t cache_limit_;
  // Open addressing: a bulk load probes this map four times per quad.
  boost::unordered_flat_map<std::string, TermId> cache_;
  std::string key_;
  uint64_t created_ = 0;
  bool wrote_ = false;
  bool map_holds_all_terms_ = false;
};

}  // namespace sextant::storage
