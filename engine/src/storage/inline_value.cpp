#include "storage/inline_value.h"

#include <charconv>
#include <cstdio>

#include "base/civil_date.h"
#include "sextant/term.h"

namespace sextant::storage {
namespace {

constexpr int64_t kIntegerBias = int64_t{1} << 59;
constexpr int kTzBits = 7;
constexpr int kTimeBits = 60 - kTzBits;
constexpr int64_t kDateBias = int64_t{1} << 31;
constexpr int64_t kDateTimeBias = int64_t{1} << 52;
constexpr int kDecimalScaleBits = 4;
constexpr int64_t kDecimalMantissaLimit = int64_t{1} << 55;

bool ParseDigits(std::string_view s, size_t pos, size_t n, int64_t* out) {
  if (pos + n > s.size()) return false;
  int64_t v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

unsigned DaysInMonth(int64_t y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// Parses "YYYY-MM-DD" (years 0001..9999 only) at the start of s.
bool ParseDate(std::string_view s, int64_t* days) {
  int64_t y, m, d;
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  if (!ParseDigits(s, 0, 4, &y) || !ParseDigits(s, 5, 2, &m) || !ParseDigits(s, 8, 2, &d)) {
    return false;
  }
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, static_cast<unsigned>(m))) {
    return false;
  }
  *days = DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  return true;
}

// Parses an optional timezone suffix; returns false on garbage.
bool ParseTz(std::string_view s, std::optional<int>* tz) {
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
  if (!ParseDigits(s, 1, 2, &h) || !ParseDigits(s, 4, 2, &m)) return false;
  if (h > 14 || m > 59 || (h == 14 && m != 0) || m % 15 != 0) return false;
  const int v = static_cast<int>(h * 60 + m);
  *tz = s[0] == '-' ? -v : v;
  return true;
}

uint64_t TzCode(const std::optional<int>& tz) {
  return tz ? static_cast<uint64_t>(*tz / 15 + 57) : 0;
}
std::optional<int> TzFromCode(uint64_t code) {
  if (code == 0) return std::nullopt;
  return (static_cast<int>(code) - 57) * 15;
}

std::optional<TermId> InlineInteger(std::string_view lex) {
  int64_t v = 0;
  const auto [ptr, ec] = std::from_chars(lex.data(), lex.data() + lex.size(), v);
  if (ec != std::errc() || ptr != lex.data() + lex.size()) return std::nullopt;
  if (v >= kIntegerBias || v < -kIntegerBias) return std::nullopt;
  return MakeId(IdTag::kInteger, static_cast<uint64_t>(v + kIntegerBias));
}

std::optional<TermId> InlineDecimalId(std::string_view lex) {
  size_t i = 0;
  const bool neg = !lex.empty() && lex[0] == '-';
  if (neg) i = 1;
  int64_t mantissa = 0;
  int scale = -1;
  bool any = false;
  for (; i < lex.size(); ++i) {
    const char c = lex[i];
    if (c == '.') {
      if (scale >= 0) return std::nullopt;
      scale = 0;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    any = true;
    mantissa = mantissa * 10 + (c - '0');
    if (mantissa >= kDecimalMantissaLimit) return std::nullopt;
    if (scale >= 0) ++scale;
  }
  if (!any || scale < 0) return std::nullopt;
  while (scale > 0 && mantissa % 10 == 0) {
    mantissa /= 10;
    --scale;
  }
  if (scale >= (1 << kDecimalScaleBits)) return std::nullopt;
  const int64_t signed_m = neg ? -mantissa : mantissa;
  const uint64_t payload =
      (static_cast<uint64_t>(signed_m + kDecimalMantissaLimit) << kDecimalScaleBits) |
      static_cast<uint64_t>(scale);
  return MakeId(IdTag::kDecimal, payload);
}

std::optional<TermId> InlineDateId(std::string_view lex) {
  int64_t days;
  std::optional<int> tz;
  if (!ParseDate(lex, &days) || !ParseTz(lex.substr(10), &tz)) return std::nullopt;
  const uint64_t v = static_cast<uint64_t>(days + kDateBias);
  return MakeId(IdTag::kDate, (TzCode(tz) << kTimeBits) | v);
}

std::optional<TermId> InlineDateTimeId(std::string_view lex) {
  int64_t days, hh, mm, ss, millis = 0;
  if (lex.size() < 19 || lex[10] != 'T' || lex[13] != ':' || lex[16] != ':') return std::nullopt;
  if (!ParseDate(lex, &days) || !ParseDigits(lex, 11, 2, &hh) || !ParseDigits(lex, 14, 2, &mm) ||
      !ParseDigits(lex, 17, 2, &ss)) {
    return std::nullopt;
  }
  if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
  size_t pos = 19;
  if (pos < lex.size() && lex[pos] == '.') {
    size_t digits = 0;
    ++pos;
    while (pos < lex.size() && lex[pos] >= '0' && lex[pos] <= '9') {
      if (++digits > 3) return std::nullopt;
      millis = millis * 10 + (lex[pos] - '0');
      ++pos;
    }
    if (digits == 0) return std::nullopt;
    for (size_t k = digits; k < 3; ++k) millis *= 10;
  }
  std::optional<int> tz;
  if (!ParseTz(lex.substr(pos), &tz)) return std::nullopt;
  const int64_t total = ((days * 24 + hh) * 60 + mm) * 60000 + ss * 1000 + millis;
  return MakeId(IdTag::kDateTime,
                (TzCode(tz) << kTimeBits) | static_cast<uint64_t>(total + kDateTimeBias));
}

}  // namespace

std::optional<TermId> TryInline(std::string_view lexical, std::string_view datatype) {
  if (datatype.size() <= vocab::kXsd.size() ||
      datatype.substr(0, vocab::kXsd.size()) != vocab::kXsd) {
    return std::nullopt;
  }
  std::optional<TermId> id;
  if (datatype == vocab::kXsdInteger) {
    id = InlineInteger(lexical);
  } else if (datatype == vocab::kXsdDecimal) {
    id = InlineDecimalId(lexical);
  } else if (datatype == vocab::kXsdBoolean) {
    if (lexical == "true") return MakeId(IdTag::kBoolean, 1);
    if (lexical == "false") return MakeId(IdTag::kBoolean, 0);
    return std::nullopt;
  } else if (datatype == vocab::kXsdDate) {
    id = InlineDateId(lexical);
  } else if (datatype == vocab::kXsdDateTime) {
    id = InlineDateTimeId(lexical);
  }
  // Only canonical forms are inlined: anything that would not print back identically stays in
  // the dictionary, so terms keep their exact lexical form.
  if (id && InlineLexical(*id) != lexical) return std::nullopt;
  return id;
}

InlineDecimalValue InlineDecimal(TermId id) {
  const uint64_t p = PayloadOf(id);
  return {static_cast<int64_t>(p >> kDecimalScaleBits) - kDecimalMantissaLimit,
          static_cast<int>(p & ((1u << kDecimalScaleBits) - 1))};
}

InlineTimeValue InlineTime(TermId id) {
  const uint64_t p = PayloadOf(id);
  const uint64_t v = p & ((uint64_t{1} << kTimeBits) - 1);
  const std::optional<int> tz = TzFromCode(p >> kTimeBits);
  if (TagOf(id) == IdTag::kDate) {
    return {(static_cast<int64_t>(v) - kDateBias) * 86400000, tz};
  }
  return {static_cast<int64_t>(v) - kDateTimeBias, tz};
}

std::string InlineLexical(TermId id) {
  switch (TagOf(id)) {
    case IdTag::kInteger: return std::to_string(InlineInteger(id));
    case IdTag::kBoolean: return PayloadOf(id) != 0 ? "true" : "false";
    case IdTag::kDecimal: {
      const auto [m, scale] = InlineDecimal(id);
      std::string digits = std::to_string(m < 0 ? -m : m);
      if (static_cast<int>(digits.size()) <= scale) {
        digits.insert(0, scale + 1 - digits.size(), '0');
      }
      std::string out = m < 0 ? "-" : "";
      if (scale == 0) return out + digits + ".0";
      out += digits.substr(0, digits.size() - scale);
      out += '.';
      out += digits.substr(digits.size() - scale);
      return out;
    }
    case IdTag::kDate: {
      const auto t = InlineTime(id);
      std::string out;
      AppendDate(out, t.millis / 86400000);
      AppendTz(out, t.tz_minutes);
      return out;
    }
    case IdTag::kDateTime: {
      const auto t = InlineTime(id);
      int64_t days = t.millis / 86400000;
      int64_t rem = t.millis % 86400000;
      if (rem < 0) {
        rem += 86400000;
        --days;
      }
      std::string out;
      AppendDate(out, days);
      char buf[32];
      std::snprintf(buf, sizeof buf, "T%02lld:%02lld:%02lld", static_cast<long long>(rem / 3600000),
                    static_cast<long long>(rem / 60000 % 60),
                    static_cast<long long>(rem / 1000 % 60));
      out += buf;
      if (int ms = static_cast<int>(rem % 1000); ms != 0) {
        std::snprintf(buf, sizeof buf, ".%03d", ms);
        std::string frac = buf;
        while (frac.back() == '0') frac.pop_back();
        out += frac;
      }
      AppendTz(out, t.tz_minutes);
      return out;
    }
    default: return {};
  }
}

std::string_view InlineDatatype(TermId id) {
  switch (TagOf(id)) {
    case IdTag::kInteger: return vocab::kXsdInteger;
    case IdTag::kDecimal: return vocab::kXsdDecimal;
    case IdTag::kBoolean: return vocab::kXsdBoolean;
    case IdTag::kDate: return vocab::kXsdDate;
    case IdTag::kDateTime: return vocab::kXsdDateTime;
    default: return {};
  }
}

}  // namespace sextant::storage
