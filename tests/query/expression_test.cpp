// Expression evaluation against a real store: expressions are parsed from SPARQL text
// (SELECT (expr AS ?r) {}) and evaluated with variables bound to stored or computed terms.
#include "query/expression.h"

#include <gtest/gtest.h>

#include <map>

#include "api/snapshot_impl.h"
#include "grammar/parse.h"
#include "sextant/database.h"
#include "storage/term_id.h"
#include "testutil/test_util.h"

namespace sextant::query {
namespace {

using sextant::testing::TempDir;
using storage::kNoId;

constexpr const char* kData = R"(
@prefix : <http://sextant.local/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
:a :p "hello"@en , "01"^^xsd:integer , "1.0E6"^^xsd:double , "chat" , "x"^^:custom , _:b1 .
)";

class ExpressionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(db_, Database::Open(dir_.Sub("db")));
    LoadOptions options;
    options.format = RdfFormat::kTriG;
    ASSERT_OK(db_->LoadString(kData, options));
    snapshot_ = db_->GetSnapshot();
    terms_ =
        std::make_unique<TermTable>(&static_cast<SnapshotImpl*>(snapshot_.get())->dictionary());
    ctx_.terms = terms_.get();
    ctx_.now_lexical = "2026-11-27T21:00:00Z";
  }

  // Binds ?name to `t` for the next evaluations.
  void Bind(const std::string& name, const Term& t) {
    if (!slots_.count(name)) {
      slots_[name] = static_cast<int>(row_.size());
      row_.push_back(kNoId);
    }
    row_[slots_[name]] = terms_->Intern(t);
  }

  Result<CompiledExprPtr> Compile(const std::string& expr) {
    auto stmt = Parse("SELECT (" + expr + " AS ?result) {}");
    if (!stmt.ok()) return stmt.status();
    const ast::Query& q = stmt->query();
    if (q.projection.empty() || !q.projection[0].expr) return Status::Internal("no expression");
    return CompileExpr(*q.projection[0].expr, Hooks());
  }

  CompileHooks Hooks() {
    CompileHooks hooks;
    hooks.base_iri = "http://base.example/dir/";
    hooks.slot_of = [this](const std::string& v) {
      auto it = slots_.find(v);
      return it == slots_.end() ? -1 : it->second;
    };
    return hooks;
  }

  // The result in the AST debug form ("3"^^xsd:integer, <iri>, "x"@en), or "error".
  std::string E(const std::string& expr) {
    auto compiled = Compile(expr);
    if (!compiled.ok()) return "compile error: " + compiled.status().ToString();
    const TermId id = Evaluate(**compiled, row_.data(), ctx_);
    if (id == kNoId) return "error";
    auto term = terms_->Decode(id);
    if (!term.ok()) return "decode error";
    return ast::ToString(**term);
  }

  // Effective boolean value: "true", "false" or "error".
  std::string B(const std::string& expr) {
    auto compiled = Compile(expr);
    if (!compiled.ok()) return "compile error: " + compiled.status().ToString();
    const auto b = EvaluateBool(**compiled, row_.data(), ctx_);
    return b ? (*b ? "true" : "false") : "error";
  }

  TermId Id(const Term& t) { return terms_->Intern(t); }
  static Term Int(const std::string& v) {
    return Term::TypedLiteral(v, std::string(vocab::kXsdInteger));
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<Snapshot> snapshot_;
  std::unique_ptr<TermTable> terms_;
  EvalContext ctx_;
  std::map<std::string, int> slots_;
  std::vector<TermId> row_ = {kNoId};  // never empty, so row_.data() is valid
};

TEST_F(ExpressionTest, ArithmeticPromotionAndCanonicalForms) {
  EXPECT_EQ(E("1 + 2"), "\"3\"^^xsd:integer");
  EXPECT_EQ(E("1 / 2"), "\"0.5\"^^xsd:decimal");
  EXPECT_EQ(E("4 / 2"), "\"2.0\"^^xsd:decimal");
  EXPECT_EQ(E("7 / 3"), "\"2.333333333333333333333333\"^^xsd:decimal");
  EXPECT_EQ(E("1.5 * 2"), "\"3.0\"^^xsd:decimal");
  EXPECT_EQ(E("0.1 + 0.2"), "\"0.3\"^^xsd:decimal");
  EXPECT_EQ(E("1e0 + 1"), "\"2.0E0\"^^xsd:double");
  EXPECT_EQ(E("1.5e2 - 0.5"), "\"1.495E2\"^^xsd:double");
  EXPECT_EQ(E("xsd:float(\"1.5\") + 1"), "\"2.5E0\"^^xsd:float");
  EXPECT_EQ(E("xsd:float(\"1.5\") + 1e0"), "\"2.5E0\"^^xsd:double");
  EXPECT_EQ(E("-(3)"), "\"-3\"^^xsd:integer");
  EXPECT_EQ(E("+\"a\""), "error");
  EXPECT_EQ(E("1 / 0"), "error");
  EXPECT_EQ(E("1.0 / 0"), "error");
  EXPECT_EQ(E("1e0 / 0"), "\"INF\"^^xsd:double");
  EXPECT_EQ(E("-1e0 / 0"), "\"-INF\"^^xsd:double");
  EXPECT_EQ(E("0e0 / 0"), "\"NaN\"^^xsd:double");
  EXPECT_EQ(E("1 + \"1\""), "error");
  EXPECT_EQ(E("9223372036854775807 + 1"), "error");
  // Stored non-canonical integers take part by value.
  Bind("n", Int("01"));
  EXPECT_EQ(E("?n + 1"), "\"2\"^^xsd:integer");
  EXPECT_EQ(E("?n"), "\"01\"^^xsd:integer");
  EXPECT_EQ(E("?unbound + 1"), "error");
}

