// JSON-LD 1.1 serialisation from RDF (Processing Algorithms section 8.4): quads to expanded
// JSON-LD, and the conversion of one RDF term to a JSON-LD value that the streaming writer
// shares.
#pragma once

#include <string>
#include <vector>

#include "rdf/jsonld_context.h"
#include "sextant/term.h"

namespace sextant::rdf::jsonld {

struct FromRdfOptions {
  bool use_native_types = false;
  bool use_rdf_type = false;
  std::string rdf_direction;  // "i18n-datatype" or empty
};

// The whole algorithm: node objects (named graphs under their graph's node), well-formed
// rdf:first/rdf:rest chains folded into @list. Throws JsonLdException.
json::array FromRdf(const std::vector<Quad>& quads, const FromRdfOptions& options);

// "@id" text of an IRI or blank node ("_:label").
std::string NodeId(const Term& t);
// RDF to Object (8.4.3).
json::value RdfToObject(const Term& t, const FromRdfOptions& options);

}  // namespace sextant::rdf::jsonld
