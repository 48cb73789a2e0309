// Commits a bulk load's batch of new dictionary entries as SST files instead of memtable
// inserts: term2id keys arrive in random order, and inserting them into a skip list (then
// flushing it) costs more than sorting them once and writing a file.
#pragma once

#include <rocksdb/write_batch.h>

#include <string>

#include "sextant/status.h"
#include "storage/store.h"

namespace sextant::storage {

// Writes the entries of `batch` (term2id, id2term and the sequence high-water mark, as put by
// DictionaryWriter) to the store. The sequence is made durable first, so an id handed out
// here is never handed out again, even after a crash; then term2id and id2term are ingested
// together, so neither ever holds an entry the other lacks. `file_prefix` names the staging
// files (it must be unique among the loads' files in flight).
Status IngestDictionaryBatch(Store* store, const rocksdb::WriteBatch& batch,
                             const std::string& file_prefix);

}  // namespace sextant::storage
