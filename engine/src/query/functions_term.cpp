// Functions on RDF terms (SPARQL 17.4.1-17.4.2): accessors, constructors and tests.
#include <cstdio>

#include "base/iri_resolve.h"
#include "query/functions.h"
#include "rdf/iri.h"

namespace sextant::query {

using ast::Builtin;

namespace {

char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

Value Str(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  if (a[0].type == VType::kBlank || a[0].type == VType::kTriple) return Value::Error();
  return Value::String(LexicalOf(a[0]));
}

Value Lang(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  if (!a[0].is_literal()) return Value::Error();
  return Value::String(a[0].type == VType::kLangString ? a[0].aux : std::string());
}

// RFC 4647 basic filtering, as SPARQL's langMatches.
Value LangMatches(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  if (!a[0].is_simple() || !a[1].is_simple()) return Value::Error();
  const std::string& tag = a[0].str;
  const std::string& range = a[1].str;
  if (range == "*") return Value::Bool(!tag.empty());
  if (range.size() > tag.size()) return Value::Bool(false);
  for (size_t i = 0; i < range.size(); ++i) {
    if (Lower(range[i]) != Lower(tag[i])) return Value::Bool(false);
  }
  return Value::Bool(range.size() == tag.size() || tag[range.size()] == '-');
}

Value Datatype(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  if (!a[0].is_literal()) return Value::Error();
  return Value::Iri(DatatypeOf(a[0]));
}

Value Iri(std::vector<Value>& a, const CompiledExpr& node, EvalContext&) {
  if (a[0].type == VType::kIri) return a[0];
  if (!a[0].is_simple()) return Value::Error();
  std::string iri =
      node.base_iri.empty() || HasScheme(a[0].str) ? a[0].str : ResolveIri(node.base_iri, a[0].str);
  // Not an IRI the store could keep (relative, or with a space or '>'): an error, as for any
  // other argument IRI() cannot make an IRI of, so such a term never reaches the store.
  if (rdf::IriProblem(iri)) return Value::Error();
  return Value::Iri(std::move(iri));
}

void EnsurePrefix(EvalContext& ctx) {
  if (!ctx.bnode_prefix.empty()) return;
  char buf[32];
  std::snprintf(buf, sizeof buf, "sx%08llx",
                static_cast<unsigned long long>(ctx.rng()() & 0xffffffffULL));
  ctx.bnode_prefix = buf;
}

Value Bnode(std::vector<Value>& a, const CompiledExpr&, EvalContext& ctx) {
  EnsurePrefix(ctx);
  if (a.empty()) return Value::Blank(ctx.bnode_prefix + "n" + std::to_string(ctx.bnode_counter++));
  if (!a[0].is_simple()) return Value::Error();
  // The same string gives the same node within one solution: derive the label from both.
  std::string label = ctx.bnode_prefix + "r" + std::to_string(ctx.row_counter) + "x";
  static const char kHex[] = "0123456789abcdef";
  for (unsigned char c : a[0].str) {
    label += kHex[c >> 4];
    label += kHex[c & 15];
  }
  return Value::Blank(std::move(label));
}

Value SameTermFn(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  return Value::Bool(SameTerm(a[0], a[1]));
}

Value IsIri(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  return Value::Bool(a[0].type == VType::kIri);
}
Value IsBlank(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  return Value::Bool(a[0].type == VType::kBlank);
}
Value IsLiteral(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  return Value::Bool(a[0].is_literal());
}
Value IsNumeric(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  return Value::Bool(a[0].is_numeric());
}

Value StrLang(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  if (!a[0].is_simple() || !a[1].is_simple() || a[1].str.empty()) return Value::Error();
  return Value::Lang(a[0].str, a[1].str);
}

// SPARQL 1.2: the base direction of a literal, "" for none; an error for a non-literal.
Value LangDir(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  if (!a[0].is_literal()) return Value::Error();
  return Value::String(a[0].type == VType::kLangString ? std::string(DirectionName(a[0].dir))
                                                       : std::string());
}
// False (not an error) for IRIs and blank nodes, as the SPARQL 1.2 tests expect.
Value HasLang(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  if (!a[0].ok()) return Value::Error();
  return Value::Bool(a[0].type == VType::kLangString);
}
Value HasLangDir(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  if (!a[0].ok()) return Value::Error();
  return Value::Bool(a[0].type == VType::kLangString && a[0].dir != Direction::kNone);
}
Value StrLangDir(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  if (!a[0].is_simple() || !a[1].is_simple() || a[1].str.empty() || !a[2].is_simple()) {
    return Value::Error();
  }
  const auto dir = DirectionFromName(a[2].str);
  if (!dir || *dir == Direction::kNone) return Value::Error();
  return Value::Lang(a[0].str, a[1].str, *dir);
}

// SPARQL 1.2 triple terms: TRIPLE builds one (an error where RDF 1.2 allows none: a subject
// that is not an IRI or blank node, a predicate that is not an IRI), SUBJECT, PREDICATE and
// OBJECT take one apart.
Value TripleFn(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  if ((a[0].type != VType::kIri && a[0].type != VType::kBlank) || a[1].type != VType::kIri ||
      !a[2].ok()) {
    return Value::Error();
  }
  return Value::Triple(Term::Triple(ToTerm(a[0]), ToTerm(a[1]), ToTerm(a[2])));
}
template <int kPart>
Value TriplePart(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  if (a[0].type != VType::kTriple) return Value::Error();
  return FromTerm(a[0].triple->part(kPart));
}
Value IsTriple(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  if (!a[0].ok()) return Value::Error();
  return Value::Bool(a[0].type == VType::kTriple);
}

Value StrDt(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  if (!a[0].is_simple() || a[1].type != VType::kIri) return Value::Error();
  if (a[1].str == vocab::kRdfLangString) return Value::Error();
  return Value::Typed(a[0].str, a[1].str);
}

std::string RandomUuid(EvalContext& ctx) {
  const uint64_t hi = ctx.rng()(), lo = ctx.rng()();
  unsigned char b[16];
  for (int i = 0; i < 8; ++i) {
    b[i] = static_cast<unsigned char>(hi >> (56 - 8 * i));
    b[8 + i] = static_cast<unsigned char>(lo >> (56 - 8 * i));
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);  // RFC 4122 variant
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[b[i] >> 4];
    out += kHex[b[i] & 15];
  }
  return out;
}

Value Uuid(std::vector<Value>&, const CompiledExpr&, EvalContext& ctx) {
  return Value::Iri("urn:uuid:" + RandomUuid(ctx));
}
Value StrUuid(std::vector<Value>&, const CompiledExpr&, EvalContext& ctx) {
  return Value::String(RandomUuid(ctx));
}

}  // namespace

