// Escaping for N-Triples / N-Quads output (canonical N-Triples: only the characters the
// grammar forbids are escaped; everything else is written as UTF-8).
#pragma once

#include <string>
#include <string_view>

namespace sextant {

void AppendNTriplesIri(std::string& out, std::string_view iri);
// Appends the quoted, escaped string (with the surrounding double quotes).
void AppendNTriplesString(std::string& out, std::string_view lexical);

}  // namespace sextant
