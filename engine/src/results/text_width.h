// Display width of UTF-8 text in a terminal, for aligning table columns.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sextant::results {

// Columns `text` occupies: East Asian wide and fullwidth characters count 2, combining marks and
// zero-width characters 0, everything else 1. Invalid UTF-8 bytes count 1 each.
size_t DisplayWidth(std::string_view text);

// The longest prefix of `text` that fits in `width` columns; when it had to cut, the result ends
// with "…" and still fits. width 0 means no limit.
std::string TruncateToWidth(std::string_view text, size_t width);

// Like TruncateToWidth but cuts out the middle ("<http://ex…/item42>"): for IRIs, whose ends
// say the most.
std::string TruncateMiddle(std::string_view text, size_t width);

// Control characters made visible so a value stays on one table line (newline as "\n", tab as
// "\t").
std::string EscapeControls(std::string_view text);

}  // namespace sextant::results