TEST_F(ExpressionTest, Comparisons) {
  EXPECT_EQ(B("1 < 2"), "true");
  EXPECT_EQ(B("1 = 1.0"), "true");
  EXPECT_EQ(B("1 = 1e0"), "true");
  EXPECT_EQ(B("2 >= 2.5"), "false");
  EXPECT_EQ(B("\"a\" < 1"), "error");
  EXPECT_EQ(B("\"a\" = 1"), "false");
  EXPECT_EQ(B("\"a\" != 1"), "true");
  EXPECT_EQ(B("\"a\" < \"b\""), "true");
  EXPECT_EQ(B("\"a\" = \"a\"^^xsd:string"), "true");
  EXPECT_EQ(B("\"a\"@en = \"a\"@EN"), "true");
  EXPECT_EQ(B("\"a\"@en = \"a\""), "false");
  EXPECT_EQ(B("\"a\"@en < \"b\"@en"), "true");
  EXPECT_EQ(B("\"a\"@en < \"b\"@fr"), "error");
  EXPECT_EQ(B("\"x\"^^<http://ex/t> = \"x\"^^<http://ex/t>"), "true");
  EXPECT_EQ(B("\"x\"^^<http://ex/t> = \"y\"^^<http://ex/t>"), "error");
  EXPECT_EQ(B("\"x\"^^<http://ex/t> != \"y\"^^<http://ex/t>"), "error");
  EXPECT_EQ(B("\"x\"^^<http://ex/t> < \"y\"^^<http://ex/t>"), "error");
  EXPECT_EQ(B("true > false"), "true");
  EXPECT_EQ(B("<http://ex/a> = <http://ex/a>"), "true");
  EXPECT_EQ(B("<http://ex/a> = <http://ex/b>"), "false");
  EXPECT_EQ(B("<http://ex/a> < <http://ex/b>"), "error");
  EXPECT_EQ(
      B("\"2020-01-01T00:00:00Z\"^^xsd:dateTime < \"2020-01-01T01:00:00+02:00\"^^xsd:dateTime"),
      "false");
  EXPECT_EQ(
      B("\"2020-01-01T00:00:00Z\"^^xsd:dateTime = \"2020-01-01T02:00:00+02:00\"^^xsd:dateTime"),
      "true");
  // With and without a timezone: indeterminate within 14 hours.
  EXPECT_EQ(B("\"2020-01-01T00:00:00Z\"^^xsd:dateTime < \"2020-01-01T01:00:00\"^^xsd:dateTime"),
            "error");
  EXPECT_EQ(B("\"2020-01-01T00:00:00Z\"^^xsd:dateTime < \"2020-01-03T00:00:00\"^^xsd:dateTime"),
            "true");
  EXPECT_EQ(B("\"2020-01-01\"^^xsd:date < \"2020-01-02\"^^xsd:date"), "true");
  EXPECT_EQ(B("\"NaN\"^^xsd:double = \"NaN\"^^xsd:double"), "false");
  EXPECT_EQ(B("\"NaN\"^^xsd:double < 1"), "false");
  // Stored IRIs and blank nodes compare by id.
  Bind("a", Term::Iri("http://sextant.local/a"));
  Bind("a2", Term::Iri("http://sextant.local/a"));
  Bind("p", Term::Iri("http://sextant.local/p"));
  Bind("blank", Term::Blank("b1"));
  EXPECT_EQ(B("?a = ?a2"), "true");
  EXPECT_EQ(B("?a = <http://sextant.local/a>"), "true");
  EXPECT_EQ(B("?a != <http://sextant.local/p>"), "true");
  EXPECT_EQ(B("?a = ?p"), "false");
  EXPECT_EQ(B("?a = 1"), "false");
  EXPECT_EQ(B("?a = ?blank"), "false");
  EXPECT_EQ(B("?a = <http://ex/not-stored>"), "false");
  EXPECT_EQ(B("?a < ?a2"), "error");
  Bind("nan", Term::TypedLiteral("NaN", std::string(vocab::kXsdDouble)));
  Bind("nan2", Term::TypedLiteral("NaN", std::string(vocab::kXsdDouble)));
  EXPECT_EQ(B("?nan = ?nan2"), "false");
  EXPECT_EQ(B("?nan != ?nan2"), "true");
  // Inline integers compare straight from their ids.
  Bind("five", Int("5"));
  Bind("six", Int("6"));
  EXPECT_EQ(B("?five < ?six"), "true");
  EXPECT_EQ(B("?five >= 5"), "true");
  EXPECT_EQ(B("?five != 5"), "false");
  EXPECT_EQ(B("?six <= -6"), "false");
  EXPECT_EQ(B("?five = 5.0"), "true");
  Bind("x", Term::TypedLiteral("x", "http://sextant.local/custom"));
  Bind("y", Term::TypedLiteral("x", "http://sextant.local/custom"));
  EXPECT_EQ(B("?x = ?y"), "true");
  EXPECT_EQ(B("?x = ?unbound"), "error");
}

TEST_F(ExpressionTest, LogicalErrorTables) {
  EXPECT_EQ(B("true || (1/0)"), "true");
  EXPECT_EQ(B("(1/0) || true"), "true");
  EXPECT_EQ(B("false || (1/0)"), "error");
  EXPECT_EQ(B("false && (1/0)"), "false");
  EXPECT_EQ(B("(1/0) && false"), "false");
  EXPECT_EQ(B("true && (1/0)"), "error");
  EXPECT_EQ(B("false || false || true"), "true");
  EXPECT_EQ(B("!(1/0)"), "error");
  EXPECT_EQ(B("!\"\""), "true");
  EXPECT_EQ(E("true && true"), "\"true\"^^xsd:boolean");
}

TEST_F(ExpressionTest, EffectiveBooleanValue) {
  EXPECT_EQ(B("\"abc\""), "true");
  EXPECT_EQ(B("\"\""), "false");
  EXPECT_EQ(B("0"), "false");
  EXPECT_EQ(B("0.0"), "false");
  EXPECT_EQ(B("3"), "true");
  EXPECT_EQ(B("\"NaN\"^^xsd:double"), "false");
  // SPARQL 1.2: an ill-typed number or boolean, or a language-tagged string, has none.
  EXPECT_EQ(B("\"abc\"^^xsd:integer"), "error");
  EXPECT_EQ(B("\"z\"^^xsd:boolean"), "error");
  EXPECT_EQ(B("\"a\"@en"), "error");
  EXPECT_EQ(B("\"x\"^^<http://ex/t>"), "error");
  EXPECT_EQ(B("<http://ex/a>"), "error");
  EXPECT_EQ(B("?unbound"), "error");
}

