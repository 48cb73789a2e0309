// Keeps the text index in step with one write transaction: the literals that gained their
// first indexed quad become documents and those that lost their last one stop being documents,
// in the transaction's own batch, so the index and the quads commit (or fail) together.
#pragma once

#include <rocksdb/utilities/write_batch_with_index.h>

#include <set>

#include "sextant/status.h"
#include "storage/index_order.h"
#include "storage/store.h"

namespace sextant::storage {

class TextMaintenance {
 public:
  // Every quad the transaction inserts or removes.
  void Touch(const IdQuad& q) {
    if (TagOf(q[kO]) == IdTag::kLiteral) touched_.insert(q[kO]);
  }
  // At commit, before the batch is written (writer lock held).
  Status AddToBatch(const Store& store, rocksdb::WriteBatchWithIndex* batch);

 private:
  std::set<TermId> touched_;
};

// Whether some quad with object `literal` has an indexed predicate and graph, in the store
// (`batch` null) or once `batch` commits.
bool HasIndexedQuad(const Store& store, rocksdb::WriteBatchWithIndex* batch,
                    rocksdb::Iterator* ospg, TermId literal, const TextConfig& config);

}  // namespace sextant::storage