BuiltinFn TermFunction(Builtin b) {
  switch (b) {
    case Builtin::kStr: return Str;
    case Builtin::kLang: return Lang;
    case Builtin::kLangMatches: return LangMatches;
    case Builtin::kDatatype: return Datatype;
    case Builtin::kIri:
    case Builtin::kUri: return Iri;
    case Builtin::kBnode: return Bnode;
    case Builtin::kSameTerm: return SameTermFn;
    case Builtin::kIsIri:
    case Builtin::kIsUri: return IsIri;
    case Builtin::kIsBlank: return IsBlank;
    case Builtin::kIsLiteral: return IsLiteral;
    case Builtin::kIsNumeric: return IsNumeric;
    case Builtin::kStrLang: return StrLang;
    case Builtin::kStrLangDir: return StrLangDir;
    case Builtin::kLangDir: return LangDir;
    case Builtin::kHasLang: return HasLang;
    case Builtin::kHasLangDir: return HasLangDir;
    case Builtin::kStrDt: return StrDt;
    case Builtin::kTriple: return TripleFn;
    case Builtin::kSubject: return TriplePart<0>;
    case Builtin::kPredicate: return TriplePart<1>;
    case Builtin::kObject: return TriplePart<2>;
    case Builtin::kIsTriple: return IsTriple;
    case Builtin::kUuid: return Uuid;
    case Builtin::kStrUuid: return StrUuid;
    default: return nullptr;
  }
}

}  // namespace sextant::query
