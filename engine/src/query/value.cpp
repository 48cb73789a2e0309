#include "query/value.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>

#include "base/civil_date.h"
#include "base/xsd_datetime.h"
#include "storage/inline_value.h"

namespace sextant::query {

using storage::IdTag;
using storage::TagOf;
using storage::TermId;

namespace {

constexpr int64_t kMillisPerDay = 86400000;
// Mantissas stay below this so that one more digit never overflows 128 bits.
const __int128 kMantissaLimit =
    static_cast<__int128>(1000000000000000000LL) * 1000000000000000000LL * 10;

std::string Xsd(const char* local) {
  return std::string(vocab::kXsd) + local;
}

std::string Int128ToString(__int128 v) {
  if (v == 0) return "0";
  const bool neg = v < 0;
  unsigned __int128 u =
      neg ? static_cast<unsigned __int128>(-(v + 1)) + 1 : static_cast<unsigned __int128>(v);
  std::string s;
  while (u) {
    s.push_back(static_cast<char>('0' + static_cast<int>(u % 10)));
    u /= 10;
  }
  if (neg) s.push_back('-');
  return {s.rbegin(), s.rend()};
}

// Scales a to `scale` (>= a.scale); false on overflow.
bool Rescale(Decimal* a, int scale) {
  while (a->scale < scale) {
    if (a->m >= kMantissaLimit || a->m <= -kMantissaLimit) return false;
    a->m *= 10;
    ++a->scale;
  }
  return true;
}

std::string ShortestScientific(double v, bool as_float) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "INF" : "-INF";
  if (v == 0) return std::signbit(v) ? "-0.0E0" : "0.0E0";
  char buf[64];
  std::to_chars_result r =
      as_float ? std::to_chars(buf, buf + sizeof buf, static_cast<float>(v),
                               std::chars_format::scientific)
               : std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string s(buf, r.ptr);
  const size_t e = s.find('e');
  std::string mant = s.substr(0, e);
  int exp = std::atoi(s.c_str() + e + 1);
  if (mant.find('.') == std::string::npos) mant += ".0";
  return mant + "E" + std::to_string(exp);
}

}  // namespace

Value Value::Iri(std::string iri) {
  Value v;
  v.type = VType::kIri;
  v.str = std::move(iri);
  return v;
}
Value Value::Blank(std::string label) {
  Value v;
  v.type = VType::kBlank;
  v.str = std::move(label);
  return v;
}
Value Value::String(std::string s) {
  Value v;
  v.type = VType::kString;
  v.str = std::move(s);
  return v;
}
Value Value::Lang(std::string s, std::string lang, Direction dir) {
  Value v;
  v.type = VType::kLangString;
  v.str = std::move(s);
  v.aux = std::move(lang);
  v.dir = dir;
  return v;
}
Value Value::Integer(int64_t x) {
  Value v;
  v.type = VType::kInteger;
  v.i = x;
  return v;
}
Value Value::Dec(Decimal d) {
  Value v;
  v.type = VType::kDecimal;
  v.d = Normalize(d);
  return v;
}
Value Value::Double(double x) {
  Value v;
  v.type = VType::kDouble;
  v.f = x;
  return v;
}
Value Value::Float(double x) {
  Value v;
  v.type = VType::kFloat;
  v.f = static_cast<float>(x);
  return v;
}
Value Value::Bool(bool x) {
  Value v;
  v.type = VType::kBoolean;
  v.b = x;
  return v;
}

namespace {

// Value space limits of the derived integer types (xsd:integer itself: whatever fits 64 bits).
bool InDerivedRange(std::string_view local, int64_t v) {
  struct Range {
    std::string_view name;
    int64_t min, max;
  };
  static constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  static constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  static constexpr Range kRanges[] = {{"int", -2147483648LL, 2147483647LL},
                                      {"short", -32768, 32767},
                                      {"byte", -128, 127},
                                      {"nonNegativeInteger", 0, kMax},
                                      {"positiveInteger", 1, kMax},
                                      {"nonPositiveInteger", kMin, 0},
                                      {"negativeInteger", kMin, -1},
                                      {"unsignedInt", 0, 4294967295LL},
                                      {"unsignedShort", 0, 65535},
                                      {"unsignedByte", 0, 255},
                                      {"unsignedLong", 0, kMax}};
  for (const Range& r : kRanges) {
    if (r.name == local) return v >= r.min && v <= r.max;
  }
  return true;
}

}  // namespace

