// The shapes graph to a ShapeSet: which nodes are shapes, their targets, paths and the
// parameters of the SHACL Core constraint components.
#include <functional>
#include <tuple>

#include "query/functions.h"
#include "query/value.h"
#include "shacl/shape.h"
#include "shacl/sparql_compile.h"
#include "shacl/vocabulary.h"

namespace sextant::shacl {
namespace {

using vocab::Sh;

std::shared_ptr<const ast::Query> PathQuery(const ast::Path& path) {
  auto q = std::make_shared<ast::Query>();
  q->form = ast::QueryForm::kSelect;
  q->projection.push_back(ast::SelectItem{"value", std::nullopt, {}});
  ast::PatternElement e;
  e.kind = ast::ElementKind::kTriples;
  e.triples.push_back({ast::Variable{"this"}, path, ast::Variable{"value"}, {}});
  q->where.emplace();
  q->where->elements.push_back(std::move(e));
  return q;
}

Result<PropertyPath> MakePropertyPath(const ShapesGraph& graph, const Term& node) {
  PropertyPath pp;
  pp.node = node;
  SEXTANT_ASSIGN_OR_RETURN(pp.path, ReadPath(graph, node));
  pp.text = PathToSparql(pp.path);
  if (pp.path.kind == ast::PathKind::kIri) {
    pp.one_step = true;
    pp.predicate = Term::Iri(pp.path.iri);
  } else if (pp.path.kind == ast::PathKind::kInverse &&
             pp.path.args[0].kind == ast::PathKind::kIri) {
    pp.one_step = true;
    pp.inverse = true;
    pp.predicate = Term::Iri(pp.path.args[0].iri);
  } else {
    pp.query = PathQuery(pp.path);
  }
  return pp;
}

class Compiler {
 public:
  Compiler(ShapeSet* set, std::string source) : set_(set), source_(std::move(source)) {}

  Status Run() {
    const ShapesGraph& g = set_->graph;
    std::vector<Term> roots;
    for (const char* t : {"targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf"}) {
      for (Term& s : g.SubjectsOf(Sh(t))) roots.push_back(std::move(s));
    }
    for (const Term& s : g.SubjectsOf(std::string(vocab::kRdfType))) {
      if (g.IsInstanceOf(s, Sh("NodeShape")) || g.IsInstanceOf(s, Sh("PropertyShape"))) {
        roots.push_back(s);
      }
    }
    for (const Term& r : roots) SEXTANT_RETURN_IF_ERROR(ShapeIndex(r).status());
    // Compiling a shape may add the shapes it refers to; the vector grows as we go.
    for (size_t i = 0; i < set_->shapes.size(); ++i) SEXTANT_RETURN_IF_ERROR(Compile(i));
    for (size_t i = 0; i < set_->shapes.size(); ++i) {
      const Shape& s = set_->shapes[i];
      if (!s.targets.empty() && !s.deactivated) set_->targeted.push_back(i);
    }
    return Status::OK();
  }

 private:
  Status Error(const Term& shape, const std::string& what) const {
    std::string prefix = source_.empty() ? "" : source_ + ": ";
    return Status::InvalidArgument(prefix + "shape " + DisplayTerm(shape) + ": " + what);
  }

  Result<size_t> ShapeIndex(const Term& node) {
    if (node.is_literal()) {
      return Status::InvalidArgument((source_.empty() ? "" : source_ + ": ") + "the literal " +
                                     node.ToNTriples() + " is used as a shape");
    }
    auto [it, inserted] = set_->index.emplace(node, set_->shapes.size());
    if (inserted) {
      Shape s;
      s.node = node;
      set_->shapes.push_back(std::move(s));
    }
    return it->second;
  }

  Result<std::vector<size_t>> ShapeList(const Term& shape, const Term& list, const char* what) {
    auto members = set_->graph.List(list);
    if (!members.ok()) return Error(shape, std::string(what) + ": " + members.status().message());
    std::vector<size_t> out;
    for (const Term& m : *members) {
      SEXTANT_ASSIGN_OR_RETURN(size_t i, ShapeIndex(m));
      out.push_back(i);
    }
    return out;
  }

  Result<int64_t> Count(const Term& shape, const char* param, const Term& v) const {
    std::optional<int64_t> n;
    if (v.is_literal() && query::IsIntegerDatatype(v.datatype())) {
      n = query::ParseInteger(v.value());
    }
    if (!n || *n < 0) {
      return Error(shape, std::string("sh:") + param + " " + v.ToNTriples() +
                              " is not a non-negative integer");
    }
    return *n;
  }

