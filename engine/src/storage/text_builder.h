// Collects the documents of a bulk load or a rebuild in memory and writes their text index
// entries in key order: as SST files that join the load's single atomic ingestion, or into a
// WriteBatch for small loads.
#pragma once

#include <rocksdb/options.h>
#include <rocksdb/write_batch_base.h>

#include <boost/unordered/unordered_flat_map.hpp>
#include <boost/unordered/unordered_flat_set.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "sextant/status.h"
#include "storage/store.h"
#include "storage/text_config.h"
#include "storage/text_document.h"
#include "text/analyzer.h"

namespace sextant::storage {

class TextIndexBuilder {
 public:
  explicit TextIndexBuilder(TextConfig config) : config_(std::move(config)) {}
  const TextConfig& config() const { return config_; }

  // Whether `literal` was already offered (then Add need not be called again).
  bool Seen(TermId literal) const { return seen_.count(literal) > 0; }
  // Analyses and keeps one literal given its dictionary entry (kinds the index does not take
  // are remembered and skipped).
  void Add(TermId literal, std::string_view encoded_term);
  // Leaves out the documents the store already holds: literals older than the load (sequence
  // number below `first_new_sequence`) that are indexed already.
  Status DropIndexed(const Store& store, uint64_t first_new_sequence);

  bool empty() const { return docs_.size() == dropped_; }
  uint64_t documents() const { return docs_.size() - dropped_; }

  Status WriteTo(const Store& store, rocksdb::WriteBatchBase* batch);
  // Writes one SST file per text column family into `dir` and appends their ingestion
  // arguments (files with no entries are left out).
  Status WriteFiles(const Store& store, const std::string& dir,
                    std::vector<rocksdb::IngestExternalFileArg>* args);

 private:
  struct Doc {
    TermId id = kNoId;
    uint32_t length = 0;
    uint32_t language = 0;  // index into languages_
    bool dropped = false;
  };
  struct Posting {
    uint32_t term = 0;  // index into terms_
    uint32_t doc = 0;   // index into docs_
    uint32_t value_begin = 0;
    uint32_t value_size = 0;
  };
  // Sink for the sorted entries: Put/Merge by column family.
  class Sink;
  Status Emit(const Store& store, Sink* sink);

  TextConfig config_;
  text::Analyzer analyzer_;
  TextDocument scratch_;
  boost::unordered_flat_set<TermId> seen_;
  boost::unordered_flat_map<std::string, uint32_t> term_ids_;
  std::vector<std::string> terms_;
  std::vector<std::string> languages_;
  std::vector<Doc> docs_;
  std::vector<Posting> postings_;
  std::string values_;  // posting values, back to back
  size_t dropped_ = 0;
};

}  // namespace sextant::storage