TEST_F(ExpressionTest, InAndNotIn) {
  EXPECT_EQ(B("1 IN (2, 1)"), "true");
  EXPECT_EQ(B("1 IN (2, 3)"), "false");
  EXPECT_EQ(B("1 IN (1/0, 1)"), "true");
  EXPECT_EQ(B("1 IN (1/0, 2)"), "error");
  EXPECT_EQ(B("1 NOT IN ()"), "true");
  EXPECT_EQ(B("1 NOT IN (1.0)"), "false");
  EXPECT_EQ(B("(1/0) IN ()"), "false");
  EXPECT_EQ(B("(1/0) NOT IN (1)"), "error");
}

TEST_F(ExpressionTest, TermFunctions) {
  Bind("lit", Term::LangLiteral("hello", "en"));
  Bind("iri", Term::Iri("http://sextant.local/a"));
  Bind("b", Term::Blank("b1"));
  EXPECT_EQ(E("STR(?iri)"), "\"http://sextant.local/a\"");
  EXPECT_EQ(E("STR(?lit)"), "\"hello\"");
  EXPECT_EQ(E("STR(?b)"), "error");
  EXPECT_EQ(E("STR(1.50)"), "\"1.50\"");
  EXPECT_EQ(E("LANG(?lit)"), "\"en\"");
  EXPECT_EQ(E("LANG(\"x\")"), "\"\"");
  EXPECT_EQ(E("LANG(?iri)"), "error");
  EXPECT_EQ(B("LANGMATCHES(\"en-US\", \"en\")"), "true");
  EXPECT_EQ(B("LANGMATCHES(\"en\", \"EN\")"), "true");
  EXPECT_EQ(B("LANGMATCHES(\"english\", \"en\")"), "false");
  EXPECT_EQ(B("LANGMATCHES(\"fr\", \"*\")"), "true");
  EXPECT_EQ(B("LANGMATCHES(\"\", \"*\")"), "false");
  EXPECT_EQ(E("DATATYPE(?lit)"), "<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString>");
  EXPECT_EQ(E("DATATYPE(\"x\")"), "<http://www.w3.org/2001/XMLSchema#string>");
  EXPECT_EQ(E("DATATYPE(1)"), "<http://www.w3.org/2001/XMLSchema#integer>");
  EXPECT_EQ(E("DATATYPE(\"5\"^^xsd:byte)"), "<http://www.w3.org/2001/XMLSchema#byte>");
  EXPECT_EQ(E("DATATYPE(?iri)"), "error");
  EXPECT_EQ(B("BOUND(?iri)"), "true");
  EXPECT_EQ(B("BOUND(?nothing)"), "false");
  EXPECT_EQ(E("IRI(\"http://ex/x\")"), "<http://ex/x>");
  EXPECT_EQ(E("URI(?iri)"), "<http://sextant.local/a>");
  EXPECT_EQ(E("IRI(1)"), "error");
  EXPECT_EQ(E("IRI(\"rel\")"), "<http://base.example/dir/rel>");  // resolved against BASE
  EXPECT_EQ(E("URI(\"../up\")"), "<http://base.example/up>");
  EXPECT_EQ(B("isIRI(?iri)"), "true");
  EXPECT_EQ(B("isURI(?lit)"), "false");
  EXPECT_EQ(B("isBLANK(?b)"), "true");
  EXPECT_EQ(B("isLITERAL(?lit)"), "true");
  EXPECT_EQ(B("isLITERAL(?iri)"), "false");
  EXPECT_EQ(B("isNUMERIC(1.5)"), "true");
  EXPECT_EQ(B("isNUMERIC(\"1\")"), "false");
  EXPECT_EQ(B("isNUMERIC(\"abc\"^^xsd:integer)"), "false");
  EXPECT_EQ(B("isNUMERIC(\"-1\"^^xsd:nonNegativeInteger)"), "false");
  EXPECT_EQ(B("isNUMERIC(\"300\"^^xsd:byte)"), "false");
  EXPECT_EQ(B("isNUMERIC(\"-128\"^^xsd:byte)"), "true");
  EXPECT_EQ(B("isNUMERIC(?unbound)"), "error");
  EXPECT_EQ(E("STRLANG(\"chat\", \"fr\")"), "\"chat\"@fr");
  EXPECT_EQ(E("STRLANG(?lit, \"fr\")"), "error");
  EXPECT_EQ(E("STRDT(\"5\", xsd:integer)"), "\"5\"^^xsd:integer");
  EXPECT_EQ(E("STRDT(\"5\", <http://ex/t>)"), "\"5\"^^<http://ex/t>");
  EXPECT_EQ(E("STRDT(?lit, xsd:string)"), "error");
  EXPECT_EQ(B("sameTerm(1, 1)"), "true");
  EXPECT_EQ(B("sameTerm(1, 1.0)"), "false");
  EXPECT_EQ(B("sameTerm(?iri, <http://sextant.local/a>)"), "true");
  EXPECT_EQ(E("COALESCE(?nothing, 1/0, 2)"), "\"2\"^^xsd:integer");
  EXPECT_EQ(E("COALESCE(?nothing)"), "error");
  EXPECT_EQ(E("IF(1 < 2, \"yes\", 1/0)"), "\"yes\"");
  EXPECT_EQ(E("IF(1/0, 1, 2)"), "error");
}

