// Term dictionary: term2id maps an encoded term to its id, id2term maps back. Literals that
// fit are inlined in the id and never stored. Entries are never deleted, so ids are never
// recycled (a term whose last quad is removed keeps its id).
#pragma once

#include <rocksdb/db.h>
#include <rocksdb/utilities/write_batch_with_index.h>

#include <array>
#include <boost/unordered/unordered_flat_map.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/term_view.h"
#include "sextant/status.h"
#include "storage/store.h"
#include "storage/term_id.h"

namespace sextant::storage {

// The dictionary key of a term other than a triple term: a kind byte, then the text (see
// docs/FORMAT.md).
std::string EncodeTermKey(const rdf::TermView& term);
void EncodeTermKeyInto(const rdf::TermView& term, std::string* out);
// Decodes such a key (a triple term's entry needs the dictionary: DictionaryReader::Decode).
Result<Term> DecodeTermKey(std::string_view bytes);

// A triple term's key: 'R' then the ids of its subject, predicate and object, 8 bytes each,
// big-endian. Nested triple terms are parts by id, so every key has the same small size.
inline constexpr char kTripleKeyKind = 'R';
inline constexpr size_t kTripleKeySize = 25;
void EncodeTripleKeyInto(const std::array<TermId, 3>& parts, std::string* out);
inline bool IsTripleKey(std::string_view bytes) {
  return !bytes.empty() && bytes[0] == kTripleKeyKind;
}
// The part ids of a triple term's key; Corruption when it is malformed, or when a part is not
// an id that can be older than the triple term `id` (parts are always created first, which is
// what keeps nesting finite and decoding from looping on a damaged store).
Result<std::array<TermId, 3>> DecodeTripleKey(std::string_view bytes, TermId id);

// The key of any term into *key. A triple term's key needs its parts' ids, which `part_id` gives
// (finding or creating them, for instance); false when it gives kNoId for one (no such key).
// Parts are handled before *key is written, so `part_id` may use the same string.
template <typename PartIdFn>
Result<bool> EncodeKeyWith(const rdf::TermView& term, std::string* key, PartIdFn&& part_id) {
  if (term.kind != TermKind::kTriple) {
    EncodeTermKeyInto(term, key);
    return true;
  }
  std::array<TermId, 3> parts{};
  for (int i = 0; i < 3; ++i) {
    SEXTANT_ASSIGN_OR_RETURN(parts[static_cast<size_t>(i)], part_id(term.Part(i)));
    if (parts[static_cast<size_t>(i)] == kNoId) return false;
  }
  EncodeTripleKeyInto(parts, key);
  return true;
}

// The id a term has without consulting the dictionary: inline literals and the default graph.
// nullopt for terms that live in the dictionary.
std::optional<TermId> InlineIdOf(const rdf::TermView& term);

// The tag of the id a dictionary term gets.
inline IdTag TagFor(TermKind kind) {
  switch (kind) {
    case TermKind::kIri: return IdTag::kIri;
    case TermKind::kBlank: return IdTag::kBlank;
    case TermKind::kTriple: return IdTag::kTriple;
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
  // The id of the triple term with these parts; kNoId when it is not in the store.
  Result<TermId> LookupTriple(const std::array<TermId, 3>& parts) const;
  Result<Term> Decode(TermId id) const;
  // The ids of a triple term's subject, predicate and object: one dictionary read.
  Result<std::array<TermId, 3>> TripleParts(TermId id) const;
  // Decodes dictionary ids (not inline ones) with one iterator walking them in order: far
  // fewer index searches than a Get (or a MultiGet) each when a batch of result rows is
  // decoded. `ids` must be sorted and distinct; out[i] is the term of ids[i].
  Status DecodeMany(const std::vector<TermId>& ids, std::vector<Term>* out) const;

 private:
  rocksdb::Status Get(rocksdb::ColumnFamilyHandle* cf, const rocksdb::Slice& key,
                      std::string* value) const;
  Result<TermId> LookupKey(const std::string& key) const;
  // The id2term entry of a dictionary id (Corruption when it has none).
  Result<std::string> ReadEntry(TermId id) const;
  // Decodes a dictionary entry's bytes: triple terms part by part.
  Result<Term> DecodeEntry(TermId id, std::string_view bytes) const;

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
  // The id of the term whose key is in key_, or kNoId.
  Result<TermId> LookupKey();

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
