#include "grammar/iri.h"

#include <cstdint>

#include "sextant/utf8.h"

namespace sextant::grammar_internal {
namespace {

struct Parts {
  std::optional<std::string_view> scheme, authority, query, fragment;
  std::string_view path;
};

Parts Split(std::string_view s) {
  Parts p;
  if (auto hash = s.find('#'); hash != std::string_view::npos) {
    p.fragment = s.substr(hash + 1);
    s = s.substr(0, hash);
  }
  if (auto q = s.find('?'); q != std::string_view::npos) {
    p.query = s.substr(q + 1);
    s = s.substr(0, q);
  }
  if (HasScheme(s)) {
    auto colon = s.find(':');
    p.scheme = s.substr(0, colon);
    s = s.substr(colon + 1);
  }
  if (s.starts_with("//")) {
    s = s.substr(2);
    auto slash = s.find('/');
    p.authority = s.substr(0, slash);
    s = slash == std::string_view::npos ? std::string_view() : s.substr(slash);
  }
  p.path = s;
  return p;
}

std::string RemoveDotSegments(std::string_view in) {
  std::string input(in), out;
  while (!input.empty()) {
    if (input.starts_with("../")) {
      input.erase(0, 3);
    } else if (input.starts_with("./") || input.starts_with("/./")) {
      input.erase(0, 2);
    } else if (input == "/.") {
      input = "/";
    } else if (input.starts_with("/../") || input == "/..") {
      input = input == "/.." ? "/" : input.substr(3);
      auto last = out.rfind('/');
      out.erase(last == std::string::npos ? 0 : last);
    } else if (input == "." || input == "..") {
      input.clear();
    } else {
      size_t next = input.find('/', input[0] == '/' ? 1 : 0);
      out += input.substr(0, next);
      input.erase(0, next == std::string::npos ? input.size() : next);
    }
  }
  return out;
}

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

bool HasScheme(std::string_view iri) {
  if (iri.empty() || !((iri[0] >= 'a' && iri[0] <= 'z') || (iri[0] >= 'A' && iri[0] <= 'Z'))) {
    return false;
  }
  for (size_t i = 1; i < iri.size(); ++i) {
    const char c = iri[i];
    if (c == ':') return true;
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '+' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return false;
}

std::string ResolveIri(std::string_view base, std::string_view reference) {
  const Parts r = Split(reference);
  const Parts b = Split(base);
  Parts t;
  std::string path;
  if (r.scheme) {
    t.scheme = r.scheme;
    t.authority = r.authority;
    path = RemoveDotSegments(r.path);
    t.query = r.query;
  } else {
    if (r.authority) {
      t.authority = r.authority;
      path = RemoveDotSegments(r.path);
      t.query = r.query;
    } else {
      if (r.path.empty()) {
        path = std::string(b.path);
        t.query = r.query ? r.query : b.query;
      } else {
        if (r.path[0] == '/') {
          path = RemoveDotSegments(r.path);
        } else {
          std::string merged;
          if (b.authority && b.path.empty()) {
            merged = "/" + std::string(r.path);
          } else {
            auto slash = b.path.rfind('/');
            merged = slash == std::string_view::npos
                         ? std::string(r.path)
                         : std::string(b.path.substr(0, slash + 1)) + std::string(r.path);
          }
          path = RemoveDotSegments(merged);
        }
        t.query = r.query;
      }
      t.authority = b.authority;
    }
    t.scheme = b.scheme;
  }
  std::string out;
  if (t.scheme) out += std::string(*t.scheme) + ":";
  if (t.authority) out += "//" + std::string(*t.authority);
  out += path;
  if (t.query) out += "?" + std::string(*t.query);
  if (r.fragment) out += "#" + std::string(*r.fragment);
  return out;
}

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
