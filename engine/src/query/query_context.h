// Everything one query execution shares: the snapshot, term table, evaluation context,
// limits, variable slots and the dataset (FROM / FROM NAMED).
#pragma once

#include <rocksdb/db.h>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "query/expression.h"
#include "query/operator.h"
#include "query/service.h"
#include "query/term_table.h"
#include "storage/id_scan.h"
#include "storage/stats_reader.h"
#include "storage/store.h"
#include "storage/write_txn.h"

namespace sextant::query {

// Variable name -> row slot, for one query level (a subquery has its own).
class VarTable {
 public:
  int Slot(const std::string& name) {
    auto [it, inserted] = slots_.emplace(name, static_cast<int>(names_.size()));
    if (inserted) names_.push_back(name);
    return it->second;
  }
  int Find(const std::string& name) const {
    auto it = slots_.find(name);
    return it == slots_.end() ? -1 : it->second;
  }
  // A slot no query text can name (for path intermediates, aggregates, ...).
  // Keyed by something stable (an AST node's address) so planning twice gives the same slots.
  int Hidden(const void* key, int index = 0) {
    return Slot(" h" + std::to_string(reinterpret_cast<uintptr_t>(key)) + "_" +
                std::to_string(index));
  }
  static bool IsHidden(const std::string& name) { return !name.empty() && name[0] == ' '; }
  size_t size() const { return names_.size(); }
  const std::string& name(int slot) const { return names_[static_cast<size_t>(slot)]; }

 private:
  std::unordered_map<std::string, int> slots_;
  std::vector<std::string> names_;
};

struct QueryContext {
  QueryContext(const storage::Store* s, const rocksdb::Snapshot* snap,
               const storage::DictionaryReader* dict)
      : store(s), snapshot(snap), terms(dict) {
    eval.terms = &terms;
    eval.control = &control;
    terms.set_control(&control);
  }
  const storage::Store* store;
  const rocksdb::Snapshot* snapshot;
  // Set when the query runs inside a write transaction (an update's WHERE): reads then see
  // the transaction's pending changes.
  storage::WriteTxn* txn = nullptr;
  // The data version the snapshot sees, when known: scans may then read ranges other queries
  // of that version left in the store's range cache.
  uint64_t data_version = storage::kNoVersion;
  TermTable terms;

  // An iterator over one index, on the snapshot or through the transaction.
  std::unique_ptr<rocksdb::Iterator> NewIterator(storage::IndexOrder order) const {
    if (txn != nullptr) return txn->NewIndexIterator(order);
    rocksdb::ReadOptions ro;
    ro.snapshot = snapshot;
    return std::unique_ptr<rocksdb::Iterator>(store->db()->NewIterator(ro, store->index(order)));
  }
  storage::IdScan Scan(const storage::IdQuad& pattern) const {
    const storage::ScanPlan plan = storage::ChooseIndex(pattern);
    return storage::IdScan(NewIterator(plan.order), pattern, plan);
  }
  EvalContext eval;
  QueryControl control;
  // SERVICE requests go through this; null: SERVICE is not available (rules, checks).
  ServiceClient* service = nullptr;
  // FROM graphs (nullopt: the default graph is the union of all graphs).
  std::optional<std::vector<TermId>> default_graphs;
  // FROM NAMED graphs (nullopt: every named graph).
  std::optional<std::vector<TermId>> named_graphs;
  // A graph no pattern sees, default or named (the derived graph when a query excludes
  // derived facts); kNoId for none.
  TermId hidden_graph = kNoId;
  // Rule evaluation (engine/src/rules): the triple pattern at this AST address reads these
  // quads instead of the store, so a rule body is evaluated against a delta of facts.
  const void* delta_pattern = nullptr;
  const std::vector<storage::IdQuad>* delta_quads = nullptr;
  // Quads that patterns skip although the store (or transaction) holds them: derived facts a
  // recomputation has not derived again yet (they are deleted at its end unless it does).
  const std::set<storage::IdQuad>* ghost_quads = nullptr;

  // EXISTS patterns registered while compiling expressions; EvalContext::exists indexes this.
  struct ExistsEntry {
    const void* pattern;  // ast::GroupPattern
    const void* level;    // PlannedQuery whose row layout the pattern sees
    bool named;           // graph context of the FILTER (see GraphSpec)
    int graph_slot;
    TermId graph_constant;
  };
  std::vector<ExistsEntry> exists;

  // Matches of (?, p, o, ?) as the planner estimated them; the greedy join order asks for the
  // same pattern many times.
  std::map<std::pair<TermId, TermId>, double> object_counts;

  // The store's statistics at the snapshot; shared with the other queries of the same data
  // version (reading them is a scan of the statistics column family).
  const storage::IdStats& stats() {
    if (!stats_) {
      const bool shared = data_version != storage::kNoVersion && txn == nullptr;
      if (shared) stats_ = store->CachedStats(data_version);
      if (!stats_) {
        auto s = storage::ReadIdStats(store, snapshot);
        stats_ =
            std::make_shared<const storage::IdStats>(s.ok() ? std::move(*s) : storage::IdStats{});
        if (shared && s.ok()) store->CacheStats(data_version, stats_);
      }
    }
    return *stats_;
  }

 private:
  std::shared_ptr<const storage::IdStats> stats_;
};

}  // namespace sextant::query
