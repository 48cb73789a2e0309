// The SHACL Core constraint components (SHACL 4): Validator::Evaluate.
#include <algorithm>

#include "query/functions.h"
#include "query/value.h"
#include "shacl/validator.h"

namespace sextant::shacl {

using query::Value;
using query::VType;
using storage::IdTag;
using storage::kNoId;

namespace {

// kTriple: an RDF 1.2 triple term, which SHACL 1.0 knows nothing of: no node kind matches it.
enum class Kind : uint8_t { kIri, kBlank, kLiteral, kTriple };

bool Contains(const std::vector<TermId>& sorted, TermId id) {
  return std::binary_search(sorted.begin(), sorted.end(), id);
}

// The XSD datatypes the value parser checks lexically: an ill-formed literal of one of these
// comes back as VType::kOther.
bool CheckedDatatype(std::string_view dt) {
  if (!dt.starts_with(sextant::vocab::kXsd)) return false;
  const std::string_view local = dt.substr(sextant::vocab::kXsd.size());
  return query::IsIntegerDatatype(dt) || local == "decimal" || local == "double" ||
         local == "float" || local == "boolean" || local == "dateTime" || local == "date";
}

// The string a length or pattern check reads (SPARQL str()); nullopt for blank nodes.
std::optional<std::string> StrOf(const Value& v) {
  if (v.type == VType::kBlank || v.type == VType::kError) return std::nullopt;
  return query::LexicalOf(v);
}

}  // namespace

// The part of Evaluate that needs the decoded value of a node.
class Validator::Checks {
 public:
  explicit Checks(Validator* v) : v_(v) {}

  Value Of(TermId id) { return query::FromId(id, v_->qc_->terms); }

  Result<Kind> KindOf(TermId id) {
    switch (storage::TagOf(id)) {
      case IdTag::kIri: return Kind::kIri;
      case IdTag::kBlank: return Kind::kBlank;
      case IdTag::kTriple: return Kind::kTriple;
      case IdTag::kLocal: {
        SEXTANT_ASSIGN_OR_RETURN(const Term* t, v_->qc_->terms.Decode(id));
        if (t->kind() == TermKind::kTriple) return Kind::kTriple;
        return t->is_iri() ? Kind::kIri : t->is_blank() ? Kind::kBlank : Kind::kLiteral;
      }
      default: return Kind::kLiteral;
    }
  }

  Result<bool> HasDatatype(TermId id, const Term& datatype) {
    SEXTANT_ASSIGN_OR_RETURN(Kind k, KindOf(id));
    if (k != Kind::kLiteral) return false;
    const Value v = Of(id);
    if (!v.ok()) return false;
    if (query::DatatypeOf(v) != datatype.value()) return false;
    if (v.type == VType::kOther && CheckedDatatype(v.aux)) return false;  // ill-typed
    if (v.type == VType::kLangString || datatype.value() == sextant::vocab::kRdfLangString) {
      return v.type == VType::kLangString;
    }
    return true;
  }

  Result<bool> HasNodeKind(TermId id, const Term& kind) {
    SEXTANT_ASSIGN_OR_RETURN(Kind k, KindOf(id));
    const std::string local = kind.value().substr(kind.value().find('#') + 1);
    switch (k) {
      case Kind::kIri: return local.find("IRI") != std::string::npos;
      case Kind::kBlank: return local.find("BlankNode") != std::string::npos;
      case Kind::kLiteral: return local.find("Literal") != std::string::npos;
      case Kind::kTriple: return false;
    }
    return false;
  }

  // value OP bound holds (SPARQL comparison; incomparable values fail).
  bool Compare(TermId id, const Term& bound, ComponentKind kind) {
    const Value a = Of(id);
    const Value b = query::FromTerm(bound);
    const auto c = query::ValueCompare(a, b);
    if (!c || *c == query::kUnordered) return false;
    switch (kind) {
      case ComponentKind::kMinExclusive: return *c > 0;
      case ComponentKind::kMinInclusive: return *c >= 0;
      case ComponentKind::kMaxExclusive: return *c < 0;
      case ComponentKind::kMaxInclusive: return *c <= 0;
      default: return false;
    }
  }

