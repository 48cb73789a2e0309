#include "base/xsd_datetime.h"

#include "base/civil_date.h"

namespace sextant {

bool ParseXsdDigits(std::string_view s, size_t pos, size_t n, int64_t* out) {
  if (pos + n > s.size()) return false;
  int64_t v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

bool ParseXsdTimezone(std::string_view s, std::optional<int>* tz) {
  if (s.empty()) {
    *tz = std::nullopt;
    return true;
  }
  if (s == "Z") {
    *tz = 0;
    return true;
  }
  int64_t h, m;
  if (s.size() != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':') return false;
  if (!ParseXsdDigits(s, 1, 2, &h) || !ParseXsdDigits(s, 4, 2, &m)) return false;
  if (h > 14 || m > 59 || (h == 14 && m != 0)) return false;
  const int v = static_cast<int>(h * 60 + m);
  *tz = s[0] == '-' ? -v : v;
  return true;
}

bool ParseXsdDatePart(std::string_view s, int64_t* days, size_t* end) {
  size_t p = 0;
  const bool neg = !s.empty() && s[0] == '-';
  if (neg) p = 1;
  size_t q = p;
  while (q < s.size() && s[q] >= '0' && s[q] <= '9') ++q;
  // Up to 8 year digits keep every instant within 64-bit milliseconds.
  if (q - p < 4 || q - p > 8 || (q - p > 4 && s[p] == '0')) return false;
  int64_t y, m, d;
  if (!ParseXsdDigits(s, p, q - p, &y) || q >= s.size() || s[q] != '-') return false;
  if (!ParseXsdDigits(s, q + 1, 2, &m) || q + 3 >= s.size() || s[q + 3] != '-' ||
      !ParseXsdDigits(s, q + 4, 2, &d)) {
    return false;
  }
  if (neg) y = -y;
  if (y == 0 || m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > (m == 2 && leap ? 29 : kDays[m - 1])) return false;
  *days = DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  *end = q + 6;
  return true;
}

std::optional<XsdDateTime> ParseXsdDate(std::string_view s) {
  XsdDateTime t;
  if (!ParseXsdDatePart(s, &t.days, &t.date_end)) return std::nullopt;
  if (!ParseXsdTimezone(s.substr(t.date_end), &t.tz)) return std::nullopt;
  t.millis = t.days * 86400000;
  return t;
}

std::optional<XsdDateTime> ParseXsdDateTime(std::string_view s) {
  XsdDateTime t;
  if (!ParseXsdDatePart(s, &t.days, &t.date_end)) return std::nullopt;
  size_t p = t.date_end;
  int64_t hh, mm, ss, ms = 0;
  if (p + 9 > s.size() || s[p] != 'T' || s[p + 3] != ':' || s[p + 6] != ':') return std::nullopt;
  if (!ParseXsdDigits(s, p + 1, 2, &hh) || !ParseXsdDigits(s, p + 4, 2, &mm) ||
      !ParseXsdDigits(s, p + 7, 2, &ss)) {
    return std::nullopt;
  }
  p += 9;
  if (mm > 59 || ss > 59 || hh > 24) return std::nullopt;
  if (p < s.size() && s[p] == '.') {
    ++p;
    while (p < s.size() && s[p] >= '0' && s[p] <= '9') {
      if (t.fraction_digits < 3) ms = ms * 10 + (s[p] - '0');
      ++t.fraction_digits;
      ++p;
    }
    if (t.fraction_digits == 0) return std::nullopt;
    for (size_t k = t.fraction_digits; k < 3; ++k) ms *= 10;
  }
  if (hh == 24 && (mm != 0 || ss != 0 || ms != 0)) return std::nullopt;
  if (!ParseXsdTimezone(s.substr(p), &t.tz)) return std::nullopt;
  t.hour = static_cast<int>(hh);
  t.millis = ((t.days * 24 + hh) * 60 + mm) * 60000 + ss * 1000 + ms;
  return t;
}

}  // namespace sextant
