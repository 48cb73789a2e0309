// JSON-LD 1.1 reading (expansion, then deserialisation to RDF), streaming on Boost.JSON's SAX
// parser. A document is converted one top-level node object at a time: each element of a
// top-level array, or of the @graph of a top-level object that has only @context besides, is
// parsed, expanded and handed over before the next one is read. Memory therefore stays
// bounded by the largest such node object, not the document; a top-level object whose @graph
// comes with other keys (@id, properties) is held until its end, up to kMaxHeldJsonLdValues
// JSON values (beyond that it is refused with an error saying why).
#pragma once

#include <cstddef>

#include "rdf/byte_input.h"
#include "rdf/parser.h"

namespace sextant::rdf {

inline constexpr size_t kMaxHeldJsonLdValues = 1u << 20;

// Errors: JSON syntax errors at their line and column; JSON-LD errors (the spec's error code
// and what it concerns) at the first key of the top-level node object they occur in. Lenient
// mode skips that node object and goes on (a JSON syntax error ends the document).
Result<ParseStats> ParseJsonLd(ByteInput& input, const ParseOptions& options,
                               const QuadHandler& on_quad, const DiagnosticHandler& on_error);

}  // namespace sextant::rdf
