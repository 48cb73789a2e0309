// JSON string escaping shared by the SPARQL JSON results writer and JSON-LD's canonical JSON
// (RFC 8785 wants exactly this: the short escapes, \u00xx in lowercase for other controls,
// everything else as UTF-8).
#pragma once

#include <string>
#include <string_view>

namespace sextant {

// Appends the quoted, escaped string (with the surrounding double quotes).
void AppendJsonString(std::string& out, std::string_view s);

}  // namespace sextant
