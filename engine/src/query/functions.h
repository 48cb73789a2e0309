// Internal to the expression evaluator: the compiled node and the builtin function library.
// Builtins take already evaluated arguments; the few that must see unevaluated or erroneous
// arguments (BOUND, COALESCE, IF, logical operators) are handled by the evaluator itself.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/ast.h"
#include "query/expression.h"
#include "query/value.h"
#include "sextant/utf8.h"

namespace sextant::query {

struct CompiledRegex;  // opaque: keeps the regex engine out of headers
struct CompiledExpr;

using BuiltinFn = Value (*)(std::vector<Value>& args, const CompiledExpr& node, EvalContext& ctx);

struct CompiledExpr {
  ast::ExprKind kind = ast::ExprKind::kTerm;
  ast::Builtin builtin = ast::Builtin::kStr;
  int slot = -1;           // kVariable (and aggregates, read from their slot); -1: never bound
  int exists_index = -1;   // kExists / kNotExists
  Value constant;          // kTerm
  BuiltinFn fn = nullptr;  // builtins and casts with evaluated arguments
  std::vector<CompiledExpr> args;
  // REGEX / REPLACE with constant pattern and flags, compiled once.
  std::shared_ptr<const CompiledRegex> regex;
  std::string base_iri;  // IRI / URI: the query's base for relative strings
};

// Evaluates to a value (kError on error).
Value EvalValue(const CompiledExpr& e, const TermId* row, EvalContext& ctx);

// Effective boolean value (SPARQL 17.2.2); nullopt for a type error.
std::optional<bool> EffectiveBoolean(const Value& v);

// Three-valued results of comparisons: nullopt is a type error.
std::optional<bool> ValueEquals(const Value& a, const Value& b);
// <0, 0, >0 for a<b, a=b, a>b; kUnordered when a NaN is involved (every comparison is false);
// nullopt when '<' is not defined (incompatible types, or indeterminate times).
inline constexpr int kUnordered = 2;
std::optional<int> ValueCompare(const Value& a, const Value& b);
bool SameTerm(const Value& a, const Value& b);
// ORDER BY order on values (order_by.cpp).
int CompareValuesForOrderBy(const Value& a, const Value& b);

// Arithmetic with numeric type promotion; error values on type errors, overflow, x/0 for
// integer and decimal.
Value Arithmetic(ast::ExprKind op, const Value& a, const Value& b);
Value UnaryMinus(const Value& a);

// Builtins by area. Each checks its own argument types.
BuiltinFn TermFunction(ast::Builtin b);      // functions_term.cpp
BuiltinFn StringFunction(ast::Builtin b);    // functions_string.cpp
BuiltinFn NumericFunction(ast::Builtin b);   // functions_numeric.cpp
BuiltinFn DateTimeFunction(ast::Builtin b);  // functions_datetime.cpp
BuiltinFn HashFunction(ast::Builtin b);      // functions_hash.cpp

// XSD constructor functions (cast.cpp): nullptr for IRIs that are not casts we support.
BuiltinFn CastFunction(std::string_view iri);
Value CastTo(const Value& v, std::string_view target_datatype);

// Regular expressions with XPath flags (functions_regex.cpp). nullptr with *error set when the
// pattern or flags are invalid.
std::shared_ptr<const CompiledRegex> CompileRegex(std::string_view pattern, std::string_view flags,
                                                  std::string* error);
// nullopt when matching fails (e.g. the engine's complexity limit).
std::optional<bool> RegexSearch(const CompiledRegex& re, const std::string& text);
// XPath fn:replace: $N group references, \$ and \\ escapes. nullopt on an invalid replacement
// string or a pattern matching the empty string.
std::optional<std::string> RegexReplace(const CompiledRegex& re, const std::string& text,
                                        const std::string& replacement);

// String argument compatibility (SPARQL 17.4.3.1.2): both simple, both with the same language
// tag, or a language-tagged first argument and a simple second one.
bool CompatibleArgs(const Value& a, const Value& b);
// A string literal with the same language tag / simple-ness as `like`.
Value StringLike(const Value& like, std::string s);

// The UTF-8 helpers live in base/ (sextant/utf8.h); code outside query/ still names them query::.
using ::sextant::Utf8Decode;
using ::sextant::Utf8Encode;
using ::sextant::Utf8Length;

}  // namespace sextant::query
