// Date and time accessors (SPARQL 17.4.5). Fields are read from the lexical form, which keeps
// the original fraction digits and timezone spelling.
#include <chrono>
#include <cstdio>

#include "query/functions.h"

namespace sextant::query {

using ast::Builtin;

namespace {

// Positions within a date or dateTime lexical form.
struct Parts {
  std::string lex;
  size_t month = 0;  // start of MM
  size_t time = 0;   // start of hh (0 for dates)
  size_t tz = 0;     // start of the timezone (== size when absent)
};

std::optional<Parts> Split(const Value& v, bool need_time) {
  if (v.type != VType::kDateTime && !(v.type == VType::kDate && !need_time)) return std::nullopt;
  Parts p;
  p.lex = LexicalOf(v);
  const size_t dash = p.lex.find('-', 1);
  if (dash == std::string::npos) return std::nullopt;
  p.month = dash + 1;
  size_t end = p.month + 5;  // after DD
  if (v.type == VType::kDateTime) {
    p.time = end + 1;
    end = p.time + 8;
    if (end < p.lex.size() && p.lex[end] == '.') {
      ++end;
      while (end < p.lex.size() && p.lex[end] >= '0' && p.lex[end] <= '9') ++end;
    }
  }
  if (end > p.lex.size()) return std::nullopt;
  p.tz = end;
  return p;
}

Value IntField(const std::string& s) {
  const auto v = ParseInteger(s);
  return v ? Value::Integer(*v) : Value::Error();
}

Value Year(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  const auto p = Split(a[0], false);
  return p ? IntField(p->lex.substr(0, p->month - 1)) : Value::Error();
}
Value Month(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  const auto p = Split(a[0], false);
  return p ? IntField(p->lex.substr(p->month, 2)) : Value::Error();
}
Value Day(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  const auto p = Split(a[0], false);
  return p ? IntField(p->lex.substr(p->month + 3, 2)) : Value::Error();
}
Value Hours(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  const auto p = Split(a[0], true);
  return p ? IntField(p->lex.substr(p->time, 2)) : Value::Error();
}
Value Minutes(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  const auto p = Split(a[0], true);
  return p ? IntField(p->lex.substr(p->time + 3, 2)) : Value::Error();
}
Value Seconds(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  const auto p = Split(a[0], true);
  if (!p) return Value::Error();
  const auto d = ParseDecimal(p->lex.substr(p->time + 6, p->tz - (p->time + 6)));
  return d ? Value::Dec(*d) : Value::Error();
}

// xsd:dayTimeDuration of the offset: PT0S, -PT5H, PT5H30M.
Value Timezone(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  if ((a[0].type != VType::kDateTime && a[0].type != VType::kDate) || !a[0].tz) {
    return Value::Error();
  }
  const int tz = *a[0].tz;
  if (tz == 0) return Value::Typed("PT0S", std::string(vocab::kXsd) + "dayTimeDuration");
  const int abs = tz < 0 ? -tz : tz;
  std::string out = tz < 0 ? "-PT" : "PT";
  if (abs / 60) out += std::to_string(abs / 60) + "H";
  if (abs % 60) out += std::to_string(abs % 60) + "M";
  return Value::Typed(out, std::string(vocab::kXsd) + "dayTimeDuration");
}

Value Tz(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  const auto p = Split(a[0], false);
  return p ? Value::String(p->lex.substr(p->tz)) : Value::Error();
}

Value Now(std::vector<Value>&, const CompiledExpr&, EvalContext& ctx) {
  if (ctx.now_lexical.empty()) {
    // Fixed at first use so that every NOW() of the query agrees.
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    ctx.now_lexical = FormatDateTime(ms, 0);
  }
  return Value::Typed(ctx.now_lexical, std::string(vocab::kXsdDateTime));
}

}  // namespace

BuiltinFn DateTimeFunction(Builtin b) {
  switch (b) {
    case Builtin::kYear: return Year;
    case Builtin::kMonth: return Month;
    case Builtin::kDay: return Day;
    case Builtin::kHours: return Hours;
    case Builtin::kMinutes: return Minutes;
    case Builtin::kSeconds: return Seconds;
    case Builtin::kTimezone: return Timezone;
    case Builtin::kTz: return Tz;
    case Builtin::kNow: return Now;
    default: return nullptr;
  }
}

}  // namespace sextant::query
