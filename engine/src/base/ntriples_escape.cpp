#include "base/ntriples_escape.h"

#include <cstdio>

namespace sextant {

namespace {
void AppendUEscape(std::string& out, unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\u%04X", c);
  out += buf;
}
}  // namespace

void AppendNTriplesIri(std::string& out, std::string_view iri) {
  out += '<';
  for (const char ch : iri) {
    const auto c = static_cast<unsigned char>(ch);
    // IRIREF excludes these; an IRI that contains them can only have come from an escape.
    if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
        c == '^' || c == '`' || c == '\\') {
      AppendUEscape(out, c);
    } else {
      out += ch;
    }
  }
  out += '>';
}

void AppendNTriplesString(std::string& out, std::string_view lexical) {
  out += '"';
  for (size_t i = 0; i < lexical.size(); ++i) {
    const char ch = lexical[i];
    // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are noncharacters: canonical form escapes them.
    if (static_cast<unsigned char>(ch) == 0xEF && i + 2 < lexical.size() &&
        static_cast<unsigned char>(lexical[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(lexical[i + 2]) & 0xFE) == 0xBE) {
      out += static_cast<unsigned char>(lexical[i + 2]) == 0xBE ? "\\uFFFE" : "\\uFFFF";
      i += 2;
      continue;
    }
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\f': out += "\\f"; break;
      default: {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7F) {
          AppendUEscape(out, c);
        } else {
          out += ch;
        }
      }
    }
  }
  out += '"';
}

}  // namespace sextant
