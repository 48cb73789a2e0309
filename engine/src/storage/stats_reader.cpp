#include "storage/stats_reader.h"

#include <memory>

#include "storage/stats_keys.h"

namespace sextant::storage {

Result<IdStats> ReadIdStats(const Store* store, const rocksdb::Snapshot* snapshot) {
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot;
  std::unique_ptr<rocksdb::Iterator> it(store->db()->NewIterator(ro, store->stats()));
  IdStats out;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    const auto key = it->key();
    const auto value = it->value();
    if (value.size() != 8) return Status::Corruption("malformed statistics record");
    const int64_t v = stats_keys::DecodeValue(value.data());
    if (key == stats_keys::Total()) {
      out.quads = v;
    } else if (key.size() == 9 && key[0] == 'g') {
      if (v != 0) out.graphs[GetBigEndian(key.data() + 1)] = v;
    } else if (key.size() == 10 && key[0] == 'p') {
      auto& pc = out.predicates[GetBigEndian(key.data() + 1)];
      switch (key[9]) {
        case 't': pc.triples = v; break;
        case 's': pc.distinct_subjects = v; break;
        case 'o': pc.distinct_objects = v; break;
        default: return Status::Corruption("unknown statistics record");
      }
    } else {
      return Status::Corruption("unknown statistics record");
    }
  }
  if (!it->status().ok()) return FromRocks(it->status(), "reading statistics");
  for (auto p = out.predicates.begin(); p != out.predicates.end();) {
    p = p->second.triples == 0 ? out.predicates.erase(p) : std::next(p);
  }
  return out;
}

}  // namespace sextant::storage
