// Maps between ids and terms while a query runs. Stored terms keep their dictionary ids and
// inline values their inline ids, so computed terms join and compare with stored ones by id;
// anything else gets a query-local id (IdTag::kLocal). Decoding is cached.
#pragma once

#include <array>
#include <deque>
#include <string>
#include <unordered_map>

#include "sextant/status.h"
#include "sextant/term.h"
#include "storage/dictionary.h"
#include "storage/term_id.h"

namespace sextant::query {

using storage::TermId;
struct QueryControl;

class TermTable {
 public:
  explicit TermTable(const storage::DictionaryReader* dict) : dict_(dict) {}
  // The query whose memory budget pays for the terms the query makes (unset: none).
  void set_control(QueryControl* control) { control_ = control; }

  // The term for an id; kNoId and unknown ids are errors. The reference stays valid for the
  // table's lifetime.
  Result<const Term*> Decode(TermId id);
  // The id for a term, without creating dictionary entries.
  TermId Intern(const Term& term);
  // Id of a term in the store only (kNoId if the store does not have it).
  Result<TermId> LookupStored(const Term& term) const;
  // The stored triple term with these parts (kNoId when the store has none), and the parts of
  // a stored triple term: what triple term patterns match through.
  Result<TermId> LookupStoredTriple(const std::array<TermId, 3>& parts) const;
  Result<std::array<TermId, 3>> StoredTripleParts(TermId id) const;

  size_t local_count() const { return locals_.size(); }

 private:
  const storage::DictionaryReader* dict_;
  QueryControl* control_ = nullptr;
  std::deque<Term> locals_;
  std::unordered_map<Term, TermId, TermHash> local_ids_;
  std::unordered_map<TermId, Term> decoded_;
  mutable std::unordered_map<Term, TermId, TermHash> stored_ids_;  // kNoId: not in the store
  // Fresh decodes of inline ids are kept here too so the returned pointer is stable.
};

}  // namespace sextant::query
