// The door: UTF-8 check, lexing, the nesting guard, parsing, AST building, static checks. Every
// exception (ANTLR's, the builder's, allocation failures) is turned into a Status here.
#include "grammar/parse.h"

#include <pthread.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "SparqlLexer.h"
#include "grammar/builder.h"
#include "grammar/static_checks.h"
#include "sextant/utf8.h"

namespace sextant {
namespace {

using grammar_internal::BuildError;
using grammar_internal::gen::SparqlLexer;
using grammar_internal::gen::SparqlParser;

// Finds the first invalid UTF-8 sequence; ANTLR's converter would throw without a position.
std::optional<ast::SourcePos> FindBadUtf8(std::string_view text) {
  const Utf8Check check = CheckUtf8(text);
  if (check.problem == Utf8Problem::kNone) return std::nullopt;
  uint32_t line = 1, column = 1;
  for (size_t i = 0; i < check.offset; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if (!IsUtf8Continuation(c)) {
      ++column;
    }
  }
  return ast::SourcePos{line, column};
}

// ANTLR recurses once per bracket level; refuse deep input before the parser can overflow the
// stack. Also collects the blank node labels so that fresh labels never collide with them.
void CheckNesting(antlr4::CommonTokenStream& tokens, int max_depth, std::set<std::string>& labels) {
  int depth = 0;
  for (antlr4::Token* t : tokens.getTokens()) {
    const std::string& text = t->getText();
    if (t->getType() == SparqlLexer::BLANK_NODE_LABEL) {
      labels.insert(text.substr(2));
      continue;
    }
    if (text.size() != 1) continue;
    const char c = text[0];
    if (c == '(' || c == '{' || c == '[') {
      if (++depth > max_depth) {
        throw BuildError{"too deeply nested: more than " + std::to_string(max_depth) +
                             " levels of brackets, braces and parentheses (the nesting limit)",
                         grammar_internal::PosOf(t)};
      }
    } else if ((c == ')' || c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
}

Status Error(const std::string& message, ast::SourcePos pos, const ParseOptions& options) {
  return Status::SyntaxError(message, options.source_name, pos.line, pos.column);
}

}  // namespace

std::vector<std::pair<std::string, std::string>> ParseOptions::DefaultPrefixes(
    std::string store_namespace) {
  return {{"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
          {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
          {"xsd", "http://www.w3.org/2001/XMLSchema#"},
          {"owl", "http://www.w3.org/2002/07/owl#"},
          {"", std::move(store_namespace)}};
}

namespace {

Result<ast::Statement> ParseOnThisStack(std::string_view text, const ParseOptions& options) {
  if (auto bad = FindBadUtf8(text)) return Error("input is not valid UTF-8", *bad, options);
  try {
    antlr4::ANTLRInputStream input(text.data(), text.size());
    SparqlLexer lexer(&input);
    grammar_internal::ThrowingErrorListener listener;
    lexer.removeErrorListeners();
    lexer.addErrorListener(&listener);
    antlr4::CommonTokenStream tokens(&lexer);
    tokens.fill();

    std::set<std::string> labels;
    CheckNesting(tokens, options.max_depth, labels);

    // Two stages (the ANTLR book's advice): fast SLL prediction that gives up on any error,
    // then, only if that failed, full LL with the error listener for the exact message.
    SparqlParser parser(&tokens);
    parser.removeErrorListeners();
    auto* simulator = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
    simulator->setPredictionMode(antlr4::atn::PredictionMode::SLL);
    parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    SparqlParser::StatementContext* tree = nullptr;
    try {
      tree = parser.statement();
    } catch (const antlr4::ParseCancellationException&) {
      tokens.seek(0);
      parser.reset();
      parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
      parser.addErrorListener(&listener);
      simulator->setPredictionMode(antlr4::atn::PredictionMode::LL);
      tree = parser.statement();
    }

    std::map<std::string, std::string> prefixes(options.prefixes.begin(), options.prefixes.end());
    grammar_internal::AstBuilder builder(std::move(prefixes), options.base_iri, std::move(labels),
                                         options.max_depth);
    ast::Statement statement = builder.Build(tree);
    if (auto error = grammar_internal::CheckStatement(statement)) {
      return Error(error->message, error->pos, options);
    }
    return statement;
  } catch (const BuildError& e) {
    return Error(e.message, e.pos, options);
  } catch (const std::bad_alloc&) {
    return Status::ResourceExhausted("out of memory while parsing");
  } catch (const std::exception& e) {
    return Status::Internal(std::string("SPARQL parser failure: ") + e.what());
  } catch (...) {
    return Status::Internal("SPARQL parser failure");
  }
}

// Stack reserved per nesting level. ANTLR spends about ten rule frames on each parenthesised
// expression level, plus the AST builder's frames: 4 KB per level sufficed in a Release build
// and 2 KB did not. Sanitizer and unoptimised builds use far bigger frames, hence 16 KB there.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SEXTANT_PARSE_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(SEXTANT_PARSE_ASAN) || !defined(__OPTIMIZE__)
constexpr size_t kStackPerLevel = 16 << 10;
constexpr bool kInlineParse = false;  // ASan's fake stacks are not where the frame address says
#else
constexpr size_t kStackPerLevel = 8 << 10;
constexpr bool kInlineParse = true;
#endif
constexpr size_t kStackBase = 1 << 20;
constexpr size_t kStackMax = size_t{1} << 30;

// Lowest usable address of this thread's stack (0 when unknown). Asking costs a read of
// /proc/self/maps on the main thread, so it is asked once per thread.
uintptr_t StackLimit() {
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return 0;
  void* addr = nullptr;
  size_t size = 0;
  const int rc = pthread_attr_getstack(&attr, &addr, &size);
  size_t guard = 0;
  pthread_attr_getguardsize(&attr, &guard);
  pthread_attr_destroy(&attr);
  if (rc != 0 || addr == nullptr) return 0;
  return reinterpret_cast<uintptr_t>(addr) + guard;
}

// Bytes of stack left below the caller's frame.
size_t StackRoom() {
  thread_local const uintptr_t limit = StackLimit();
  const char here = 0;
  const auto sp = reinterpret_cast<uintptr_t>(&here);
  return limit != 0 && sp > limit ? sp - limit : 0;
}

struct ThreadJob {
  std::string_view text;
  const ParseOptions* options;
  std::optional<Result<ast::Statement>> result;
};

void* RunJob(void* raw) {
  auto* job = static_cast<ThreadJob*>(raw);
  job->result.emplace(ParseOnThisStack(job->text, *job->options));
  return nullptr;
}

}  // namespace

// The parser recurses once per nesting level, so it needs a stack sized for options.max_depth.
// When the caller's stack has that much room left (a server worker or the shell usually does)
// it parses in place; otherwise, or when frames cannot be measured, it parses on a thread of
// its own with a stack of that size, so the caller's stack (a 1 MB worker thread, say) never
// matters. Starting that thread costs about as much as parsing a short query.
Result<ast::Statement> Parse(std::string_view text, const ParseOptions& options) {
  const size_t levels = options.max_depth > 0 ? static_cast<size_t>(options.max_depth) : 0;
  const size_t stack = std::min(kStackMax, kStackBase + levels * kStackPerLevel);
  if (kInlineParse && StackRoom() > stack) return ParseOnThisStack(text, options);
  pthread_attr_t attr;
  if (pthread_attr_init(&attr) != 0) {
    return Status::ResourceExhausted("cannot start the parser thread");
  }
  ThreadJob job{text, &options, std::nullopt};
  pthread_t thread;
  int rc = pthread_attr_setstacksize(&attr, stack);
  if (rc == 0) rc = pthread_create(&thread, &attr, RunJob, &job);
  pthread_attr_destroy(&attr);
  if (rc != 0) {
    return Status::ResourceExhausted("cannot start the parser thread (stack of " +
                                     std::to_string(stack >> 20) + " MB for max_depth " +
                                     std::to_string(options.max_depth) + ")");
  }
  pthread_join(thread, nullptr);
  return std::move(*job.result);
}

}  // namespace sextant