bool IsIntegerDatatype(std::string_view dt) {
  if (!dt.starts_with(vocab::kXsd)) return false;
  static constexpr std::string_view kNames[] = {"integer",
                                                "int",
                                                "long",
                                                "short",
                                                "byte",
                                                "nonNegativeInteger",
                                                "positiveInteger",
                                                "nonPositiveInteger",
                                                "negativeInteger",
                                                "unsignedLong",
                                                "unsignedInt",
                                                "unsignedShort",
                                                "unsignedByte"};
  const std::string_view local = dt.substr(vocab::kXsd.size());
  for (std::string_view n : kNames) {
    if (local == n) return true;
  }
  return false;
}

Value Value::Typed(std::string lexical, std::string datatype) {
  Value v;
  v.str = std::move(lexical);
  const std::string_view dt = datatype;
  bool ok = true;
  if (dt == vocab::kXsdString) {
    v.type = VType::kString;
    return v;
  }
  if (dt == vocab::kRdfLangString) {
    v.type = VType::kOther;
    v.aux = std::move(datatype);
    return v;
  }
  if (dt.starts_with(vocab::kXsd)) {
    const std::string_view local = dt.substr(vocab::kXsd.size());
    if (IsIntegerDatatype(dt)) {
      auto x = ParseInteger(v.str);
      ok = x.has_value() && InDerivedRange(local, *x);
      if (ok) {
        v.type = VType::kInteger;
        v.i = *x;
        if (local != "integer") v.aux = std::move(datatype);
        return v;
      }
    } else if (local == "decimal") {
      auto x = ParseDecimal(v.str);
      ok = x && v.str.find_first_of("eE") == std::string::npos;
      if (ok) {
        v.type = VType::kDecimal;
        v.d = Normalize(*x);
        return v;
      }
    } else if (local == "double" || local == "float") {
      auto x = ParseDouble(v.str);
      if (x) {
        v.type = local == "double" ? VType::kDouble : VType::kFloat;
        v.f = local == "double" ? *x : static_cast<float>(*x);
        return v;
      }
    } else if (local == "boolean") {
      auto x = ParseBoolean(v.str);
      if (x) {
        v.type = VType::kBoolean;
        v.b = *x;
        return v;
      }
    } else if (local == "dateTime") {
      if (ParseDateTime(v.str, &v.millis, &v.tz)) {
        v.type = VType::kDateTime;
        return v;
      }
    } else if (local == "date") {
      if (ParseDate(v.str, &v.millis, &v.tz)) {
        v.type = VType::kDate;
        return v;
      }
    }
  }
  (void)ok;
  v.type = VType::kOther;
  v.aux = std::move(datatype);
  return v;
}

Value Value::Triple(Term triple_term) {
  Value v;
  v.type = VType::kTriple;
  v.triple = std::make_shared<const Term>(std::move(triple_term));
  return v;
}

Value FromTerm(const Term& t) {
  switch (t.kind()) {
    case TermKind::kIri: return Value::Iri(t.value());
    case TermKind::kBlank: return Value::Blank(t.value());
    case TermKind::kLiteral:
      if (!t.language().empty()) return Value::Lang(t.value(), t.language(), t.direction());
      return Value::Typed(t.value(), t.datatype());
    case TermKind::kTriple: return Value::Triple(t);
    case TermKind::kDefaultGraph: break;
  }
  return Value::Error();
}