// SPARQL 1.2 base direction: the literal form, its accessors, and the functions that keep or
// compare it.
TEST_F(ExpressionTest, BaseDirectionFunctions) {
  Bind("ltr", Term::LangLiteral("abc", "en", Direction::kLtr));
  Bind("en", Term::LangLiteral("abc", "en"));
  Bind("lit", Term::Literal("abc"));
  Bind("iri", Term::Iri("http://ex/x"));
  EXPECT_EQ(E("\"abc\"@EN--rtl"), "\"abc\"@en--rtl");
  EXPECT_EQ(E("LANGDIR(?ltr)"), "\"ltr\"");
  EXPECT_EQ(E("LANGDIR(?en)"), "\"\"");
  EXPECT_EQ(E("LANGDIR(?lit)"), "\"\"");
  EXPECT_EQ(E("LANGDIR(?iri)"), "error");
  EXPECT_EQ(E("LANG(?ltr)"), "\"en\"");
  EXPECT_EQ(E("DATATYPE(?ltr)"), "<http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString>");
  EXPECT_EQ(B("hasLANG(?ltr)"), "true");
  EXPECT_EQ(B("hasLANG(?lit)"), "false");
  EXPECT_EQ(B("hasLANG(?iri)"), "false");
  EXPECT_EQ(B("hasLANG(?unbound)"), "error");
  EXPECT_EQ(B("hasLANGDIR(?ltr)"), "true");
  EXPECT_EQ(B("hasLANGDIR(?en)"), "false");
  EXPECT_EQ(E("STRLANGDIR(\"abc\", \"ar\", \"rtl\")"), "\"abc\"@ar--rtl");
  EXPECT_EQ(E("STRLANGDIR(\"abc\", \"ar\", \"up\")"), "error");
  EXPECT_EQ(E("STRLANGDIR(?en, \"ar\", \"rtl\")"), "error");
  EXPECT_EQ(E("CONCAT(?ltr, ?ltr)"), "\"abcabc\"@en--ltr");
  EXPECT_EQ(E("CONCAT(?ltr, ?en)"), "\"abcabc\"");
  EXPECT_EQ(E("UCASE(?ltr)"), "\"ABC\"@en--ltr");
  EXPECT_EQ(B("?ltr = ?en"), "false");
  EXPECT_EQ(B("?ltr = \"abc\"@en--ltr"), "true");
  EXPECT_EQ(B("sameTerm(?ltr, STRLANGDIR(\"abc\", \"en\", \"ltr\"))"), "true");
  EXPECT_EQ(B("CONTAINS(?ltr, ?en)"), "error");  // incompatible arguments
}

TEST_F(ExpressionTest, BnodeUuidRandNow) {
  ctx_.row_counter = 1;
  const std::string a = E("BNODE(\"x\")");
  EXPECT_EQ(a, E("BNODE(\"x\")"));  // same string, same solution: same node
  EXPECT_NE(a, E("BNODE(\"y\")"));
  EXPECT_EQ(a.rfind("_:", 0), 0u) << a;
  ctx_.row_counter = 2;
  EXPECT_NE(a, E("BNODE(\"x\")"));
  EXPECT_NE(E("BNODE()"), E("BNODE()"));
  EXPECT_EQ(B("isBLANK(BNODE())"), "true");
  const std::string uuid = E("UUID()");
  EXPECT_EQ(uuid.size(), std::string("<urn:uuid:01234567-89ab-4def-8123-456789abcdef>").size())
      << uuid;
  EXPECT_EQ(uuid.substr(0, 10), "<urn:uuid:");
  EXPECT_EQ(uuid[24], '4') << uuid;  // version nibble
  EXPECT_NE(E("STRUUID()"), E("STRUUID()"));
  EXPECT_EQ(B("STRLEN(STRUUID()) = 36"), "true");
  EXPECT_EQ(B("RAND() >= 0 && RAND() < 1"), "true");
  EXPECT_EQ(E("DATATYPE(RAND())"), "<http://www.w3.org/2001/XMLSchema#double>");
  EXPECT_EQ(E("NOW()"), "\"2026-11-27T21:00:00Z\"^^xsd:dateTime");
}

TEST_F(ExpressionTest, NumericFunctions) {
  EXPECT_EQ(E("ABS(-3)"), "\"3\"^^xsd:integer");
  EXPECT_EQ(E("ABS(-1.5)"), "\"1.5\"^^xsd:decimal");
  EXPECT_EQ(E("ABS(\"a\")"), "error");
  EXPECT_EQ(E("CEIL(1.2)"), "\"2.0\"^^xsd:decimal");
  EXPECT_EQ(E("CEIL(-1.2)"), "\"-1.0\"^^xsd:decimal");
  EXPECT_EQ(E("FLOOR(-1.2)"), "\"-2.0\"^^xsd:decimal");
  EXPECT_EQ(E("FLOOR(5)"), "\"5\"^^xsd:integer");
  EXPECT_EQ(E("ROUND(2.5)"), "\"3.0\"^^xsd:decimal");
  EXPECT_EQ(E("ROUND(-2.5)"), "\"-2.0\"^^xsd:decimal");
  EXPECT_EQ(E("ROUND(-2.6)"), "\"-3.0\"^^xsd:decimal");
  EXPECT_EQ(E("ROUND(2.4e0)"), "\"2.0E0\"^^xsd:double");
  // Products with more fraction digits than 10^n fits in 128 bits.
  const std::string tiny = "0.000000000000000000000001";
  EXPECT_EQ(E("FLOOR(-" + tiny + " * " + tiny + ")"), "\"-1.0\"^^xsd:decimal");
  EXPECT_EQ(E("CEIL(" + tiny + " * " + tiny + ")"), "\"1.0\"^^xsd:decimal");
  EXPECT_EQ(E("FLOOR(" + tiny + " * " + tiny + ")"), "\"0.0\"^^xsd:decimal");
}

