// Compilation of ast::Expr into CompiledExpr trees and their per-row evaluation. Operators whose
// error handling is not "any error in, error out" (||, &&, IN, BOUND, IF, COALESCE, EXISTS) are
// evaluated here; everything else goes through the builtin library.
#include "query/expression.h"

#include <algorithm>

#include "query/functions.h"
#include "storage/inline_value.h"

namespace sextant::query {

using ast::Builtin;
using ast::ExprKind;

void CompiledExprDeleter::operator()(CompiledExpr* e) const {
  delete e;
}

namespace {

BuiltinFn FindBuiltin(Builtin b) {
  for (auto* finder :
       {TermFunction, StringFunction, NumericFunction, DateTimeFunction, HashFunction}) {
    if (BuiltinFn fn = finder(b)) return fn;
  }
  return nullptr;
}

// Precompiles the pattern of REGEX/REPLACE when it and the flags are constants.
void PrecompileRegex(CompiledExpr& node) {
  const size_t pattern_index = 1;
  const size_t flags_index = node.builtin == Builtin::kRegex ? 2 : 3;
  if (node.args[pattern_index].kind != ExprKind::kTerm) return;
  if (node.args.size() > flags_index && node.args[flags_index].kind != ExprKind::kTerm) return;
  const Value& pattern = node.args[pattern_index].constant;
  if (!pattern.is_simple()) return;
  std::string flags;
  if (node.args.size() > flags_index) {
    const Value& f = node.args[flags_index].constant;
    if (!f.is_simple()) return;
    flags = f.str;
  }
  std::string error;
  node.regex =
      CompileRegex(pattern.str, flags, &error);  // invalid: evaluated (as an error) per row
}

Status Compile(const ast::Expr& e, const CompileHooks& hooks, CompiledExpr& out) {
  out.kind = e.kind;
  switch (e.kind) {
    case ExprKind::kVariable:
      out.slot = hooks.slot_of ? hooks.slot_of(e.var) : -1;
      return Status::OK();
    case ExprKind::kTerm:
      out.constant = FromTerm(e.term);
      if (e.term.is_literal() && e.term.language().empty()) {
        if (auto id = storage::TryInline(e.term.value(), e.term.datatype())) out.constant.id = *id;
      }
      return Status::OK();
    case ExprKind::kAggregate: {
      if (!hooks.aggregate_slot) {
        return Status::InvalidArgument("aggregate not allowed here: " + ast::ToString(e));
      }
      SEXTANT_ASSIGN_OR_RETURN(out.slot, hooks.aggregate_slot(e));
      out.kind = ExprKind::kVariable;  // the grouping operator put its value in a slot
      return Status::OK();
    }
    case ExprKind::kExists:
    case ExprKind::kNotExists: {
      if (!hooks.register_exists) return Status::InvalidArgument("EXISTS not allowed here");
      if (!e.pattern) return Status::InvalidArgument("EXISTS without a pattern");
      SEXTANT_ASSIGN_OR_RETURN(out.exists_index, hooks.register_exists(*e.pattern));
      return Status::OK();
    }
    default: break;
  }
  out.args.resize(e.args.size());
  for (size_t i = 0; i < e.args.size(); ++i) {
    SEXTANT_RETURN_IF_ERROR(Compile(e.args[i], hooks, out.args[i]));
  }
  if (e.kind == ExprKind::kBuiltin) {
    out.builtin = e.builtin;
    if (!ast::AcceptsArgCount(ast::BuiltinInfo(e.builtin), e.args.size())) {
      return Status::InvalidArgument(std::string("wrong number of arguments to ") +
                                     ast::BuiltinName(e.builtin));
    }
    switch (e.builtin) {
      case Builtin::kBound:
        if (e.args[0].kind != ExprKind::kVariable) {
          return Status::InvalidArgument("BOUND needs a variable");
        }
        return Status::OK();
      case Builtin::kCoalesce:
      case Builtin::kIf: return Status::OK();  // evaluated lazily
      default: break;
    }
    out.fn = FindBuiltin(e.builtin);
    if (!out.fn) {
      return Status::Unsupported(std::string("builtin not implemented: ") +
                                 ast::BuiltinName(e.builtin));
    }
    if (e.builtin == Builtin::kRegex || e.builtin == Builtin::kReplace) PrecompileRegex(out);
    if (e.builtin == Builtin::kIri || e.builtin == Builtin::kUri) out.base_iri = hooks.base_iri;
    return Status::OK();
  }
  if (e.kind == ExprKind::kFunctionCall) {
    out.fn = CastFunction(e.iri);
    if (!out.fn) return Status::InvalidArgument("unknown function <" + e.iri + ">");
    if (e.args.size() != 1) {
      return Status::InvalidArgument("a cast to <" + e.iri + "> takes one argument");
    }
  }
  return Status::OK();
}

// Three-valued logic state for || and &&.
enum class Tri { kFalse, kTrue, kError };

Tri ToTri(const std::optional<bool>& b) {
  if (!b) return Tri::kError;
  return *b ? Tri::kTrue : Tri::kFalse;
}

std::optional<bool> EvalLogical(const CompiledExpr& e, const TermId* row, EvalContext& ctx) {
  const bool is_or = e.kind == ExprKind::kOr;
  // || is true if any side is true even if another errs; && false if any side is false.
  const Tri decisive = is_or ? Tri::kTrue : Tri::kFalse;
  bool error = false;
  for (const CompiledExpr& a : e.args) {
    const Tri t = ToTri(EvaluateBool(a, row, ctx));
    if (t == decisive) return is_or;
    if (t == Tri::kError) error = true;
  }
  if (error) return std::nullopt;
  return !is_or;
}

std::optional<bool> EvalIn(const CompiledExpr& e, const TermId* row, EvalContext& ctx) {
  // An empty list decides without looking at the left side, even if it is an error.
  if (e.args.size() == 1) return e.kind == ExprKind::kNotIn;
  const Value lhs = EvalValue(e.args[0], row, ctx);
  if (!lhs.ok()) return std::nullopt;
  bool error = false;
  for (size_t i = 1; i < e.args.size(); ++i) {
    const Value v = EvalValue(e.args[i], row, ctx);
    const std::optional<bool> eq = v.ok() ? ValueEquals(lhs, v) : std::nullopt;
    if (eq && *eq) return e.kind == ExprKind::kIn;
    if (!eq) error = true;
  }
  if (error) return std::nullopt;
  return e.kind == ExprKind::kNotIn;
}

// The id of a variable or constant operand without evaluating an expression; kNoId for other
// operands (and unbound variables).
TermId DirectId(const CompiledExpr& e, const TermId* row, EvalContext& ctx) {
  if (e.kind == ExprKind::kVariable) return e.slot < 0 ? storage::kNoId : row[e.slot];
  if (e.kind == ExprKind::kTerm) return Evaluate(e, row, ctx);  // interned once per query
  return storage::kNoId;
}

std::optional<bool> CompareInts(ExprKind op, int64_t a, int64_t b) {
  switch (op) {
    case ExprKind::kEqual: return a == b;
    case ExprKind::kNotEqual: return a != b;
    case ExprKind::kLess: return a < b;
    case ExprKind::kGreater: return a > b;
    case ExprKind::kLessEqual: return a <= b;
    default: return a >= b;
  }
}

bool IsStoredResource(TermId id) {
  return storage::TagOf(id) == storage::IdTag::kIri || storage::TagOf(id) == storage::IdTag::kBlank;
}

// Term equality decided from ids alone: the dictionary gives each stored IRI and blank node one
// id, and inline values are never NaN. nullopt when the terms must be looked at.
std::optional<bool> EqualsById(TermId a, TermId b) {
  const bool ra = IsStoredResource(a), rb = IsStoredResource(b);
  if (a == b && (ra || storage::IsInline(a))) return true;
  if (ra && rb) return false;
  if ((ra && storage::IsInline(b)) || (rb && storage::IsInline(a))) return false;
  return std::nullopt;
}

std::optional<bool> EvalComparison(const CompiledExpr& e, const TermId* row, EvalContext& ctx) {
  const TermId da = DirectId(e.args[0], row, ctx), db = DirectId(e.args[1], row, ctx);
  if (da != storage::kNoId && db != storage::kNoId) {
    // FILTER(?x > 5) on inline integers: compare the payloads, no decoding at all.
    if (storage::TagOf(da) == storage::IdTag::kInteger &&
        storage::TagOf(db) == storage::IdTag::kInteger) {
      return CompareInts(e.kind, storage::InlineInteger(da), storage::InlineInteger(db));
    }
    if (e.kind == ExprKind::kEqual || e.kind == ExprKind::kNotEqual) {
      if (auto eq = EqualsById(da, db)) return e.kind == ExprKind::kEqual ? *eq : !*eq;
    }
  }
  const Value a = EvalValue(e.args[0], row, ctx);
  if (!a.ok()) return std::nullopt;
  const Value b = EvalValue(e.args[1], row, ctx);
  if (!b.ok()) return std::nullopt;
  switch (e.kind) {
    case ExprKind::kEqual: return ValueEquals(a, b);
    case ExprKind::kNotEqual: {
      auto eq = ValueEquals(a, b);
      if (!eq) return std::nullopt;
      return !*eq;
    }
    default: break;
  }
  const std::optional<int> c = ValueCompare(a, b);
  if (!c) return std::nullopt;
  if (*c == kUnordered) return false;
  switch (e.kind) {
    case ExprKind::kLess: return *c < 0;
    case ExprKind::kGreater: return *c > 0;
    case ExprKind::kLessEqual: return *c <= 0;
    case ExprKind::kGreaterEqual: return *c >= 0;
    default: return std::nullopt;
  }
}

Value FromBool(const std::optional<bool>& b) {
  return b ? Value::Bool(*b) : Value::Error();
}

}  // namespace

Result<CompiledExprPtr> CompileExpr(const ast::Expr& expr, const CompileHooks& hooks) {
  CompiledExprPtr out(new CompiledExpr);
  SEXTANT_RETURN_IF_ERROR(Compile(expr, hooks, *out));
  return out;
}

namespace {

void PatternVariables(const ast::GroupPattern& g, std::vector<std::string>& out);

void AddVar(const std::string& v, std::vector<std::string>& out) {
  if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
}

void AddVarOrTerm(const ast::VarOrTerm& v, std::vector<std::string>& out) {
  ast::ForEachVariable(v, [&out](const std::string& name) { AddVar(name, out); });
}

void ExprVars(const ast::Expr& e, std::vector<std::string>& out) {
  if (e.kind == ExprKind::kVariable) AddVar(e.var, out);
  for (const ast::Expr& a : e.args) ExprVars(a, out);
  if (e.pattern) PatternVariables(*e.pattern, out);
}

void PatternVariables(const ast::GroupPattern& g, std::vector<std::string>& out) {
  for (const ast::PatternElement& el : g.elements) {
    for (const ast::TriplePattern& t : el.triples) {
      AddVarOrTerm(t.subject, out);
      if (const auto* v = std::get_if<ast::Variable>(&t.predicate)) AddVar(v->name, out);
      AddVarOrTerm(t.object, out);
    }
    for (const ast::GroupPattern& sub : el.groups) PatternVariables(sub, out);
    if (el.kind == ast::ElementKind::kFilter || el.kind == ast::ElementKind::kBind) {
      ExprVars(el.expr, out);
    }
    if (el.kind == ast::ElementKind::kBind) AddVar(el.var, out);
    if (el.kind == ast::ElementKind::kGraph) AddVarOrTerm(el.name, out);
    if (el.kind == ast::ElementKind::kValues) {
      for (const std::string& v : el.values.vars) AddVar(v, out);
    }
    if (el.kind == ast::ElementKind::kSubQuery && el.subquery) {
      for (const ast::SelectItem& item : el.subquery->projection) AddVar(item.var, out);
    }
  }
}

}  // namespace

std::vector<std::string> ExprVariables(const ast::Expr& expr) {
  std::vector<std::string> out;
  ExprVars(expr, out);
  return out;
}

Value EvalValue(const CompiledExpr& e, const TermId* row, EvalContext& ctx) {
  switch (e.kind) {
    case ExprKind::kVariable:
      if (e.slot < 0) return Value::Error();
      return FromId(row[e.slot], *ctx.terms);
    case ExprKind::kTerm: return e.constant;
    case ExprKind::kOr:
    case ExprKind::kAnd: return FromBool(EvalLogical(e, row, ctx));
    case ExprKind::kEqual:
    case ExprKind::kNotEqual:
    case ExprKind::kLess:
    case ExprKind::kGreater:
    case ExprKind::kLessEqual:
    case ExprKind::kGreaterEqual: return FromBool(EvalComparison(e, row, ctx));
    case ExprKind::kAdd:
    case ExprKind::kSubtract:
    case ExprKind::kMultiply:
    case ExprKind::kDivide: {
      Value a = EvalValue(e.args[0], row, ctx);
      if (!a.ok()) return a;
      return Arithmetic(e.kind, a, EvalValue(e.args[1], row, ctx));
    }
    case ExprKind::kNot: {
      const auto b = EffectiveBoolean(EvalValue(e.args[0], row, ctx));
      return b ? Value::Bool(!*b) : Value::Error();
    }
    case ExprKind::kUnaryPlus: {
      Value a = EvalValue(e.args[0], row, ctx);
      return a.is_numeric() ? a : Value::Error();
    }
    case ExprKind::kUnaryMinus: return UnaryMinus(EvalValue(e.args[0], row, ctx));
    case ExprKind::kIn:
    case ExprKind::kNotIn: return FromBool(EvalIn(e, row, ctx));
    case ExprKind::kExists:
    case ExprKind::kNotExists: {
      if (!ctx.exists) return Value::Error();
      const bool found = ctx.exists(e.exists_index, row);
      return Value::Bool(e.kind == ExprKind::kExists ? found : !found);
    }
    case ExprKind::kAggregate: return Value::Error();  // compiled to kVariable
    case ExprKind::kBuiltin:
      switch (e.builtin) {
        case Builtin::kBound: {
          const int slot = e.args[0].slot;
          return Value::Bool(slot >= 0 && row[slot] != storage::kNoId);
        }
        case Builtin::kCoalesce:
          for (const CompiledExpr& a : e.args) {
            Value v = EvalValue(a, row, ctx);
            if (v.ok()) return v;
          }
          return Value::Error();
        case Builtin::kIf: {
          const auto c = EffectiveBoolean(EvalValue(e.args[0], row, ctx));
          if (!c) return Value::Error();
          return EvalValue(e.args[*c ? 1 : 2], row, ctx);
        }
        default: break;
      }
      [[fallthrough]];
    case ExprKind::kFunctionCall: {
      std::vector<Value> args;
      args.reserve(e.args.size());
      for (const CompiledExpr& a : e.args) {
        args.push_back(EvalValue(a, row, ctx));
        if (!args.back().ok()) return Value::Error();  // every remaining builtin is strict
      }
      return e.fn(args, e, ctx);
    }
  }
  return Value::Error();
}

TermId Evaluate(const CompiledExpr& expr, const TermId* row, EvalContext& ctx) {
  switch (expr.kind) {
    case ExprKind::kVariable: return expr.slot < 0 ? storage::kNoId : row[expr.slot];
    case ExprKind::kTerm:
      if (expr.constant.id != storage::kNoId) return expr.constant.id;
      if (auto it = ctx.constant_ids.find(&expr); it != ctx.constant_ids.end()) return it->second;
      return ctx.constant_ids[&expr] = ToId(expr.constant, *ctx.terms);
    default: break;
  }
  return ToId(EvalValue(expr, row, ctx), *ctx.terms);
}

std::optional<bool> EvaluateBool(const CompiledExpr& expr, const TermId* row, EvalContext& ctx) {
  switch (expr.kind) {
    case ExprKind::kOr:
    case ExprKind::kAnd: return EvalLogical(expr, row, ctx);
    case ExprKind::kEqual:
    case ExprKind::kNotEqual:
    case ExprKind::kLess:
    case ExprKind::kGreater:
    case ExprKind::kLessEqual:
    case ExprKind::kGreaterEqual: return EvalComparison(expr, row, ctx);
    case ExprKind::kIn:
    case ExprKind::kNotIn: return EvalIn(expr, row, ctx);
    case ExprKind::kNot: {
      const auto b = EvaluateBool(expr.args[0], row, ctx);
      if (!b) return std::nullopt;
      return !*b;
    }
    default: return EffectiveBoolean(EvalValue(expr, row, ctx));
  }
}

// SPARQL 1.2 (section 17.2.2): only booleans, numbers and simple strings have one; a
// language-tagged string or an ill-typed boolean or number is an error (1.1 made the latter
// false and the former depend on its length).
std::optional<bool> EffectiveBoolean(const Value& v) {
  switch (v.type) {
    case VType::kBoolean: return v.b;
    case VType::kString: return !v.str.empty();
    case VType::kInteger: return v.i != 0;
    case VType::kDecimal: return v.d.m != 0;
    case VType::kFloat:
    case VType::kDouble: return !(v.f == 0 || v.f != v.f);
    default: return std::nullopt;
  }
}

}  // namespace sextant::query
