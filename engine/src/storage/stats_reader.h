// Reads the statistics column family into StoreStats (with ids, for the planner) .
#pragma once

#include <map>
#include <unordered_map>

#include "sextant/status.h"
#include "storage/store.h"
#include "storage/term_id.h"

namespace sextant::storage {

struct PredicateCounts {
  int64_t triples = 0;
  int64_t distinct_subjects = 0;
  int64_t distinct_objects = 0;
};

struct IdStats {
  int64_t quads = 0;
  std::map<TermId, int64_t> graphs;  // graph id -> quads (only non-zero)
  std::unordered_map<TermId, PredicateCounts> predicates;
};

Result<IdStats> ReadIdStats(const Store* store, const rocksdb::Snapshot* snapshot);

}  // namespace sextant::storage
