// Serialising quads as N-Triples, N-Quads, Turtle, TriG, RDF/XML or JSON-LD. Output reads back
// (with our parser) to exactly the quads written, blank node labels included (RDF/XML renames
// them).
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sextant/export.h"
#include "sextant/loader.h"
#include "sextant/rdf_format.h"
#include "sextant/status.h"
#include "sextant/term.h"

namespace sextant {

class QuadWriter {
 public:
  virtual ~QuadWriter() = default;
  // Quads may come in any order; grouped by graph then subject gives the most compact
  // Turtle/TriG. Triple formats ignore the graph (the caller filters).
  virtual Status Write(const Quad& quad) = 0;
  // Closes open blocks and flushes; IOError when the stream failed.
  virtual Status Finish() = 0;
};

// `prefixes` are (name, namespace IRI) pairs for Turtle/TriG and the JSON-LD context; invalid
// names are ignored.
SEXTANT_API std::unique_ptr<QuadWriter> MakeQuadWriter(
    RdfFormat format, std::ostream& out,
    std::vector<std::pair<std::string, std::string>> prefixes = {});

// rdf, rdfs, xsd and owl: the prefixes every graph output starts from.
SEXTANT_API std::vector<std::pair<std::string, std::string>> CommonPrefixes();

// JSON-LD compacted with the caller's context: `context_document` is the JSON text of a context
// document ({"@context": ...}) or of a context itself. InvalidArgument when it is not a valid
// context or names a remote context that `contexts` does not map to a file.
SEXTANT_API Result<std::unique_ptr<QuadWriter>> MakeJsonLdWriter(
    std::ostream& out, std::string_view context_document,
    const JsonLdContextOptions& contexts = {});

}  // namespace sextant
