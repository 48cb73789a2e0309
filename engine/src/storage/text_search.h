// Runs a parsed search against the text index on one snapshot: BM25 ranking (k1 1.2,
// b 0.75) over literals, phrases by positions, prefixes by term range, AND/OR/NOT as list
// intersection, union and difference. Each query word matches its index term in every
// language the index holds (its Snowball stem there), and words that are stop words in one of
// them are left out (inside a phrase they keep their place).
#pragma once

#include <rocksdb/db.h>

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "sextant/status.h"
#include "storage/store.h"
#include "text/text_query.h"

namespace sextant::storage {

struct TextHit {
  TermId literal = kNoId;
  double score = 0;
};

// Called every few thousand postings with the bytes the search holds; a failure stops it
// (query deadlines, interrupts and memory budgets come in through here).
using TextSearchBudget = std::function<Status(uint64_t bytes)>;

struct TextSearchResult {
  std::vector<TextHit> hits;  // best first (ties: lower id first)
  uint64_t postings_read = 0;
  // Index terms and prefixes the query looked for: what a snippet highlights.
  std::set<std::string> terms;
  std::vector<std::string> prefixes;
};

// Whether the store's text index can answer searches now (a clear error if not).
Status TextIndexUsable(const Store& store);

// `limit` 0: every match.
Result<TextSearchResult> SearchText(const Store& store, const rocksdb::Snapshot* snapshot,
                                    const text::TextQuery& query, size_t limit,
                                    const TextSearchBudget& budget = nullptr);

// Matching literals the planner may expect, from the document frequencies alone; with
// `documents`, also the number of literals indexed (at least 1).
double EstimateTextMatches(const Store& store, const rocksdb::Snapshot* snapshot,
                           const text::TextQuery& query, double* documents = nullptr);

}  // namespace sextant::storage
