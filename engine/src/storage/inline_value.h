// Inline encoding of small literal values into term ids. A literal is inlined only when its
// lexical form is canonical, so decoding gives back exactly the stored text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "storage/term_id.h"

namespace sextant::storage {

// The inline id for a literal, or nullopt when it must go to the dictionary.
std::optional<TermId> TryInline(std::string_view lexical, std::string_view datatype);

// Lexical form and datatype IRI of an inline id (IsInline(id) must hold).
std::string InlineLexical(TermId id);
std::string_view InlineDatatype(TermId id);

// Numeric value of an inline integer id.
inline int64_t InlineInteger(TermId id) {
  return static_cast<int64_t>(PayloadOf(id)) - (int64_t{1} << 59);
}
// Decimal as mantissa * 10^-scale.
struct InlineDecimalValue {
  int64_t mantissa;
  int scale;
};
InlineDecimalValue InlineDecimal(TermId id);
// Milliseconds since 1970-01-01T00:00:00 in the value's own timezone offset, and the offset
// in minutes (nullopt when the lexical form has no timezone).
struct InlineTimeValue {
  int64_t millis = 0;
  std::optional<int> tz_minutes;
};
InlineTimeValue InlineTime(TermId id);

}  // namespace sextant::storage