Value FromId(TermId id, TermTable& terms) {
  if (id == storage::kNoId) return Value::Error();
  Value v;
  switch (TagOf(id)) {
    case IdTag::kInteger:
      v.type = VType::kInteger;
      v.i = storage::InlineInteger(id);
      break;
    case IdTag::kDecimal: {
      const auto d = storage::InlineDecimal(id);
      v.type = VType::kDecimal;
      v.d = {d.mantissa, d.scale};
      break;
    }
    case IdTag::kBoolean:
      v.type = VType::kBoolean;
      v.b = storage::PayloadOf(id) != 0;
      break;
    case IdTag::kDate:
    case IdTag::kDateTime: {
      const auto t = storage::InlineTime(id);
      v.type = TagOf(id) == IdTag::kDate ? VType::kDate : VType::kDateTime;
      v.millis = t.millis;
      v.tz = t.tz_minutes;
      break;
    }
    default: {
      auto term = terms.Decode(id);
      if (!term.ok()) return Value::Error();
      v = FromTerm(**term);
      break;
    }
  }
  v.id = id;
  return v;
}

std::string LexicalOf(const Value& v) {
  if (!v.str.empty() || v.type <= VType::kLangString || v.type == VType::kOther) return v.str;
  if (v.id != storage::kNoId && storage::IsInline(v.id)) return storage::InlineLexical(v.id);
  switch (v.type) {
    case VType::kInteger: return FormatInteger(v.i);
    case VType::kDecimal: return FormatDecimal(v.d);
    case VType::kFloat: return FormatFloat(static_cast<float>(v.f));
    case VType::kDouble: return FormatDouble(v.f);
    case VType::kBoolean: return v.b ? "true" : "false";
    case VType::kDateTime: return FormatDateTime(v.millis, v.tz);
    case VType::kDate: return FormatDate(v.millis, v.tz);
    default: return v.str;
  }
}

std::string DatatypeOf(const Value& v) {
  switch (v.type) {
    case VType::kString: return std::string(vocab::kXsdString);
    case VType::kLangString:
      return std::string(v.dir == Direction::kNone ? vocab::kRdfLangString
                                                   : vocab::kRdfDirLangString);
    case VType::kInteger: return v.aux.empty() ? std::string(vocab::kXsdInteger) : v.aux;
    case VType::kDecimal: return std::string(vocab::kXsdDecimal);
    case VType::kFloat: return Xsd("float");
    case VType::kDouble: return std::string(vocab::kXsdDouble);
    case VType::kBoolean: return std::string(vocab::kXsdBoolean);
    case VType::kDateTime: return std::string(vocab::kXsdDateTime);
    case VType::kDate: return std::string(vocab::kXsdDate);
    case VType::kOther: return v.aux;
    default: return {};
  }
}

Term ToTerm(const Value& v) {
  switch (v.type) {
    case VType::kIri: return Term::Iri(v.str);
    case VType::kBlank: return Term::Blank(v.str);
    case VType::kString: return Term::Literal(v.str);
    case VType::kLangString: return Term::LangLiteral(v.str, v.aux, v.dir);
    case VType::kTriple: return *v.triple;
    case VType::kError: return Term();
    default: return Term::TypedLiteral(LexicalOf(v), DatatypeOf(v));
  }
}

TermId ToId(const Value& v, TermTable& terms) {
  if (v.id != storage::kNoId || !v.ok()) return v.id;
  switch (v.type) {
    case VType::kInteger:
      if (v.aux.empty() && v.str.empty() && v.i < (int64_t{1} << 59) &&
          v.i >= -(int64_t{1} << 59)) {
        return storage::MakeId(IdTag::kInteger, static_cast<uint64_t>(v.i + (int64_t{1} << 59)));
      }
      break;
    case VType::kBoolean:
      if (v.str.empty()) return storage::MakeId(IdTag::kBoolean, v.b ? 1 : 0);
      break;
    default: break;
  }
  return terms.Intern(ToTerm(v));
}

// ------------------------------------------------------------------------ formatting

std::string FormatInteger(int64_t v) {
  return std::to_string(v);
}

std::string FormatDecimal(Decimal d) {
  d = Normalize(d);
  std::string digits = Int128ToString(d.m < 0 ? -d.m : d.m);
  if (static_cast<int>(digits.size()) <= d.scale) {
    digits.insert(0, d.scale + 1 - digits.size(), '0');
  }
  std::string out = d.m < 0 ? "-" : "";
  if (d.scale == 0) return out + digits + ".0";
  out += digits.substr(0, digits.size() - d.scale);
  out += '.';
  out += digits.substr(digits.size() - d.scale);
  return out;
}

