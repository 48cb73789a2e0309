#include "base/iri_resolve.h"

#include <optional>

namespace sextant {

namespace {

struct IriRefParts {
  std::string_view scheme;  // without ':'
  std::optional<std::string_view> authority;
  std::string_view path;
  std::optional<std::string_view> query;
  std::optional<std::string_view> fragment;
};

bool IsIriSchemeChar(char c, bool first) {
  const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (first) return alpha;
  return alpha || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

size_t IriSchemeLength(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ':') return i;
    if (!IsIriSchemeChar(s[i], i == 0)) return 0;
  }
  return 0;
}

IriRefParts SplitIriRef(std::string_view s) {
  IriRefParts p;
  if (const size_t n = IriSchemeLength(s); n > 0) {
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
std::string RemoveIriDotSegments(std::string_view in) {
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

std::string MergeRefPath(const IriRefParts& base, std::string_view ref_path) {
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

std::string RecomposeIri(std::string_view scheme, const std::optional<std::string_view>& authority,
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
  return IriSchemeLength(iri) > 0;
}

std::string ResolveIri(std::string_view base_text, std::string_view ref_text) {
  const IriRefParts ref = SplitIriRef(ref_text);
  if (!ref.scheme.empty()) {
    return RecomposeIri(ref.scheme, ref.authority, RemoveIriDotSegments(ref.path), ref.query,
                        ref.fragment);
  }
  if (base_text.empty()) return std::string(ref_text);
  const IriRefParts base = SplitIriRef(base_text);
  if (ref.authority) {
    return RecomposeIri(base.scheme, ref.authority, RemoveIriDotSegments(ref.path), ref.query,
                        ref.fragment);
  }
  if (ref.path.empty()) {
    return RecomposeIri(base.scheme, base.authority, base.path, ref.query ? ref.query : base.query,
                        ref.fragment);
  }
  const std::string path = ref.path.front() == '/'
                               ? RemoveIriDotSegments(ref.path)
                               : RemoveIriDotSegments(MergeRefPath(base, ref.path));
  return RecomposeIri(base.scheme, base.authority, path, ref.query, ref.fragment);
}

}  // namespace sextant