  Constraint& Add(size_t shape, ComponentKind kind, const char* component) {
    Constraint c;
    c.kind = kind;
    c.component = Term::Iri(Sh(component));
    set_->constraints.push_back(std::move(c));
    set_->shapes[shape].constraints.push_back(set_->constraints.size() - 1);
    return set_->constraints.back();
  }

  Status Compile(size_t i) {
    const ShapesGraph& g = set_->graph;
    const Term node = set_->shapes[i].node;
    for (const Term& d : g.Objects(node, Sh("deactivated"))) {
      if (IsTrueLiteral(d)) set_->shapes[i].deactivated = true;
    }
    set_->shapes[i].severity = Term::Iri(Sh("Violation"));
    for (const Term& sev : g.Objects(node, Sh("severity"))) {
      if (!sev.is_iri()) return Error(node, "sh:severity must be an IRI");
      set_->shapes[i].severity = sev;
    }
    set_->shapes[i].messages = g.Objects(node, Sh("message"));
    SEXTANT_RETURN_IF_ERROR(Targets(i));
    auto paths = g.Objects(node, Sh("path"));
    if (paths.size() > 1) return Error(node, "more than one sh:path");
    if (!paths.empty()) {
      auto pp = MakePropertyPath(g, paths[0]);
      if (!pp.ok()) return Error(node, pp.status().message());
      set_->shapes[i].property = true;
      set_->shapes[i].path = std::move(*pp);
    }
    SEXTANT_RETURN_IF_ERROR(CoreParameters(i));
    SEXTANT_RETURN_IF_ERROR(CompileSparqlConstraints(set_, i, source_));
    return Status::OK();
  }

  Status Targets(size_t i) {
    const ShapesGraph& g = set_->graph;
    const Term node = set_->shapes[i].node;
    const std::pair<const char*, TargetKind> kinds[] = {
        {"targetNode", TargetKind::kNode},
        {"targetClass", TargetKind::kClass},
        {"targetSubjectsOf", TargetKind::kSubjectsOf},
        {"targetObjectsOf", TargetKind::kObjectsOf},
    };
    for (const auto& [local, kind] : kinds) {
      for (const Term& t : g.Objects(node, Sh(local))) {
        if (kind != TargetKind::kNode && !t.is_iri()) {
          return Error(node, std::string("sh:") + local + " must be an IRI, not " + t.ToNTriples());
        }
        set_->shapes[i].targets.push_back({kind, t});
      }
    }
    // Implicit class target: a shape that is also a class targets its instances.
    if (node.is_iri() && g.IsInstanceOf(node, vocab::kRdfsClass)) {
      set_->shapes[i].targets.push_back({TargetKind::kClass, node});
    }
    return Status::OK();
  }

