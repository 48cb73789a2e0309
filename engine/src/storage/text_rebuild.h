// Building the text index from the quads: after a configuration change, on upgrading a
// version-1 store, on request, and to finish a rebuild a crash cut short.
#pragma once

#include <optional>

#include "sextant/status.h"
#include "storage/store.h"
#include "storage/text_config.h"

namespace sextant::storage {

// Reads the text index configuration and pending mark into the store (at open).
Status LoadTextIndexState(Store* store);

// Empties the text index and builds it again from every indexed quad, switching to
// `config` first when given. Takes the writer lock (Busy if another writer holds it). The
// emptying commits with a pending mark and the mark goes only once the new index is in, so a
// crash in between leaves a store whose next writable open rebuilds again.
Status RebuildTextIndex(Store* store, const std::optional<TextConfig>& config = std::nullopt);

}  // namespace sextant::storage
