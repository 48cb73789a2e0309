// RDF/XML output for graph results: the engine writes the four text formats, but some SPARQL
// clients (rdflib's SPARQLStore among them) read CONSTRUCT results only as RDF/XML.
#pragma once

#include <memory>
#include <ostream>

#include "sextant/rdf_writer.h"

namespace sextant::server {

// Writes triples (the graph of each quad is ignored). A predicate that cannot be split into an
// XML namespace and local name makes Write() fail with Unsupported.
std::unique_ptr<rdf::QuadWriter> MakeRdfXmlWriter(std::ostream& out);

}  // namespace sextant::server
