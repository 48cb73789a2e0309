// The lexical forms of xsd:date and xsd:dateTime (XML Schema 1.1 Part 2, 3.3.7 and 3.3.9),
// parsed in one place for the inline term encoding and the SPARQL value layer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace sextant {

struct XsdDateTime {
  int64_t days = 0;     // since 1970-01-01
  int64_t millis = 0;   // since 1970-01-01T00:00:00 local time (fraction digits past 3 dropped)
  size_t date_end = 0;  // where the date part ends (10 for a four-digit year)
  int hour = 0;         // 24 only for 24:00:00
  size_t fraction_digits = 0;
  std::optional<int> tz;  // minutes east of UTC; none without a timezone
};

// The n decimal digits at s[pos]; false when there are fewer.
bool ParseXsdDigits(std::string_view s, size_t pos, size_t n, int64_t* out);
// A timezone suffix: empty (none), "Z", or +hh:mm / -hh:mm up to 14:00.
bool ParseXsdTimezone(std::string_view s, std::optional<int>* tz);
// "-?YYYY-MM-DD" at the start of s (4 to 8 year digits, no year 0); *end is the position after.
bool ParseXsdDatePart(std::string_view s, int64_t* days, size_t* end);
// A whole xsd:date (days and tz set) or xsd:dateTime.
std::optional<XsdDateTime> ParseXsdDate(std::string_view s);
std::optional<XsdDateTime> ParseXsdDateTime(std::string_view s);

}  // namespace sextant
