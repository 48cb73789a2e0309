#include "statement_buffer.h"

#include <cctype>
#include <cstring>

namespace sextant::shell {
namespace {

// SPARQL's IRIREF excludes these, and whitespace: a '<' that does not open an IRIREF on this line
// is the less-than operator.
bool IsIriChar(char c) {
  return static_cast<unsigned char>(c) > 0x20 && std::strchr("<>\"{}|^`\\", c) == nullptr;
}

}  // namespace

std::vector<std::string> StatementBuffer::AddLine(const std::string& line) {
  std::vector<std::string> done;
  text_ += line;
  text_ += '\n';
  size_t i = scanned_;
  size_t start = 0;
  while (i < text_.size()) {
    const char c = text_[i];
    switch (state_) {
      case State::kComment:
        if (c == '\n') state_ = State::kCode;
        ++i;
        continue;
      case State::kShort1:
      case State::kShort2: {
        const char q = state_ == State::kShort1 ? '\'' : '"';
        if (c == '\\') {
          i += 2;
        } else {
          // A short string cannot span lines; a newline ends it so one stray quote does not
          // swallow the rest of the session.
          if (c == q || c == '\n') state_ = State::kCode;
          ++i;
        }
        continue;
      }
      case State::kLong1:
      case State::kLong2: {
        const char q = state_ == State::kLong1 ? '\'' : '"';
        if (c == '\\') {
          i += 2;
        } else if (c == q && i + 2 < text_.size() && text_[i + 1] == q && text_[i + 2] == q) {
          state_ = State::kCode;
          i += 3;
        } else {
          ++i;
        }
        continue;
      }
      case State::kCode: break;
    }
    if (std::isspace(static_cast<unsigned char>(c)) == 0 && c != '#' && c != ';') has_code_ = true;
    if (c == '#') {
      state_ = State::kComment;
      ++i;
    } else if (c == '\'' || c == '"') {
      if (i + 2 < text_.size() && text_[i + 1] == c && text_[i + 2] == c) {
        state_ = c == '\'' ? State::kLong1 : State::kLong2;
        i += 3;
      } else {
        state_ = c == '\'' ? State::kShort1 : State::kShort2;
        ++i;
      }
    } else if (c == '<') {
      size_t j = i + 1;
      while (j < text_.size() && IsIriChar(text_[j])) ++j;
      i = (j < text_.size() && text_[j] == '>') ? j + 1 : i + 1;
    } else if (c == '{' || c == '(' || c == '[') {
      ++depth_;
      ++i;
    } else if (c == '}' || c == ')' || c == ']') {
      if (depth_ > 0) --depth_;
      ++i;
    } else if (c == ';' && depth_ == 0) {
      if (has_code_) done.push_back(text_.substr(start, i - start));
      has_code_ = false;
      start = ++i;
    } else {
      ++i;
    }
  }
  if (start > 0) text_.erase(0, start);
  scanned_ = text_.size();
  return done;
}

bool StatementBuffer::pending() const {
  return has_code_;
}

std::string StatementBuffer::TakeRest() {
  std::string rest = has_code_ ? text_ : std::string();
  Clear();
  return rest;
}

void StatementBuffer::Clear() {
  text_.clear();
  scanned_ = 0;
  state_ = State::kCode;
  depth_ = 0;
  has_code_ = false;
}

bool IsBlankSparql(const std::string& text) {
  StatementBuffer b;
  b.AddLine(text);
  return !b.pending();
}

}  // namespace sextant::shell
