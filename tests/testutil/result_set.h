// Expected SPARQL results from the W3C suites (.srx, .srj, .tsv) and their comparison with
// ours: multisets of rows, in order only when the query sorts, blank nodes up to renaming.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sextant/query.h"
#include "sextant/status.h"
#include "sextant/term.h"

namespace sextant::w3c {

struct ResultSet {
  bool is_boolean = false;
  bool boolean = false;
  std::vector<std::string> vars;
  std::vector<std::map<std::string, Term>> rows;  // unbound variables are absent
};

// Reads .srx, .srj, .tsv, and result sets as RDF graphs in the DAWG result-set vocabulary
// (.ttl, .rdf; solutions in rs:index order when they carry one).
Result<ResultSet> ReadResultFile(const std::string& path);

// True when equivalent; otherwise `why` says how they differ.
bool SameResults(const ResultSet& expected, const ResultSet& actual, bool ordered,
                 std::string* why);

// For REDUCED (mf:LaxCardinality): `actual` may hold each solution of `expected` (the full
// answer) any number of times between once and as often as `expected` does.
bool SameResultsLax(const ResultSet& expected, const ResultSet& actual, std::string* why);

std::string ToString(const ResultSet& r);

// Drains a SELECT or ASK cursor; the cursor's error if it ends with one.
Result<ResultSet> Collect(QueryCursor& cursor);

// Whether row order is part of the answer: the query has an ORDER BY (any case).
bool QuerySorts(std::string_view query);

}  // namespace sextant::w3c
