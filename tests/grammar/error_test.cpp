// Syntax errors: exact positions, readable messages, caret formatting, static checks, limits.
#include <pthread.h>

#include "grammar_test_util.h"

namespace sextant::testing {
namespace {

Status ParseError(std::string_view text, const ParseOptions& options = TestOptions()) {
  auto r = Parse(text, options);
  if (r.ok()) return Status::Internal("parsed, but an error was expected: " + ast::ToString(*r));
  return r.status();
}

TEST(ParseError, PositionAndMessage) {
  const Status st = ParseError("SELECT * WHERE {\n  ?s ?p ?o .\n  ?s ?p }\n");
  EXPECT_EQ(st.code(), StatusCode::kSyntaxError);
  EXPECT_EQ(st.line(), 3u);
  EXPECT_EQ(st.column(), 9u);
  EXPECT_EQ(st.message(), "unexpected '}' — expected a variable, IRI, literal or blank node");
}

TEST(ParseError, MissingClosingParenthesis) {
  const Status st = ParseError("SELECT * WHERE { ?s ?p ?o FILTER(?o > 1 }");
  EXPECT_EQ(st.line(), 1u);
  EXPECT_EQ(st.column(), 41u);
  EXPECT_EQ(st.message(), "unexpected '}' — expected ')'");
}

TEST(ParseError, EndOfInput) {
  const Status st = ParseError("SELECT * WHERE { ?s ?p ?o");
  EXPECT_EQ(st.column(), 26u);
  EXPECT_EQ(st.message(), "unexpected end of input — expected '}'");
}

TEST(ParseError, ExpectedListsAreShortAndReadable) {
  const Status st = ParseError("SELCT * { }");
  EXPECT_EQ(st.column(), 1u);
  EXPECT_EQ(st.message(),
            "unknown word 'SELCT' — expected SELECT, CONSTRUCT, ASK, DESCRIBE, INSERT, ... or end "
            "of input");
  const Status expr = ParseError("ASK { FILTER(?x = ) }");
  EXPECT_EQ(expr.column(), 19u);
  EXPECT_EQ(expr.message(), "unexpected ')' — expected an expression");
  const Status pred = ParseError("ASK { ?s }");
  EXPECT_EQ(pred.message(),
            "unexpected '}' — expected a predicate (IRI, variable or property path)");
  const Status limit = ParseError("SELECT * {} LIMIT ?x");
  EXPECT_EQ(limit.message(), "unexpected '?x' — expected an integer");
  const Status select = ParseError("SELECT WHERE {}");
  EXPECT_EQ(select.message(),
            "unexpected 'WHERE' — expected a variable, DISTINCT, REDUCED, '(' or '*'");
  const Status group = ParseError("SELECT * { ?s ?p ?o . ) }");
  EXPECT_EQ(group.column(), 23u);
  EXPECT_EQ(group.message().find("unexpected ')'"), 0u) << group.message();
  EXPECT_EQ(group.message().find("<EOF>"), std::string::npos);
}

TEST(ParseError, UnknownPrefixAtItsPosition) {
  const Status st = ParseError("SELECT * {\n ?s foaf:name ?n }", ParseOptions());
  EXPECT_EQ(st.line(), 2u);
  EXPECT_EQ(st.column(), 5u);
  EXPECT_EQ(st.message(), "unknown prefix 'foaf:' (declare it with PREFIX foaf: <...>)");
}

TEST(ParseError, UnknownFunctionName) {
  const Status st = ParseError("ASK { FILTER(STRLENGTH(?x)) }");
  EXPECT_EQ(st.column(), 14u);
  EXPECT_EQ(st.message().find("unknown function 'STRLENGTH'"), 0u) << st.message();
}

TEST(ParseError, BuiltinArity) {
  EXPECT_EQ(ParseError("ASK { FILTER(STR(?a, ?b)) }").message(), "STR takes 1 argument, not 2");
  EXPECT_EQ(ParseError("ASK { FILTER(REGEX(?a)) }").message(),
            "REGEX takes 2 or 3 arguments, not 1");
  EXPECT_EQ(ParseError("ASK { FILTER(NOW(?a)) }").message(), "NOW takes 0 arguments, not 1");
  EXPECT_EQ(ParseError("SELECT (SUM(?x, ?y) AS ?s) {}").code(), StatusCode::kSyntaxError);
}

TEST(ParseError, Strings) {
  const Status st = ParseError("ASK { ?s ?p \"abc }");
  EXPECT_EQ(st.column(), 13u);
  EXPECT_EQ(st.message(), "unterminated string (or an invalid escape in it)");
  EXPECT_EQ(ParseError("ASK { ?s ?p '\\uD800' }").message(),
            "escape \\uD800 is not a valid character in a string");
}

TEST(ParseError, RelativeIriWithoutBase) {
  const Status st = ParseError("ASK { <a> ?p ?o }");
  EXPECT_EQ(st.column(), 7u);
  EXPECT_EQ(st.message(), "relative IRI <a> needs a BASE (declare one with BASE <...>)");
}

TEST(ParseError, InvalidUtf8) {
  const Status st = ParseError("ASK {\n ?s ?p \"\xC3\x28\" }");
  EXPECT_EQ(st.line(), 2u);
  EXPECT_EQ(st.column(), 9u);
  EXPECT_EQ(st.message(), "input is not valid UTF-8");
}

TEST(ParseError, SourceNameIsReported) {
  ParseOptions options = TestOptions();
  options.source_name = "q.rq";
  const Status st = ParseError("ASK {", options);
  EXPECT_EQ(st.source(), "q.rq");
  EXPECT_EQ(st.ToString().find("q.rq:1:6"), 0u) << st.ToString();
}

TEST(FormatSyntaxError, CaretUnderColumn) {
  const std::string text = "SELECT *\nWHERE { ?s ?p ?o FILTER(?o > ) }\n";
  const Status st = ParseError(text);
  EXPECT_EQ(FormatSyntaxError(text, st),
            "WHERE { ?s ?p ?o FILTER(?o > ) }\n"
            "                             ^\n"
            "2:30: unexpected ')' — expected an expression");
}

TEST(FormatSyntaxError, TabsAndUnicodeKeepAlignment) {
  const std::string text = "ASK {\t\"é\" ?p ?o ?x }";
  const Status st = ParseError(text);
  EXPECT_EQ(st.column(), 17u);  // code points, not bytes
  EXPECT_EQ(FormatSyntaxError(text, st),
            "ASK {\t\"é\" ?p ?o ?x }\n"
            "     \t          ^\n"
            "1:17: unexpected '?x' — expected '}'");
}

TEST(FormatSyntaxError, EndOfInputAndNoPosition) {
  const std::string text = "ASK {";
  EXPECT_EQ(FormatSyntaxError(text, ParseError(text)),
            "ASK {\n     ^\n1:6: unexpected end of input — "
            "expected a triple pattern, SELECT, FILTER, OPTIONAL, MINUS, ... or '}'");
  EXPECT_EQ(FormatSyntaxError(text, Status::Internal("boom")), "boom");
}

// --------------------------------------------------------------------------- static checks

TEST(StaticChecks, BindTargetAlreadyInScope) {
  const Status st = ParseError("SELECT * { ?s ?p ?o BIND(1 AS ?o) }");
  EXPECT_EQ(st.column(), 31u);
  EXPECT_EQ(st.message(), "BIND target ?o is already in scope in this group");
  EXPECT_OK(Parse("SELECT * { ?s ?p ?o { BIND(1 AS ?o) } }", TestOptions()));
  EXPECT_OK(Parse("SELECT * { BIND(1 AS ?o) ?s ?p ?o }", TestOptions()));
}

TEST(StaticChecks, SelectExpressionVariableAlreadyInScope) {
  EXPECT_EQ(ParseError("SELECT (1 AS ?s) { ?s ?p ?o }").message(),
            "?s is already in scope; (expression AS ?s) must introduce a new variable");
  EXPECT_EQ(ParseError("SELECT (1 AS ?x) (2 AS ?x) {}").code(), StatusCode::kSyntaxError);
  EXPECT_OK(Parse("SELECT (1 AS ?x) (?x + 1 AS ?y) {}", TestOptions()));
}

TEST(StaticChecks, UngroupedVariablesInAggregateQueries) {
  const Status st = ParseError("SELECT ?o { ?s ?p ?o } GROUP BY ?s");
  EXPECT_EQ(st.column(), 8u);
  EXPECT_EQ(st.message(),
            "?o is neither grouped nor aggregated (add it to GROUP BY or use an aggregate such as "
            "SAMPLE(?o))");
  EXPECT_EQ(ParseError("SELECT ?s (COUNT(*) AS ?n) { ?s ?p ?o }").code(), StatusCode::kSyntaxError);
  EXPECT_EQ(ParseError("SELECT (?o + 1 AS ?x) { ?s ?p ?o } GROUP BY ?s").code(),
            StatusCode::kSyntaxError);
  const Status star = ParseError("\n  SELECT * { ?s ?p ?o } GROUP BY ?s");
  EXPECT_EQ(star.line(), 2u);
  EXPECT_EQ(star.column(), 3u);
  EXPECT_EQ(star.message(), "SELECT * is not allowed in a query with GROUP BY or aggregates");
  EXPECT_OK(
      Parse("SELECT ?k (COUNT(?o) AS ?n) (?n * 2 AS ?m) { ?s ?p ?o } GROUP BY (STR(?s) AS ?k)",
            TestOptions()));
}

TEST(StaticChecks, AggregatesOnlyWhereAllowed) {
  EXPECT_EQ(ParseError("SELECT * { ?s ?p ?o FILTER(COUNT(?o) > 1) }").message(),
            "COUNT is an aggregate: aggregates are allowed only in SELECT, HAVING and ORDER BY, "
            "not in FILTER");
  EXPECT_EQ(ParseError("SELECT * { ?s ?p ?o BIND(SUM(?o) AS ?x) }").code(),
            StatusCode::kSyntaxError);
  EXPECT_EQ(ParseError("SELECT (COUNT(*) AS ?n) { } GROUP BY (COUNT(*))").code(),
            StatusCode::kSyntaxError);
  EXPECT_EQ(ParseError("SELECT (SUM(MAX(?o)) AS ?n) { ?s ?p ?o }").message(),
            "aggregates cannot be nested");
  EXPECT_OK(
      Parse("SELECT ?s { ?s ?p ?o } GROUP BY ?s HAVING (COUNT(?o) > 1) ORDER BY DESC(SUM(?o))",
            TestOptions()));
}

TEST(StaticChecks, BlankNodeLabelsAcrossBasicGraphPatterns) {
  const Status st = ParseError("SELECT * { _:a ?p ?o OPTIONAL { _:a ?q ?r } }");
  EXPECT_EQ(st.column(), 33u);
  EXPECT_EQ(st.message(), "blank node _:a is used in more than one basic graph pattern");
  EXPECT_EQ(ParseError("SELECT * { { _:a ?p ?o } { _:a ?q ?r } }").code(),
            StatusCode::kSyntaxError);
  EXPECT_EQ(ParseError("INSERT DATA { _:b ex:p 1 } ; INSERT DATA { _:b ex:p 2 }").message(),
            "blank node _:b is used in more than one operation");
  EXPECT_OK(
      Parse("INSERT DATA { GRAPH ex:g { _:b ex:p 1 } GRAPH ex:h { _:b ex:p 2 } }", TestOptions()));
}

TEST(StaticChecks, BlankNodesInDeletes) {
  EXPECT_EQ(ParseError("DELETE DATA { _:a ex:p ex:o }").code(), StatusCode::kSyntaxError);
  EXPECT_EQ(ParseError("DELETE WHERE { [] ex:p ?o }").code(), StatusCode::kSyntaxError);
  EXPECT_EQ(ParseError("DELETE { ?s ex:p [ ex:q 1 ] } WHERE { ?s ?p ?o }").code(),
            StatusCode::kSyntaxError);
  EXPECT_EQ(ParseError("DELETE WHERE { ?s ex:p (1) }").code(), StatusCode::kSyntaxError);
  EXPECT_OK(Parse("INSERT { ?s ex:p [] } WHERE { ?s ?p ?o }", TestOptions()));
}

TEST(StaticChecks, VariablesInData) {
  const Status st = ParseError("INSERT DATA { ex:s ex:p ?o }");
  EXPECT_EQ(st.column(), 25u);
  EXPECT_EQ(st.message(), "variables are not allowed in INSERT DATA or DELETE DATA");
  EXPECT_EQ(ParseError("DELETE DATA { GRAPH ?g { ex:s ex:p ex:o } }").code(),
            StatusCode::kSyntaxError);
}

TEST(StaticChecks, ValuesRowLength) {
  EXPECT_EQ(ParseError("SELECT * { VALUES (?a ?b) { (1) } }").message(),
            "VALUES row has 1 value(s) for 2 variable(s)");
}

TEST(StaticChecks, ChecksReachSubqueriesAndExists) {
  EXPECT_EQ(ParseError("SELECT * { { SELECT ?o { ?s ?p ?o } GROUP BY ?s } }").code(),
            StatusCode::kSyntaxError);
  EXPECT_EQ(ParseError("ASK { FILTER EXISTS { ?s ?p ?o BIND(1 AS ?s) } }").code(),
            StatusCode::kSyntaxError);
  EXPECT_EQ(ParseError("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o BIND(1 AS ?s) }").code(),
            StatusCode::kSyntaxError);
}

// --------------------------------------------------------------------------- nesting limit

std::string Nested(int depth, const char* open, const char* inner, const char* close) {
  std::string s;
  for (int i = 0; i < depth; ++i) s += open;
  s += inner;
  for (int i = 0; i < depth; ++i) s += close;
  return s;
}

TEST(ParseLimits, DeepParenthesesAreRejected) {
  const std::string text = "ASK { FILTER(" + Nested(100000, "(", "1", ")") + ") }";
  const Status st = ParseError(text);
  EXPECT_EQ(st.code(), StatusCode::kSyntaxError);
  EXPECT_EQ(st.line(), 1u);
  // "{" and "FILTER(" are two levels; the bracket at column 13 + 499 is level 501.
  EXPECT_EQ(st.column(), 13u + 499u);
  EXPECT_EQ(st.message(),
            "too deeply nested: more than 500 levels of brackets, braces and parentheses (the "
            "nesting limit)");
}

TEST(ParseLimits, DeepBracesAreRejected) {
  const Status st = ParseError("SELECT * " + Nested(100000, "{", "", "}"));
  EXPECT_EQ(st.code(), StatusCode::kSyntaxError);
  EXPECT_NE(st.message().find("too deeply nested"), std::string::npos);
}

TEST(ParseLimits, NestingWithinTheLimitParses) {
  EXPECT_OK(Parse("ASK { FILTER(" + Nested(400, "(", "1", ")") + ") }", TestOptions()));
  EXPECT_OK(Parse("SELECT * " + Nested(400, "{", "", "}"), TestOptions()));
  EXPECT_OK(Parse("SELECT * { ?s ?p " + Nested(300, "[ ex:p ", "1", " ]") + " }", TestOptions()));
  ParseOptions tight = TestOptions();
  tight.max_depth = 10;
  EXPECT_EQ(ParseError("ASK { FILTER(" + Nested(10, "(", "1", ")") + ") }", tight).message(),
            "too deeply nested: more than 10 levels of brackets, braces and parentheses (the "
            "nesting limit)");
}

struct ThreadArgs {
  std::string text;
  Status status;
};

void* ParseOnThread(void* raw) {
  auto* args = static_cast<ThreadArgs*>(raw);
  args->status = Parse(args->text, TestOptions()).status();
  return nullptr;
}

TEST(ParseLimits, HugeNestingOnASmallStack) {
  ThreadArgs args;
  args.text = "SELECT * { FILTER(" + Nested(100000, "(", "1", ")") + ") " +
              Nested(100000, "{", "", "}") + " }";
  pthread_attr_t attr;
  ASSERT_EQ(pthread_attr_init(&attr), 0);
  ASSERT_EQ(pthread_attr_setstacksize(&attr, 1 << 20), 0);
  pthread_t thread;
  ASSERT_EQ(pthread_create(&thread, &attr, ParseOnThread, &args), 0);
  ASSERT_EQ(pthread_join(thread, nullptr), 0);
  pthread_attr_destroy(&attr);
  EXPECT_EQ(args.status.code(), StatusCode::kSyntaxError);
  EXPECT_NE(args.status.message().find("too deeply nested"), std::string::npos)
      << args.status.ToString();
}

TEST(ParseLimits, DefaultLimitFitsASmallStack) {
  // The deepest input the default limit admits must parse on a 1 MB stack too.
  ThreadArgs args;
  args.text = "ASK { FILTER(" + Nested(498, "(", "1", ")") + ") }";  // 500 levels in all
  pthread_attr_t attr;
  ASSERT_EQ(pthread_attr_init(&attr), 0);
  ASSERT_EQ(pthread_attr_setstacksize(&attr, 1 << 20), 0);
  pthread_t thread;
  ASSERT_EQ(pthread_create(&thread, &attr, ParseOnThread, &args), 0);
  ASSERT_EQ(pthread_join(thread, nullptr), 0);
  pthread_attr_destroy(&attr);
  EXPECT_OK(args.status);
}

}  // namespace
}  // namespace sextant::testing
