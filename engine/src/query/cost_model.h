// The planner's cost model: every estimate of how many rows a pattern or path matches and what
// reading them costs, with the constants measured for them. Costs are in units of one index
// entry read in sequence through RocksDB.
#pragma once

#include <cstddef>

#include "grammar/ast.h"
#include "query/ops_scan.h"
#include "query/query_context.h"

namespace sextant::query {

// A RocksDB seek costs about as much as reading this many entries of a range in sequence
// (measured on LUBM). The planner prices an index join's seek with it, and the range cache
// reads a predicate's range once the seeks into it outweigh reading it.
inline constexpr double kSeeksPerRangeEntry = 10;

// At most this many VALUES rows turn a pattern into checks against cached ranges.
inline constexpr size_t kMaxValuesForCachedChecks = 16;

// The cost that puts a pattern reading a rule's delta first: the delta is small and drives
// the evaluation.
inline constexpr double kDeltaPatternCost = -1;

// Matches of (?, p, o, ?): exact up to a thousand, else estimated (kept per query and per
// store version).
double CountWithObject(QueryContext* qc, TermId p, TermId o);

// Estimated matches of a pattern when the positions in `bound` (s, p, o, g) are known.
double EstimatePattern(QueryContext* qc, const PatternTerm terms[4], const bool bound[4],
                       bool named_graph);

// Estimated matches of a property path with its subject and object bound or not.
double EstimatePath(QueryContext* qc, const ast::Path& path, bool s_bound, bool o_bound,
                    const GraphSpec& graph);

// What scanning the pattern with only its constants bound costs (the scanned side of a hash
// join): its matches, less when the range cache holds them.
double ScanCost(QueryContext* qc, const PatternTerm terms[3], const GraphSpec& graph);

// The greedy join order's cost of a VALUES list of `rows` rows and `columns` columns of which
// `bound_columns` are already bound; `others_left`: patterns that may still bind them wait.
double ValuesCost(size_t rows, size_t columns, size_t bound_columns, bool others_left);

// A text search runs once per query and finds `matches` of the `documents` indexed literals.
// Per input row it yields every match when the literal is free, and is a check (the share of
// literals that match) when it is bound.
double TextSearchCost(double matches, double documents, bool literal_bound);

// Rows after joining `input_rows` rows with an item of cost `cost` (matches per row).
double JoinedRows(double input_rows, double cost);

// Whether scanning `scan_rows` and probing a hash table with each of `input_rows` rows beats a
// seek per input row.
bool HashJoinIsCheaper(double scan_rows, double input_rows);

// Whether checking each of `input_rows` rows against `values` classes' cached ranges beats both
// a hash join costing `hash_join_cost` and a seek per row.
bool CachedChecksAreCheaper(double input_rows, size_t values, double hash_join_cost);

}  // namespace sextant::query
