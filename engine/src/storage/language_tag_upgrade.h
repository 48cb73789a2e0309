// Format version 3 keeps language tags in lower case (they compare case-insensitively, so
// "x"@EN and "x"@en are one term). Older stores may hold tags in other cases; opening one
// rewrites those dictionary entries in place, ids unchanged, before the new version is recorded.
#pragma once

#include <string>

#include "sextant/status.h"

namespace sextant::storage {

class Store;

// For a store of format version 1 or 2: lowers every language tag of the dictionary. A
// read-only open that finds one to lower, or a store that holds one term under two cases
// (two ids), fails with VersionMismatch saying what to do. Idempotent: a crash part-way leaves
// the old version recorded, and the next open finishes the work.
Status LowerLanguageTagsForUpgrade(Store* store, const std::string& path, bool read_only);

}  // namespace sextant::storage
