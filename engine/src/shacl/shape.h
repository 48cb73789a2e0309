// Shapes compiled for validation: each shape's targets, path and constraints, with every
// parameter checked once (ill-formed shapes are errors before any data is read). Terms stay
// terms here; the validator maps them to the ids of the store it reads.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "grammar/ast.h"
#include "sextant/status.h"
#include "sextant/term.h"
#include "shacl/shapes_graph.h"

namespace sextant::query {
struct CompiledRegex;
}

namespace sextant::shacl {

// A SHACL property path (sh:path).
struct PropertyPath {
  Term node;              // the sh:path value in the shapes graph
  ast::Path path;         // as a SPARQL property path
  std::string text;       // SPARQL syntax, full IRIs
  bool one_step = false;  // a predicate or the inverse of one: read by index lookups
  bool inverse = false;   // one_step: ^predicate
  Term predicate;         // one_step: the predicate
  // Other paths: SELECT ?value WHERE { ?this PATH ?value }, run by the SPARQL engine.
  std::shared_ptr<const ast::Query> query;
};

enum class TargetKind : uint8_t { kNode, kClass, kSubjectsOf, kObjectsOf };

struct Target {
  TargetKind kind = TargetKind::kNode;
  Term term;
};

enum class ComponentKind : uint8_t {
  kClass,
  kDatatype,
  kNodeKind,
  kMinCount,
  kMaxCount,
  kMinExclusive,
  kMinInclusive,
  kMaxExclusive,
  kMaxInclusive,
  kMinLength,
  kMaxLength,
  kPattern,
  kLanguageIn,
  kUniqueLang,
  kEquals,
  kDisjoint,
  kLessThan,
  kLessThanOrEquals,
  kNot,
  kAnd,
  kOr,
  kXone,
  kNode,
  kProperty,
  kQualifiedMinCount,
  kQualifiedMaxCount,
  kClosed,
  kHasValue,
  kIn,
  kSparql,  // sh:sparql (a SPARQL-based constraint)
  kCustom,  // a SPARQL-based constraint component declared in the shapes graph
};

// A SPARQL query of a shape (sh:sparql, or a validator of a constraint component), parsed
// with its prefixes and the shape's path in place of $PATH. Pre-bound variables ($this,
// $value, parameters, $currentShape) are substituted by their values at each run.
struct SparqlCheck {
  Term node;  // the sh:sparql node or the validator
  std::string text;
  std::shared_ptr<const ast::Query> query;
  bool ask = false;
  std::vector<Term> messages;  // sh:message templates ({?var} / {$var} are replaced)
  // Parameter values of a constraint component, substituted as $name.
  std::vector<std::pair<std::string, Term>> parameters;
};

struct Constraint {
  ComponentKind kind = ComponentKind::kClass;
  Term component;                // sh:ClassConstraintComponent, ... or the declared component
  std::vector<Term> terms;       // class, datatype, nodeKind, bounds, hasValue, in, languageIn,
                                 // equals/disjoint/lessThan predicates, closed: allowed predicates
  int64_t count = 0;             // minCount, maxCount, minLength, maxLength, qualified counts
  std::vector<size_t> shapes;    // not, and, or, xone, node, property, qualified shape
  std::vector<size_t> siblings;  // qualifiedValueShapesDisjoint: the sibling shapes
  std::shared_ptr<const query::CompiledRegex> regex;  // pattern
  std::optional<SparqlCheck> sparql;                  // kSparql, kCustom
};

struct Shape {
  Term node;
  bool property = false;
  std::optional<PropertyPath> path;  // property shapes
  std::vector<Target> targets;
  std::vector<size_t> constraints;  // indexes into ShapeSet::constraints
  Term severity;                    // sh:Violation unless sh:severity says otherwise
  std::vector<Term> messages;       // sh:message
  bool deactivated = false;
};

struct ShapeSet {
  ShapesGraph graph;
  std::vector<Shape> shapes;
  std::vector<Constraint> constraints;
  std::map<Term, size_t> index;  // shape node -> shapes[]
  // Shapes with targets: validation starts from their focus nodes.
  std::vector<size_t> targeted;
  bool empty() const { return targeted.empty(); }
};

// Compiles every shape of the graph reachable from a target or a shape type. Errors name the
// shape and the offending triple; `source` (a file name) goes in front of them.
Result<std::shared_ptr<const ShapeSet>> CompileShapes(ShapesGraph graph, const std::string& source);

// A property path from its RDF form in the shapes graph (depth-limited).
Result<ast::Path> ReadPath(const ShapesGraph& graph, const Term& node, int depth = 0);
// A SPARQL path in SPARQL syntax with full IRIs.
std::string PathToSparql(const ast::Path& path);
// A path in its SHACL RDF form (the node that stands for it; blank nodes labelled `tag` and a
// number, their triples appended to `out`): a result's own copy of its shape's path.
Term PathToRdf(const ast::Path& path, const std::string& tag, std::vector<Quad>* out);

}  // namespace sextant::shacl
