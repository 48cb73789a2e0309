// Serialising quads as N-Triples, N-Quads, Turtle, TriG or RDF/XML. Output reads back (with our
// parser) to exactly the quads written, blank node labels included (RDF/XML renames them).
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "sextant/export.h"
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

// `prefixes` are (name, namespace IRI) pairs for Turtle/TriG; invalid names are ignored.
SEXTANT_API std::unique_ptr<QuadWriter> MakeQuadWriter(
    RdfFormat format, std::ostream& out,
    std::vector<std::pair<std::string, std::string>> prefixes = {});

}  // namespace sextant
