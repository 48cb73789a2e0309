// A tiny lexer that follows Turtle/TriG text byte by byte just far enough to know whether the
// reader is inside a comment, IRI or string, and how deep in graph blocks. Lenient parsing uses
// it to find where the next statement starts after a syntax error: a '.' inside a string is not
// a statement end, and an error inside a TriG graph block must skip to the block's end, or the
// statements after it would silently land in the default graph. Every Turtle/TriG parse uses
// its bracket nesting to stop input that serd's recursion would follow off the stack.
#pragma once

#include <cstdint>

namespace sextant::rdf {

class StatementScanner {
 public:
  void Feed(unsigned char c);
  // Outside comments, IRIs and strings.
  bool InCode() const { return state_ == State::kCode; }
  // Open '{' blocks.
  uint32_t depth() const { return depth_; }
  // Open '[' and '(' (blank node property lists and collections).
  uint32_t nesting() const { return nesting_; }
  void ResetNesting() { nesting_ = 0; }
  void Reset() { *this = StatementScanner(); }

 private:
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
