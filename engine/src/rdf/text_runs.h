// Runs of bytes that the Turtle-family readers take as they are, found with one table lookup
// per byte: the readers copy or skip a whole run at once and look closely only at the byte
// that ends it. Run bytes are ASCII and none of them is a line end, '<', '>', a quote or '\\',
// so a run never changes what StatementScanner::FeedRun needs to see.
#pragma once

#include <array>
#include <cstddef>

namespace sextant::rdf {

namespace text_runs_detail {

enum : unsigned char { kIriRun = 1, kStringRun = 2, kNameRun = 4 };

constexpr std::array<unsigned char, 256> Classes() {
  std::array<unsigned char, 256> t{};
  for (int c = 0x21; c < 0x7F; ++c) t[c] = kIriRun | kStringRun;
  for (const char c : {'<', '>', '"', '{', '}', '|', '^', '`', '\\', '\''}) t[c] &= ~kIriRun;
  for (int c = 0; c < 0x20; ++c) t[c] = kStringRun;
  t[' '] = kStringRun;
  t[0x7F] = kStringRun;
  for (const char c : {'"', '\'', '\\', '\n', '\r', '<', '>'}) t[c] &= ~kStringRun;
  for (int c = 'a'; c <= 'z'; ++c) t[c] |= kNameRun;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] |= kNameRun;
  for (int c = '0'; c <= '9'; ++c) t[c] |= kNameRun;
  t['_'] |= kNameRun;
  t['-'] |= kNameRun;
  return t;
}

inline constexpr std::array<unsigned char, 256> kClasses = Classes();

inline size_t Run(const char* p, const char* end, unsigned char kind) {
  const char* q = p;
  while (q != end && (kClasses[static_cast<unsigned char>(*q)] & kind) != 0) ++q;
  return static_cast<size_t>(q - p);
}

}  // namespace text_runs_detail

// Bytes an IRIREF holds as written (no escape, nothing forbidden, no quote).
inline size_t IriRun(const char* p, const char* end) {
  return text_runs_detail::Run(p, end, text_runs_detail::kIriRun);
}
// Bytes a string holds as written (no quote, escape or line end; '<' and '>' left out too).
inline size_t StringRun(const char* p, const char* end) {
  return text_runs_detail::Run(p, end, text_runs_detail::kStringRun);
}
// ASCII name characters of PN_CHARS: letters, digits, '_' and '-'.
inline size_t NameRun(const char* p, const char* end) {
  return text_runs_detail::Run(p, end, text_runs_detail::kNameRun);
}

}  // namespace sextant::rdf
