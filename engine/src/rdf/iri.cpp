#include "rdf/iri.h"

#include <cstdio>
#include <filesystem>
#include <optional>

#include "base/iri_resolve.h"

namespace sextant::rdf {

std::optional<std::string> IriProblem(std::string_view iri) {
  constexpr std::string_view kForbidden = "<>\"{}|^`\\";
  for (const char ch : iri) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || kForbidden.find(ch) != std::string_view::npos) {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", c);
      return std::string("the character ") + code +
             (c > 0x20 ? std::string(" (") + ch + ")" : std::string()) +
             " is not allowed in an IRI";
    }
  }
  if (!HasScheme(iri)) {
    return iri.empty() ? std::string("an empty IRI is not an IRI")
                       : "<" + std::string(iri) +
                             "> is a relative IRI; the store keeps absolute IRIs only (give a base "
                             "IRI, or write the scheme, e.g. urn: or http:)";
  }
  return std::nullopt;
}

std::string FileIri(const std::string& path) {
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::absolute(path, ec);
  const std::string p = ec ? path : abs.lexically_normal().generic_string();
  std::string out = "file://";
  for (const char ch : p) {
    const auto c = static_cast<unsigned char>(ch);
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '/' || c == '-' || c == '_' || c == '.' || c == '~' || c == '+' ||
                      c == ',' || c == '=' || c == '@' || c == ':' || c >= 0x80;
    if (safe) {
      out += ch;
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

}  // namespace sextant::rdf
