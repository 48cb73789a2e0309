// What the validation of a focus node reads, as "accesses": walk a path from the focus node,
// then read the triples of one predicate (or of any) at the node reached. A commit can change
// the outcome for focus node f only if one of its changed triples is such a read of f: its
// subject (or object, for inverse reads) is reached from f by the access's path, in the state
// before the commit. (If validating f read none of the changed triples, it reads the same data
// before and after, and the outcome cannot change.) So the focus nodes to check after a commit
// are those that reach a changed triple: the access paths walked backwards from its ends.
//
// Derived by walking each shape: its targets (rdf:type and the subclass chain, subjectsOf,
// objectsOf), every step of its path, the reads of its constraints (rdf:type of values for
// sh:class, the focus node's values for sh:equals..., every triple of a value node for
// sh:closed), nested shapes at the value nodes, and SPARQL queries through their triple
// patterns (a spanning tree from $this). What the analysis cannot bound (a shape nested in
// itself, a query pattern not connected to $this, a sub-query) makes the shape "global": each
// commit then validates all of its focus nodes.
//
// Each access also says which of the shape's constraints make the read (or that all do: the
// reads of its targets and of its own path decide the focus and value nodes every constraint
// sees). The store conforms before each commit (every commit is validated), so a focus node
// reached only through the reads of some constraints is validated against those alone: the
// others read what they read before and still hold.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "grammar/ast.h"
#include "shacl/shape.h"

namespace sextant::shacl {

struct Access {
  std::optional<ast::Path> prefix;  // nullopt: the focus node itself
  std::string prefix_text;          // PathToSparql(prefix), "" for none (for de-duplication)
  bool any_predicate = false;
  std::string predicate;  // IRI, unless any_predicate
  bool inverse = false;   // reads triples whose object is the node
  // Whether every constraint of the shape makes this read; else the positions (in the shape's
  // constraints) of those that do.
  bool every_constraint = false;
  std::vector<size_t> constraints;
};

struct ShapeReach {
  bool global = false;
  std::vector<Access> accesses;
};

// The reach of every targeted shape, indexed like ShapeSet::shapes (empty for the others).
std::vector<ShapeReach> AnalyzeReach(const ShapeSet& set);

}  // namespace sextant::shacl
