// Accumulates input lines into complete SPARQL statements: a statement ends at a ';' that is
// outside strings, IRIs, comments and braces (SPARQL's own ';' separates predicate-object
// lists, always inside braces).
#pragma once

#include <string>
#include <vector>

namespace sextant::shell {

class StatementBuffer {
 public:
  // Adds one line (without its newline) and returns the statements it completed, each without
  // its terminating ';'.
  std::vector<std::string> AddLine(const std::string& line);
  // True when text is waiting for its ';' (whitespace and comments alone do not count).
  bool pending() const;
  // The unfinished text, and clears it.
  std::string TakeRest();
  void Clear();

 private:
  std::string text_;
  size_t scanned_ = 0;  // text_[0, scanned_) has been scanned in the state below
  enum class State { kCode, kComment, kShort1, kShort2, kLong1, kLong2 } state_ = State::kCode;
  int depth_ = 0;
  bool has_code_ = false;  // something other than whitespace and comments since the last cut
};

// True when `text` holds nothing but whitespace and '#' comments.
bool IsBlankSparql(const std::string& text);

}  // namespace sextant::shell
