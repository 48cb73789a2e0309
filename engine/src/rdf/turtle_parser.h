// Our own reader for the Turtle family (N-Triples, N-Quads, Turtle, TriG), RDF 1.2 included:
// triple terms <<( s p o )>>, reified triples << s p o ~ r >>, annotations {| ... |}, reifiers,
// base direction (@ar--rtl) and VERSION. serd 0.30 reads none of RDF 1.2.
#pragma once

#include "rdf/byte_input.h"
#include "rdf/parser.h"

namespace sextant::rdf {

Result<ParseStats> ParseTurtleFamily(ByteInput& input, const ParseOptions& options,
                                     const QuadHandler& on_quad, const DiagnosticHandler& on_error);

}  // namespace sextant::rdf
