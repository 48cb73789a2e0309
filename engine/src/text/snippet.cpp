#include "text/snippet.h"

#include <algorithm>

#include "sextant/utf8.h"

namespace sextant::text {
namespace {

void AppendEscaped(std::string_view s, std::string* out) {
  for (char c : s) {
    switch (c) {
      case '<': *out += "&lt;"; break;
      case '>': *out += "&gt;"; break;
      case '&': *out += "&amp;"; break;
      case '"': *out += "&quot;"; break;
      default: out->push_back(c);
    }
  }
}

// Moves a byte offset back to the start of a UTF-8 character.
size_t CharStart(std::string_view text, size_t at) {
  while (at > 0 && at < text.size() && IsUtf8Continuation(static_cast<unsigned char>(text[at]))) {
    --at;
  }
  return at;
}

}  // namespace

std::string Snippet(Analyzer* analyzer, std::string_view text, std::string_view lang,
                    const std::set<std::string>& terms, const std::vector<std::string>& prefixes,
                    size_t max_bytes) {
  std::vector<Token> words;
  analyzer->Words(text, &words);
  std::vector<std::pair<uint32_t, uint32_t>> marks;
  for (const auto& w : words) {
    const std::string term = analyzer->TermOf(w.term, lang);
    auto matches = [&](const std::string& t) {
      if (terms.count(t) > 0) return true;
      return std::any_of(prefixes.begin(), prefixes.end(),
                         [&t](const std::string& p) { return t.compare(0, p.size(), p) == 0; });
    };
    if ((!term.empty() && matches(term)) || matches(w.term)) marks.emplace_back(w.begin, w.end);
  }
  size_t begin = 0;
  size_t end = text.size();
  if (text.size() > max_bytes) {
    const size_t first = marks.empty() ? 0 : marks[0].first;
    begin = CharStart(text, first > max_bytes / 4 ? first - max_bytes / 4 : 0);
    end = std::min(text.size(), begin + max_bytes);
    end = CharStart(text, end);
    // Cut at word boundaries where there are some.
    if (begin > 0) {
      const size_t space = text.find(' ', begin);
      if (space != std::string_view::npos && space < first) begin = space + 1;
    }
    if (end < text.size()) {
      const size_t space = text.rfind(' ', end);
      if (space != std::string_view::npos && space > begin) end = space;
    }
  }
  std::string out;
  if (begin > 0) out += "\u2026";
  size_t at = begin;
  for (const auto& [b, e] : marks) {
    if (b < at || e > end) continue;
    AppendEscaped(text.substr(at, b - at), &out);
    out += "<b>";
    AppendEscaped(text.substr(b, e - b), &out);
    out += "</b>";
    at = e;
  }
  AppendEscaped(text.substr(at, end - at), &out);
  if (end < text.size()) out += "\u2026";
  return out;
}

}  // namespace sextant::text
