// The RDF serialisations Sextant reads and writes.
#pragma once

#include <optional>
#include <string_view>

#include "sextant/export.h"

namespace sextant {

enum class RdfFormat { kNTriples, kNQuads, kTurtle, kTriG, kRdfXml, kJsonLd };

// "ntriples"/"nt", "nquads"/"nq", "turtle"/"ttl", "trig",
// "rdfxml"/"rdf"/"owl"/"xml", "jsonld"/"json-ld"; nullopt when unknown.
SEXTANT_API std::optional<RdfFormat> RdfFormatFromName(std::string_view name);
// From a file name's extension, looking through a trailing ".gz"; nullopt when unknown.
SEXTANT_API std::optional<RdfFormat> RdfFormatFromPath(std::string_view path);
SEXTANT_API std::string_view RdfFormatName(RdfFormat format);
// The names RdfFormatFromName knows, for messages: "ntriples, nquads, ...".
SEXTANT_API std::string_view RdfFormatNameList();
// True when the format can name graphs (N-Quads, TriG, JSON-LD).
SEXTANT_API bool RdfFormatHasGraphs(RdfFormat format);

}  // namespace sextant
