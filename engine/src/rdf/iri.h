// IRI checks of the store and file IRIs for loaded paths. Reference resolution (HasScheme,
// ResolveIri) lives in base/iri_resolve.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sextant::rdf {

// Why the store cannot keep `iri` (relative, or holding a character that N-Triples' IRIREF
// excludes, so no dump could write it back), or nullopt when it can. Bytes only: UTF-8 validity
// is checked where text enters.
std::optional<std::string> IriProblem(std::string_view iri);

// A file:// IRI for a local path (made absolute, with unsafe bytes percent-encoded).
std::string FileIri(const std::string& path);

}  // namespace sextant::rdf
