// A tiny lexer that follows Turtle/TriG text byte by byte just far enough to know whether the
// reader is inside a comment, IRI or string, and how deep in graph blocks. Lenient parsing uses
// it to find where the next statement starts after a syntax error: a '.' inside a string is not
// a statement end, and an error inside a TriG graph block must skip to the block's end, or the
// statements after it would silently land in the default graph. Every Turtle/TriG parse uses
// its bracket nesting to stop input that serd's recursion would follow off the stack.
#pragma once

#include <cstddef>
#include <cstdint>

namespace sextant::rdf {

class StatementScanner {
 public:
  void Feed(unsigned char c) {
    // Most bytes of code (names, white space, punctuation) change nothing: no call for them.
    if (state_ == State::kCode && !OpensOrNests(c)) return;
    FeedSlow(c);
  }
  // Feeds `n` bytes none of which is a line end, '<', '>', a quote or '\\' (see text_runs.h).
  // Inside an IRI, a string or a comment such bytes change nothing, so once the scanner is in
  // one of those the rest of the run is not looked at.
  void FeedRun(const char* p, size_t n);
  // Feeds `n` bytes of white space (spaces, tabs, line ends), which change nothing in code.
  void FeedSpace(const char* p, size_t n);
  // Outside comments, IRIs and strings.
  bool InCode() const { return state_ == State::kCode; }
  // Open '{' blocks.
  uint32_t depth() const { return depth_; }
  // Open '[' and '(' (blank node property lists and collections).
  uint32_t nesting() const { return nesting_; }
  void ResetNesting() { nesting_ = 0; }
  void Reset() { *this = StatementScanner(); }

 private:
  static bool OpensOrNests(unsigned char c) {
    switch (c) {
      case '#':
      case '<':
      case '"':
      case '\'':
      case '{':
      case '}':
      case '[':
      case ']':
      case '(':
      case ')': return true;
      default: return false;
    }
  }
  void FeedSlow(unsigned char c);

  enum class State : uint8_t {
    kCode,
    kComment,
    kIri,
    kQuote1,
    kQuote2,
    kShort,
    kShortEsc,
    kLong,
    kLongEsc
  };
  State state_ = State::kCode;
  unsigned char quote_ = 0;
  uint8_t closing_ = 0;
  uint32_t depth_ = 0;
  uint32_t nesting_ = 0;
};

}  // namespace sextant::rdf
