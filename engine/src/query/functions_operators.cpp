// Comparison and arithmetic operators (SPARQL 17.3 operator mapping): numeric type promotion,
// string/boolean/dateTime comparisons, RDF term equality with its type errors.
#include <cmath>
#include <limits>

#include "query/functions.h"

namespace sextant::query {

namespace {

bool LangEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

template <typename T>
int Cmp(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

std::optional<int> NumericCompare(const Value& a, const Value& b) {
  if (a.type == VType::kInteger && b.type == VType::kInteger) return Cmp(a.i, b.i);
  if (a.type <= VType::kDecimal && b.type <= VType::kDecimal) {
    return DecimalCompare(*NumericAsDecimal(a), *NumericAsDecimal(b));
  }
  const double x = NumericAsDouble(a), y = NumericAsDouble(b);
  if (std::isnan(x) || std::isnan(y)) return kUnordered;
  return Cmp(x, y);
}

// XSD dateTime order: values with and without a timezone compare only when they are more than
// 14 hours apart; otherwise the order is indeterminate.
std::optional<int> TimeCompare(const Value& a, const Value& b) {
  constexpr int64_t k14h = 14 * 3600000LL;
  if (a.tz.has_value() == b.tz.has_value()) {
    const int64_t x = a.millis - (a.tz ? *a.tz * 60000LL : 0);
    const int64_t y = b.millis - (b.tz ? *b.tz * 60000LL : 0);
    return Cmp(x, y);
  }
  if (a.tz) {
    const int64_t x = a.millis - *a.tz * 60000LL;
    if (x < b.millis - k14h) return -1;
    if (x > b.millis + k14h) return 1;
    return std::nullopt;
  }
  auto r = TimeCompare(b, a);
  if (r) return -*r;
  return std::nullopt;
}

bool SameLiteral(const Value& a, const Value& b) {
  if (a.type == VType::kLangString || b.type == VType::kLangString) {
    return a.type == b.type && a.str == b.str && LangEquals(a.aux, b.aux) && a.dir == b.dir;
  }
  return LexicalOf(a) == LexicalOf(b) && DatatypeOf(a) == DatatypeOf(b);
}

}  // namespace

std::optional<bool> ValueEquals(const Value& a, const Value& b) {
  if (!a.ok() || !b.ok()) return std::nullopt;
  if (a.is_numeric() && b.is_numeric()) {
    const auto c = NumericCompare(a, b);
    return c && *c == 0;
  }
  if (a.type != b.type) {
    // A literal of a datatype we do not know may equal anything by value: an error unless it is
    // the very same term.
    if (a.is_literal() && b.is_literal() && (a.type == VType::kOther || b.type == VType::kOther)) {
      if (SameLiteral(a, b)) return true;
      return std::nullopt;
    }
    return false;
  }
  switch (a.type) {
    case VType::kTriple: {
      // SPARQL 1.2: triple terms are equal when their parts are, part by part with '='.
      for (int i = 0; i < 3; ++i) {
        const auto e = ValueEquals(FromTerm(a.triple->part(i)), FromTerm(b.triple->part(i)));
        if (!e || !*e) return e;
      }
      return true;
    }
    case VType::kIri:
    case VType::kBlank:
    case VType::kString: return a.str == b.str;
    case VType::kLangString: return a.str == b.str && LangEquals(a.aux, b.aux) && a.dir == b.dir;
    case VType::kBoolean: return a.b == b.b;
    case VType::kDateTime:
    case VType::kDate: {
      const auto c = TimeCompare(a, b);
      return c && *c == 0;  // indeterminate: not equal
    }
    case VType::kOther:
      if (SameLiteral(a, b)) return true;
      return std::nullopt;
    default: return std::nullopt;
  }
}

std::optional<int> ValueCompare(const Value& a, const Value& b) {
  if (a.is_numeric() && b.is_numeric()) return NumericCompare(a, b);
  if (a.type != b.type) return std::nullopt;
  switch (a.type) {
    case VType::kString: return Cmp(a.str, b.str);  // UTF-8 byte order is code point order
    case VType::kLangString:
      if (!LangEquals(a.aux, b.aux) || a.dir != b.dir) return std::nullopt;
      return Cmp(a.str, b.str);
    case VType::kBoolean: return Cmp(a.b, b.b);
    case VType::kDateTime:
    case VType::kDate: return TimeCompare(a, b);
    default: return std::nullopt;
  }
}

bool SameTerm(const Value& a, const Value& b) {
  if (!a.ok() || !b.ok()) return false;
  if (a.id != storage::kNoId && b.id != storage::kNoId) return a.id == b.id;
  return ToTerm(a) == ToTerm(b);
}

Value Arithmetic(ast::ExprKind op, const Value& a, const Value& b) {
  if (!a.is_numeric() || !b.is_numeric()) return Value::Error();
  VType t = std::max(a.type, b.type);
  if (t == VType::kInteger && op != ast::ExprKind::kDivide) {
    int64_t r;
    bool overflow = false;
    switch (op) {
      case ast::ExprKind::kAdd: overflow = __builtin_add_overflow(a.i, b.i, &r); break;
      case ast::ExprKind::kSubtract: overflow = __builtin_sub_overflow(a.i, b.i, &r); break;
      default: overflow = __builtin_mul_overflow(a.i, b.i, &r); break;
    }
    if (!overflow) return Value::Integer(r);
    t = VType::kDecimal;  // too big for 64 bits: exact in 128
  }
  if (t <= VType::kDecimal) {
    const Decimal x = *NumericAsDecimal(a), y = *NumericAsDecimal(b);
    std::optional<Decimal> r;
    switch (op) {
      case ast::ExprKind::kAdd: r = DecimalAdd(x, y); break;
      case ast::ExprKind::kSubtract: r = DecimalSub(x, y); break;
      case ast::ExprKind::kMultiply: r = DecimalMul(x, y); break;
      default:
        r = DecimalDiv(x, y);
        break;  // integer / integer is a decimal (XPath op:numeric-divide)
    }
    if (!r) return Value::Error();
    if (std::max(a.type, b.type) == VType::kInteger && op != ast::ExprKind::kDivide) {
      // An overflowing integer operation: keep the integer type if the exact result fits.
      if (r->scale == 0 && r->m <= std::numeric_limits<int64_t>::max() &&
          r->m >= std::numeric_limits<int64_t>::min()) {
        return Value::Integer(static_cast<int64_t>(r->m));
      }
      return Value::Error();
    }
    return Value::Dec(*r);
  }
  const double x = NumericAsDouble(a), y = NumericAsDouble(b);
  double r;
  switch (op) {
    case ast::ExprKind::kAdd: r = x + y; break;
    case ast::ExprKind::kSubtract: r = x - y; break;
    case ast::ExprKind::kMultiply: r = x * y; break;
    default: r = x / y; break;  // IEEE: x/0 is +-INF or NaN
  }
  return t == VType::kFloat ? Value::Float(r) : Value::Double(r);
}

Value UnaryMinus(const Value& a) {
  switch (a.type) {
    case VType::kInteger:
      if (a.i == std::numeric_limits<int64_t>::min()) return Value::Error();
      return Value::Integer(-a.i);
    case VType::kDecimal: return Value::Dec({-a.d.m, a.d.scale});
    case VType::kFloat: return Value::Float(-a.f);
    case VType::kDouble: return Value::Double(-a.f);
    default: return Value::Error();
  }
}

}  // namespace sextant::query
