// RFC 3986 reference resolution, the one home for every parser (SPARQL, the Turtle family,
// RDF/XML) and for SPARQL's IRI(): serd 0.30 got some dot-segment and empty-path cases wrong,
// and two hand-written copies had drifted apart on the empty base.
#pragma once

#include <string>
#include <string_view>

namespace sextant {

// True when `iri` starts with a scheme ("http:", "urn:", ...; RFC 3986 section 3.1).
bool HasScheme(std::string_view iri);

// Resolves `ref` against the absolute `base` (RFC 3986 section 5.2). A `ref` with a scheme is
// returned with its dot segments removed; an empty base returns `ref` unchanged.
std::string ResolveIri(std::string_view base, std::string_view ref);

}  // namespace sextant
