#include "text/text_query.h"

#include <algorithm>
#include <cctype>

#include "sextant/utf8.h"

namespace sextant::text {
namespace {

class QueryParser {
 public:
  QueryParser(std::string_view text, Analyzer* analyzer) : text_(text), analyzer_(analyzer) {}

  Result<TextQuery> Parse() {
    SkipSpace();
    if (pos_ == text_.size()) return Error("the search text is empty");
    SEXTANT_ASSIGN_OR_RETURN(TextQuery q, ParseOr());
    SkipSpace();
    if (pos_ < text_.size()) return Error("unexpected '" + std::string(1, text_[pos_]) + "'");
    return q;
  }

 private:
  Status Error(const std::string& what) const {
    const size_t column = 1 + Utf8Length(text_.substr(0, std::min(pos_, text_.size())));
    return Status::SyntaxError(what, "search text", 1, column);
  }

  void SkipSpace() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }

  // The bare word at pos_ (up to space, quote or parenthesis), without consuming it.
  std::string_view PeekWord() const {
    size_t end = pos_;
    while (end < text_.size() && !std::isspace(static_cast<unsigned char>(text_[end])) &&
           text_[end] != '"' && text_[end] != '(' && text_[end] != ')') {
      ++end;
    }
    return text_.substr(pos_, end - pos_);
  }

  static TextQuery Combine(TextQuery::Kind kind, std::vector<TextQuery> parts) {
    if (parts.size() == 1) return std::move(parts[0]);
    TextQuery q;
    q.kind = kind;
    q.children = std::move(parts);
    return q;
  }

  Result<TextQuery> ParseOr() {
    std::vector<TextQuery> parts;
    for (;;) {
      SEXTANT_ASSIGN_OR_RETURN(TextQuery part, ParseAnd());
      parts.push_back(std::move(part));
      SkipSpace();
      const std::string_view w = PeekWord();
      if (w != "OR" && w != "|") break;
      pos_ += w.size();
    }
    return Combine(TextQuery::Kind::kOr, std::move(parts));
  }

  Result<TextQuery> ParseAnd() {
    std::vector<TextQuery> parts;
    for (;;) {
      SkipSpace();
      if (pos_ == text_.size() || text_[pos_] == ')') break;
      const std::string_view w = PeekWord();
      if (w == "OR" || w == "|") break;
      if (w == "AND") {
        pos_ += w.size();
        continue;
      }
      SEXTANT_ASSIGN_OR_RETURN(TextQuery part, ParseUnary());
      parts.push_back(std::move(part));
    }
    if (parts.empty()) return Error("expected a word, a \"phrase\" or '('");
    return Combine(TextQuery::Kind::kAnd, std::move(parts));
  }

  Result<TextQuery> ParseUnary() {
    const std::string_view w = PeekWord();
    const bool not_word = w == "NOT";
    if (not_word || (pos_ < text_.size() && text_[pos_] == '-' && w.size() > 1) ||
        (pos_ + 1 < text_.size() && text_[pos_] == '-' &&
         (text_[pos_ + 1] == '"' || text_[pos_ + 1] == '('))) {
      pos_ += not_word ? 3 : 1;
      SkipSpace();
      if (pos_ == text_.size()) return Error("NOT needs something to exclude");
      SEXTANT_ASSIGN_OR_RETURN(TextQuery inner, ParseUnary());
      TextQuery q;
      q.kind = TextQuery::Kind::kNot;
      q.children.push_back(std::move(inner));
      return q;
    }
    return ParsePrimary();
  }

  Result<TextQuery> ParsePrimary() {
    if (text_[pos_] == '(') {
      ++pos_;
      SEXTANT_ASSIGN_OR_RETURN(TextQuery inner, ParseOr());
      SkipSpace();
      if (pos_ == text_.size() || text_[pos_] != ')') return Error("expected ')'");
      ++pos_;
      return inner;
    }
    if (text_[pos_] == '"') {
      const size_t close = text_.find('"', pos_ + 1);
      if (close == std::string_view::npos) return Error("unterminated \"phrase\"");
      const std::string_view phrase = text_.substr(pos_ + 1, close - pos_ - 1);
      SEXTANT_ASSIGN_OR_RETURN(TextQuery q, WordsOf(phrase));
      pos_ = close + 1;
      return q;
    }
    std::string_view w = PeekWord();
    if (w.empty()) return Error("unexpected '" + std::string(1, text_[pos_]) + "'");
    const bool prefix = w.size() > 1 && w.back() == '*';
    SEXTANT_ASSIGN_OR_RETURN(TextQuery q, WordsOf(prefix ? w.substr(0, w.size() - 1) : w));
    if (prefix) {
      // "anti-terror*": the phrase of the leading words, the last one a prefix.
      if (q.words.size() > 1) return Error("a prefix* term must be a single word");
      q.kind = TextQuery::Kind::kPrefix;
    }
    pos_ += w.size();
    return q;
  }

  // A word of the query may hold several words of the text ("anti-missile"): a phrase.
  Result<TextQuery> WordsOf(std::string_view raw) {
    analyzer_->Words(raw, &tokens_);
    if (tokens_.empty()) return Error("'" + std::string(raw) + "' has no letters or digits");
    TextQuery q;
    q.kind = TextQuery::Kind::kWords;
    for (auto& t : tokens_) q.words.emplace_back(std::move(t.term), t.position);
    return q;
  }

  std::string_view text_;
  Analyzer* analyzer_;
  size_t pos_ = 0;
  std::vector<Token> tokens_;
};

}  // namespace

std::string TextQuery::ToString() const {
  switch (kind) {
    case Kind::kWords: {
      std::string out;
      for (const auto& [w, pos] : words) out += (out.empty() ? "" : " ") + w;
      return words.size() > 1 ? "\"" + out + "\"" : out;
    }
    case Kind::kPrefix: return words.empty() ? "*" : words[0].first + "*";
    case Kind::kNot: return "NOT " + children[0].ToString();
    case Kind::kAnd:
    case Kind::kOr: {
      std::string out = "(";
      for (size_t i = 0; i < children.size(); ++i) {
        if (i > 0) out += kind == Kind::kAnd ? " AND " : " OR ";
        out += children[i].ToString();
      }
      return out + ")";
    }
  }
  return {};
}

Result<TextQuery> ParseTextQuery(std::string_view text, Analyzer* analyzer) {
  return QueryParser(text, analyzer).Parse();
}

}  // namespace sextant::text
