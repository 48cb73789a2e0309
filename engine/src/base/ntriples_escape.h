// Escaping for N-Triples / N-Quads output (canonical N-Triples of RDF 1.2: \b \t \n \f \r \"
// and \\ as ECHAR, other control characters as \u00XX, everything else as UTF-8).
#pragma once

#include <string>
#include <string_view>

namespace sextant {

void AppendNTriplesIri(std::string& out, std::string_view iri);
// Appends the quoted, escaped string (with the surrounding double quotes).
void AppendNTriplesString(std::string& out, std::string_view lexical);

// Reading: the character an ECHAR (a backslash and `letter`) stands for, -1 for no ECHAR.
inline int EcharValue(int letter) {
  switch (letter) {
    case 't': return '\t';
    case 'b': return '\b';
    case 'n': return '\n';
    case 'r': return '\r';
    case 'f': return '\f';
    case '"': return '"';
    case '\'': return '\'';
    case '\\': return '\\';
    default: return -1;
  }
}

}  // namespace sextant
