// XSD constructor functions (SPARQL 17.5 cast table). A cast produces a value, so results are
// in canonical form: xsd:integer(" 01") is "1".
#include <charconv>
#include <cmath>
#include <limits>

#include "query/functions.h"

namespace sextant::query {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

Value ToInteger(const Value& v) {
  switch (v.type) {
    case VType::kString: {
      const auto x = ParseInteger(Trim(v.str));
      return x ? Value::Integer(*x) : Value::Error();
    }
    case VType::kInteger: return Value::Integer(v.i);
    case VType::kDecimal: {
      __int128 q = v.d.m;
      for (int i = 0; i < v.d.scale; ++i) q /= 10;  // truncation towards zero
      if (q > std::numeric_limits<int64_t>::max() || q < std::numeric_limits<int64_t>::min()) {
        return Value::Error();
      }
      return Value::Integer(static_cast<int64_t>(q));
    }
    case VType::kFloat:
    case VType::kDouble:
      if (!std::isfinite(v.f) || std::fabs(v.f) >= 9.2e18) return Value::Error();
      return Value::Integer(static_cast<int64_t>(std::trunc(v.f)));
    case VType::kBoolean: return Value::Integer(v.b ? 1 : 0);
    default: return Value::Error();
  }
}

Value ToDecimal(const Value& v) {
  switch (v.type) {
    case VType::kString: {
      const std::string_view s = Trim(v.str);
      if (s.find_first_of("eEIN") != std::string_view::npos) return Value::Error();
      const auto x = ParseDecimal(s);
      return x ? Value::Dec(*x) : Value::Error();
    }
    case VType::kInteger:
    case VType::kDecimal:
    case VType::kFloat:
    case VType::kDouble: {
      const auto x = NumericAsDecimal(v);
      return x ? Value::Dec(*x) : Value::Error();
    }
    case VType::kBoolean: return Value::Dec({v.b ? 1 : 0, 0});
    default: return Value::Error();
  }
}

template <bool kFloat>
Value ToFloating(const Value& v) {
  double x;
  switch (v.type) {
    case VType::kString: {
      const auto p = ParseDouble(Trim(v.str));
      if (!p) return Value::Error();
      x = *p;
      break;
    }
    case VType::kInteger:
    case VType::kDecimal:
    case VType::kFloat:
    case VType::kDouble: x = NumericAsDouble(v); break;
    case VType::kBoolean: x = v.b ? 1 : 0; break;
    default: return Value::Error();
  }
  return kFloat ? Value::Float(x) : Value::Double(x);
}

Value ToBoolean(const Value& v) {
  switch (v.type) {
    case VType::kString: {
      const auto b = ParseBoolean(Trim(v.str));
      return b ? Value::Bool(*b) : Value::Error();
    }
    case VType::kBoolean: return Value::Bool(v.b);
    case VType::kInteger: return Value::Bool(v.i != 0);
    case VType::kDecimal: return Value::Bool(v.d.m != 0);
    case VType::kFloat:
    case VType::kDouble: return Value::Bool(!(v.f == 0 || std::isnan(v.f)));
    default: return Value::Error();
  }
}

Value TimeValue(VType type, int64_t millis, std::optional<int> tz) {
  Value out;
  out.type = type;
  out.millis = millis;
  out.tz = tz;
  return out;
}

Value ToDateTime(const Value& v) {
  switch (v.type) {
    case VType::kString: {
      Value out;
      if (!ParseDateTime(Trim(v.str), &out.millis, &out.tz)) return Value::Error();
      return TimeValue(VType::kDateTime, out.millis, out.tz);
    }
    case VType::kDateTime:
    case VType::kDate: return TimeValue(VType::kDateTime, v.millis, v.tz);
    default: return Value::Error();
  }
}

Value ToDate(const Value& v) {
  constexpr int64_t kDay = 86400000;
  switch (v.type) {
    case VType::kString: {
      Value out;
      if (!ParseDate(Trim(v.str), &out.millis, &out.tz)) return Value::Error();
      return TimeValue(VType::kDate, out.millis, out.tz);
    }
    case VType::kDateTime:
    case VType::kDate: {
      int64_t days = v.millis / kDay;
      if (v.millis % kDay < 0) --days;
      return TimeValue(VType::kDate, days * kDay, v.tz);
    }
    default: return Value::Error();
  }
}

// XPath's xs:string cast of a float or double: plain decimal notation for magnitudes in
// [1e-6, 1e6), scientific otherwise.
std::string FloatingToString(double v, bool is_float) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "INF" : "-INF";
  if (v == 0) return std::signbit(v) ? "-0" : "0";
  const double a = std::fabs(v);
  if (a < 1e-6 || a >= 1e6) return is_float ? FormatFloat(static_cast<float>(v)) : FormatDouble(v);
  char buf[64];
  const auto r = is_float ? std::to_chars(buf, buf + sizeof buf, static_cast<float>(v),
                                          std::chars_format::fixed)
                          : std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  return std::string(buf, r.ptr);
}

// Casting to xsd:string gives the canonical form of the value (W3C cast-string): 1.0 -> "1",
// "0"^^xsd:boolean -> "false", 1E0 -> "1". Other literals keep their lexical form.
Value ToString(const Value& v) {
  switch (v.type) {
    case VType::kIri:
    case VType::kString: return Value::String(v.str);
    case VType::kInteger: return Value::String(FormatInteger(v.i));
    case VType::kDecimal: {
      std::string s = FormatDecimal(v.d);
      if (s.ends_with(".0")) s.resize(s.size() - 2);
      return Value::String(std::move(s));
    }
    case VType::kFloat:
    case VType::kDouble: return Value::String(FloatingToString(v.f, v.type == VType::kFloat));
    case VType::kBoolean: return Value::String(v.b ? "true" : "false");
    case VType::kBlank:
    case VType::kTriple:
    case VType::kLangString:
    case VType::kError: return Value::Error();
    default: return Value::String(LexicalOf(v));
  }
}

template <Value (*Cast)(const Value&)>
Value CastFn(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  return Cast(a[0]);
}

struct CastEntry {
  std::string_view local;
  Value (*cast)(const Value&);
  BuiltinFn fn;
};

const CastEntry kCasts[] = {
    {"string", ToString, CastFn<ToString>},
    {"integer", ToInteger, CastFn<ToInteger>},
    {"decimal", ToDecimal, CastFn<ToDecimal>},
    {"float", ToFloating<true>, CastFn<ToFloating<true>>},
    {"double", ToFloating<false>, CastFn<ToFloating<false>>},
    {"boolean", ToBoolean, CastFn<ToBoolean>},
    {"dateTime", ToDateTime, CastFn<ToDateTime>},
    {"date", ToDate, CastFn<ToDate>},
};

const CastEntry* FindCast(std::string_view iri) {
  if (!iri.starts_with(vocab::kXsd)) return nullptr;
  iri.remove_prefix(vocab::kXsd.size());
  for (const CastEntry& c : kCasts) {
    if (c.local == iri) return &c;
  }
  return nullptr;
}

}  // namespace

BuiltinFn CastFunction(std::string_view iri) {
  const CastEntry* c = FindCast(iri);
  return c ? c->fn : nullptr;
}

Value CastTo(const Value& v, std::string_view target) {
  const CastEntry* c = FindCast(target);
  return c ? c->cast(v) : Value::Error();
}

}  // namespace sextant::query
