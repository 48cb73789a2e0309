#include "query/term_table.h"

#include "query/operator.h"
#include "rdf/term_view.h"
#include "storage/inline_value.h"

namespace sextant::query {
namespace {

uint64_t BytesOf(const Term& t) {
  return sizeof(Term) + t.value().size() + t.datatype().size() + t.language().size();
}

}  // namespace

Result<const Term*> TermTable::Decode(TermId id) {
  if (storage::TagOf(id) == storage::IdTag::kLocal) {
    const uint64_t i = storage::PayloadOf(id);
    if (i >= locals_.size()) return Status::Internal("unknown query-local term id");
    return &locals_[i];
  }
  if (id == storage::kNoId) return Status::Internal("decoding an unbound value");
  if (auto it = decoded_.find(id); it != decoded_.end()) return &it->second;
  SEXTANT_ASSIGN_OR_RETURN(Term t, dict_->Decode(id));
  return &decoded_.emplace(id, std::move(t)).first->second;
}

// Planning asks for the same constants many times (once per candidate join order, per VALUES
// row): each ask was a dictionary lookup in RocksDB, most of a short query's cost.
Result<TermId> TermTable::LookupStored(const Term& term) const {
  if (auto it = stored_ids_.find(term); it != stored_ids_.end()) return it->second;
  SEXTANT_ASSIGN_OR_RETURN(const TermId id, dict_->Lookup(rdf::TermView::Of(term)));
  stored_ids_.emplace(term, id);
  return id;
}

Result<TermId> TermTable::LookupStoredTriple(const std::array<TermId, 3>& parts) const {
  return dict_->LookupTriple(parts);
}

Result<std::array<TermId, 3>> TermTable::StoredTripleParts(TermId id) const {
  return dict_->TripleParts(id);
}

TermId TermTable::Intern(const Term& term) {
  if (auto inline_id = storage::InlineIdOf(rdf::TermView::Of(term))) return *inline_id;
  if (auto it = local_ids_.find(term); it != local_ids_.end()) return it->second;
  auto stored = LookupStored(term);
  if (stored.ok() && *stored != storage::kNoId) return *stored;
  const TermId id = storage::MakeId(storage::IdTag::kLocal, locals_.size());
  // Kept for the whole query (in the list and the map): a query making a new string per row
  // pays for each.
  if (control_ != nullptr) control_->Charge(2 * BytesOf(term) + 64);
  locals_.push_back(term);
  local_ids_.emplace(term, id);
  return id;
}

}  // namespace sextant::query