TEST_F(ExpressionTest, StringFunctions) {
  Bind("fr", Term::LangLiteral("chat", "fr"));
  EXPECT_EQ(E("STRLEN(\"chat\")"), "\"4\"^^xsd:integer");
  EXPECT_EQ(E("STRLEN(\"\xC3\xA9t\xC3\xA9\")"), "\"3\"^^xsd:integer");  // code points, not bytes
  EXPECT_EQ(E("STRLEN(1)"), "error");
  EXPECT_EQ(E("SUBSTR(\"foobar\", 4)"), "\"bar\"");
  EXPECT_EQ(E("SUBSTR(\"foobar\", 4, 1)"), "\"b\"");
  EXPECT_EQ(E("SUBSTR(\"\xC3\xA9t\xC3\xA9\", 2, 2)"), "\"t\xC3\xA9\"");
  EXPECT_EQ(E("SUBSTR(?fr, 2)"), "\"hat\"@fr");
  EXPECT_EQ(E("SUBSTR(\"abc\", 0, 2)"), "\"a\"");
  EXPECT_EQ(E("SUBSTR(\"abc\", \"1\")"), "error");
  EXPECT_EQ(E("UCASE(?fr)"), "\"CHAT\"@fr");
  EXPECT_EQ(E("UCASE(\"\xC3\xA9t\xC3\xA9\")"), "\"\xC3\x89T\xC3\x89\"");
  EXPECT_EQ(E("LCASE(\"ABC\")"), "\"abc\"");
  EXPECT_EQ(E("CONCAT(\"a\", \"b\")"), "\"ab\"");
  EXPECT_EQ(E("CONCAT(\"a\"@en, \"b\"@en)"), "\"ab\"@en");
  EXPECT_EQ(E("CONCAT(\"a\"@en, \"b\")"), "\"ab\"");
  EXPECT_EQ(E("CONCAT()"), "\"\"");
  EXPECT_EQ(E("CONCAT(\"a\", 1)"), "error");
  EXPECT_EQ(E("ENCODE_FOR_URI(\"Los Angeles/\xC3\xA9~\")"), "\"Los%20Angeles%2F%C3%A9~\"");
  EXPECT_EQ(B("CONTAINS(\"foobar\", \"bar\")"), "true");
  EXPECT_EQ(B("CONTAINS(?fr, \"ha\")"), "true");
  EXPECT_EQ(B("CONTAINS(?fr, \"ha\"@en)"), "error");
  EXPECT_EQ(B("CONTAINS(\"abc\", \"b\"@en)"), "error");
  EXPECT_EQ(B("STRSTARTS(\"foobar\", \"foo\")"), "true");
  EXPECT_EQ(B("STRENDS(\"foobar\", \"foo\")"), "false");
  EXPECT_EQ(E("STRBEFORE(\"abc\", \"b\")"), "\"a\"");
  EXPECT_EQ(E("STRBEFORE(\"abc\"@en, \"bc\")"), "\"a\"@en");
  EXPECT_EQ(E("STRBEFORE(\"abc\"@en, \"b\"@cy)"), "error");
  EXPECT_EQ(E("STRBEFORE(\"abc\", \"xyz\")"), "\"\"");
  EXPECT_EQ(E("STRBEFORE(\"abc\"@en, \"\")"), "\"\"@en");
  EXPECT_EQ(E("STRAFTER(\"abc\", \"b\")"), "\"c\"");
  EXPECT_EQ(E("STRAFTER(\"abc\"@en, \"z\"@en)"), "\"\"");
  EXPECT_EQ(E("STRAFTER(\"abc\"@en, \"\"@en)"), "\"abc\"@en");
}

TEST_F(ExpressionTest, RegexAndReplace) {
  EXPECT_EQ(B("REGEX(\"Alice\", \"^ali\")"), "false");
  EXPECT_EQ(B("REGEX(\"Alice\", \"^ali\", \"i\")"), "true");
  EXPECT_EQ(B("REGEX(\"a\\nb\", \"a.b\")"), "false");
  EXPECT_EQ(B("REGEX(\"a\\nb\", \"a.b\", \"s\")"), "true");
  EXPECT_EQ(B("REGEX(\"a\\nb\", \"^b$\")"), "false");
  EXPECT_EQ(B("REGEX(\"a\\nb\", \"^b$\", \"m\")"), "true");
  EXPECT_EQ(B("REGEX(\"abc\", \"a b c\", \"x\")"), "true");
  EXPECT_EQ(B("REGEX(\"a.c\", \".\", \"q\")"), "true");
  EXPECT_EQ(B("REGEX(\"\xC3\xA9t\xC3\xA9\", \"^.t.$\")"),
            "true");  // '.' is a character, not a byte
  EXPECT_EQ(E("REPLACE(\"\xC3\xA9t\xC3\xA9\", \"t.\", \"[$0]\")"), "\"\xC3\xA9[t\xC3\xA9]\"");
  EXPECT_EQ(B("REGEX(\"abc\", \"(\")"), "error");
  EXPECT_EQ(B("REGEX(\"abc\", \"a\", \"z\")"), "error");
  EXPECT_EQ(B("REGEX(1, \"1\")"), "error");
  Bind("pattern", Term::Literal("^b"));
  const size_t cached = ctx_.regex_cache.size();
  EXPECT_EQ(B("REGEX(\"bcd\", ?pattern)"), "true");   // a pattern known only at run time
  EXPECT_EQ(B("REGEX(\"abc\", ?pattern)"), "false");  // the cached compilation is reused
  EXPECT_EQ(ctx_.regex_cache.size(), cached + 1);
  Bind("bad", Term::Literal("("));
  EXPECT_EQ(B("REGEX(\"abc\", ?bad)"), "error");
  EXPECT_EQ(B("REGEX(\"abc\", ?bad)"), "error");
  EXPECT_EQ(E("REPLACE(\"abcd\", \"b\", \"Z\")"), "\"aZcd\"");
  EXPECT_EQ(E("REPLACE(\"abab\", \"B\", \"Z\", \"i\")"), "\"aZaZ\"");
  EXPECT_EQ(E("REPLACE(\"abcd\"@en, \"(b)(c)\", \"$2$1\")"), "\"acbd\"@en");
  EXPECT_EQ(E("REPLACE(\"a$b\", \"\\\\$\", \"\\\\$\\\\$\")"), "\"a$$b\"");
  EXPECT_EQ(E("REPLACE(\"abc\", \"x*\", \"-\")"), "error");  // matches the empty string
  EXPECT_EQ(E("REPLACE(\"abc\", \"b\", \"$\")"), "error");
}

