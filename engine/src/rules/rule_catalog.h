// Where rules live in the store: keys of the meta column family (docs/FORMAT.md).
//   rules/user/<name>  -> '1' or '0' (enabled) followed by the rule text
//   rules/set/<set>    -> "" while the built-in set is enabled
//   rules/stale        -> "" while the derived graph may lag the asserted facts (a bulk load
//                         ingested facts and its materialisation has not committed yet)
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "rules/rule_program.h"
#include "storage/store.h"
#include "storage/write_txn.h"

namespace sextant::rules::catalog {

inline constexpr std::string_view kPrefix = "rules/";
inline constexpr std::string_view kStaleKey = "rules/stale";
std::string UserKey(const std::string& name);
std::string SetKey(const std::string& set);

using MetaEntries = std::vector<std::pair<std::string, std::string>>;

// Every rule the entries define (user rules and the rules of every built-in set), with
// enabled flags.
std::vector<RuleSource> Sources(const MetaEntries& entries);
bool Stale(const MetaEntries& entries);

// Meta entries under kPrefix: committed, or as a transaction sees them.
Result<MetaEntries> Read(const storage::Store& store);
Result<MetaEntries> Read(storage::WriteTxn* txn);

// Persists the stale flag on its own (synced), before a bulk ingest.
Status MarkStale(storage::Store* store);

}  // namespace sextant::rules::catalog
