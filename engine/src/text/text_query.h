// The search syntax: words (all must match), "quoted phrases", prefix* terms, OR, NOT (or a
// leading -), and parentheses. Words are folded here; stemming and stop words depend on the
// languages of the indexed text and are applied when the query runs.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sextant/status.h"
#include "text/analyzer.h"

namespace sextant::text {

struct TextQuery {
  enum class Kind { kWords, kPrefix, kAnd, kOr, kNot };
  Kind kind = Kind::kAnd;
  // kWords: folded words and their positions relative to the first (a phrase when more than
  // one); kPrefix: one folded prefix.
  std::vector<std::pair<std::string, uint32_t>> words;
  std::vector<TextQuery> children;  // kAnd, kOr: two or more; kNot: one

  std::string ToString() const;  // normalised form, for EXPLAIN
};

// SyntaxError with the column (1-based, in characters) of what was unexpected.
Result<TextQuery> ParseTextQuery(std::string_view text, Analyzer* analyzer);

}  // namespace sextant::text
