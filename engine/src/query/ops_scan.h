// Index nested-loop join of a triple pattern: for each input row, the pattern's positions
// bound by constants or by the row become the prefix of one index scan, and every match
// extends the row. This is how basic graph patterns are evaluated, pattern by pattern in
// the order the planner picks.
#pragma once

#include <optional>
#include <vector>

#include "query/operator.h"
#include "query/query_context.h"
#include "storage/id_scan.h"

namespace sextant::query {

// A pattern position: a variable slot, or a constant id (kNoId: a term the store lacks, so
// nothing can match).
struct PatternTerm {
  int slot = -1;
  TermId constant = kNoId;
  bool is_var() const { return slot >= 0; }
};

// Which graphs a pattern reads: the default graph (the union of all graphs, or the FROM
// graphs), or a named graph (GRAPH ?g / GRAPH <g>).
struct GraphSpec {
  bool named = false;
  PatternTerm term;  // when named
};

class PatternJoinOp : public Operator {
 public:
  PatternJoinOp(OperatorPtr child, PatternTerm s, PatternTerm p, PatternTerm o, GraphSpec g,
                QueryContext* qc, std::string text);
  std::string Describe() const override { return "IndexJoin " + text_; }
  std::vector<const Operator*> children() const override { return {child_.get()}; }
  std::string AnalyzeNote() const override;

 protected:
  bool DoNext(RowBatch& out) override;

 private:
  bool StartScan(const TermId* row);
  bool ChooseGraph(const TermId* row, storage::IdQuad& pattern);
  void PublishRecording();
  bool Emit(const storage::IdQuad& q, const TermId* in, RowBatch& out);

  OperatorPtr child_;
  PatternTerm terms_[4];
  bool named_;
  QueryContext* qc_;
  std::string text_;
  RowBatch in_;
  size_t in_pos_ = 0;
  bool child_done_ = false;
  std::optional<storage::IdScan> scan_;
  std::unique_ptr<rocksdb::Iterator> iterators_[storage::kIndexCount];  // reused across rows
  const TermId* scan_row_ = nullptr;
  bool dedupe_triples_ = false;
  std::optional<storage::IdQuad> last_;
  std::vector<TermId> scratch_;
  // The range the current scan records for the RangeCache (recording_.sink is null if none).
  storage::RangeKey range_key_;
  storage::RangeQuads record_;
  storage::IdScan::Recording recording_{nullptr, 0};
  uint64_t check_seeks_ = 0;  // triple checks not served from the RangeCache
  uint64_t scans_ = 0;
  uint64_t cached_scans_ = 0;
};

// The RangeCache's range that serves a scan with `plan` of `pattern`: the range of exactly the
// plan's prefix, or that of the pattern's predicate alone; null if neither is cached.
std::shared_ptr<const storage::RangeQuads> CachedRangeFor(QueryContext* qc,
                                                          const storage::ScanPlan& plan,
                                                          const storage::IdQuad& pattern);
// Reports `seeks` more (p, o) seeks into predicate `p` (a path's steps) and reads all of p's
// triples into the RangeCache once the seeks over this and earlier queries outweigh that and
// their number suits the cache; null if it did not.
std::shared_ptr<const storage::RangeQuads> FillPredicateRange(QueryContext* qc, TermId p,
                                                              uint64_t seeks);

// Whether the range a scan of the pattern's constants alone reads is in the store's RangeCache.
bool RangeIsCached(QueryContext* qc, const PatternTerm terms[4], bool named_graph);

}  // namespace sextant::query