  Status CoreParameters(size_t i) {
    const ShapesGraph& g = set_->graph;
    const Term node = set_->shapes[i].node;
    const bool property = set_->shapes[i].property;
    auto values = [&](const char* local) { return g.Objects(node, Sh(local)); };

    for (const Term& c : values("class")) {
      Add(i, ComponentKind::kClass, "ClassConstraintComponent").terms = {c};
    }
    for (const Term& d : values("datatype")) {
      if (!d.is_iri()) return Error(node, "sh:datatype must be an IRI");
      Add(i, ComponentKind::kDatatype, "DatatypeConstraintComponent").terms = {d};
    }
    for (const Term& k : values("nodeKind")) {
      static const std::set<std::string> kKinds = {
          "BlankNode", "IRI", "Literal", "BlankNodeOrIRI", "BlankNodeOrLiteral", "IRIOrLiteral"};
      if (!k.is_iri() || k.value().rfind(std::string(vocab::kSh), 0) != 0 ||
          !kKinds.count(k.value().substr(vocab::kSh.size()))) {
        return Error(node,
                     "sh:nodeKind " + k.ToNTriples() +
                         " is not one of sh:BlankNode, sh:IRI, "
                         "sh:Literal, sh:BlankNodeOrIRI, sh:BlankNodeOrLiteral, sh:IRIOrLiteral");
      }
      Add(i, ComponentKind::kNodeKind, "NodeKindConstraintComponent").terms = {k};
    }
    const std::tuple<const char*, ComponentKind, const char*> bounds[] = {
        {"minExclusive", ComponentKind::kMinExclusive, "MinExclusiveConstraintComponent"},
        {"minInclusive", ComponentKind::kMinInclusive, "MinInclusiveConstraintComponent"},
        {"maxExclusive", ComponentKind::kMaxExclusive, "MaxExclusiveConstraintComponent"},
        {"maxInclusive", ComponentKind::kMaxInclusive, "MaxInclusiveConstraintComponent"},
    };
    for (const auto& [local, kind, component] : bounds) {
      for (const Term& v : values(local)) {
        if (!v.is_literal()) return Error(node, std::string("sh:") + local + " must be a literal");
        Add(i, kind, component).terms = {v};
      }
    }
    const std::tuple<const char*, ComponentKind, const char*> lengths[] = {
        {"minLength", ComponentKind::kMinLength, "MinLengthConstraintComponent"},
        {"maxLength", ComponentKind::kMaxLength, "MaxLengthConstraintComponent"},
    };
    for (const auto& [local, kind, component] : lengths) {
      for (const Term& v : values(local)) {
        SEXTANT_ASSIGN_OR_RETURN(int64_t n, Count(node, local, v));
        Add(i, kind, component).count = n;
      }
    }
    SEXTANT_RETURN_IF_ERROR(Patterns(i));
    for (const Term& list : values("languageIn")) {
      auto tags = g.List(list);
      if (!tags.ok()) return Error(node, "sh:languageIn: " + tags.status().message());
      for (const Term& t : *tags) {
        if (!t.is_literal()) return Error(node, "sh:languageIn holds " + t.ToNTriples());
      }
      Add(i, ComponentKind::kLanguageIn, "LanguageInConstraintComponent").terms = *tags;
    }
    const std::tuple<const char*, ComponentKind, const char*> pairs[] = {
        {"equals", ComponentKind::kEquals, "EqualsConstraintComponent"},
        {"disjoint", ComponentKind::kDisjoint, "DisjointConstraintComponent"},
        {"lessThan", ComponentKind::kLessThan, "LessThanConstraintComponent"},
        {"lessThanOrEquals", ComponentKind::kLessThanOrEquals,
         "LessThanOrEqualsConstraintComponent"},
    };
    for (const auto& [local, kind, component] : pairs) {
      const bool property_only =
          kind == ComponentKind::kLessThan || kind == ComponentKind::kLessThanOrEquals;
      if (property_only && !property) continue;
      for (const Term& p : values(local)) {
        if (!p.is_iri()) return Error(node, std::string("sh:") + local + " must be an IRI");
        Add(i, kind, component).terms = {p};
      }
    }
    for (const Term& s : values("not")) {
      SEXTANT_ASSIGN_OR_RETURN(size_t j, ShapeIndex(s));
      Add(i, ComponentKind::kNot, "NotConstraintComponent").shapes = {j};
    }
    const std::tuple<const char*, ComponentKind, const char*> logical[] = {
        {"and", ComponentKind::kAnd, "AndConstraintComponent"},
        {"or", ComponentKind::kOr, "OrConstraintComponent"},
        {"xone", ComponentKind::kXone, "XoneConstraintComponent"},
    };
    for (const auto& [local, kind, component] : logical) {
      for (const Term& list : values(local)) {
        SEXTANT_ASSIGN_OR_RETURN(auto members, ShapeList(node, list, local));
        Add(i, kind, component).shapes = std::move(members);
      }
    }
    for (const Term& s : values("node")) {
      SEXTANT_ASSIGN_OR_RETURN(size_t j, ShapeIndex(s));
      Add(i, ComponentKind::kNode, "NodeConstraintComponent").shapes = {j};
    }
    for (const Term& s : values("property")) {
      if (g.Objects(s, Sh("path")).empty()) {
        return Error(node, "the sh:property value " + DisplayTerm(s) + " has no sh:path");
      }
      SEXTANT_ASSIGN_OR_RETURN(size_t j, ShapeIndex(s));
      Add(i, ComponentKind::kProperty, "PropertyConstraintComponent").shapes = {j};
    }
    for (const Term& v : values("hasValue")) {
      Add(i, ComponentKind::kHasValue, "HasValueConstraintComponent").terms = {v};
    }
    for (const Term& list : values("in")) {
      auto members = g.List(list);
      if (!members.ok()) return Error(node, "sh:in: " + members.status().message());
      Add(i, ComponentKind::kIn, "InConstraintComponent").terms = *members;
    }
    for (const Term& c : values("closed")) {
      if (!IsTrueLiteral(c)) continue;
      std::vector<Term> allowed;
      for (const Term& p : values("property")) {
        for (const Term& path : g.Objects(p, Sh("path"))) {
          if (path.is_iri()) allowed.push_back(path);
        }
      }
      for (const Term& list : values("ignoredProperties")) {
        auto members = g.List(list);
        if (!members.ok()) {
          return Error(node, "sh:ignoredProperties: " + members.status().message());
        }
        allowed.insert(allowed.end(), members->begin(), members->end());
      }
      Add(i, ComponentKind::kClosed, "ClosedConstraintComponent").terms = std::move(allowed);
    }
    if (property) SEXTANT_RETURN_IF_ERROR(PropertyOnly(i));
    return Status::OK();
  }

