// Proleptic Gregorian calendar arithmetic (H. Hinnant's days_from_civil / civil_from_days),
// shared by the inline date encoding and the SPARQL date functions.
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

namespace sextant {

// Days since 1970-01-01.
inline int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

inline void CivilFromDays(int64_t z, int64_t* y, unsigned* m, unsigned* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int64_t>(yoe) + era * 400 + (*m <= 2);
}

// Appends YYYY-MM-DD (a leading '-' for years before 1).
inline void AppendDate(std::string& out, int64_t days) {
  int64_t y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s%04lld-%02u-%02u", y < 0 ? "-" : "",
                static_cast<long long>(y < 0 ? -y : y), m, d);
  out += buf;
}

// Appends an XSD timezone: nothing, "Z", or +hh:mm / -hh:mm from an offset in minutes.
inline void AppendTz(std::string& out, const std::optional<int>& tz) {
  if (!tz) return;
  if (*tz == 0) {
    out += 'Z';
    return;
  }
  char buf[16];
  const int a = *tz < 0 ? -*tz : *tz;
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", *tz < 0 ? '-' : '+', a / 60, a % 60);
  out += buf;
}

}  // namespace sextant