TEST_F(ExpressionTest, DateTimeFunctions) {
  const std::string dt = "\"2011-01-10T14:45:13.815-05:00\"^^xsd:dateTime";
  EXPECT_EQ(E("YEAR(" + dt + ")"), "\"2011\"^^xsd:integer");
  EXPECT_EQ(E("MONTH(" + dt + ")"), "\"1\"^^xsd:integer");
  EXPECT_EQ(E("DAY(" + dt + ")"), "\"10\"^^xsd:integer");
  EXPECT_EQ(E("HOURS(" + dt + ")"), "\"14\"^^xsd:integer");
  EXPECT_EQ(E("MINUTES(" + dt + ")"), "\"45\"^^xsd:integer");
  EXPECT_EQ(E("SECONDS(" + dt + ")"), "\"13.815\"^^xsd:decimal");
  EXPECT_EQ(E("TIMEZONE(" + dt + ")"), "\"-PT5H\"^^xsd:dayTimeDuration");
  EXPECT_EQ(E("TZ(" + dt + ")"), "\"-05:00\"");
  // Inline (canonical) dateTimes take the no-dictionary path.
  EXPECT_EQ(E("SECONDS(\"2011-01-10T14:45:13Z\"^^xsd:dateTime)"), "\"13.0\"^^xsd:decimal");
  EXPECT_EQ(E("TIMEZONE(\"2011-01-10T14:45:13Z\"^^xsd:dateTime)"), "\"PT0S\"^^xsd:dayTimeDuration");
  EXPECT_EQ(E("TZ(\"2011-01-10T14:45:13Z\"^^xsd:dateTime)"), "\"Z\"");
  EXPECT_EQ(E("TIMEZONE(\"2011-01-10T14:45:13\"^^xsd:dateTime)"), "error");
  EXPECT_EQ(E("TZ(\"2011-01-10T14:45:13\"^^xsd:dateTime)"), "\"\"");
  EXPECT_EQ(E("TIMEZONE(\"2011-01-10T14:45:13+05:30\"^^xsd:dateTime)"),
            "\"PT5H30M\"^^xsd:dayTimeDuration");
  EXPECT_EQ(E("YEAR(\"2011-01-10\"^^xsd:date)"), "\"2011\"^^xsd:integer");
  EXPECT_EQ(E("HOURS(\"2011-01-10\"^^xsd:date)"), "error");
  EXPECT_EQ(E("YEAR(\"2011\")"), "error");
}

TEST_F(ExpressionTest, HashFunctions) {
  EXPECT_EQ(E("MD5(\"abc\")"), "\"900150983cd24fb0d6963f7d28e17f72\"");
  EXPECT_EQ(E("SHA1(\"abc\")"), "\"a9993e364706816aba3e25717850c26c9cd0d89d\"");
  EXPECT_EQ(E("SHA256(\"abc\")"),
            "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"");
  EXPECT_EQ(E("SHA384(\"abc\")"),
            "\"cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358ba"
            "eca134c825a7\"");
  EXPECT_EQ(E("SHA512(\"abc\")"),
            "\"ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba"
            "3c23a3feebbd"
            "454d4423643ce80e2a9ac94fa54ca49f\"");
  // Multi-block input (the padding crosses a block boundary).
  EXPECT_EQ(E("MD5(\"" + std::string(60, 'a') + "\")"), "\"cc7ed669cf88f201c3297c6a91e1d18d\"");
  EXPECT_EQ(E("SHA256(\"" + std::string(120, 'a') + "\")"),
            "\"2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c\"");
  EXPECT_EQ(E("MD5(\"abc\"@en)"), "error");
  EXPECT_EQ(E("MD5(1)"), "error");
}

TEST_F(ExpressionTest, Casts) {
  EXPECT_EQ(E("xsd:integer(\"42\")"), "\"42\"^^xsd:integer");
  EXPECT_EQ(E("xsd:integer(\" 042 \")"), "\"42\"^^xsd:integer");
  EXPECT_EQ(E("xsd:integer(\"4.2\")"), "error");
  EXPECT_EQ(E("xsd:integer(4.7)"), "\"4\"^^xsd:integer");
  EXPECT_EQ(E("xsd:integer(-4.7e0)"), "\"-4\"^^xsd:integer");
  EXPECT_EQ(E("xsd:integer(true)"), "\"1\"^^xsd:integer");
  EXPECT_EQ(E("xsd:integer(<http://ex/a>)"), "error");
  EXPECT_EQ(E("xsd:decimal(\"1.50\")"), "\"1.5\"^^xsd:decimal");
  EXPECT_EQ(E("xsd:decimal(\"1e3\")"), "error");
  EXPECT_EQ(E("xsd:decimal(2)"), "\"2.0\"^^xsd:decimal");
  EXPECT_EQ(E("xsd:decimal(1.25e0)"), "\"1.25\"^^xsd:decimal");
  EXPECT_EQ(E("xsd:double(\"1e3\")"), "\"1.0E3\"^^xsd:double");
  EXPECT_EQ(E("xsd:double(3)"), "\"3.0E0\"^^xsd:double");
  EXPECT_EQ(E("xsd:double(\"INF\")"), "\"INF\"^^xsd:double");
  EXPECT_EQ(E("xsd:double(\"abc\")"), "error");
  EXPECT_EQ(E("xsd:float(0.1)"), "\"1.0E-1\"^^xsd:float");
  EXPECT_EQ(E("xsd:boolean(\"1\")"), "\"true\"^^xsd:boolean");
  EXPECT_EQ(E("xsd:boolean(0.0)"), "\"false\"^^xsd:boolean");
  EXPECT_EQ(E("xsd:boolean(\"yes\")"), "error");
  EXPECT_EQ(E("xsd:string(1.50)"), "\"1.5\"");  // the canonical form of the value
  EXPECT_EQ(E("xsd:string(1.0)"), "\"1\"");
  EXPECT_EQ(E("xsd:string(\"01\"^^xsd:integer)"), "\"1\"");
  EXPECT_EQ(E("xsd:string(1E0)"), "\"1\"");
  EXPECT_EQ(E("xsd:string(1.25e7)"), "\"1.25E7\"");
  EXPECT_EQ(E("xsd:string(\"0\"^^xsd:boolean)"), "\"false\"");
  EXPECT_EQ(E("xsd:string(\"x\"^^<http://ex/t>)"), "\"x\"");
  EXPECT_EQ(E("xsd:string(\"x\"@en)"), "error");
  EXPECT_EQ(E("xsd:string(<http://ex/a>)"), "\"http://ex/a\"");
  EXPECT_EQ(E("xsd:dateTime(\"2011-01-10T14:45:13Z\")"), "\"2011-01-10T14:45:13Z\"^^xsd:dateTime");
  EXPECT_EQ(E("xsd:dateTime(\"2011-13-10T14:45:13Z\")"), "error");
  EXPECT_EQ(E("xsd:date(\"2011-01-10T14:45:13Z\"^^xsd:dateTime)"), "\"2011-01-10Z\"^^xsd:date");
  EXPECT_EQ(E("xsd:date(\"2011-02-30\")"), "error");
  auto bad = Compile("<http://ex/nofunction>(1)");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("unknown function <http://ex/nofunction>"),
            std::string::npos)
      << bad.status().ToString();
}

