// String functions (SPARQL 17.4.3). Lengths and positions count code points, not bytes; results
// keep the language tag of the first argument where the spec says so.
#include <cmath>

#include "query/functions.h"

namespace sextant::query {

using ast::Builtin;

bool CompatibleArgs(const Value& a, const Value& b) {
  if (!a.is_stringlike() || !b.is_stringlike()) return false;
  if (b.is_simple()) return true;
  return a.type == VType::kLangString && a.aux == b.aux && a.dir == b.dir;
}

Value StringLike(const Value& like, std::string s) {
  if (like.type == VType::kLangString) return Value::Lang(std::move(s), like.aux, like.dir);
  return Value::String(std::move(s));
}

namespace {

// Simple case mapping for the scripts most data uses (Latin, Greek, Cyrillic): no locale, so
// results are the same on every machine.
char32_t ToUpper(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 32;
  if (c < 0x80) return c;
  if ((c >= 0xe0 && c <= 0xfe && c != 0xf7)) return c - 32;
  if (c == 0xff) return 0x178;
  if (c >= 0x100 && c <= 0x137 && (c & 1)) return c - 1;
  if (c >= 0x139 && c <= 0x148 && !(c & 1)) return c - 1;
  if (c >= 0x14a && c <= 0x177 && (c & 1)) return c - 1;
  if ((c == 0x17a || c == 0x17c || c == 0x17e)) return c - 1;
  if (c >= 0x3b1 && c <= 0x3c9 && c != 0x3c2) return c - 32;
  if (c == 0x3c2) return 0x3a3;
  if (c >= 0x430 && c <= 0x44f) return c - 32;
  if (c >= 0x450 && c <= 0x45f) return c - 80;
  return c;
}

char32_t ToLower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c < 0x80) return c;
  if (c >= 0xc0 && c <= 0xde && c != 0xd7) return c + 32;
  if (c == 0x178) return 0xff;
  if (c >= 0x100 && c <= 0x137 && !(c & 1)) return c + 1;
  if (c >= 0x139 && c <= 0x148 && (c & 1)) return c + 1;
  if (c >= 0x14a && c <= 0x177 && !(c & 1)) return c + 1;
  if ((c == 0x179 || c == 0x17b || c == 0x17d)) return c + 1;
  if (c >= 0x391 && c <= 0x3a9 && c != 0x3a2) return c + 32;
  if (c >= 0x410 && c <= 0x42f) return c + 32;
  if (c >= 0x400 && c <= 0x40f) return c + 80;
  return c;
}

Value StrLen(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  if (!a[0].is_stringlike()) return Value::Error();
  return Value::Integer(static_cast<int64_t>(Utf8Length(a[0].str)));
}

Value Concat(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  std::string out;
  bool same_lang = !a.empty();
  for (const Value& v : a) {
    if (!v.is_stringlike()) return Value::Error();
    out += v.str;
    if (v.type != VType::kLangString || v.aux != a[0].aux || v.dir != a[0].dir) same_lang = false;
  }
  if (same_lang) return Value::Lang(std::move(out), a[0].aux, a[0].dir);
  return Value::String(std::move(out));
}

// XPath fn:substring: characters at positions p with round(start) <= p < round(start)+round(len).
Value Substr(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  if (!a[0].is_stringlike() || !a[1].is_numeric()) return Value::Error();
  if (a.size() > 2 && !a[2].is_numeric()) return Value::Error();
  auto round = [](double x) { return std::floor(x + 0.5); };
  const double start = round(NumericAsDouble(a[1]));
  const double end = a.size() > 2 ? start + round(NumericAsDouble(a[2])) : INFINITY;
  const std::u32string s = Utf8Decode(a[0].str);
  std::u32string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const double p = static_cast<double>(i + 1);
    if (p >= start && p < end) out.push_back(s[i]);
  }
  return StringLike(a[0], Utf8Encode(out));
}

template <char32_t (*Map)(char32_t)>
Value ChangeCase(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  if (!a[0].is_stringlike()) return Value::Error();
  std::u32string s = Utf8Decode(a[0].str);
  for (char32_t& c : s) c = Map(c);
  return StringLike(a[0], Utf8Encode(s));
}

