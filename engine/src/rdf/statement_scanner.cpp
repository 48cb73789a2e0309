#include "rdf/statement_scanner.h"

namespace sextant::rdf {

void StatementScanner::FeedSlow(unsigned char c) {
  switch (state_) {
    case State::kCode:
      if (c == '#') {
        state_ = State::kComment;
      } else if (c == '<') {
        state_ = State::kIri;
      } else if (c == '"' || c == '\'') {
        quote_ = c;
        state_ = State::kQuote1;
      } else if (c == '{') {
        ++depth_;
      } else if (c == '}' && depth_ > 0) {
        --depth_;
      } else if (c == '[' || c == '(') {
        ++nesting_;
      } else if ((c == ']' || c == ')') && nesting_ > 0) {
        --nesting_;
      }
      return;
    case State::kComment:
      if (c == '\n' || c == '\r') state_ = State::kCode;
      return;
    case State::kIri:
      // '<<' opens a reified triple or triple term, not an IRI.
      if (c == '>' || c == '\n' || c == '<') state_ = State::kCode;
      return;
    case State::kQuote1:
      if (c == quote_) {
        state_ = State::kQuote2;
      } else {
        state_ = c == '\\' ? State::kShortEsc : State::kShort;
      }
      return;
    case State::kQuote2:
      if (c == quote_) {
        state_ = State::kLong;
        closing_ = 0;
      } else {
        state_ = State::kCode;  // "" was an empty string; c is ordinary code
        Feed(c);
      }
      return;
    case State::kShort:
      if (c == '\\') {
        state_ = State::kShortEsc;
      } else if (c == quote_ || c == '\n') {
        state_ = State::kCode;
      }
      return;
    case State::kShortEsc: state_ = State::kShort; return;
    case State::kLong:
      if (c == '\\') {
        state_ = State::kLongEsc;
        closing_ = 0;
      } else if (c == quote_) {
        if (++closing_ == 3) state_ = State::kCode;
      } else {
        closing_ = 0;
      }
      return;
    case State::kLongEsc: state_ = State::kLong; return;
  }
}

void StatementScanner::FeedRun(const char* p, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    Feed(static_cast<unsigned char>(p[i]));
    // kLong: the byte just fed reset the count of closing quotes, and the rest keep it at 0.
    if (state_ == State::kIri || state_ == State::kShort || state_ == State::kLong ||
        state_ == State::kComment) {
      return;
    }
  }
}

void StatementScanner::FeedSpace(const char* p, size_t n) {
  for (size_t i = 0; i < n && state_ != State::kCode; ++i) Feed(static_cast<unsigned char>(p[i]));
}

}  // namespace sextant::rdf
