// XPath regular expressions (REGEX, REPLACE) on Boost.Regex's Perl syntax, which is close to
// XPath's. Flags: i (case-insensitive), s (dot matches newline), m (^ and $ at lines),
// x (ignore pattern whitespace), q (literal pattern). Matching works on code points (wchar_t is
// UTF-32 on the platforms we build for), so '.' is one character, not one byte.
#include <boost/regex.hpp>

#include "query/functions.h"

namespace sextant::query {

static_assert(sizeof(wchar_t) == 4, "regex matching assumes UTF-32 wchar_t");

struct CompiledRegex {
  boost::wregex re;
};

namespace {

std::wstring Widen(std::string_view s) {
  const std::u32string u = Utf8Decode(s);
  return std::wstring(u.begin(), u.end());
}

std::string Narrow(const std::wstring& w) {
  return Utf8Encode(std::u32string(w.begin(), w.end()));
}

}  // namespace

std::shared_ptr<const CompiledRegex> CompileRegex(std::string_view pattern, std::string_view flags,
                                                  std::string* error) {
  bool literal = false;
  auto options = boost::regex::perl | boost::regex::no_mod_s | boost::regex::no_mod_m;
  for (char f : flags) {
    switch (f) {
      case 'i': options |= boost::regex::icase; break;
      case 's':
        options &= ~boost::regex::no_mod_s;
        options |= boost::regex::mod_s;
        break;
      case 'm': options &= ~boost::regex::no_mod_m; break;
      case 'x': options |= boost::regex::mod_x; break;
      case 'q': literal = true; break;
      default: *error = std::string("invalid regex flag '") + f + "'"; return nullptr;
    }
  }
  if (literal) options = (options & boost::regex::icase) | boost::regex::literal;
  try {
    auto out = std::make_shared<CompiledRegex>();
    out->re.assign(Widen(pattern), options);
    return out;
  } catch (const std::exception& e) {
    *error = e.what();
    return nullptr;
  }
}

std::optional<bool> RegexSearch(const CompiledRegex& re, const std::string& text) {
  try {
    return boost::regex_search(Widen(text), re.re);
  } catch (const std::exception&) {  // the engine's complexity limit
    return std::nullopt;
  }
}

namespace {

// Expands an XPath replacement string for one match; false on an invalid replacement.
bool Expand(const boost::wsmatch& m, const std::wstring& rep, std::wstring* out) {
  for (size_t i = 0; i < rep.size(); ++i) {
    const char c = rep[i];
    if (c == '\\') {
      if (i + 1 >= rep.size() || (rep[i + 1] != '\\' && rep[i + 1] != '$')) return false;
      *out += rep[++i];
    } else if (c == '$') {
      if (i + 1 >= rep.size() || rep[i + 1] < '0' || rep[i + 1] > '9') return false;
      // Take as many digits as still name an existing group.
      size_t group = static_cast<size_t>(rep[++i] - '0');
      while (i + 1 < rep.size() && rep[i + 1] >= '0' && rep[i + 1] <= '9' &&
             group * 10 + static_cast<size_t>(rep[i + 1] - '0') < m.size()) {
        group = group * 10 + static_cast<size_t>(rep[++i] - '0');
      }
      if (group < m.size() && m[group].matched) *out += m[group].str();
    } else {
      *out += c;
    }
  }
  return true;
}

}  // namespace

std::optional<std::string> RegexReplace(const CompiledRegex& re, const std::string& text,
                                        const std::string& replacement) {
  try {
    // XPath forbids patterns that match the empty string (err:FORX0003).
    if (boost::regex_match(std::wstring(), re.re)) return std::nullopt;
    const std::wstring wtext = Widen(text), wrep = Widen(replacement);
    std::wstring out;
    auto last = wtext.cbegin();
    for (boost::wsregex_iterator it(wtext.begin(), wtext.end(), re.re), end; it != end; ++it) {
      const boost::wsmatch& m = *it;
      out.append(last, m[0].first);
      if (!Expand(m, wrep, &out)) return std::nullopt;
      last = m[0].second;
    }
    out.append(last, wtext.cend());
    return Narrow(out);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace sextant::query