  Status Patterns(size_t i) {
    const Term node = set_->shapes[i].node;
    const auto flags = set_->graph.Objects(node, Sh("flags"));
    if (flags.size() > 1) return Error(node, "more than one sh:flags");
    for (const Term& p : set_->graph.Objects(node, Sh("pattern"))) {
      if (!p.is_literal()) return Error(node, "sh:pattern must be a string");
      std::string error;
      auto re = query::CompileRegex(p.value(), flags.empty() ? "" : flags[0].value(), &error);
      if (!re) return Error(node, "sh:pattern " + p.ToNTriples() + ": " + error);
      Constraint& c = Add(i, ComponentKind::kPattern, "PatternConstraintComponent");
      c.terms = {p};
      if (!flags.empty()) c.terms.push_back(flags[0]);
      c.regex = std::move(re);
    }
    return Status::OK();
  }

  Status PropertyOnly(size_t i) {
    const ShapesGraph& g = set_->graph;
    const Term node = set_->shapes[i].node;
    for (const Term& v : g.Objects(node, Sh("minCount"))) {
      SEXTANT_ASSIGN_OR_RETURN(int64_t n, Count(node, "minCount", v));
      Add(i, ComponentKind::kMinCount, "MinCountConstraintComponent").count = n;
    }
    for (const Term& v : g.Objects(node, Sh("maxCount"))) {
      SEXTANT_ASSIGN_OR_RETURN(int64_t n, Count(node, "maxCount", v));
      Add(i, ComponentKind::kMaxCount, "MaxCountConstraintComponent").count = n;
    }
    for (const Term& v : g.Objects(node, Sh("uniqueLang"))) {
      if (IsTrueLiteral(v)) Add(i, ComponentKind::kUniqueLang, "UniqueLangConstraintComponent");
    }
    const auto qualified = g.Objects(node, Sh("qualifiedValueShape"));
    if (qualified.empty()) return Status::OK();
    if (qualified.size() > 1) return Error(node, "more than one sh:qualifiedValueShape");
    SEXTANT_ASSIGN_OR_RETURN(size_t q, ShapeIndex(qualified[0]));
    std::vector<size_t> siblings;
    for (const Term& d : g.Objects(node, Sh("qualifiedValueShapesDisjoint"))) {
      if (!IsTrueLiteral(d)) continue;
      for (const Term& parent : g.Subjects(Sh("property"), node)) {
        for (const Term& sibling_shape : g.Objects(parent, Sh("property"))) {
          for (const Term& s : g.Objects(sibling_shape, Sh("qualifiedValueShape"))) {
            if (s == qualified[0]) continue;
            SEXTANT_ASSIGN_OR_RETURN(size_t j, ShapeIndex(s));
            siblings.push_back(j);
          }
        }
      }
    }
    const std::tuple<const char*, ComponentKind, const char*> counts[] = {
        {"qualifiedMinCount", ComponentKind::kQualifiedMinCount,
         "QualifiedMinCountConstraintComponent"},
        {"qualifiedMaxCount", ComponentKind::kQualifiedMaxCount,
         "QualifiedMaxCountConstraintComponent"},
    };
    for (const auto& [local, kind, component] : counts) {
      for (const Term& v : g.Objects(node, Sh(local))) {
        SEXTANT_ASSIGN_OR_RETURN(int64_t n, Count(node, local, v));
        Constraint& c = Add(i, kind, component);
        c.count = n;
        c.shapes = {q};
        c.siblings = siblings;
      }
    }
    return Status::OK();
  }

  ShapeSet* set_;
  std::string source_;
};

}  // namespace

Result<std::shared_ptr<const ShapeSet>> CompileShapes(ShapesGraph graph,
                                                      const std::string& source) {
  auto set = std::make_shared<ShapeSet>();
  set->graph = std::move(graph);
  Compiler compiler(set.get(), source);
  SEXTANT_RETURN_IF_ERROR(compiler.Run());
  return std::shared_ptr<const ShapeSet>(std::move(set));
}

}  // namespace sextant::shacl
