#include "rdf/iri.h"

#include <cstdio>
#include <filesystem>
#include <optional>

namespace sextant::rdf {

namespace {

struct IriParts {
  std::string_view scheme;  // without ':'
  std::optional<std::string_view> authority;
  std::string_view path;
  std::optional<std::string_view> query;
  std::optional<std::string_view> fragment;
};

bool IsSchemeChar(char c, bool first) {
  const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (first) return alpha;
  return alpha || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

size_t SchemeLength(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ':') return i;
    if (!IsSchemeChar(s[i], i == 0)) return 0;
  }
  return 0;
}

IriParts Split(std::string_view s) {
  IriParts p;
  if (const size_t n = SchemeLength(s); n > 0) {
    p.scheme = s.substr(0, n);
    s.remove_prefix(n + 1);
  }
  if (const size_t hash = s.find('#'); hash != std::string_view::npos) {
    p.fragment = s.substr(hash + 1);
    s = s.substr(0, hash);
  }
  if (const size_t q = s.find('?'); q != std::string_view::npos) {
    p.query = s.substr(q + 1);
    s = s.substr(0, q);
  }
  if (s.substr(0, 2) == "//") {
    s.remove_prefix(2);
    const size_t slash = s.find('/');
    p.authority = s.substr(0, slash);
    s = slash == std::string_view::npos ? std::string_view() : s.substr(slash);
  }
  p.path = s;
  return p;
}

// RFC 3986 5.2.4.
std::string RemoveDotSegments(std::string_view in) {
  std::string out;
  while (!in.empty()) {
    if (in.substr(0, 3) == "../") {
      in.remove_prefix(3);
    } else if (in.substr(0, 2) == "./" || in.substr(0, 3) == "/./") {
      in.remove_prefix(2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.substr(0, 4) == "/../" || in == "/..") {
      in = in.size() == 3 ? std::string_view("/") : in.substr(3);
      const size_t last = out.rfind('/');
      out.erase(last == std::string::npos ? 0 : last);
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      const size_t next = in.find('/', 1);
      const size_t n = next == std::string_view::npos ? in.size() : next;
      out.append(in.substr(0, n));
      in.remove_prefix(n);
    }
  }
  return out;
}

std::string Merge(const IriParts& base, std::string_view ref_path) {
  std::string out;
  if (base.authority && base.path.empty()) {
    out.reserve(ref_path.size() + 1);
    out += '/';
    out.append(ref_path);
    return out;
  }
  const size_t last = base.path.rfind('/');
  if (last == std::string_view::npos) return std::string(ref_path);
  out.append(base.path.substr(0, last + 1));
  out.append(ref_path);
  return out;
}

std::string Recompose(std::string_view scheme, const std::optional<std::string_view>& authority,
                      std::string_view path, const std::optional<std::string_view>& query,
                      const std::optional<std::string_view>& fragment) {
  std::string out;
  if (!scheme.empty()) {
    out.append(scheme);
    out += ':';
  }
  if (authority) {
    out += "//";
    out.append(*authority);
  }
  out.append(path);
  if (query) {
    out += '?';
    out.append(*query);
  }
  if (fragment) {
    out += '#';
    out.append(*fragment);
  }
  return out;
}

}  // namespace

bool HasScheme(std::string_view iri) {
  return SchemeLength(iri) > 0;
}

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

std::string ResolveIri(std::string_view base_text, std::string_view ref_text) {
  const IriParts ref = Split(ref_text);
  if (!ref.scheme.empty()) {
    return Recompose(ref.scheme, ref.authority, RemoveDotSegments(ref.path), ref.query,
                     ref.fragment);
  }
  if (base_text.empty()) return std::string(ref_text);
  const IriParts base = Split(base_text);
  if (ref.authority) {
    return Recompose(base.scheme, ref.authority, RemoveDotSegments(ref.path), ref.query,
                     ref.fragment);
  }
  if (ref.path.empty()) {
    return Recompose(base.scheme, base.authority, base.path, ref.query ? ref.query : base.query,
                     ref.fragment);
  }
  const std::string path = ref.path.front() == '/' ? RemoveDotSegments(ref.path)
                                                   : RemoveDotSegments(Merge(base, ref.path));
  return Recompose(base.scheme, base.authority, path, ref.query, ref.fragment);
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
