// Text helpers of the SPARQL builder that need no parser: the unescaping of string literals, IRI
// references and prefixed-name local parts (reference resolution: base/iri_resolve.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sextant::grammar_internal {

// Decodes ECHAR and UCHAR escapes of a string literal body. nullopt (with `error` set) for a
// malformed escape or an escaped surrogate / out-of-range code point.
std::optional<std::string> UnescapeString(std::string_view body, std::string* error);

// Decodes UCHAR escapes inside <...> (error on surrogates and on characters IRIs forbid).
std::optional<std::string> UnescapeIri(std::string_view body, std::string* error);

// Removes the backslash of PN_LOCAL_ESC escapes (%XX stays as written).
std::string UnescapeLocalName(std::string_view local);

}  // namespace sextant::grammar_internal