std::string FormatDouble(double v) {
  return ShortestScientific(v, false);
}
std::string FormatFloat(float v) {
  return ShortestScientific(v, true);
}

std::string FormatDateTime(int64_t millis, const std::optional<int>& tz) {
  int64_t days = millis / kMillisPerDay;
  int64_t rem = millis % kMillisPerDay;
  if (rem < 0) {
    rem += kMillisPerDay;
    --days;
  }
  std::string out;
  AppendDate(out, days);
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%02lld:%02lld:%02lld", static_cast<long long>(rem / 3600000),
                static_cast<long long>(rem / 60000 % 60), static_cast<long long>(rem / 1000 % 60));
  out += buf;
  if (int ms = static_cast<int>(rem % 1000); ms != 0) {
    std::snprintf(buf, sizeof buf, ".%03d", ms);
    std::string frac = buf;
    while (frac.back() == '0') frac.pop_back();
    out += frac;
  }
  AppendTz(out, tz);
  return out;
}

std::string FormatDate(int64_t millis, const std::optional<int>& tz) {
  int64_t days = millis / kMillisPerDay;
  if (millis % kMillisPerDay < 0) --days;
  std::string out;
  AppendDate(out, days);
  AppendTz(out, tz);
  return out;
}

// ------------------------------------------------------------------------ parsing

std::optional<int64_t> ParseInteger(std::string_view s) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  if (s.empty() || s[0] == '+') return std::nullopt;
  int64_t v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<Decimal> ParseDecimal(std::string_view s) {
  size_t i = 0;
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    i = 1;
  }
  Decimal d;
  bool any = false, dot = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '.') {
      if (dot) return std::nullopt;
      dot = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    any = true;
    if (d.m >= kMantissaLimit) {
      // Beyond 38 digits: drop further fraction digits, reject further integer digits.
      if (dot) continue;
      return std::nullopt;
    }
    d.m = d.m * 10 + (c - '0');
    if (dot) ++d.scale;
  }
  if (!any) return std::nullopt;
  if (neg) d.m = -d.m;
  return Normalize(d);
}

std::optional<double> ParseDouble(std::string_view s) {
  if (s == "INF" || s == "+INF") return std::numeric_limits<double>::infinity();
  if (s == "-INF") return -std::numeric_limits<double>::infinity();
  if (s == "NaN") return std::numeric_limits<double>::quiet_NaN();
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  if (s.empty()) return std::nullopt;
  // from_chars accepts "inf"/"nan" spellings XSD does not; require a digit-led form.
  bool digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
      return std::nullopt;
    }
  }
  if (!digit) return std::nullopt;
  double v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ptr != s.data() + s.size()) return std::nullopt;
  if (ec == std::errc::result_out_of_range) {
    // Overflow gives infinity, underflow zero, as XSD's IEEE mapping says.
    const bool neg = s[0] == '-';
    const size_t e = s.find_first_of("eE");
    const bool big = e != std::string_view::npos && s.size() > e + 1 && s[e + 1] != '-';
    if (big) {
      return neg ? -std::numeric_limits<double>::infinity()
                 : std::numeric_limits<double>::infinity();
    }
    return neg ? -0.0 : 0.0;
  }
  if (ec != std::errc()) return std::nullopt;
  return v;
}

std::optional<bool> ParseBoolean(std::string_view s) {
  if (s == "true" || s == "1") return true;
  if (s == "false" || s == "0") return false;
  return std::nullopt;
}

bool ParseDateTime(std::string_view s, int64_t* millis, std::optional<int>* tz) {
  const std::optional<XsdDateTime> t = ParseXsdDateTime(s);
  if (!t) return false;
  *millis = t->millis;
  *tz = t->tz;
  return true;
}

bool ParseDate(std::string_view s, int64_t* millis, std::optional<int>* tz) {
  const std::optional<XsdDateTime> t = ParseXsdDate(s);
  if (!t) return false;
  *millis = t->millis;
  *tz = t->tz;
  return true;
}

