// Numeric functions (SPARQL 17.4.4): the result keeps the argument's numeric type.
#include <cmath>
#include <limits>

#include "query/functions.h"

namespace sextant::query {

using ast::Builtin;

namespace {

enum class Mode { kFloor, kCeil, kRound };

Decimal RoundDecimal(Decimal d, Mode mode) {
  d = Normalize(d);
  if (d.scale == 0) return d;
  // 10^scale must fit 128 bits: drop digits far below the point, remembering if any was set.
  bool sticky = false;
  const bool negative = d.m < 0;
  while (d.scale > 36) {
    sticky |= d.m % 10 != 0;
    d.m /= 10;
    --d.scale;
  }
  __int128 p = 1;
  for (int i = 0; i < d.scale; ++i) p *= 10;
  __int128 q = d.m / p;
  __int128 r = d.m % p;
  if (r == 0 && sticky) r = negative ? -1 : 1;
  switch (mode) {
    case Mode::kFloor:
      if (r < 0) --q;
      break;
    case Mode::kCeil:
      if (r > 0) ++q;
      break;
    case Mode::kRound:  // XPath fn:round: halves go up (towards positive infinity)
      if (r >= 0 && 2 * r >= p) ++q;
      if (r < 0 && -2 * r > p) --q;
      break;
  }
  return {q, 0};
}

template <Mode M>
Value RoundFn(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  const Value& v = a[0];
  switch (v.type) {
    case VType::kInteger: return Value::Integer(v.i);
    case VType::kDecimal: return Value::Dec(RoundDecimal(v.d, M));
    case VType::kFloat:
    case VType::kDouble: {
      double r = M == Mode::kFloor  ? std::floor(v.f)
                 : M == Mode::kCeil ? std::ceil(v.f)
                                    : std::floor(v.f + 0.5);
      if (M == Mode::kRound && std::isfinite(v.f) && std::fabs(v.f) >= 4503599627370496.0) {
        r = v.f;  // already integral
      }
      return v.type == VType::kFloat ? Value::Float(r) : Value::Double(r);
    }
    default: return Value::Error();
  }
}

Value Abs(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  const Value& v = a[0];
  switch (v.type) {
    case VType::kInteger:
      if (v.i == std::numeric_limits<int64_t>::min()) return Value::Error();
      return Value::Integer(v.i < 0 ? -v.i : v.i);
    case VType::kDecimal: return Value::Dec({v.d.m < 0 ? -v.d.m : v.d.m, v.d.scale});
    case VType::kFloat: return Value::Float(std::fabs(v.f));
    case VType::kDouble: return Value::Double(std::fabs(v.f));
    default: return Value::Error();
  }
}

Value Rand(std::vector<Value>&, const CompiledExpr&, EvalContext& ctx) {
  // 53 random bits give every double in [0, 1) with equal spacing.
  return Value::Double(static_cast<double>(ctx.rng()() >> 11) * 0x1.0p-53);
}

}  // namespace

BuiltinFn NumericFunction(Builtin b) {
  switch (b) {
    case Builtin::kAbs: return Abs;
    case Builtin::kCeil: return RoundFn<Mode::kCeil>;
    case Builtin::kFloor: return RoundFn<Mode::kFloor>;
    case Builtin::kRound: return RoundFn<Mode::kRound>;
    case Builtin::kRand: return Rand;
    default: return nullptr;
  }
}

}  // namespace sextant::query
