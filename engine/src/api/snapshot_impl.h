// Snapshot and QuadIterator over a RocksDB snapshot.
#pragma once

#include <rocksdb/db.h>

#include <memory>

#include "sextant/database.h"
#include "storage/dictionary.h"
#include "storage/store.h"

namespace sextant {

// The RocksDB snapshot and its dictionary view, shared by a Snapshot and every iterator made
// from it, so an iterator stays valid after the Snapshot object is gone.
struct SnapshotState {
  explicit SnapshotState(const storage::Store* s)
      : store(s),
        epoch_before(s->data_epoch()),
        snapshot(s->db()->GetSnapshot()),
        data_version(s->VersionSince(epoch_before)),
        dict(s, snapshot) {}
  ~SnapshotState() { store->db()->ReleaseSnapshot(snapshot); }
  SnapshotState(const SnapshotState&) = delete;
  SnapshotState& operator=(const SnapshotState&) = delete;

  const storage::Store* store;
  const uint64_t epoch_before;
  const rocksdb::Snapshot* snapshot;
  // The version of the data the snapshot sees (storage::kNoVersion: unknown), for caches.
  const uint64_t data_version;
  storage::DictionaryReader dict;
};

class SnapshotImpl : public Snapshot {
 public:
  explicit SnapshotImpl(const storage::Store* store)
      : state_(std::make_shared<SnapshotState>(store)) {}

  std::unique_ptr<QuadIterator> Match(const QuadPattern& pattern) const override;
  Result<uint64_t> Count(const QuadPattern& pattern) const override;
  Result<bool> Contains(const Quad& quad) const override;
  Result<std::vector<GraphInfo>> Graphs() const override;
  Result<StoreStats> Stats() const override;

  const storage::Store* store() const { return state_->store; }
  const rocksdb::Snapshot* rocks_snapshot() const { return state_->snapshot; }
  const storage::DictionaryReader& dictionary() const { return state_->dict; }
  const std::shared_ptr<SnapshotState>& state() const { return state_; }

  // Encodes a pattern; false when some bound term is not in the store (nothing can match).
  Result<bool> EncodePattern(const QuadPattern& pattern, storage::IdQuad* out) const;

 private:
  std::shared_ptr<SnapshotState> state_;
};

}  // namespace sextant
