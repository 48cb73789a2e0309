// The builtin functions of SPARQL 1.1 (section 17.4) and 1.2 in one table: the parser looks
// names and argument counts up here, the AST printer and the evaluator's messages take names
// from here.
#include <algorithm>
#include <cctype>
#include <iterator>

#include "grammar/ast.h"

namespace sextant::ast {
namespace {

using B = Builtin;

// In the order of the Builtin enumerators (checked below), so BuiltinInfo indexes it.
constexpr BuiltinSpec kBuiltins[] = {
    {B::kStr, "STR", 1, 1},
    {B::kLang, "LANG", 1, 1},
    {B::kLangMatches, "LANGMATCHES", 2, 2},
    {B::kDatatype, "DATATYPE", 1, 1},
    {B::kBound, "BOUND", 1, 1},
    {B::kIri, "IRI", 1, 1},
    {B::kUri, "URI", 1, 1},
    {B::kBnode, "BNODE", 0, 1},
    {B::kRand, "RAND", 0, 0},
    {B::kAbs, "ABS", 1, 1},
    {B::kCeil, "CEIL", 1, 1},
    {B::kFloor, "FLOOR", 1, 1},
    {B::kRound, "ROUND", 1, 1},
    {B::kConcat, "CONCAT", 0, -1},
    {B::kSubstr, "SUBSTR", 2, 3},
    {B::kStrLen, "STRLEN", 1, 1},
    {B::kReplace, "REPLACE", 3, 4},
    {B::kUCase, "UCASE", 1, 1},
    {B::kLCase, "LCASE", 1, 1},
    {B::kEncodeForUri, "ENCODE_FOR_URI", 1, 1},
    {B::kContains, "CONTAINS", 2, 2},
    {B::kStrStarts, "STRSTARTS", 2, 2},
    {B::kStrEnds, "STRENDS", 2, 2},
    {B::kStrBefore, "STRBEFORE", 2, 2},
    {B::kStrAfter, "STRAFTER", 2, 2},
    {B::kYear, "YEAR", 1, 1},
    {B::kMonth, "MONTH", 1, 1},
    {B::kDay, "DAY", 1, 1},
    {B::kHours, "HOURS", 1, 1},
    {B::kMinutes, "MINUTES", 1, 1},
    {B::kSeconds, "SECONDS", 1, 1},
    {B::kTimezone, "TIMEZONE", 1, 1},
    {B::kTz, "TZ", 1, 1},
    {B::kNow, "NOW", 0, 0},
    {B::kUuid, "UUID", 0, 0},
    {B::kStrUuid, "STRUUID", 0, 0},
    {B::kMd5, "MD5", 1, 1},
    {B::kSha1, "SHA1", 1, 1},
    {B::kSha256, "SHA256", 1, 1},
    {B::kSha384, "SHA384", 1, 1},
    {B::kSha512, "SHA512", 1, 1},
    {B::kCoalesce, "COALESCE", 0, -1},
    {B::kIf, "IF", 3, 3},
    {B::kStrLang, "STRLANG", 2, 2},
    {B::kStrDt, "STRDT", 2, 2},
    {B::kSameTerm, "sameTerm", 2, 2},
    {B::kIsIri, "isIRI", 1, 1},
    {B::kIsUri, "isURI", 1, 1},
    {B::kIsBlank, "isBLANK", 1, 1},
    {B::kIsLiteral, "isLITERAL", 1, 1},
    {B::kIsNumeric, "isNUMERIC", 1, 1},
    {B::kRegex, "REGEX", 2, 3},
    // SPARQL 1.2
    {B::kLangDir, "LANGDIR", 1, 1},
    {B::kHasLang, "hasLANG", 1, 1},
    {B::kHasLangDir, "hasLANGDIR", 1, 1},
    {B::kStrLangDir, "STRLANGDIR", 3, 3},
    {B::kTriple, "TRIPLE", 3, 3},
    {B::kSubject, "SUBJECT", 1, 1},
    {B::kPredicate, "PREDICATE", 1, 1},
    {B::kObject, "OBJECT", 1, 1},
    {B::kIsTriple, "isTRIPLE", 1, 1},
};

constexpr bool InEnumOrder() {
  for (size_t i = 0; i < std::size(kBuiltins); ++i) {
    if (static_cast<size_t>(kBuiltins[i].builtin) != i) return false;
  }
  return true;
}
static_assert(InEnumOrder(), "kBuiltins must list the Builtin enumerators in order");
static_assert(std::size(kBuiltins) == static_cast<size_t>(B::kIsTriple) + 1,
              "every Builtin needs a row in kBuiltins");

bool SameNameIgnoringCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::toupper(static_cast<unsigned char>(x)) ==
           std::toupper(static_cast<unsigned char>(y));
  });
}

}  // namespace

const BuiltinSpec& BuiltinInfo(Builtin b) {
  return kBuiltins[static_cast<size_t>(b)];
}

const char* BuiltinName(Builtin b) {
  return BuiltinInfo(b).name;
}

const BuiltinSpec* BuiltinNamed(std::string_view name) {
  for (const BuiltinSpec& spec : kBuiltins) {
    if (SameNameIgnoringCase(spec.name, name)) return &spec;
  }
  return nullptr;
}

bool AcceptsArgCount(const BuiltinSpec& spec, size_t n) {
  const auto count = static_cast<int>(n);
  return count >= spec.min_args && (spec.max_args < 0 || count <= spec.max_args);
}

}  // namespace sextant::ast
