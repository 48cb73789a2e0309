// A write transaction at the id level: every change goes into one WriteBatchWithIndex
// (dictionary entries, all index entries, statistics deltas), committed with one Write, so a
// crash never leaves some indexes updated and others not. Reads through the transaction see
// its own pending changes.
#pragma once

#include <rocksdb/utilities/write_batch_with_index.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "rdf/term_view.h"
#include "sextant/status.h"
#include "storage/dictionary.h"
#include "storage/index_order.h"
#include "storage/store.h"
#include "storage/text_maintenance.h"
#include "storage/txn_limits.h"

namespace sextant::storage {

class WriteTxn {
 public:
  // Busy when another write transaction of this process is open.
  static Result<std::unique_ptr<WriteTxn>> Begin(Store* store);
  ~WriteTxn();

  // Encodes a quad, creating dictionary entries for new terms.
  Result<IdQuad> EncodeForInsert(const rdf::QuadView& q);
  // Encodes without creating; any position whose term is unknown comes back as kNoId.
  Result<IdQuad> EncodeForLookup(const rdf::QuadView& q);

  // No-ops (returning false) when the quad already exists / does not exist.
  Result<bool> Insert(const IdQuad& q);
  Result<bool> Remove(const IdQuad& q);
  Result<bool> Contains(const IdQuad& q);

  // An iterator over one index that sees the pending changes.
  std::unique_ptr<rocksdb::Iterator> NewIndexIterator(IndexOrder order);
  DictionaryWriter& dictionary() { return dict_; }
  rocksdb::WriteBatchWithIndex* batch() { return &batch_; }
  const Store* store() const { return store_; }

  Status Commit();
  void Rollback();
  bool active() const { return active_; }

  // Net changes of this transaction (recorded while some commit hook of the store is active);
  // the hooks' own writes are not among them.
  const std::set<IdQuad>& net_inserted() const { return net_inserted_; }
  const std::set<IdQuad>& net_removed() const { return net_removed_; }
  // What commit hooks wrote in maintenance mode (derived facts), recorded the same way.
  const std::set<IdQuad>& maintained_inserted() const { return maintained_inserted_; }
  const std::set<IdQuad>& maintained_removed() const { return maintained_removed_; }
  // Maintenance mode: writes to the derived graph allowed, changes not recorded.
  void set_maintenance(bool on) { maintenance_ = on; }
  // Rules or rule sets were changed by this transaction (the commit hook recomputes).
  void MarkRulesChanged() { rules_changed_ = true; }
  // Quads a bulk load already committed, handed to the commit hook as this transaction's
  // insertions (nothing is written for them).
  void RecordLoaded(std::vector<IdQuad> quads) {
    net_inserted_.insert(quads.begin(), quads.end());
    loaded_ = true;
  }
  bool loaded() const { return loaded_; }
  void set_limits(const TxnLimits& limits) { limits_ = limits; }
  const TxnLimits& limits() const { return limits_; }
  bool rules_changed() const { return rules_changed_; }

  // Meta column family through the transaction (rule definitions live there).
  Status PutMeta(const std::string& key, const std::string& value);
  Status DeleteMeta(const std::string& key);
  Result<std::optional<std::string>> GetMeta(const std::string& key);
  // Keys starting with `prefix`, as the transaction sees them, in key order.
  Result<std::vector<std::pair<std::string, std::string>>> ScanMeta(const std::string& prefix);
  // Whether this transaction wrote (inserted or removed) a quad of graph `g`, recorded or not.
  bool wrote_graph(TermId g) const { return graph_delta_.contains(g); }
  uint64_t inserted() const { return inserted_; }
  uint64_t removed() const { return removed_; }

 private:
  explicit WriteTxn(Store* store, std::unique_lock<std::mutex> lock);
  Status Put(const IdQuad& q, bool insert);
  Status AddStatsDeltas();
  bool ExistsAfterCommit(rocksdb::Iterator* base, IndexOrder order, const IdQuad& q);

  Store* store_;
  std::unique_lock<std::mutex> lock_;
  rocksdb::WriteBatchWithIndex batch_;
  DictionaryWriter dict_;
  bool active_ = true;
  uint64_t inserted_ = 0;
  uint64_t removed_ = 0;
  int64_t total_delta_ = 0;
  std::map<TermId, int64_t> graph_delta_;
  std::map<TermId, int64_t> predicate_delta_;
  // (s,p) and (p,o) pairs touched: their distinct-count contribution is settled at commit.
  std::set<std::pair<TermId, TermId>> sp_pairs_;
  std::set<std::pair<TermId, TermId>> po_pairs_;
  bool tracking_ = false;
  bool maintenance_ = false;
  bool rules_changed_ = false;
  bool loaded_ = false;
  TxnLimits limits_;
  std::set<IdQuad> net_inserted_;
  std::set<IdQuad> net_removed_;
  TextMaintenance text_;
  std::set<IdQuad> maintained_inserted_;
  std::set<IdQuad> maintained_removed_;
};

// Appends a statistics delta (merge operand) to a batch.
rocksdb::Status AddStat(rocksdb::WriteBatchBase* batch, const Store* store, const std::string& key,
                        int64_t delta);

}  // namespace sextant::storage
