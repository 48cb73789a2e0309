// Expressions: precedence, associativity, builtins, functions, aggregates, IN, EXISTS.
#include <cctype>

#include "grammar_test_util.h"

namespace sextant::testing {
namespace {

// The expression of `FILTER(text)` as a debug string.
std::string Filter(const std::string& text) {
  const std::string full = ParseToString("ASK { FILTER(" + text + ") }");
  const std::string head = "(ask (where (group (filter ";
  if (full.rfind(head, 0) != 0) return full;
  return full.substr(head.size(), full.size() - head.size() - 4);
}

TEST(ParseExpression, Precedence) {
  EXPECT_EQ(Filter("?a || ?b && ?c = ?d + ?e * ?f"), "(|| ?a (&& ?b (= ?c (+ ?d (* ?e ?f)))))");
  EXPECT_EQ(Filter("(?a || ?b) && ?c"), "(&& (|| ?a ?b) ?c)");
  EXPECT_EQ(Filter("?a - ?b - ?c"), "(- (- ?a ?b) ?c)");
  EXPECT_EQ(Filter("?a / ?b * ?c"), "(* (/ ?a ?b) ?c)");
  EXPECT_EQ(Filter("?a || ?b || ?c"), "(|| ?a ?b ?c)");
  EXPECT_EQ(Filter("!?a && -?b < +?c"), "(&& (! ?a) (< (minus ?b) (plus ?c)))");
}

// Every row of the builtin table parses, under its name in any case, into the builtin it names,
// and prints under that name.
TEST(ParseExpression, EveryBuiltinOfTheTable) {
  for (int i = 0; i <= static_cast<int>(ast::Builtin::kRegex); ++i) {
    const ast::BuiltinSpec& spec = ast::BuiltinInfo(static_cast<ast::Builtin>(i));
    ASSERT_EQ(static_cast<int>(spec.builtin), i);
    std::string args;
    for (int a = 0; a < spec.min_args; ++a)
      args += std::string(a ? ", " : "") + "?v" + std::to_string(a);
    std::string lower = spec.name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const std::string& name : {std::string(spec.name), lower}) {
      EXPECT_EQ(Filter(name + "(" + args + ")").rfind(std::string("(") + spec.name, 0), 0U) << name;
    }
    EXPECT_EQ(ast::BuiltinNamed(lower), &spec);
  }
  EXPECT_EQ(ast::BuiltinNamed("NOSUCH"), nullptr);
}

TEST(ParseExpression, Comparisons) {
  EXPECT_EQ(Filter("?a != 1"), "(!= ?a \"1\"^^xsd:integer)");
  EXPECT_EQ(Filter("?a <= 1"), "(<= ?a \"1\"^^xsd:integer)");
  EXPECT_EQ(Filter("?a >= 1"), "(>= ?a \"1\"^^xsd:integer)");
  EXPECT_EQ(Filter("?a > 1"), "(> ?a \"1\"^^xsd:integer)");
}

TEST(ParseExpression, SignedNumbersAfterOperands) {
  // "?a +1" lexes as ?a followed by the number +1: still an addition.
  EXPECT_EQ(Filter("?a +1"), "(+ ?a \"1\"^^xsd:integer)");
  EXPECT_EQ(Filter("?a -2 * ?b"), "(- ?a (* \"2\"^^xsd:integer ?b))");
  EXPECT_EQ(Filter("?a -1.5e0"), "(- ?a \"1.5e0\"^^xsd:double)");
  EXPECT_EQ(Filter("-1 = ?a"), "(= \"-1\"^^xsd:integer ?a)");
}

TEST(ParseExpression, InAndNotIn) {
  EXPECT_EQ(Filter("?a IN (1, ?b)"), "(in ?a \"1\"^^xsd:integer ?b)");
  EXPECT_EQ(Filter("?a NOT IN ()"), "(notin ?a)");
}

TEST(ParseExpression, Builtins) {
  EXPECT_EQ(Filter("regex(str(?a), \"x\", \"i\")"), "(REGEX (STR ?a) \"x\" \"i\")");
  EXPECT_EQ(
      Filter("isIRI(?a) && isBlank(?a) && isLiteral(?a) && isNumeric(?a) && sameTerm(?a, ?b)"),
      "(&& (isIRI ?a) (isBLANK ?a) (isLITERAL ?a) (isNUMERIC ?a) (sameTerm ?a ?b))");
  EXPECT_EQ(Filter("BOUND(?x) && BNODE() && BNODE(?x) && RAND() && NOW() && UUID() && STRUUID()"),
            "(&& (BOUND ?x) (BNODE) (BNODE ?x) (RAND) (NOW) (UUID) (STRUUID))");
  EXPECT_EQ(Filter("IF(?a, COALESCE(?b, ?c), CONCAT())"), "(IF ?a (COALESCE ?b ?c) (CONCAT))");
  EXPECT_EQ(Filter("SUBSTR(?s, 1) = SUBSTR(?s, 1, 2)"),
            "(= (SUBSTR ?s \"1\"^^xsd:integer) (SUBSTR ?s \"1\"^^xsd:integer \"2\"^^xsd:integer))");
  EXPECT_EQ(Filter("REPLACE(?s, \"a\", \"b\", \"i\")"), "(REPLACE ?s \"a\" \"b\" \"i\")");
  EXPECT_EQ(
      Filter("langMatches(lang(?s), \"en\") && STRLANG(?s, \"en\") && STRDT(?s, xsd:string)"),
      "(&& (LANGMATCHES (LANG ?s) \"en\") (STRLANG ?s \"en\") (STRDT ?s <http://www.w3.org/2001/"
      "XMLSchema#string>))");
  EXPECT_EQ(Filter("ENCODE_FOR_URI(?s) && SHA256(?s) && MD5(?s) && TZ(?d) && YEAR(?d)"),
            "(&& (ENCODE_FOR_URI ?s) (SHA256 ?s) (MD5 ?s) (TZ ?d) (YEAR ?d))");
}

TEST(ParseExpression, BuiltinEnum) {
  auto parsed = Parse("ASK { FILTER(STRSTARTS(?a, \"x\")) }", TestOptions());
  ASSERT_OK(parsed);
  const ast::Expr& e = parsed->query().where->elements.at(0).expr;
  EXPECT_EQ(e.kind, ast::ExprKind::kBuiltin);
  EXPECT_EQ(e.builtin, ast::Builtin::kStrStarts);
  ASSERT_EQ(e.args.size(), 2u);
  EXPECT_EQ(e.args[0].kind, ast::ExprKind::kVariable);
  EXPECT_EQ(e.args[0].var, "a");
  EXPECT_EQ(e.args[1].term, Term::Literal("x"));
}

TEST(ParseExpression, FunctionCallsAndCasts) {
  EXPECT_EQ(
      Filter("xsd:integer(?a) = <http://f/g>(?b, 1)"),
      "(= (<http://www.w3.org/2001/XMLSchema#integer> ?a) (<http://f/g> ?b \"1\"^^xsd:integer))");
  EXPECT_EQ(Filter("ex:f()"), "(<http://e/f>)");
  EXPECT_EQ(Filter("ex:agg(DISTINCT ?x)"), "(<http://e/agg> distinct ?x)");
  // An IRI without arguments is a constant.
  EXPECT_EQ(Filter("?a = ex:c"), "(= ?a <http://e/c>)");
}

TEST(ParseExpression, ExistsHoldsAPattern) {
  EXPECT_EQ(
      Filter("EXISTS { ?s ?p ?o } || NOT EXISTS { ?s ex:p [] }"),
      "(|| (exists (group (bgp (?s ?p ?o)))) (notexists (group (bgp (?s <http://e/p> _:b0)))))");
  auto parsed = Parse("ASK { FILTER NOT EXISTS { ?s ?p ?o } }", TestOptions());
  ASSERT_OK(parsed);
  const ast::Expr& e = parsed->query().where->elements.at(0).expr;
  EXPECT_EQ(e.kind, ast::ExprKind::kNotExists);
  ASSERT_NE(e.pattern, nullptr);
  EXPECT_EQ(e.pattern->elements.size(), 1u);
}

TEST(ParseExpression, FilterWithoutParentheses) {
  EXPECT_EQ(ParseToString("ASK { FILTER isIRI(?x) FILTER ex:f(?x) }"),
            "(ask (where (group (filter (isIRI ?x)) (filter (<http://e/f> ?x)))))");
}

TEST(ParseExpression, LongChainsStayFlatOrBounded) {
  std::string ors = "?a";
  for (int i = 0; i < 2000; ++i) ors += " || ?a";
  auto parsed = Parse("ASK { FILTER(" + ors + ") }", TestOptions());
  ASSERT_OK(parsed);
  EXPECT_EQ(parsed->query().where->elements.at(0).expr.args.size(), 2001u);
  // Arithmetic is binary: a chain longer than the depth limit is rejected, not overflowed.
  std::string sum = "?a";
  for (int i = 0; i < 2000; ++i) sum += " + ?a";
  auto deep = Parse("ASK { FILTER(" + sum + ") }", TestOptions());
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.status().code(), StatusCode::kSyntaxError);
  EXPECT_NE(deep.status().message().find("too deep"), std::string::npos) << deep.status().message();
}

}  // namespace
}  // namespace sextant::testing