Value EncodeForUri(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  if (!a[0].is_stringlike()) return Value::Error();
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : a[0].str) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return Value::String(std::move(out));
}

Value Contains(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  if (!CompatibleArgs(a[0], a[1])) return Value::Error();
  return Value::Bool(a[0].str.find(a[1].str) != std::string::npos);
}

Value StrStarts(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  if (!CompatibleArgs(a[0], a[1])) return Value::Error();
  return Value::Bool(a[0].str.starts_with(a[1].str));
}

Value StrEnds(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  if (!CompatibleArgs(a[0], a[1])) return Value::Error();
  return Value::Bool(a[0].str.ends_with(a[1].str));
}

// A match keeps the first argument's language tag; no match gives the empty simple literal.
Value StrBefore(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  if (!CompatibleArgs(a[0], a[1])) return Value::Error();
  const size_t pos = a[0].str.find(a[1].str);
  if (pos == std::string::npos) return Value::String("");
  return StringLike(a[0], a[0].str.substr(0, pos));
}

Value StrAfter(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  if (!CompatibleArgs(a[0], a[1])) return Value::Error();
  const size_t pos = a[0].str.find(a[1].str);
  if (pos == std::string::npos) return Value::String("");
  return StringLike(a[0], a[0].str.substr(pos + a[1].str.size()));
}

// The node's precompiled regex, or one compiled from these arguments.
std::shared_ptr<const CompiledRegex> RegexFor(const CompiledExpr& node, const Value& pattern,
                                              const Value* flags, EvalContext& ctx) {
  if (node.regex) return node.regex;
  if (!pattern.is_simple() || (flags && !flags->is_simple())) return nullptr;
  std::string key = flags ? flags->str : std::string();
  key += '\0';
  key += pattern.str;
  if (auto it = ctx.regex_cache.find(key); it != ctx.regex_cache.end()) return it->second;
  std::string error;
  auto re = CompileRegex(pattern.str, flags ? flags->str : std::string(), &error);
  if (ctx.regex_cache.size() >= 1024) {
    ctx.regex_cache.clear();  // bounded: patterns may differ per row
  }
  ctx.regex_cache.emplace(std::move(key), re);  // failures are cached too, as nullptr
  return re;
}

Value Regex(std::vector<Value>& a, const CompiledExpr& node, EvalContext& ctx) {
  if (!a[0].is_stringlike()) return Value::Error();
  auto re = RegexFor(node, a[1], a.size() > 2 ? &a[2] : nullptr, ctx);
  if (!re) return Value::Error();
  const auto r = RegexSearch(*re, a[0].str);
  return r ? Value::Bool(*r) : Value::Error();
}

Value Replace(std::vector<Value>& a, const CompiledExpr& node, EvalContext& ctx) {
  if (!a[0].is_stringlike() || !a[2].is_simple()) return Value::Error();
  auto re = RegexFor(node, a[1], a.size() > 3 ? &a[3] : nullptr, ctx);
  if (!re) return Value::Error();
  auto r = RegexReplace(*re, a[0].str, a[2].str);
  if (!r) return Value::Error();
  return StringLike(a[0], std::move(*r));
}

}  // namespace

BuiltinFn StringFunction(Builtin b) {
  switch (b) {
    case Builtin::kStrLen: return StrLen;
    case Builtin::kConcat: return Concat;
    case Builtin::kSubstr: return Substr;
    case Builtin::kUCase: return ChangeCase<ToUpper>;
    case Builtin::kLCase: return ChangeCase<ToLower>;
    case Builtin::kEncodeForUri: return EncodeForUri;
    case Builtin::kContains: return Contains;
    case Builtin::kStrStarts: return StrStarts;
    case Builtin::kStrEnds: return StrEnds;
    case Builtin::kStrBefore: return StrBefore;
    case Builtin::kStrAfter: return StrAfter;
    case Builtin::kRegex: return Regex;
    case Builtin::kReplace: return Replace;
    default: return nullptr;
  }
}

}  // namespace sextant::query
