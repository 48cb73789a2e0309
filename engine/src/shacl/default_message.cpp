// The sh:resultMessage of a result whose shape declares none: what the constraint asked for.
#include "shacl/default_message.h"

namespace sextant::shacl {
namespace {

std::string List(const std::vector<Term>& terms) {
  std::string out = "(";
  for (size_t i = 0; i < terms.size(); ++i) out += (i > 0 ? " " : "") + DisplayTerm(terms[i]);
  return out + ")";
}

std::string ShapeName(const ShapeSet& set, size_t shape) {
  return DisplayTerm(set.shapes[shape].node);
}

std::string ShapeNames(const ShapeSet& set, const std::vector<size_t>& shapes) {
  std::string out;
  for (size_t i = 0; i < shapes.size(); ++i) out += (i > 0 ? ", " : "") + ShapeName(set, shapes[i]);
  return out;
}

}  // namespace

std::string DefaultMessage(const ShapeSet& set, const Constraint& c, bool has_predicate) {
  const std::string n = std::to_string(c.count);
  const std::string first = c.terms.empty() ? "" : DisplayTerm(c.terms[0]);
  switch (c.kind) {
    case ComponentKind::kClass: return "Value is not an instance of " + first;
    case ComponentKind::kDatatype: return "Value does not have datatype " + first;
    case ComponentKind::kNodeKind: return "Value is not of node kind " + first;
    case ComponentKind::kMinCount: return "Fewer than " + n + " values";
    case ComponentKind::kMaxCount: return "More than " + n + " values";
    case ComponentKind::kMinExclusive: return "Value is not greater than " + first;
    case ComponentKind::kMinInclusive: return "Value is less than " + first;
    case ComponentKind::kMaxExclusive: return "Value is not less than " + first;
    case ComponentKind::kMaxInclusive: return "Value is greater than " + first;
    case ComponentKind::kMinLength: return "Value is shorter than " + n + " characters";
    case ComponentKind::kMaxLength: return "Value is longer than " + n + " characters";
    case ComponentKind::kPattern: return "Value does not match the pattern " + first;
    case ComponentKind::kLanguageIn: return "Language tag is not one of " + List(c.terms);
    case ComponentKind::kUniqueLang: return "More than one value with the same language tag";
    case ComponentKind::kEquals:
      return "Value is not also a value of " + first + " (or the reverse)";
    case ComponentKind::kDisjoint: return "Value is also a value of " + first;
    case ComponentKind::kLessThan: return "Value is not less than every value of " + first;
    case ComponentKind::kLessThanOrEquals: return "Value is greater than some value of " + first;
    case ComponentKind::kNot: return "Value conforms to " + ShapeNames(set, c.shapes);
    case ComponentKind::kAnd:
      return "Value does not conform to all of " + ShapeNames(set, c.shapes);
    case ComponentKind::kOr: return "Value does not conform to any of " + ShapeNames(set, c.shapes);
    case ComponentKind::kXone:
      return "Value does not conform to exactly one of " + ShapeNames(set, c.shapes);
    case ComponentKind::kNode: return "Value does not conform to " + ShapeNames(set, c.shapes);
    case ComponentKind::kProperty: return "";
    case ComponentKind::kQualifiedMinCount:
      return "Fewer than " + n + " values conform to " + ShapeNames(set, c.shapes);
    case ComponentKind::kQualifiedMaxCount:
      return "More than " + n + " values conform to " + ShapeNames(set, c.shapes);
    case ComponentKind::kClosed:
      return has_predicate ? "Predicate is not allowed (closed shape)" : "Closed shape";
    case ComponentKind::kHasValue: return "Missing the value " + first;
    case ComponentKind::kIn: return "Value is not one of " + List(c.terms);
    case ComponentKind::kSparql:
    case ComponentKind::kCustom: return "";
  }
  return "";
}

}  // namespace sextant::shacl
