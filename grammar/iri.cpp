#include "grammar/iri.h"

#include <cstdint>

#include "sextant/utf8.h"

namespace sextant::grammar_internal {
namespace {

// Reads \uXXXX or \UXXXXXXXX at s[i] ('\\' at i); advances i past it.
std::optional<uint32_t> ReadUchar(std::string_view s, size_t& i, std::string* error) {
  const size_t n = s[i + 1] == 'u' ? 4 : 8;
  if (i + 2 + n > s.size()) {
    *error = "incomplete \\u escape";
    return std::nullopt;
  }
  uint32_t cp = 0;
  for (size_t k = 0; k < n; ++k) {
    const char c = s[i + 2 + k];
    uint32_t d;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      d = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      d = c - 'A' + 10;
    } else {
      *error = "malformed \\u escape";
      return std::nullopt;
    }
    cp = cp * 16 + d;
  }
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
    *error = "escape \\" + std::string(s.substr(i + 1, n + 1)) + " is not a valid character";
    return std::nullopt;
  }
  i += 2 + n;
  return cp;
}

}  // namespace

std::optional<std::string> UnescapeString(std::string_view body, std::string* error) {
  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size();) {
    if (body[i] != '\\') {
      out += body[i++];
      continue;
    }
    if (i + 1 >= body.size()) {
      *error = "dangling backslash";
      return std::nullopt;
    }
    const char c = body[i + 1];
    if (c == 'u' || c == 'U') {
      auto cp = ReadUchar(body, i, error);
      if (!cp) return std::nullopt;
      AppendUtf8(out, *cp);
      continue;
    }
    switch (c) {
      case 't': out += '\t'; break;
      case 'b': out += '\b'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 'f': out += '\f'; break;
      case '"': out += '"'; break;
      case '\'': out += '\''; break;
      case '\\': out += '\\'; break;
      default: *error = std::string("unknown escape \\") + c; return std::nullopt;
    }
    i += 2;
  }
  return out;
}

std::optional<std::string> UnescapeIri(std::string_view body, std::string* error) {
  std::string out;
  for (size_t i = 0; i < body.size();) {
    if (body[i] != '\\') {
      out += body[i++];
      continue;
    }
    auto cp = ReadUchar(body, i, error);
    if (!cp) return std::nullopt;
    if (*cp <= 0x20 ||
        (*cp < 0x80 &&
         std::string_view("<>\"{}|^`\\").find(static_cast<char>(*cp)) != std::string_view::npos)) {
      *error = "escaped character not allowed in an IRI";
      return std::nullopt;
    }
    AppendUtf8(out, *cp);
  }
  return out;
}

std::string UnescapeLocalName(std::string_view local) {
  std::string out;
  for (size_t i = 0; i < local.size(); ++i) {
    if (local[i] == '\\' && i + 1 < local.size()) ++i;
    out += local[i];
  }
  return out;
}

}  // namespace sextant::grammar_internal
