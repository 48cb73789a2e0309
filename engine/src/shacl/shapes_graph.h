// The shapes graph in memory, as terms: shapes files are small, and compiling them reads the
// same nodes over and over (lists, nested shapes, paths).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sextant/status.h"
#include "sextant/term.h"

namespace sextant::shacl {

class ShapesGraph {
 public:
  ShapesGraph() = default;
  explicit ShapesGraph(const std::vector<Quad>& quads);  // graph names are ignored

  const std::vector<Quad>& triples() const { return triples_; }
  std::vector<Term> Objects(const Term& subject, std::string_view predicate) const;
  std::optional<Term> Object(const Term& subject, std::string_view predicate) const;
  std::vector<Term> Subjects(std::string_view predicate, const Term& object) const;
  // Subjects of any triple with `predicate`.
  std::vector<Term> SubjectsOf(std::string_view predicate) const;
  // Every (predicate, object) of a subject.
  const std::vector<std::pair<std::string, Term>>& Describe(const Term& subject) const;
  bool HasSubject(const Term& subject) const { return out_.count(subject) > 0; }

  // The members of the RDF list starting at `head`; an error for a malformed or cyclic list.
  Result<std::vector<Term>> List(const Term& head) const;
  // rdf:type/rdfs:subClassOf* in this graph ("SHACL instance" of the shapes graph).
  bool IsInstanceOf(const Term& node, std::string_view cls) const;
  // The triples of `node` and, recursively, of the blank nodes they lead to (its CBD).
  void CopyDescription(const Term& node, std::vector<Quad>* out) const;

 private:
  std::vector<Quad> triples_;
  std::map<Term, std::vector<std::pair<std::string, Term>>> out_;
  std::map<std::pair<std::string, Term>, std::vector<Term>> in_;
};

// Whether a boolean parameter is switched on: only the literal true is ("1"^^xsd:boolean is
// another term, and SHACL names only true).
bool IsTrueLiteral(const Term& t);

// A term for messages: <iri>, _:label or the N-Triples literal, IRIs shortened with `prefixes`.
std::string DisplayTerm(const Term& t,
                        const std::vector<std::pair<std::string, std::string>>& prefixes = {});

}  // namespace sextant::shacl
