// Changes to the stored rules, staged in a write transaction: the commit recompiles the rules
// (rejecting a set that cannot be stratified) and recomputes the derived graph in the same batch.
#pragma once

#include <string>

#include "storage/write_txn.h"

namespace sextant::rules {

// Adds or replaces a user rule; `text` is a self-contained RULE statement.
Status StageAddRule(storage::WriteTxn* txn, const std::string& name, const std::string& text);
Status StageDropRule(storage::WriteTxn* txn, const std::string& name, bool silent);
// A built-in set name or a user rule name.
Status StageEnable(storage::WriteTxn* txn, const std::string& name, bool enabled);

}  // namespace sextant::rules