TEST_F(ExpressionTest, StoredTermsDecodeThroughTheDictionary) {
  const Term hello = Term::LangLiteral("hello", "en");
  ASSERT_OK_AND_ASSIGN(TermId stored, terms_->LookupStored(hello));
  ASSERT_NE(stored, kNoId);
  Bind("h", hello);
  EXPECT_EQ(row_[slots_["h"]], stored);
  EXPECT_EQ(E("UCASE(?h)"), "\"HELLO\"@en");
  Bind("d", Term::TypedLiteral("1.0E6", std::string(vocab::kXsdDouble)));
  EXPECT_EQ(E("?d + 1"), "\"1.000001E6\"^^xsd:double");
  // A computed value equal to a stored term gets the stored id.
  auto c = Compile("STRLANG(\"hello\", \"en\")");
  ASSERT_OK(c);
  EXPECT_EQ(Evaluate(**c, row_.data(), ctx_), stored);
}

TEST_F(ExpressionTest, ConstantsInternedPerContext) {
  auto c = Compile("<http://ex/not-stored>");
  ASSERT_OK(c);
  const TermId first = Evaluate(**c, row_.data(), ctx_);
  EXPECT_EQ(Evaluate(**c, row_.data(), ctx_), first);
  // A second run of the same compiled expression with its own table and context.
  TermTable other(&static_cast<SnapshotImpl*>(snapshot_.get())->dictionary());
  other.Intern(Term::Iri("http://ex/something-else"));  // shifts the local ids
  EvalContext ctx2;
  ctx2.terms = &other;
  const TermId second = Evaluate(**c, row_.data(), ctx2);
  ASSERT_NE(second, kNoId);
  ASSERT_OK_AND_ASSIGN(const Term* t, other.Decode(second));
  EXPECT_EQ(*t, Term::Iri("http://ex/not-stored"));
}

TEST_F(ExpressionTest, HooksForExistsAndAggregates) {
  // EXISTS without a hook is a compile error; with one, the callback decides.
  EXPECT_FALSE(Compile("EXISTS { ?s ?p ?o }").ok());
  auto stmt = Parse("SELECT (EXISTS { ?s ?p ?o } AS ?r) (NOT EXISTS { ?s ?p 1 } AS ?q) {}");
  ASSERT_OK(stmt);
  CompileHooks hooks = Hooks();
  int registered = 0;
  hooks.register_exists = [&](const ast::GroupPattern&) -> Result<int> { return registered++; };
  ASSERT_OK_AND_ASSIGN(auto ex, CompileExpr(*stmt->query().projection[0].expr, hooks));
  ASSERT_OK_AND_ASSIGN(auto not_ex, CompileExpr(*stmt->query().projection[1].expr, hooks));
  EXPECT_EQ(registered, 2);
  ctx_.exists = [](int index, const TermId*) { return index == 0; };
  EXPECT_EQ(EvaluateBool(*ex, row_.data(), ctx_), std::optional<bool>(true));
  EXPECT_EQ(EvaluateBool(*not_ex, row_.data(), ctx_), std::optional<bool>(true));

  // Aggregates read the slot the grouping operator filled.
  ast::Expr sum = ast::Expr::Op(ast::ExprKind::kAggregate, {ast::Expr::Var("x")});
  sum.aggregate = ast::Aggregate::kSum;
  ast::Expr plus = ast::Expr::Op(ast::ExprKind::kAdd, {sum, ast::Expr::Constant(Int("1"))});
  EXPECT_FALSE(CompileExpr(plus, Hooks()).ok());
  hooks.aggregate_slot = [](const ast::Expr& e) -> Result<int> {
    if (e.kind != ast::ExprKind::kAggregate) return Status::Internal("not an aggregate");
    return 0;
  };
  ASSERT_OK_AND_ASSIGN(auto compiled, CompileExpr(plus, hooks));
  std::vector<TermId> row = {Id(Int("41"))};
  EXPECT_EQ(Evaluate(*compiled, row.data(), ctx_), Id(Int("42")));
}

TEST_F(ExpressionTest, ExprVariablesInFirstUseOrder) {
  auto stmt = Parse("SELECT ((?b + ?a) * ?b + STRLEN(?c) AS ?r) {}");
  ASSERT_OK(stmt);
  EXPECT_EQ(ExprVariables(*stmt->query().projection[0].expr),
            (std::vector<std::string>{"b", "a", "c"}));
}

TEST_F(ExpressionTest, OrderByComparator) {
  const TermId blank = Id(Term::Blank("b1"));
  const TermId iri_a = Id(Term::Iri("http://ex/a"));
  const TermId iri_b = Id(Term::Iri("http://ex/b"));
  const TermId two = Id(Int("2"));
  const TermId ten = Id(Int("10"));
  const TermId dec = Id(Term::TypedLiteral("2.5", std::string(vocab::kXsdDecimal)));
  const TermId str_a = Id(Term::Literal("a"));
  const TermId str_b = Id(Term::Literal("b"));
  const TermId custom = Id(Term::TypedLiteral("x", "http://sextant.local/custom"));
  const std::vector<TermId> ascending = {kNoId, blank, iri_a, iri_b, two,
                                         dec,   ten,   str_a, str_b, custom};
  for (size_t i = 0; i < ascending.size(); ++i) {
    EXPECT_EQ(CompareForOrderBy(ascending[i], ascending[i], ctx_), 0);
    for (size_t j = i + 1; j < ascending.size(); ++j) {
      EXPECT_LT(CompareForOrderBy(ascending[i], ascending[j], ctx_), 0) << i << " " << j;
      EXPECT_GT(CompareForOrderBy(ascending[j], ascending[i], ctx_), 0) << j << " " << i;
    }
  }
  // Equal values with different spellings still get a fixed order.
  const TermId one = Id(Int("1"));
  const TermId one_stored = Id(Int("01"));
  EXPECT_NE(CompareForOrderBy(one, one_stored, ctx_), 0);
  EXPECT_EQ(CompareForOrderBy(one, one_stored, ctx_), -CompareForOrderBy(one_stored, one, ctx_));
}

