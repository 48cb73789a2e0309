#include "storage/inline_value.h"

#include <charconv>
#include <cstdio>

#include "base/civil_date.h"
#include "base/xsd_datetime.h"
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

// The payload has room for four-digit years, milliseconds and timezones in quarter hours
// (TzCode); TryInline's round trip turns away the other non-canonical forms.
bool InlineableTz(const std::optional<int>& tz) {
  return !tz || *tz % 15 == 0;
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
  const std::optional<XsdDateTime> t = ParseXsdDate(lex);
  if (!t || t->date_end != 10 || !InlineableTz(t->tz)) return std::nullopt;
  const uint64_t v = static_cast<uint64_t>(t->days + kDateBias);
  return MakeId(IdTag::kDate, (TzCode(t->tz) << kTimeBits) | v);
}

std::optional<TermId> InlineDateTimeId(std::string_view lex) {
  const std::optional<XsdDateTime> t = ParseXsdDateTime(lex);
  if (!t || t->date_end != 10 || t->hour > 23 || t->fraction_digits > 3 || !InlineableTz(t->tz)) {
    return std::nullopt;
  }
  return MakeId(IdTag::kDateTime,
                (TzCode(t->tz) << kTimeBits) | static_cast<uint64_t>(t->millis + kDateTimeBias));
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
