// Turns ANTLR syntax errors into messages a user can act on: the offending token in words and
// the expected tokens folded into categories ("a triple pattern", "an expression", ...).
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "grammar/builder.h"

namespace sextant::grammar_internal {
namespace {

using L = gen::SparqlParser;  // token types are shared with the lexer

// Sort keys: categories first, then keywords, punctuation, closing brackets, end of input.
enum Rank { kCategory = 0, kKeyword = 1, kPunct = 2, kCloser = 3, kEnd = 4 };

struct Item {
  int rank;
  int order;  // position inside the rank (keeps categories in a sensible order)
  std::string text;
  friend bool operator<(const Item& a, const Item& b) {
    return std::tie(a.rank, a.order, a.text) < std::tie(b.rank, b.order, b.text);
  }
};

bool IsVarToken(size_t t) {
  return t == L::VAR1 || t == L::VAR2;
}
bool IsIriToken(size_t t) {
  return t == L::IRIREF || t == L::PNAME_LN || t == L::PNAME_NS;
}
bool IsLiteralToken(size_t t) {
  switch (t) {
    case L::STRING_LITERAL1:
    case L::STRING_LITERAL2:
    case L::STRING_LITERAL_LONG1:
    case L::STRING_LITERAL_LONG2:
    case L::INTEGER:
    case L::DECIMAL:
    case L::DOUBLE:
    case L::INTEGER_POSITIVE:
    case L::DECIMAL_POSITIVE:
    case L::DOUBLE_POSITIVE:
    case L::INTEGER_NEGATIVE:
    case L::DECIMAL_NEGATIVE:
    case L::DOUBLE_NEGATIVE:
    case L::TRUE:
    case L::FALSE: return true;
    default: return false;
  }
}
bool IsBlankToken(size_t t) {
  return t == L::BLANK_NODE_LABEL || t == L::ANON;
}
bool IsFunctionToken(size_t t) {
  switch (t) {
    case L::BUILTIN_FN:
    case L::COUNT:
    case L::SUM:
    case L::MIN:
    case L::MAX:
    case L::AVG:
    case L::SAMPLE:
    case L::GROUP_CONCAT:
    case L::BOUND:
    case L::BNODE:
    case L::EXISTS: return true;
    default: return false;
  }
}

// Keywords users reach for first are listed first.
int KeywordOrder(const std::string& name) {
  static const char* const kOrder[] = {"SELECT", "CONSTRUCT", "ASK",    "DESCRIBE", "INSERT",
                                       "DELETE", "WHERE",     "FILTER", "OPTIONAL", "UNION",
                                       "MINUS",  "BIND",      "VALUES", "GRAPH",    "SERVICE",
                                       "PREFIX", "BASE"};
  for (int i = 0; i < static_cast<int>(std::size(kOrder)); ++i) {
    if (name == kOrder[i]) return i;
  }
  return static_cast<int>(std::size(kOrder));
}

}  // namespace

std::string DescribeExpected(const antlr4::misc::IntervalSet& expected,
                             const antlr4::dfa::Vocabulary& vocabulary) {
  std::vector<size_t> types;
  for (const auto& interval : expected.getIntervals()) {
    for (ssize_t t = interval.a; t <= interval.b; ++t) types.push_back(static_cast<size_t>(t));
  }
  auto has = [&](auto pred) { return std::any_of(types.begin(), types.end(), pred); };
  auto has_literal = [&](const std::string& lit) {
    return has([&](size_t t) { return vocabulary.getLiteralName(t) == lit; });
  };
  const bool triple = has(IsVarToken) && has(IsIriToken) && has_literal("'['");
  // In object position only terms fit; at the start of a triple, so do keywords and braces.
  const bool subject_only = triple && !has_literal("'}'") && !has_literal("'{'");
  const bool only_integer = has([](size_t t) { return t == L::INTEGER; }) &&
                            !has([](size_t t) { return t != L::INTEGER && IsLiteralToken(t); });
  const bool predicate = !triple && has(IsIriToken) && has_literal("'a'") && has_literal("'^'");
  const bool expression =
      !triple && !predicate && has(IsVarToken) && has(IsFunctionToken) && has_literal("'!'");

  std::set<Item> items;
  for (size_t t : types) {
    const std::string literal = vocabulary.getLiteralName(t);
    if (triple && (IsVarToken(t) || IsIriToken(t) || IsLiteralToken(t) || IsBlankToken(t) ||
                   t == L::NIL || literal == "'('" || literal == "'['" || t == L::REIFIED_OPEN ||
                   t == L::TRIPLE_TERM_OPEN)) {
      items.insert({kCategory, 0,
                    subject_only ? "a variable, IRI, literal or blank node" : "a triple pattern"});
    } else if (predicate && (IsVarToken(t) || IsIriToken(t) || literal == "'a'" ||
                             literal == "'^'" || literal == "'!'" || literal == "'('")) {
      items.insert({kCategory, 0, "a predicate (IRI, variable or property path)"});
    } else if (expression &&
               (IsVarToken(t) || IsIriToken(t) || IsLiteralToken(t) || IsFunctionToken(t) ||
                t == L::NOT || literal == "'('" || literal == "'!'" || literal == "'+'" ||
                literal == "'-'" || t == L::TRIPLE_TERM_OPEN)) {
      items.insert({kCategory, 1, "an expression"});
    } else if (IsVarToken(t)) {
      items.insert({kCategory, 2, "a variable"});
    } else if (IsIriToken(t)) {
      items.insert({kCategory, 3, "an IRI"});
    } else if (IsLiteralToken(t)) {
      items.insert({kCategory, 4, only_integer ? "an integer" : "a literal"});
    } else if (IsBlankToken(t)) {
      items.insert({kCategory, 5, "a blank node"});
    } else if (IsFunctionToken(t)) {
      items.insert({kCategory, 6, "a function call"});
    } else if (t == antlr4::Token::EOF) {
      items.insert({kEnd, 0, "end of input"});
    } else if (t == L::NIL) {
      items.insert({kPunct, 0, "'()'"});
    } else if (literal == "'}'" || literal == "')'" || literal == "']'") {
      items.insert({kCloser, 0, literal});
    } else if (!literal.empty()) {
      items.insert({kPunct, 1, literal});
    } else {
      const std::string name = vocabulary.getSymbolicName(t);
      items.insert({kKeyword, KeywordOrder(name), name});
    }
  }
  std::vector<std::string> words;
  words.reserve(items.size());
  for (const auto& i : items) words.push_back(i.text);
  // Long lists help nobody: keep the leading entries and the last one (usually a closer).
  constexpr size_t kMax = 7;
  if (words.size() > kMax) {
    std::string last = words.back();
    words.resize(kMax - 2);
    words.push_back("...");
    words.push_back(last);
  }
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " or " : ", ";
    out += words[i];
  }
  return out;
}

