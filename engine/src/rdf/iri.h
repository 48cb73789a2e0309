// IRI helpers for the parsers: RFC 3986 reference resolution (serd 0.30 gets some dot-segment
// and empty-path cases wrong, so we resolve relative IRIs ourselves).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sextant::rdf {

// True when `iri` starts with a scheme ("http:", "urn:", ...).
bool HasScheme(std::string_view iri);

// Resolves `ref` against the absolute `base` (RFC 3986 section 5.2). A `ref` with a scheme is
// returned with its dot segments removed; an empty base returns `ref` unchanged.
std::string ResolveIri(std::string_view base, std::string_view ref);

// Why the store cannot keep `iri` (relative, or holding a character that N-Triples' IRIREF
// excludes, so no dump could write it back), or nullopt when it can. Bytes only: UTF-8 validity
// is checked where text enters.
std::optional<std::string> IriProblem(std::string_view iri);

// A file:// IRI for a local path (made absolute, with unsafe bytes percent-encoded).
std::string FileIri(const std::string& path);

}  // namespace sextant::rdf
