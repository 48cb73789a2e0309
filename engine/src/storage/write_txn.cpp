#include "storage/write_txn.h"

#include <algorithm>

#include "storage/commit_hook.h"
#include "storage/id_scan.h"
#include "storage/stats_keys.h"

namespace sextant::storage {

rocksdb::Status AddStat(rocksdb::WriteBatchBase* batch, const Store* store, const std::string& key,
                        int64_t delta) {
  if (delta == 0) return rocksdb::Status::OK();
  return batch->Merge(store->stats(), key, stats_keys::EncodeValue(delta));
}

Result<std::unique_ptr<WriteTxn>> WriteTxn::Begin(Store* store) {
  if (store->read_only()) {
    return Status::InvalidArgument("store '" + store->path() + "' is open read-only");
  }
  std::unique_lock<std::mutex> lock(store->writer_mutex(), std::try_to_lock);
  if (!lock.owns_lock()) {
    return Status::Busy(
        "another write transaction is in progress on this store (one writer at a time)");
  }
  return std::unique_ptr<WriteTxn>(new WriteTxn(store, std::move(lock)));
}

WriteTxn::WriteTxn(Store* store, std::unique_lock<std::mutex> lock)
    : store_(store),
      lock_(std::move(lock)),
      batch_(rocksdb::BytewiseComparator(), 0, /*overwrite_key=*/true),
      dict_(store, &batch_),
      tracking_(std::any_of(store->commit_hooks().begin(), store->commit_hooks().end(),
                            [](const CommitHook* h) { return h->active(); })) {}

WriteTxn::~WriteTxn() = default;

Result<IdQuad> WriteTxn::EncodeForInsert(const rdf::QuadView& q) {
  IdQuad ids;
  const rdf::TermView* views[4] = {&q.subject, &q.predicate, &q.object, &q.graph};
  for (int i = 0; i < 4; ++i) {
    SEXTANT_ASSIGN_OR_RETURN(ids[i], dict_.GetOrCreate(*views[i]));
  }
  return ids;
}

Result<IdQuad> WriteTxn::EncodeForLookup(const rdf::QuadView& q) {
  IdQuad ids;
  const rdf::TermView* views[4] = {&q.subject, &q.predicate, &q.object, &q.graph};
  for (int i = 0; i < 4; ++i) {
    SEXTANT_ASSIGN_OR_RETURN(ids[i], dict_.Lookup(*views[i]));
  }
  return ids;
}

Result<bool> WriteTxn::Contains(const IdQuad& q) {
  for (TermId id : q) {
    if (id == kNoId) return false;
  }
  char key[kKeySize];
  EncodeKey(IndexOrder::kSPOG, q, key);
  std::string value;
  const auto s = batch_.GetFromBatchAndDB(store_->db(), rocksdb::ReadOptions(),
                                          store_->index(IndexOrder::kSPOG),
                                          rocksdb::Slice(key, kKeySize), &value);
  if (s.IsNotFound()) return false;
  if (!s.ok()) return FromRocks(s, "existence check");
  return true;
}

Status WriteTxn::Put(const IdQuad& q, bool insert) {
  char key[kKeySize];
  const int orders = q[kG] == kDefaultGraphId ? 3 : kIndexCount;
  for (int i = 0; i < orders; ++i) {
    const auto order = static_cast<IndexOrder>(i);
    EncodeKey(order, q, key);
    const rocksdb::Slice k(key, kKeySize);
    const auto s = insert ? batch_.Put(store_->index(order), k, rocksdb::Slice())
                          : batch_.Delete(store_->index(order), k);
    if (!s.ok()) return FromRocks(s, "index write");
  }
  if (tracking_) {
    auto& added = maintenance_ ? maintained_inserted_ : net_inserted_;
    auto& taken = maintenance_ ? maintained_removed_ : net_removed_;
    auto& undo = insert ? taken : added;
    if (undo.erase(q) == 0) (insert ? added : taken).insert(q);
  }
  text_.Touch(q);
  const int64_t d = insert ? 1 : -1;
  total_delta_ += d;
  graph_delta_[q[kG]] += d;
  predicate_delta_[q[kP]] += d;
  sp_pairs_.emplace(q[kS], q[kP]);
  po_pairs_.emplace(q[kP], q[kO]);
  return Status::OK();
}

namespace {
Status DerivedGraphWrite() {
  return Status::InvalidArgument(
      "the derived graph <urn:sextant:derived> holds what rules infer and is maintained by them; "
      "it cannot be "
      "written directly (change the asserted facts or the rules instead)");
}
}  // namespace

Result<bool> WriteTxn::Insert(const IdQuad& q) {
  if (!active_) return Status::InvalidArgument("transaction already finished");
  if (!maintenance_ && q[kG] != kNoId && q[kG] == store_->derived_graph()) {
    return DerivedGraphWrite();
  }
  SEXTANT_ASSIGN_OR_RETURN(const bool exists, Contains(q));
  if (exists) return false;
  SEXTANT_RETURN_IF_ERROR(Put(q, true));
  ++inserted_;
  return true;
}

Result<bool> WriteTxn::Remove(const IdQuad& q) {
  if (!active_) return Status::InvalidArgument("transaction already finished");
  if (!maintenance_ && q[kG] != kNoId && q[kG] == store_->derived_graph()) {
    return DerivedGraphWrite();
  }
  SEXTANT_ASSIGN_OR_RETURN(const bool exists, Contains(q));
  if (!exists) return false;
  SEXTANT_RETURN_IF_ERROR(Put(q, false));
  ++removed_;
  return true;
}

std::unique_ptr<rocksdb::Iterator> WriteTxn::NewIndexIterator(IndexOrder order) {
  auto* cf = store_->index(order);
  return std::unique_ptr<rocksdb::Iterator>(
      batch_.NewIteratorWithBase(cf, store_->db()->NewIterator(rocksdb::ReadOptions(), cf)));
}

// Whether a key with the two-id prefix of `q` exists once this transaction commits. Looks only
// at keys under the prefix, in the batch and in the store: a merged base+delta iterator would
// walk every deleted key after the prefix, which is quadratic for large deletes.
bool WriteTxn::ExistsAfterCommit(rocksdb::Iterator* base, IndexOrder order, const IdQuad& q) {
  char prefix[kKeySize];
  EncodeKey(order, q, prefix);
  const rocksdb::Slice p(prefix, 16);
  std::map<std::string, bool> pending;  // key -> inserted (false: deleted)
  std::unique_ptr<rocksdb::WBWIIterator> delta(batch_.NewIterator(store_->index(order)));
  for (delta->Seek(p); delta->Valid() && delta->Entry().key.starts_with(p); delta->Next()) {
    const auto type = delta->Entry().type;
    if (type == rocksdb::kPutRecord) return true;
    if (type == rocksdb::kDeleteRecord || type == rocksdb::kSingleDeleteRecord) {
      pending[delta->Entry().key.ToString()] = false;
    }
  }
  for (base->Seek(p); base->Valid() && base->key().starts_with(p); base->Next()) {
    if (!pending.count(base->key().ToString())) return true;
  }
  return false;
}

Status WriteTxn::AddStatsDeltas() {
  auto* b = &batch_;
  rocksdb::Status s = AddStat(b, store_, stats_keys::Total(), total_delta_);
  for (const auto& [g, d] : graph_delta_) {
    if (s.ok()) s = AddStat(b, store_, stats_keys::Graph(g), d);
  }
  for (const auto& [p, d] : predicate_delta_) {
    if (s.ok()) s = AddStat(b, store_, stats_keys::Predicate(p, 't'), d);
  }
  if (!s.ok()) return FromRocks(s, "statistics");
  // Distinct subjects/objects per predicate: compare each touched pair's presence in the
  // committed state with its presence after this transaction.
  std::unique_ptr<rocksdb::Iterator> before_spog(
      store_->db()->NewIterator({}, store_->index(IndexOrder::kSPOG)));
  std::unique_ptr<rocksdb::Iterator> before_posg(
      store_->db()->NewIterator({}, store_->index(IndexOrder::kPOSG)));
  std::map<std::pair<TermId, char>, int64_t> distinct;
  for (const auto& [subj, pred] : sp_pairs_) {
    const IdQuad q{subj, pred, 0, 0};
    const int d = static_cast<int>(ExistsAfterCommit(before_spog.get(), IndexOrder::kSPOG, q)) -
                  static_cast<int>(PrefixExists(before_spog.get(), IndexOrder::kSPOG, q, 2));
    if (d != 0) distinct[{pred, 's'}] += d;
  }
  for (const auto& [pred, obj] : po_pairs_) {
    const IdQuad q{0, pred, obj, 0};
    const int d = static_cast<int>(ExistsAfterCommit(before_posg.get(), IndexOrder::kPOSG, q)) -
                  static_cast<int>(PrefixExists(before_posg.get(), IndexOrder::kPOSG, q, 2));
    if (d != 0) distinct[{pred, 'o'}] += d;
  }
  for (const auto& [k, d] : distinct) {
    s = AddStat(b, store_, stats_keys::Predicate(k.first, k.second), d);
    if (!s.ok()) return FromRocks(s, "statistics");
  }
  return Status::OK();
}

Status WriteTxn::Commit() {
  if (!active_) return Status::InvalidArgument("transaction already finished");
  const auto& hooks = store_->commit_hooks();
  const bool notify = rules_changed_ ||
                      (tracking_ && (!net_inserted_.empty() || !net_removed_.empty())) ||
                      (!tracking_ && !graph_delta_.empty() &&
                       std::any_of(hooks.begin(), hooks.end(),
                                   [this](CommitHook* h) { return h->WantsUntracked(this); }));
  Status st;
  size_t notified = 0;
  if (notify) {
    maintenance_ = true;
    for (CommitHook* hook : hooks) {
      ++notified;
      st = hook->BeforeCommit(this);
      if (!st.ok()) break;
    }
    maintenance_ = false;
  }
  active_ = false;
  if (st.ok()) st = AddStatsDeltas();
  if (st.ok()) st = text_.AddToBatch(*store_, &batch_);
  if (st.ok()) {
    dict_.WriteSequence();
    const Store::DataWrite version_change(store_);
    st = FromRocks(store_->db()->Write(store_->write_options(), batch_.GetWriteBatch()), "commit");
  }
  for (size_t i = 0; i < notified; ++i) hooks[i]->AfterCommit(this, st.ok());
  batch_.Clear();
  lock_.unlock();
  return st;
}

Status WriteTxn::PutMeta(const std::string& key, const std::string& value) {
  return FromRocks(batch_.Put(store_->meta(), key, value), "meta write");
}

Status WriteTxn::DeleteMeta(const std::string& key) {
  return FromRocks(batch_.Delete(store_->meta(), key), "meta write");
}

Result<std::optional<std::string>> WriteTxn::GetMeta(const std::string& key) {
  std::string value;
  const auto s =
      batch_.GetFromBatchAndDB(store_->db(), rocksdb::ReadOptions(), store_->meta(), key, &value);
  if (s.IsNotFound()) return std::optional<std::string>();
  if (!s.ok()) return FromRocks(s, "meta read");
  return std::optional<std::string>(std::move(value));
}

Result<std::vector<std::pair<std::string, std::string>>> WriteTxn::ScanMeta(
    const std::string& prefix) {
  std::vector<std::pair<std::string, std::string>> out;
  auto* cf = store_->meta();
  std::unique_ptr<rocksdb::Iterator> it(
      batch_.NewIteratorWithBase(cf, store_->db()->NewIterator({}, cf)));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    out.emplace_back(it->key().ToString(), it->value().ToString());
  }
  if (!it->status().ok()) return FromRocks(it->status(), "meta read");
  return out;
}

void WriteTxn::Rollback() {
  if (!active_) return;
  active_ = false;
  batch_.Clear();
  lock_.unlock();
}

}  // namespace sextant::storage
