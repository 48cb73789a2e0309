// RDF/XML (RDF 1.1 XML Syntax) on expat's streaming tokenizer. Memory stays bounded by the
// element nesting depth and the largest single literal, plus the rdf:ID values seen (each may
// be used once per base, so they are remembered).
#pragma once

#include "rdf/byte_input.h"
#include "rdf/parser.h"

namespace sextant::rdf {

// Errors name the line and column expat is at: the start of the offending tag for RDF errors,
// the offending character for XML errors. Lenient mode skips a bad node or property element
// with everything inside it; an XML well-formedness error ends the document (XML cannot be
// resynchronised), keeping what came before it.
Result<ParseStats> ParseRdfXml(ByteInput& input, const ParseOptions& options,
                               const QuadHandler& on_quad, const DiagnosticHandler& on_error);

}  // namespace sextant::rdf
