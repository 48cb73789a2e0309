// The evaluator's own view of a term: typed values (numbers, booleans, times) alongside the
// lexical form, so operators work on values and only the final result is turned back into an id.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "query/term_table.h"
#include "sextant/term.h"
#include "storage/term_id.h"

namespace sextant::query {

// Exact decimal: m * 10^-scale. 128 bits keep products and quotients of stored decimals exact.
struct Decimal {
  __int128 m = 0;
  int scale = 0;
};

// Literal categories that operators dispatch on. Numeric types are listed in promotion order.
enum class VType : uint8_t {
  kError,
  kIri,
  kBlank,
  kTriple,      // an RDF 1.2 triple term (triple holds it)
  kString,      // simple literal (xsd:string)
  kLangString,  // aux = language tag, dir = base direction (rdf:dirLangString when set)
  kInteger,     // xsd:integer and its derived types (aux = datatype when not xsd:integer)
  kDecimal,
  kFloat,
  kDouble,
  kBoolean,
  kDateTime,
  kDate,
  kOther,  // unknown datatype, or an ill-typed literal of a known one (aux = datatype)
};

struct Value {
  VType type = VType::kError;
  // The term's id when the value is exactly an input term; kNoId for computed values.
  storage::TermId id = storage::kNoId;
  // IRI, blank label, or lexical form. Empty for computed numbers/booleans/times: they print in
  // canonical form.
  std::string str;
  std::string aux;                   // language tag or datatype, see VType
  Direction dir = Direction::kNone;  // kLangString
  int64_t i = 0;                     // kInteger
  Decimal d;                         // kDecimal
  double f = 0;                      // kFloat, kDouble
  bool b = false;                    // kBoolean
  // kDateTime, kDate: milliseconds since 1970-01-01T00:00 in the value's own offset.
  int64_t millis = 0;
  std::optional<int> tz;               // offset in minutes
  std::shared_ptr<const Term> triple;  // kTriple

  bool ok() const { return type != VType::kError; }
  bool is_numeric() const { return type >= VType::kInteger && type <= VType::kDouble; }
  bool is_literal() const { return type >= VType::kString; }
  // Simple literal or xsd:string (the two are one in RDF 1.1).
  bool is_simple() const { return type == VType::kString; }
  bool is_stringlike() const { return type == VType::kString || type == VType::kLangString; }

  static Value Error() { return {}; }
  static Value Iri(std::string iri);
  static Value Blank(std::string label);
  static Value String(std::string s);
  static Value Lang(std::string s, std::string lang, Direction dir = Direction::kNone);
  static Value Integer(int64_t v);
  static Value Dec(Decimal d);
  static Value Double(double v);
  static Value Float(double v);
  static Value Bool(bool v);
  static Value Typed(std::string lexical, std::string datatype);  // parses known datatypes
  static Value Triple(Term triple_term);
};

// Decodes an id (inline values without touching the dictionary). kNoId gives an error value.
Value FromId(storage::TermId id, TermTable& terms);
Value FromTerm(const Term& t);
// The term a value stands for (canonical lexical form for computed values).
Term ToTerm(const Value& v);
// The id for a value: its own id when it has one, else interned.
storage::TermId ToId(const Value& v, TermTable& terms);

// Lexical form of a literal value (canonical for computed ones), IRI text, or blank label.
std::string LexicalOf(const Value& v);
// Datatype IRI of a literal value.
std::string DatatypeOf(const Value& v);

// Canonical lexical forms.
std::string FormatInteger(int64_t v);
std::string FormatDecimal(Decimal d);
std::string FormatDouble(double v);
std::string FormatFloat(float v);
std::string FormatDateTime(int64_t millis, const std::optional<int>& tz);
std::string FormatDate(int64_t millis, const std::optional<int>& tz);

// Parsers of XSD lexical forms (surrounding whitespace is not allowed here).
std::optional<int64_t> ParseInteger(std::string_view s);
std::optional<Decimal> ParseDecimal(std::string_view s);  // accepts integer forms too
std::optional<double> ParseDouble(std::string_view s);    // XSD double: INF, -INF, NaN, 1e5, ...
std::optional<bool> ParseBoolean(std::string_view s);
bool ParseDateTime(std::string_view s, int64_t* millis, std::optional<int>* tz);
bool ParseDate(std::string_view s, int64_t* millis, std::optional<int>* tz);

bool IsIntegerDatatype(std::string_view datatype);  // xsd:integer or a derived integer type

// Decimal helpers. Arithmetic returns nullopt on overflow (or division by zero).
Decimal Normalize(Decimal d);
std::optional<Decimal> DecimalAdd(Decimal a, Decimal b);
std::optional<Decimal> DecimalSub(Decimal a, Decimal b);
std::optional<Decimal> DecimalMul(Decimal a, Decimal b);
std::optional<Decimal> DecimalDiv(Decimal a, Decimal b);
int DecimalCompare(Decimal a, Decimal b);
double DecimalToDouble(Decimal d);
std::optional<Decimal> DecimalFromDouble(double v);

// Numeric value as double / decimal (for promotion).
double NumericAsDouble(const Value& v);
std::optional<Decimal> NumericAsDecimal(const Value& v);

}  // namespace sextant::query