  bool Less(TermId a, TermId b, bool or_equal) {
    const auto c = query::ValueCompare(Of(a), Of(b));
    if (!c || *c == query::kUnordered) return false;
    return or_equal ? *c <= 0 : *c < 0;
  }

  std::string LanguageOf(TermId id) {
    const Value v = Of(id);
    return v.type == VType::kLangString ? v.aux : std::string();
  }

  bool LangMatches(const std::string& tag, const std::string& range) {
    static const query::BuiltinFn fn = query::TermFunction(ast::Builtin::kLangMatches);
    std::vector<Value> args{Value::String(tag), Value::String(range)};
    const query::CompiledExpr node;
    const Value r = fn(args, node, v_->qc_->eval);
    return r.type == VType::kBoolean && r.b;
  }

 private:
  Validator* v_;
};

Status Validator::Evaluate(size_t shape, size_t constraint, TermId focus,
                           const std::vector<TermId>& values, Sink* sink) {
  const Constraint& c = shapes_->constraints[constraint];
  Checks checks(this);
  auto result = [&](TermId value) {
    RawResult r;
    r.focus = focus;
    r.shape = shape;
    r.constraint = constraint;
    r.value = value;
    sink->Add(std::move(r));
  };
  // Runs `bad(v)` for each value node and reports those it says violate.
  auto each = [&](auto&& bad) -> Status {
    for (TermId v : values) {
      if (sink->stop()) break;
      SEXTANT_ASSIGN_OR_RETURN(bool b, bad(v));
      if (b) result(v);
    }
    return Status::OK();
  };
  switch (c.kind) {
    case ComponentKind::kClass: {
      const TermId cls = TermIds(constraint)[0];
      return each([&](TermId v) -> Result<bool> {
        SEXTANT_ASSIGN_OR_RETURN(bool yes, data_->IsInstanceOf(v, cls));
        return !yes;
      });
    }
    case ComponentKind::kDatatype:
      return each([&](TermId v) -> Result<bool> {
        SEXTANT_ASSIGN_OR_RETURN(bool yes, checks.HasDatatype(v, c.terms[0]));
        return !yes;
      });
    case ComponentKind::kNodeKind:
      return each([&](TermId v) -> Result<bool> {
        SEXTANT_ASSIGN_OR_RETURN(bool yes, checks.HasNodeKind(v, c.terms[0]));
        return !yes;
      });
    case ComponentKind::kMinCount:
      if (static_cast<int64_t>(values.size()) < c.count) result(kNoId);
      return Status::OK();
    case ComponentKind::kMaxCount:
      if (static_cast<int64_t>(values.size()) > c.count) result(kNoId);
      return Status::OK();
    case ComponentKind::kMinExclusive:
    case ComponentKind::kMinInclusive:
    case ComponentKind::kMaxExclusive:
    case ComponentKind::kMaxInclusive:
      return each([&](TermId v) -> Result<bool> { return !checks.Compare(v, c.terms[0], c.kind); });
    case ComponentKind::kMinLength:
    case ComponentKind::kMaxLength:
      return each([&](TermId v) -> Result<bool> {
        const auto s = StrOf(checks.Of(v));
        if (!s) return true;
        const auto n = static_cast<int64_t>(query::Utf8Length(*s));
        return c.kind == ComponentKind::kMinLength ? n < c.count : n > c.count;
      });
    case ComponentKind::kPattern:
      return each([&](TermId v) -> Result<bool> {
        const auto s = StrOf(checks.Of(v));
        if (!s) return true;
        const auto m = query::RegexSearch(*c.regex, *s);
        if (!m) {
          return Status::ResourceExhausted("sh:pattern " + c.terms[0].ToNTriples() +
                                           " is too complex to match " + *s);
        }
        return !*m;
      });
    case ComponentKind::kLanguageIn:
      return each([&](TermId v) -> Result<bool> {
        const std::string tag = checks.LanguageOf(v);
        if (tag.empty()) return true;
        for (const Term& range : c.terms) {
          if (checks.LangMatches(tag, range.value())) return false;
        }
        return true;
      });
    case ComponentKind::kUniqueLang: {
      std::map<std::string, int> seen;
      for (TermId v : values) {
        const std::string tag = checks.LanguageOf(v);
        if (!tag.empty()) ++seen[tag];
      }
      for (const auto& [tag, n] : seen) {
        if (n > 1) result(kNoId);
      }
      return Status::OK();
    }
    case ComponentKind::kEquals:
    case ComponentKind::kDisjoint:
    case ComponentKind::kLessThan:
    case ComponentKind::kLessThanOrEquals: {
      std::vector<TermId> others;
      SEXTANT_RETURN_IF_ERROR(data_->Step(focus, TermIds(constraint)[0], false, &others));
      if (c.kind == ComponentKind::kEquals) {
        for (TermId v : values) {
          if (!Contains(others, v)) result(v);
        }
        for (TermId o : others) {
          if (!Contains(values, o)) result(o);
        }
        return Status::OK();
      }
      if (c.kind == ComponentKind::kDisjoint) {
        return each([&](TermId v) -> Result<bool> { return Contains(others, v); });
      }
      // One result per pair that is not in order.
      const bool or_equal = c.kind == ComponentKind::kLessThanOrEquals;
      for (TermId v : values) {
        for (TermId o : others) {
          if (sink->stop()) return Status::OK();
          if (!checks.Less(v, o, or_equal)) result(v);
        }
      }
      return Status::OK();
    }
    case ComponentKind::kNot:
      return each([&](TermId v) -> Result<bool> { return Conforms(c.shapes[0], v); });
    case ComponentKind::kNode:
      return each([&](TermId v) -> Result<bool> {
        SEXTANT_ASSIGN_OR_RETURN(bool ok, Conforms(c.shapes[0], v));
        return !ok;
      });
    case ComponentKind::kAnd:
    case ComponentKind::kOr:
    case ComponentKind::kXone:
      return each([&](TermId v) -> Result<bool> {
        size_t conforming = 0;
        for (size_t member : c.shapes) {
          SEXTANT_ASSIGN_OR_RETURN(bool ok, Conforms(member, v));
          conforming += ok ? 1 : 0;
          if (c.kind == ComponentKind::kAnd && !ok) return true;
          if (c.kind == ComponentKind::kOr && ok) return false;
        }
        if (c.kind == ComponentKind::kAnd) return false;
        if (c.kind == ComponentKind::kOr) return true;
        return conforming != 1;
      });
    case ComponentKind::kProperty:
      for (TermId v : values) {
        if (sink->stop()) break;
        SEXTANT_RETURN_IF_ERROR(ValidateFocus(c.shapes[0], v, sink));
      }
      return Status::OK();
    case ComponentKind::kQualifiedMinCount:
    case ComponentKind::kQualifiedMaxCount: {
      int64_t n = 0;
      for (TermId v : values) {
        SEXTANT_ASSIGN_OR_RETURN(bool ok, Conforms(c.shapes[0], v));
        for (size_t i = 0; ok && i < c.siblings.size(); ++i) {
          SEXTANT_ASSIGN_OR_RETURN(bool sibling, Conforms(c.siblings[i], v));
          ok = !sibling;
        }
        n += ok ? 1 : 0;
      }
      if (c.kind == ComponentKind::kQualifiedMinCount ? n < c.count : n > c.count) result(kNoId);
      return Status::OK();
    }
    case ComponentKind::kClosed: {
      std::vector<TermId> allowed = TermIds(constraint);
      SortUnique(&allowed);
      std::vector<std::pair<TermId, TermId>> out;
      for (TermId v : values) {
        SEXTANT_RETURN_IF_ERROR(data_->Outgoing(v, &out));
        for (const auto& [p, o] : out) {
          if (Contains(allowed, p)) continue;
          RawResult r;
          r.focus = focus;
          r.shape = shape;
          r.constraint = constraint;
          r.value = o;
          r.predicate = p;
          sink->Add(std::move(r));
          if (sink->stop()) return Status::OK();
        }
      }
      return Status::OK();
    }
    case ComponentKind::kHasValue:
      if (!Contains(values, TermIds(constraint)[0])) result(kNoId);
      return Status::OK();
    case ComponentKind::kIn: {
      const std::vector<TermId>& members = TermIds(constraint);
      return each([&](TermId v) -> Result<bool> {
        return std::find(members.begin(), members.end(), v) == members.end();
      });
    }
    case ComponentKind::kSparql:
    case ComponentKind::kCustom: return EvaluateSparql(shape, constraint, focus, values, sink);
  }
  return Status::OK();
}

}  // namespace sextant::shacl
