#include "shacl/sparql_compile.h"

#include "grammar/parse.h"
#include "shacl/prebinding.h"
#include "shacl/vocabulary.h"

namespace sextant::shacl {
namespace {

using vocab::Sh;

// The name a parameter's variable takes: the local name of its sh:path.
std::string LocalName(const std::string& iri) {
  const size_t cut = iri.find_last_of("#/:");
  return cut == std::string::npos ? iri : iri.substr(cut + 1);
}

// Prefix declarations reachable from `node`'s sh:prefixes (sh:declare, through owl:imports).
std::vector<std::pair<std::string, std::string>> Prefixes(const ShapesGraph& g, const Term& node) {
  std::vector<std::pair<std::string, std::string>> out = ParseOptions::DefaultPrefixes();
  std::vector<Term> todo = g.Objects(node, Sh("prefixes"));
  std::set<Term> seen;
  while (!todo.empty()) {
    Term n = todo.back();
    todo.pop_back();
    if (!seen.insert(n).second) continue;
    for (const Term& d : g.Objects(n, Sh("declare"))) {
      auto prefix = g.Object(d, Sh("prefix"));
      auto ns = g.Object(d, Sh("namespace"));
      if (prefix && ns) out.emplace_back(prefix->value(), ns->value());
    }
    for (Term& i : g.Objects(n, std::string(vocab::kOwlImports))) todo.push_back(std::move(i));
  }
  return out;
}

struct QuerySpec {
  Term node;  // where the query text, prefixes and messages are
  std::string text;
  bool ask = false;
  std::set<std::string> prebound;
  std::set<std::string> required;  // sub-queries must project these
};

Result<std::shared_ptr<const ast::Query>> Prepare(const ShapesGraph& g, const QuerySpec& spec,
                                                  const Shape& shape, std::string* text_out) {
  std::string text = spec.text;
  if (shape.path) {
    for (size_t at = text.find("$PATH"); at != std::string::npos; at = text.find("$PATH", at)) {
      text.replace(at, 5, shape.path->text);
      at += shape.path->text.size();
    }
  }
  *text_out = text;
  ParseOptions options;
  options.prefixes = Prefixes(g, spec.node);
  auto parsed = Parse(text, options);
  if (!parsed.ok()) {
    const Status& s = parsed.status();
    std::string where = s.line() > 0 ? " (line " + std::to_string(s.line()) + ", column " +
                                           std::to_string(s.column()) + " of the query)"
                                     : "";
    return Status::InvalidArgument("the SPARQL query of " + DisplayTerm(spec.node) +
                                   " does not parse" + where + ": " + s.message());
  }
  if (!parsed->is_query()) {
    return Status::InvalidArgument("the SPARQL text of " + DisplayTerm(spec.node) +
                                   " is an update, not a query");
  }
  const ast::Query& q = parsed->query();
  const ast::QueryForm want = spec.ask ? ast::QueryForm::kAsk : ast::QueryForm::kSelect;
  if (q.form != want) {
    return Status::InvalidArgument("the query of " + DisplayTerm(spec.node) + " must be " +
                                   (spec.ask ? "an ASK" : "a SELECT") + " query");
  }
  Status check = CheckPrebinding(q, spec.prebound, spec.required);
  if (!check.ok()) return check.WithContext("the query of " + DisplayTerm(spec.node));
  return std::make_shared<const ast::Query>(q);
}

// A constraint component declared in the shapes graph (SHACL 6).
struct DeclaredComponent {
  Term node;
  struct Parameter {
    Term path;
    std::string name;
    bool optional = false;
  };
  std::vector<Parameter> parameters;
};

std::vector<DeclaredComponent> DeclaredComponents(const ShapesGraph& g) {
  std::vector<DeclaredComponent> out;
  std::set<Term> seen;
  for (const Term& c : g.SubjectsOf(Sh("parameter"))) {
    // The core components are built in; a shapes graph that declares them (shacl-shacl) does
    // not replace them.
    if (!seen.insert(c).second || (c.is_iri() && c.value().rfind(vocab::kSh, 0) == 0)) continue;
    DeclaredComponent dc;
    dc.node = c;
    for (const Term& p : g.Objects(c, Sh("parameter"))) {
      auto path = g.Object(p, Sh("path"));
      if (!path || !path->is_iri()) continue;
      DeclaredComponent::Parameter param;
      param.path = *path;
      param.name = LocalName(path->value());
      for (const Term& o : g.Objects(p, Sh("optional"))) param.optional |= IsTrueLiteral(o);
      dc.parameters.push_back(std::move(param));
    }
    if (!dc.parameters.empty()) out.push_back(std::move(dc));
  }
  return out;
}

Status AddConstraint(ShapeSet* set, size_t i, Constraint c) {
  set->constraints.push_back(std::move(c));
  set->shapes[i].constraints.push_back(set->constraints.size() - 1);
  return Status::OK();
}

}  // namespace

Status CompileSparqlConstraints(ShapeSet* set, size_t i, const std::string& source) {
  const ShapesGraph& g = set->graph;
  const Shape shape = set->shapes[i];
  auto error = [&](const Status& s) {
    return Status::InvalidArgument((source.empty() ? "" : source + ": ") + "shape " +
                                   DisplayTerm(shape.node) + ": " + s.message());
  };

  for (const Term& node : g.Objects(shape.node, Sh("sparql"))) {
    bool off = false;
    for (const Term& d : g.Objects(node, Sh("deactivated"))) off |= IsTrueLiteral(d);
    if (off) continue;
    const auto select = g.Objects(node, Sh("select"));
    if (select.size() != 1 || !select[0].is_literal()) {
      return error(Status::InvalidArgument("the sh:sparql constraint " + DisplayTerm(node) +
                                           " needs exactly one sh:select string"));
    }
    QuerySpec spec{
        node, select[0].value(), false, {"this", "currentShape", "shapesGraph"}, {"this"}};
    SparqlCheck check;
    check.node = node;
    check.messages = g.Objects(node, Sh("message"));
    auto query = Prepare(g, spec, shape, &check.text);
    if (!query.ok()) return error(query.status());
    check.query = std::move(*query);
    Constraint c;
    c.kind = ComponentKind::kSparql;
    c.component = Term::Iri(Sh("SPARQLConstraintComponent"));
    c.sparql = std::move(check);
    SEXTANT_RETURN_IF_ERROR(AddConstraint(set, i, std::move(c)));
  }

  for (const DeclaredComponent& dc : DeclaredComponents(g)) {
    std::vector<std::pair<std::string, Term>> values;
    bool applies = true;
    for (const auto& p : dc.parameters) {
      auto v = g.Objects(shape.node, p.path.value());
      if (v.empty()) {
        applies &= p.optional;
        continue;
      }
      values.emplace_back(p.name, v[0]);
    }
    if (!applies) continue;
    // The validator for this kind of shape: sh:propertyValidator / sh:nodeValidator (SELECT
    // or ASK), else the generic sh:validator (ASK).
    auto validators =
        g.Objects(dc.node, Sh(shape.property ? "propertyValidator" : "nodeValidator"));
    if (validators.empty()) validators = g.Objects(dc.node, Sh("validator"));
    if (validators.empty()) continue;
    const Term& v = validators[0];
    QuerySpec spec;
    spec.node = v;
    if (auto ask = g.Object(v, Sh("ask"))) {
      spec.text = ask->value();
      spec.ask = true;
    } else if (auto select = g.Object(v, Sh("select"))) {
      spec.text = select->value();
    } else {
      return error(Status::InvalidArgument("the validator " + DisplayTerm(v) + " of " +
                                           DisplayTerm(dc.node) + " has no sh:ask or sh:select"));
    }
    spec.prebound = {"this", "currentShape", "shapesGraph"};
    spec.required = {"this"};
    if (spec.ask) {
      spec.prebound.insert("value");
      spec.required.insert("value");
    }
    for (const auto& [name, term] : values) {
      spec.prebound.insert(name);
      spec.required.insert(name);
    }
    SparqlCheck check;
    check.node = v;
    check.messages = g.Objects(v, Sh("message"));
    if (check.messages.empty()) check.messages = g.Objects(dc.node, Sh("message"));
    check.parameters = values;
    auto query = Prepare(g, spec, shape, &check.text);
    if (!query.ok()) return error(query.status());
    check.query = std::move(*query);
    check.ask = spec.ask;
    Constraint c;
    c.kind = ComponentKind::kCustom;
    c.component = dc.node;
    c.sparql = std::move(check);
    SEXTANT_RETURN_IF_ERROR(AddConstraint(set, i, std::move(c)));
  }
  return Status::OK();
}

}  // namespace sextant::shacl