// ---------------------------------------------------------------------------- aggregates

class AccumulatorTest : public ExpressionTest {
 protected:
  std::string Run(ast::Aggregate kind, const std::vector<TermId>& values, bool distinct = false,
                  std::optional<std::string> separator = std::nullopt, bool star = false) {
    ast::Expr e = ast::Expr::Op(ast::ExprKind::kAggregate, {});
    if (!star) e.args.push_back(ast::Expr::Var("x"));
    e.aggregate = kind;
    e.distinct = distinct;
    e.separator = separator;
    auto acc = MakeAccumulator(e, ctx_);
    for (TermId v : values) acc->Add(v);
    const TermId id = acc->Finish();
    if (id == kNoId) return "unbound";
    auto t = terms_->Decode(id);
    return t.ok() ? ast::ToString(**t) : "decode error";
  }
  TermId Lit(const std::string& s) { return Id(Term::Literal(s)); }
  TermId Num(const std::string& s) { return Id(Int(s)); }
  TermId Dec(const std::string& s) {
    return Id(Term::TypedLiteral(s, std::string(vocab::kXsdDecimal)));
  }
};

TEST_F(AccumulatorTest, Count) {
  using ast::Aggregate;
  EXPECT_EQ(Run(Aggregate::kCount, {}), "\"0\"^^xsd:integer");
  EXPECT_EQ(Run(Aggregate::kCount, {Num("1"), kNoId, Num("1"), Lit("a")}), "\"3\"^^xsd:integer");
  EXPECT_EQ(Run(Aggregate::kCount, {Num("1"), kNoId, Num("1"), Lit("a")}, true),
            "\"2\"^^xsd:integer");
  EXPECT_EQ(Run(Aggregate::kCount, {Num("1"), Num("1")}, false, std::nullopt, true),
            "\"2\"^^xsd:integer");
  // COUNT(DISTINCT *) sees whole rows.
  ast::Expr e = ast::Expr::Op(ast::ExprKind::kAggregate, {});
  e.distinct = true;
  auto acc = MakeAccumulator(e, ctx_);
  const TermId r1[] = {Num("1"), Num("2")}, r2[] = {Num("1"), Num("3")};
  acc->AddRow(r1, 2);
  acc->AddRow(r2, 2);
  acc->AddRow(r1, 2);
  EXPECT_EQ(acc->Finish(), Num("2"));
}

TEST_F(AccumulatorTest, SumAndAvg) {
  using ast::Aggregate;
  EXPECT_EQ(Run(Aggregate::kSum, {}), "\"0\"^^xsd:integer");
  EXPECT_EQ(Run(Aggregate::kAvg, {}), "\"0\"^^xsd:integer");
  EXPECT_EQ(Run(Aggregate::kSum, {Num("1"), Num("2"), kNoId}), "\"3\"^^xsd:integer");
  EXPECT_EQ(Run(Aggregate::kSum, {Num("1"), Dec("0.5")}), "\"1.5\"^^xsd:decimal");
  EXPECT_EQ(Run(Aggregate::kSum, {Num("1"), Num("1")}, true), "\"1\"^^xsd:integer");
  EXPECT_EQ(Run(Aggregate::kSum, {Num("1"), Lit("a")}), "unbound");
  EXPECT_EQ(Run(Aggregate::kAvg, {Num("1"), Num("2")}), "\"1.5\"^^xsd:decimal");
  EXPECT_EQ(Run(Aggregate::kAvg, {Num("2"), Num("2"), Num("5")}, true), "\"3.5\"^^xsd:decimal");
  EXPECT_EQ(Run(Aggregate::kAvg, {Num("1"), Lit("a")}), "unbound");
}

TEST_F(AccumulatorTest, MinMaxSample) {
  using ast::Aggregate;
  EXPECT_EQ(Run(Aggregate::kMin, {}), "unbound");
  EXPECT_EQ(Run(Aggregate::kMax, {}), "unbound");
  EXPECT_EQ(Run(Aggregate::kSample, {}), "unbound");
  EXPECT_EQ(Run(Aggregate::kMin, {Num("3"), Dec("2.5"), kNoId, Num("10")}), "\"2.5\"^^xsd:decimal");
  EXPECT_EQ(Run(Aggregate::kMax, {Num("3"), Dec("2.5"), Num("10")}), "\"10\"^^xsd:integer");
  // Across types the ORDER BY order applies: IRIs < numbers < strings.
  EXPECT_EQ(Run(Aggregate::kMax, {Num("3"), Lit("a"), Id(Term::Iri("http://ex/a"))}), "\"a\"");
  EXPECT_EQ(Run(Aggregate::kMin, {Num("3"), Lit("a"), Id(Term::Iri("http://ex/a"))}),
            "<http://ex/a>");
  EXPECT_EQ(Run(Aggregate::kSample, {kNoId, Num("7"), Num("8")}), "\"7\"^^xsd:integer");
}

TEST_F(AccumulatorTest, GroupConcat) {
  using ast::Aggregate;
  EXPECT_EQ(Run(Aggregate::kGroupConcat, {}), "\"\"");
  EXPECT_EQ(Run(Aggregate::kGroupConcat, {Lit("a"), Num("1"), Lit("a")}), "\"a 1 a\"");
  EXPECT_EQ(Run(Aggregate::kGroupConcat, {Lit("a"), Lit("b"), Lit("a")}, true, ", "), "\"a, b\"");
  EXPECT_EQ(Run(Aggregate::kGroupConcat,
                {Id(Term::LangLiteral("x", "en")), Id(Term::LangLiteral("y", "en"))}),
            "\"x y\"");
  EXPECT_EQ(Run(Aggregate::kGroupConcat, {Id(Term::LangLiteral("x", "en")), Lit("y")}), "\"x y\"");
}

}  // namespace
}  // namespace sextant::query
