// ORDER BY ordering (SPARQL 15.1): unbound < blank nodes < IRIs < literals < triple terms (1.2).
// Literals compare with '<' where it is defined; elsewhere a fixed order by category, value and
// lexical form keeps the comparison total, so sorting is well defined on mixed data. Triple
// terms compare part by part.
#include "query/expression.h"
#include "query/functions.h"
#include "storage/inline_value.h"

namespace sextant::query {

using storage::IdTag;
using storage::TagOf;

namespace {

int Sign(int c) {
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

template <typename T>
int Cmp(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

int KindRank(const Value& v) {
  switch (v.type) {
    case VType::kError: return 0;
    case VType::kBlank: return 1;
    case VType::kIri: return 2;
    case VType::kTriple: return 4;  // SPARQL 1.2: triple terms after literals
    default: return 3;
  }
}

int LiteralCategory(const Value& v) {
  if (v.is_numeric()) return 0;
  switch (v.type) {
    case VType::kString:
    case VType::kLangString: return 1;
    case VType::kBoolean: return 2;
    case VType::kDateTime: return 3;
    case VType::kDate: return 4;
    default: return 5;
  }
}

int CompareLiterals(const Value& a, const Value& b) {
  const int ca = LiteralCategory(a), cb = LiteralCategory(b);
  if (ca != cb) return Cmp(ca, cb);
  switch (ca) {
    case 0: {
      const auto c = ValueCompare(a, b);
      if (c && *c != kUnordered && *c != 0) return Sign(*c);
      if (c && *c == kUnordered) {
        const bool na = NumericAsDouble(a) != NumericAsDouble(a),
                   nb = NumericAsDouble(b) != NumericAsDouble(b);
        if (na != nb) return na ? -1 : 1;  // NaN first
      }
      // Equal values of different types or spellings: by type, then lexical form.
      if (a.type != b.type) return Cmp(a.type, b.type);
      break;
    }
    case 1:
      if (int c = Cmp(a.str, b.str)) return c;
      // Simple literals before language-tagged ones.
      if (int c = Cmp(a.type == VType::kLangString ? a.aux : std::string(),
                      b.type == VType::kLangString ? b.aux : std::string())) {
        return c;
      }
      return Cmp(a.dir, b.dir);  // then without a direction before ltr before rtl
    case 2:
      if (a.b != b.b) return a.b ? 1 : -1;
      break;
    case 3:
    case 4: {
      // Without a timezone a value is ordered as if in UTC: consistent with '<' wherever that
      // is determinate, and total.
      const int64_t x = a.millis - (a.tz ? *a.tz * 60000LL : 0);
      const int64_t y = b.millis - (b.tz ? *b.tz * 60000LL : 0);
      if (x != y) return Cmp(x, y);
      break;
    }
    default:
      if (int c = Cmp(DatatypeOf(a), DatatypeOf(b))) return c;
      break;
  }
  return Cmp(LexicalOf(a), LexicalOf(b));
}

}  // namespace

int CompareValuesForOrderBy(const Value& a, const Value& b) {
  const int ra = KindRank(a), rb = KindRank(b);
  if (ra != rb) return Cmp(ra, rb);
  if (ra == 0) return 0;
  if (ra < 3) return Cmp(a.str, b.str);
  if (ra == 4) {  // part by part
    for (int i = 0; i < 3; ++i) {
      const int c =
          CompareValuesForOrderBy(FromTerm(a.triple->part(i)), FromTerm(b.triple->part(i)));
      if (c != 0) return c;
    }
    return 0;
  }
  return CompareLiterals(a, b);
}

int CompareForOrderBy(TermId a, TermId b, EvalContext& ctx) {
  if (a == b) return 0;
  if (a == storage::kNoId) return -1;
  if (b == storage::kNoId) return 1;
  // Common cases straight from the ids.
  if (TagOf(a) == IdTag::kInteger && TagOf(b) == IdTag::kInteger) {
    return Cmp(storage::InlineInteger(a), storage::InlineInteger(b));
  }
  return CompareValuesForOrderBy(FromId(a, *ctx.terms), FromId(b, *ctx.terms));
}

}  // namespace sextant::query
