// RDF/XML output (MakeQuadWriter's kRdfXml): some SPARQL clients (rdflib's SPARQLStore among
// them) read CONSTRUCT results only as RDF/XML, and older tools read nothing else.
#pragma once

#include <memory>
#include <ostream>

#include "sextant/rdf_writer.h"

namespace sextant::rdf {

// Writes triples (the graph of each quad is ignored). A predicate that cannot be split into an
// XML namespace and local name makes Write() fail with Unsupported.
std::unique_ptr<QuadWriter> MakeRdfXmlWriter(std::ostream& out);

}  // namespace sextant::rdf
