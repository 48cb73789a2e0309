#include "query/cost_model.h"

#include <algorithm>
#include <limits>

namespace sextant::query {

using storage::IdQuad;

// Matches of (?, p, o, ?): exact up to a thousand, beyond that from the share of the posg
// index's bytes the (p, o) prefix holds. Counting every match made planning LUBM's class
// patterns cost tens of milliseconds, more than running the query.
double CountWithObject(QueryContext* qc, TermId p, TermId o) {
  auto [it, inserted] = qc->object_counts.try_emplace({p, o}, 0.0);
  if (!inserted) return it->second;
  // A transaction's reads include its own pending writes, which no other query sees.
  const bool shared = qc->txn == nullptr && qc->snapshot != nullptr;
  const storage::StoreVersion version{shared ? qc->snapshot->GetSequenceNumber() : 0,
                                      qc->stats().quads};
  if (shared) {
    if (auto cached = qc->store->estimates().Find(version, p, o)) return it->second = *cached;
  }
  constexpr uint64_t kExactLimit = 1000;
  storage::IdScan scan = qc->Scan(IdQuad{kNoId, p, o, kNoId});
  uint64_t n = 0;
  for (; scan.Valid() && n < kExactLimit; scan.Next()) ++n;
  double count = static_cast<double>(n);
  if (n == kExactLimit) {
    const double share = storage::ApproximateShare(qc->store, storage::IndexOrder::kPOSG,
                                                   IdQuad{kNoId, p, o, kNoId}, 2);
    count = std::max(count, share * static_cast<double>(qc->stats().quads));
  }
  it->second = count;
  if (shared) qc->store->estimates().Put(version, p, o, count);
  return count;
}

double EstimatePattern(QueryContext* qc, const PatternTerm terms[4], const bool bound[4],
                       bool named_graph) {
  const auto& stats = qc->stats();
  double total = static_cast<double>(std::max<int64_t>(stats.quads, 1));
  for (int i = 0; i < 3; ++i) {
    if (!terms[i].is_var() && (terms[i].constant == kNoId ||
                               storage::TagOf(terms[i].constant) == storage::IdTag::kLocal)) {
      return 0;
    }
  }
  double est = total;
  const bool p_const = !terms[1].is_var();
  if (p_const) {
    auto it = stats.predicates.find(terms[1].constant);
    if (it == stats.predicates.end()) return 0;
    const auto& pc = it->second;
    est = static_cast<double>(pc.triples);
    if (bound[0]) est /= std::max<double>(1, static_cast<double>(pc.distinct_subjects));
    if (bound[2]) est /= std::max<double>(1, static_cast<double>(pc.distinct_objects));
    // A constant object is often a class, and classes differ wildly in size: count instead of
    // averaging.
    if (!terms[2].is_var() && !bound[0]) {
      est = CountWithObject(qc, terms[1].constant, terms[2].constant);
    }
  } else {
    // Unknown predicate: subject- or object-bound patterns still select few triples.
    constexpr double kSubjectBoundMatches = 20;
    constexpr double kObjectBoundMatches = 50;
    if (bound[0]) est = std::min(est, kSubjectBoundMatches);
    if (bound[2]) est = std::min(est, kObjectBoundMatches);
    if (bound[1]) est /= std::max<size_t>(stats.predicates.size(), 1);
  }
  if (named_graph && bound[3]) est /= std::max<size_t>(stats.graphs.size(), 1);
  // A pattern whose subject and object are variables bound by earlier joins only checks each
  // row, and most rows fail such a check: LUBM Q9 keeps 2,540 of 117,000 (student, teacher,
  // course) rows after `?X ub:takesCourse ?Z`. Flooring the estimate at one match per row made
  // later joins plan for 158,000 rows. Independence puts it at 0.3%; 1% leaves room for
  // correlated data. A check against a constant (`?Z rdf:type ub:Department`) is different:
  // queries name the class their joins already imply (Q2's 189 departments all pass), so it
  // keeps the floor of one.
  constexpr double kJoinedCheckFloor = 0.01;
  if (bound[0] && bound[2] && terms[0].is_var() && terms[2].is_var()) {
    return std::max(est, kJoinedCheckFloor);
  }
  return std::max(est, 1.0);
}

double EstimatePath(QueryContext* qc, const ast::Path& path, bool s_bound, bool o_bound,
                    const GraphSpec& graph) {
  const double total = static_cast<double>(std::max<int64_t>(qc->stats().quads, 1));
  // A negated property set from a bound end matches about as many triples as a pattern with
  // an unknown predicate; a closure takes a few steps from a bound end.
  constexpr double kNegatedFromBoundEnd = 20;
  constexpr double kClosureSteps = 10;
  switch (path.kind) {
    case ast::PathKind::kIri: {
      PatternTerm terms[4];
      terms[0].slot = 0;
      terms[2].slot = 2;
      auto id = qc->terms.LookupStored(Term::Iri(path.iri));
      terms[1].constant = id.ok() ? *id : kNoId;
      terms[3] = graph.term;
      bool bound[4] = {s_bound, true, o_bound, graph.named && !graph.term.is_var()};
      return EstimatePattern(qc, terms, bound, graph.named);
    }
    case ast::PathKind::kInverse: return EstimatePath(qc, path.args[0], o_bound, s_bound, graph);
    case ast::PathKind::kAlternative: {
      double sum = 0;
      for (const auto& a : path.args) sum += EstimatePath(qc, a, s_bound, o_bound, graph);
      return sum;
    }
    case ast::PathKind::kSequence: {
      double est = 1;
      for (size_t i = 0; i < path.args.size(); ++i) {
        est *= EstimatePath(qc, path.args[i], i == 0 ? s_bound : true,
                            i + 1 == path.args.size() ? o_bound : false, graph);
      }
      return est;
    }
    case ast::PathKind::kNegated: return s_bound || o_bound ? kNegatedFromBoundEnd : total;
    default:  // closures: a few steps from a bound end, everything from none
      return s_bound || o_bound ? kClosureSteps * EstimatePath(qc, path.args[0], true, false, graph)
                                : total;
  }
}

// An index join seeks once per input row; a hash join scans the pattern once (with only its
// constants bound) and probes a hash table. A seek costs about as much as reading ten or so
// index entries in sequence (measured on LUBM), so past that many input rows per scanned row the
// scan wins: LUBM Q9 checks 117,000 (student, course) pairs against takesCourse, 0.45 s of seeks
// against 0.03 s to scan and hash the predicate. A range the RangeCache holds is read at a tenth of
// the cost of reading it through RocksDB (measured on LUBM(10): 4 ms instead of 40 ms for the
// 275,000 takesCourse triples); with the hash table built from it, at a quarter. A hash join on a
// cached range pays off against far fewer seeks.
double ScanCost(QueryContext* qc, const PatternTerm terms[3], const GraphSpec& graph) {
  bool bound[4] = {false, false, false, graph.named && !graph.term.is_var()};
  for (int k = 0; k < 3; ++k) bound[k] = !terms[k].is_var();
  PatternTerm terms4[4] = {terms[0], terms[1], terms[2], graph.term};
  const double rows = EstimatePattern(qc, terms4, bound, graph.named);
  constexpr double kCachedScanCost = 0.25;
  return RangeIsCached(qc, terms4, graph.named) ? rows * kCachedScanCost : rows;
}

// Fully bound VALUES only filters; partly bound ones fan out less. An unbound VALUES multiplies
// every later scan by its row count, so it waits until a pattern binds one of its variables (or
// nothing else is left).
double ValuesCost(size_t rows, size_t columns, size_t bound_columns, bool others_left) {
  const double n = static_cast<double>(std::max<size_t>(rows, 1));
  constexpr double kFilterOnly = 0.5;
  constexpr double kPartlyBoundShare = 4;
  return bound_columns == columns ? kFilterOnly
         : bound_columns > 0      ? std::max(1.0, n / kPartlyBoundShare)
         : others_left            ? std::numeric_limits<double>::max() / 4
                                  : n;
}

double TextSearchCost(double matches, double documents, bool literal_bound) {
  return literal_bound ? std::min(1.0, matches / std::max(documents, 1.0)) : matches;
}

double JoinedRows(double input_rows, double cost) {
  return std::max(input_rows * std::max(cost, 0.0), 1.0);  // a check can shrink it
}

bool HashJoinIsCheaper(double scan_rows, double input_rows) {
  constexpr double kProbeCost = 1;       // hashing an input row and looking it up
  constexpr double kMaxBuildRows = 4e6;  // hash tables beyond this would strain the memory budget
  if (scan_rows > kMaxBuildRows) return false;
  return scan_rows + input_rows * kProbeCost < input_rows * kSeeksPerRangeEntry;
}

// A check answered by binary search in memory costs about one and a half (180 ns on LUBM(10),
// most of it the row's trip through the operators), per row and value; against a seek per row
// or a hash join on the pattern's ranges (LUBM Q9: 41,000 course checks took 7 ms, the hash
// join 2 ms).
bool CachedChecksAreCheaper(double input_rows, size_t values, double hash_join_cost) {
  constexpr double kCachedCheckCost = 1.5;
  const double checks = input_rows * static_cast<double>(values) * kCachedCheckCost;
  return !(checks >= hash_join_cost || checks >= input_rows * kSeeksPerRangeEntry);
}

}  // namespace sextant::query