// ------------------------------------------------------------------------ decimals

Decimal Normalize(Decimal d) {
  while (d.scale > 0 && d.m % 10 == 0) {
    d.m /= 10;
    --d.scale;
  }
  if (d.m == 0) d.scale = 0;
  return d;
}

std::optional<Decimal> DecimalAdd(Decimal a, Decimal b) {
  const int s = std::max(a.scale, b.scale);
  if (!Rescale(&a, s) || !Rescale(&b, s)) return std::nullopt;
  Decimal r{a.m + b.m, s};
  if (r.m >= kMantissaLimit * 10 || r.m <= -kMantissaLimit * 10) return std::nullopt;
  return Normalize(r);
}

std::optional<Decimal> DecimalSub(Decimal a, Decimal b) {
  b.m = -b.m;
  return DecimalAdd(a, b);
}

std::optional<Decimal> DecimalMul(Decimal a, Decimal b) {
  a = Normalize(a);
  b = Normalize(b);
  __int128 r;
  if (__builtin_mul_overflow(a.m, b.m, &r)) return std::nullopt;
  return Normalize({r, a.scale + b.scale});
}

std::optional<Decimal> DecimalDiv(Decimal a, Decimal b) {
  if (b.m == 0) return std::nullopt;
  a = Normalize(a);
  b = Normalize(b);
  // a/b = (a.m * 10^b.scale) / (b.m * 10^a.scale): two integers, then long division.
  __int128 num = a.m, den = b.m;
  for (int i = 0; i < b.scale; ++i) {
    if (__builtin_mul_overflow(num, 10, &num)) return std::nullopt;
  }
  for (int i = 0; i < a.scale; ++i) {
    if (__builtin_mul_overflow(den, 10, &den)) return std::nullopt;
  }
  const bool neg = (num < 0) != (den < 0);
  if (num < 0) num = -num;
  if (den < 0) den = -den;
  Decimal r{num / den, 0};
  __int128 rem = num % den;
  // 24 fraction digits, truncated: enough for any stored decimal and what other stores print.
  while (rem != 0 && r.scale < 24 && r.m < kMantissaLimit) {
    if (rem > std::numeric_limits<__int128>::max() / 10) break;
    rem *= 10;
    r.m = r.m * 10 + rem / den;
    rem %= den;
    ++r.scale;
  }
  if (neg) r.m = -r.m;
  return Normalize(r);
}

int DecimalCompare(Decimal a, Decimal b) {
  const int s = std::max(a.scale, b.scale);
  Decimal x = a, y = b;
  if (Rescale(&x, s) && Rescale(&y, s)) return x.m < y.m ? -1 : (x.m > y.m ? 1 : 0);
  const double dx = DecimalToDouble(a), dy = DecimalToDouble(b);
  return dx < dy ? -1 : (dx > dy ? 1 : 0);
}

double DecimalToDouble(Decimal d) {
  // Through the decimal string so that e.g. 0.1 gives the nearest double.
  const std::string s = FormatDecimal(d);
  double v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

std::optional<Decimal> DecimalFromDouble(double v) {
  if (!std::isfinite(v)) return std::nullopt;
  if (std::fabs(v) >= 1e36) return std::nullopt;
  char buf[512];
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  if (r.ec != std::errc()) return std::nullopt;
  return ParseDecimal(std::string_view(buf, r.ptr - buf));
}

double NumericAsDouble(const Value& v) {
  switch (v.type) {
    case VType::kInteger: return static_cast<double>(v.i);
    case VType::kDecimal: return DecimalToDouble(v.d);
    case VType::kFloat:
    case VType::kDouble: return v.f;
    default: return std::numeric_limits<double>::quiet_NaN();
  }
}

std::optional<Decimal> NumericAsDecimal(const Value& v) {
  switch (v.type) {
    case VType::kInteger: return Decimal{v.i, 0};
    case VType::kDecimal: return v.d;
    case VType::kFloat:
    case VType::kDouble: return DecimalFromDouble(v.f);
    default: return std::nullopt;
  }
}

}  // namespace sextant::query
