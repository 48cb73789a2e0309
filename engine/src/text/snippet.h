// A short, highlighted excerpt of a matching literal for result lists.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "text/analyzer.h"

namespace sextant::text {

// An HTML fragment of `text` (language code `lang`): at most about `max_bytes` of it around the
// first matching word, with <, >, & and " escaped and each word whose index term is in `terms`
// or starts with one of `prefixes` wrapped in <b>...</b>; "…" marks cut ends.
std::string Snippet(Analyzer* analyzer, std::string_view text, std::string_view lang,
                    const std::set<std::string>& terms, const std::vector<std::string>& prefixes,
                    size_t max_bytes = 200);

}  // namespace sextant::text
