// A bulk load's dictionary. New terms live only in the loader's map (once each: no write
// batch holding them twice more) until they are written, normally once, at the end of the
// load: term2id sorted once into one file, id2term in id order into another, so nothing is
// left for compaction to merge. A load whose terms outgrow the map writes and forgets them
// whenever it fills up, and looks terms it no longer holds up in the store.
#pragma once

#include <boost/unordered/unordered_flat_map.hpp>
#include <string>

#include "rdf/term_view.h"
#include "sextant/status.h"
#include "storage/store.h"
#include "storage/term_id.h"

namespace sextant::storage {

class LoadDictionary {
 public:
  // `term_limit`: terms the map may hold; past it, the next Write empties it. With
  // `check_new_terms`, a term new to the store must pass CheckStorable (term_check.h): checked
  // once per new term rather than per quad, which cost a fifth of a LUBM load.
  LoadDictionary(Store* store, size_t term_limit, bool check_new_terms = false);
  Result<TermId> GetOrCreate(const rdf::TermView& term);
  // True when the map is over its limit: Write the new terms, which empties it.
  bool full() const { return map_.size() > term_limit_; }
  // Terms created since the last Write.
  uint64_t unwritten() const { return unwritten_; }

  // Writes the terms created since the last Write. Small loads go through the WAL in one
  // batch. Large ones write two SST files (names starting with `file_prefix`) after making the
  // sequence high-water mark durable, so an id handed out here is never handed out again even
  // after a crash, and ingest them together, so neither direction ever holds an entry the
  // other lacks. Either way the terms are in the store before any quad can refer to them.
  Status Write(bool as_files, const std::string& file_prefix);

 private:
  Store* store_;
  size_t term_limit_;
  // Open addressing: a bulk load probes this map for most terms of every quad.
  boost::unordered_flat_map<std::string, TermId> map_;
  std::string key_;
  // Sequence numbers from here on were handed out by this load and are not in the store yet.
  uint64_t first_unwritten_ = 0;
  uint64_t unwritten_ = 0;
  // While term2id was empty as the load started and the map was never emptied, a term missing
  // from the map is new: no database lookup.
  bool map_holds_all_terms_ = false;
  bool check_new_terms_ = false;
};

}  // namespace sextant::storage
