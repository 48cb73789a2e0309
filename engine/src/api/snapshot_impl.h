// Snapshot and QuadIterator over a RocksDB snapshot.
#pragma once

#include <rocksdb/db.h>

#include <memory>

#include "sextant/database.h"
#include "storage/dictionary.h"
#include "storage/store.h"

namespace sextant {

class SnapshotImpl : public Snapshot {
 public:
  explicit SnapshotImpl(const storage::Store* store);
  ~SnapshotImpl() override;

  std::unique_ptr<QuadIterator> Match(const QuadPattern& pattern) const override;
  Result<uint64_t> Count(const QuadPattern& pattern) const override;
  Result<bool> Contains(const Quad& quad) const override;
  Result<std::vector<GraphInfo>> Graphs() const override;
  Result<StoreStats> Stats() const override;

  const storage::Store* store() const { return store_; }
  const rocksdb::Snapshot* rocks_snapshot() const { return snapshot_; }
  const storage::DictionaryReader& dictionary() const { return dict_; }

  // Encodes a pattern; false when some bound term is not in the store (nothing can match).
  Result<bool> EncodePattern(const QuadPattern& pattern, storage::IdQuad* out) const;

 private:
  const storage::Store* store_;
  const rocksdb::Snapshot* snapshot_;
  storage::DictionaryReader dict_;
};

}  // namespace sextant
