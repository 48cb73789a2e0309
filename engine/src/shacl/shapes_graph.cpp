#include "shacl/shapes_graph.h"

#include <tuple>

#include "shacl/vocabulary.h"

namespace sextant::shacl {

ShapesGraph::ShapesGraph(const std::vector<Quad>& quads) {
  std::set<std::tuple<Term, std::string, Term>> seen;
  for (const Quad& q : quads) {
    if (!seen.emplace(q.subject, q.predicate.value(), q.object).second) continue;
    triples_.push_back({q.subject, q.predicate, q.object, Term::DefaultGraph()});
    out_[q.subject].emplace_back(q.predicate.value(), q.object);
    in_[{q.predicate.value(), q.object}].push_back(q.subject);
  }
}

std::vector<Term> ShapesGraph::Objects(const Term& subject, std::string_view predicate) const {
  std::vector<Term> out;
  auto it = out_.find(subject);
  if (it == out_.end()) return out;
  for (const auto& [p, o] : it->second) {
    if (p == predicate) out.push_back(o);
  }
  return out;
}

std::optional<Term> ShapesGraph::Object(const Term& subject, std::string_view predicate) const {
  auto it = out_.find(subject);
  if (it == out_.end()) return std::nullopt;
  for (const auto& [p, o] : it->second) {
    if (p == predicate) return o;
  }
  return std::nullopt;
}

std::vector<Term> ShapesGraph::Subjects(std::string_view predicate, const Term& object) const {
  auto it = in_.find({std::string(predicate), object});
  return it == in_.end() ? std::vector<Term>() : it->second;
}

std::vector<Term> ShapesGraph::SubjectsOf(std::string_view predicate) const {
  std::vector<Term> out;
  for (const auto& [s, pos] : out_) {
    for (const auto& [p, o] : pos) {
      if (p == predicate) {
        out.push_back(s);
        break;
      }
    }
  }
  return out;
}

const std::vector<std::pair<std::string, Term>>& ShapesGraph::Describe(const Term& subject) const {
  static const std::vector<std::pair<std::string, Term>> kNone;
  auto it = out_.find(subject);
  return it == out_.end() ? kNone : it->second;
}

Result<std::vector<Term>> ShapesGraph::List(const Term& head) const {
  std::vector<Term> out;
  std::set<Term> seen;
  Term node = head;
  while (!(node.is_iri() && node.value() == vocab::kRdfNil)) {
    if (!seen.insert(node).second) {
      return Status::InvalidArgument("the RDF list " + DisplayTerm(head) + " is cyclic");
    }
    auto first = Objects(node, vocab::kRdfFirst);
    auto rest = Objects(node, vocab::kRdfRest);
    if (first.size() != 1 || rest.size() != 1) {
      return Status::InvalidArgument(DisplayTerm(head) +
                                     " is not a well-formed RDF list (each node needs one "
                                     "rdf:first and one rdf:rest, ending in rdf:nil)");
    }
    out.push_back(first[0]);
    node = rest[0];
  }
  return out;
}

bool ShapesGraph::IsInstanceOf(const Term& node, std::string_view cls) const {
  std::vector<Term> todo = Objects(node, vocab::kRdfType);
  std::set<Term> seen;
  while (!todo.empty()) {
    Term c = todo.back();
    todo.pop_back();
    if (!seen.insert(c).second) continue;
    if (c.is_iri() && c.value() == cls) return true;
    for (Term& super : Objects(c, vocab::kRdfsSubClassOf)) todo.push_back(std::move(super));
  }
  return false;
}

void ShapesGraph::CopyDescription(const Term& node, std::vector<Quad>* out) const {
  std::vector<Term> todo{node};
  std::set<Term> seen;
  while (!todo.empty()) {
    Term n = todo.back();
    todo.pop_back();
    if (!seen.insert(n).second) continue;
    for (const auto& [p, o] : Describe(n)) {
      out->push_back({n, Term::Iri(p), o, Term::DefaultGraph()});
      if (o.is_blank()) todo.push_back(o);
    }
  }
}

bool IsTrueLiteral(const Term& t) {
  return t.is_literal() && t.datatype() == sextant::vocab::kXsdBoolean && t.value() == "true";
}

std::string DisplayTerm(const Term& t,
                        const std::vector<std::pair<std::string, std::string>>& prefixes) {
  if (t.is_iri()) {
    for (const auto& [name, ns] : prefixes) {
      if (t.value().size() > ns.size() && t.value().compare(0, ns.size(), ns) == 0) {
        const std::string local = t.value().substr(ns.size());
        if (local.find_first_of("/#?:<> \"{}|^`\\") == std::string::npos) return name + ":" + local;
      }
    }
  }
  return t.ToNTriples();
}

}  // namespace sextant::shacl