namespace {

std::string Shorten(std::string text) {
  if (text.size() > 24) text = text.substr(0, 21) + "...";
  return text;
}

// The offending token in words.
std::string DescribeToken(antlr4::Token* token, antlr4::TokenStream* stream) {
  if (token == nullptr) return "input";
  if (token->getType() == antlr4::Token::EOF) return "end of input";
  const std::string text = token->getText();
  if (token->getType() == L::ERROR_CHAR) {
    if (text == "\"" || text == "'") return "unterminated string (or an invalid escape in it)";
    if (text == "<") return "'<'";
    return "character '" + text + "'";
  }
  if (token->getType() == L::UNKNOWN_WORD) {
    if (stream != nullptr) {
      antlr4::Token* next = stream->get(token->getTokenIndex() + 1);
      if (next->getText() == "(" || next->getType() == L::NIL) {
        return "unknown function '" + text +
               "' (not a SPARQL builtin; extension functions are "
               "called by IRI)";
      }
    }
    return "unknown word '" + Shorten(text) + "'";
  }
  return "'" + Shorten(text) + "'";
}

}  // namespace

void ThrowingErrorListener::syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending,
                                        size_t line, size_t column, const std::string& /*msg*/,
                                        std::exception_ptr e) {
  const ast::SourcePos pos{static_cast<uint32_t>(line), static_cast<uint32_t>(column + 1)};
  auto* parser = dynamic_cast<antlr4::Parser*>(recognizer);
  if (parser == nullptr) {
    // The lexer has a catch-all rule, so this is only reachable on internal trouble.
    throw BuildError{"unreadable input", pos};
  }
  antlr4::misc::IntervalSet expected;
  bool have = false;
  if (e) {
    try {
      std::rethrow_exception(e);
    } catch (const antlr4::RecognitionException& re) {
      expected = re.getExpectedTokens();
      have = true;
    } catch (...) {
    }
  }
  if (!have) expected = parser->getExpectedTokens();
  std::string message = DescribeToken(offending, parser->getTokenStream());
  if (message.starts_with("unterminated")) throw BuildError{std::move(message), pos};
  if (!message.starts_with("unknown ")) message = "unexpected " + message;
  const std::string wanted = DescribeExpected(expected, parser->getVocabulary());
  if (!wanted.empty()) message += " — expected " + wanted;
  throw BuildError{std::move(message), pos};
}

}  // namespace sextant::grammar_internal
