// Expected SPARQL results from the W3C suites (.srx, .srj, .tsv) and their comparison with
// ours: multisets of rows, in order only when the query sorts, blank nodes up to renaming.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sextant/status.h"
#include "sextant/term.h"

namespace sextant::w3c {

struct ResultSet {
  bool is_boolean = false;
  bool boolean = false;
  std::vector<std::string> vars;
  std::vector<std::map<std::string, Term>> rows;  // unbound variables are absent
};

Result<ResultSet> ReadResultFile(const std::string& path);

// True when equivalent; otherwise `why` says how they differ.
bool SameResults(const ResultSet& expected, const ResultSet& actual, bool ordered, std::string* why);

std::string ToString(const ResultSet& r);

}  // namespace sextant::w3c
