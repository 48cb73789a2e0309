// Escaping for N-Triples / N-Quads output (canonical N-Triples of RDF 1.2: \b \t \n \f \r \"
// and \\ as ECHAR, other control characters as \u00XX, everything else as UTF-8).
#pragma once

#include <string>
#include <string_view>

namespace sextant {

void AppendNTriplesIri(std::string& out, std::string_view iri);
// Appends the quoted, escaped string (with the surrounding double quotes).
void AppendNTriplesString(std::string& out, std::string_view lexical);

}  // namespace sextant
