// Verifies a store against its own invariants: the six indexes hold the same quads, the
// dictionary's two directions agree, every referenced id resolves, and the statistics equal a
// recount. Crash, fault and corruption tests use it to prove "nothing half there".
#pragma once

#include "sextant/database.h"
#include "storage/store.h"

namespace sextant::storage {

// Reads everything on one snapshot, so it can run while writers commit. Problems found are
// reported in the CheckReport; the Status is an error only when the check could not run (or
// RocksDB's own checksums failed, which is Corruption).
Result<CheckReport> CheckStore(const Store& store);

}  // namespace sextant::storage
