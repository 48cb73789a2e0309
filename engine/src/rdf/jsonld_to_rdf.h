// JSON-LD 1.1 deserialisation to RDF (Processing Algorithms section 8.1) from expanded form.
// The node map of the spec only merges node objects with the same @id; statements form a set,
// so walking the expanded tree directly gives the same statements without holding the map,
// which lets a large document be converted one top-level node object at a time.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "rdf/jsonld_context.h"
#include "rdf/parser.h"

namespace sextant::rdf::jsonld {

struct ToRdfOptions {
  // "i18n-datatype", "compound-literal" or empty (base directions are dropped).
  std::string rdf_direction;
  // See JsonLdReadOptions::keep_direction.
  bool keep_direction = false;
};

class RdfEmitter {
 public:
  RdfEmitter(const ToRdfOptions& options, std::string blank_prefix, QuadHandler on_quad)
      : options_(options), blank_prefix_(std::move(blank_prefix)), on_quad_(std::move(on_quad)) {}

  // Emits the statements of expanded node objects into the default graph; stops at the first
  // handler error (then status() is not OK).
  void EmitAll(const json::array& expanded);
  uint64_t statements() const { return statements_; }
  const Status& status() const { return status_; }

 private:
  struct Node {
    TermKind kind = TermKind::kDefaultGraph;  // kDefaultGraph: no valid RDF term
    std::string value;
    std::string datatype;  // literals
    std::string language;
    Direction direction = Direction::kNone;
    bool valid() const { return kind != TermKind::kDefaultGraph; }
    TermView View() const {
      TermView v;
      v.kind = kind;
      v.value = value;
      v.datatype = datatype;
      v.language = language;
      v.direction = direction;
      return v;
    }
  };
  Node NodeObject(const json::object& node, const Node& graph);
  Node Object(const json::value& item, const Node& graph);
  Node List(const json::array& items, const Node& graph);
  Node Literal(const json::object& value, const Node& graph);
  Node IdTerm(std::string_view id);
  Node NewBlank();
  void Emit(const Node& s, std::string_view p, const TermView& o, const Node& graph);
  void Emit(const Node& s, std::string_view p, const Node& o, const Node& graph) {
    if (o.valid()) Emit(s, p, o.View(), graph);
  }

  const ToRdfOptions& options_;
  std::string blank_prefix_;
  QuadHandler on_quad_;
  Status status_;
  uint64_t blank_counter_ = 0;
  uint64_t statements_ = 0;
};

// JSON Canonicalization Scheme (RFC 8785) text of a JSON value: the lexical form of rdf:JSON
// literals.
std::string CanonicalJson(const json::value& v);
// The canonical xsd:double lexical form JSON-LD uses ("1.1E0").
std::string CanonicalDouble(double d);

}  // namespace sextant::rdf::jsonld
