// The typed SPARQL AST handed from the parser to the query engine. Everything here is resolved:
// IRIs are absolute (prefixes expanded, relative IRIs resolved against BASE), literals are
// sextant::Term values with their datatype, blank nodes are labels. No ANTLR type appears here.
//
// Long left-associative chains (||, &&, UNION, path sequences and alternatives) are n-ary nodes so
// that tree depth follows bracket nesting, which the parser bounds (ParseOptions::max_depth).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "sextant/term.h"

namespace sextant::ast {

// 1-based position in the statement text (0 when synthesised).
struct SourcePos {
  uint32_t line = 0;
  uint32_t column = 0;
};

struct Variable {
  std::string name;  // without '?' or '$'
  friend bool operator==(const Variable&, const Variable&) = default;
};

struct TripleTermPattern;
using TripleTermRef = std::shared_ptr<const TripleTermPattern>;

// A subject/object position: a variable, a term (IRI, literal, blank node label), or an RDF 1.2
// triple term <<( s p o )>> with a variable or blank node inside (or, until terms can hold
// triple terms, any triple term).
using VarOrTerm = std::variant<Variable, Term, TripleTermRef>;

struct TripleTermPattern {
  VarOrTerm subject;
  VarOrTerm predicate;  // a Variable or an IRI
  VarOrTerm object;
};

inline TripleTermRef MakeTripleTerm(VarOrTerm s, VarOrTerm p, VarOrTerm o) {
  return std::make_shared<const TripleTermPattern>(
      TripleTermPattern{std::move(s), std::move(p), std::move(o)});
}

// Calls f(name) for every variable of `v`, inside triple terms too, in order.
template <typename F>
void ForEachVariable(const VarOrTerm& v, F&& f) {
  if (const auto* var = std::get_if<Variable>(&v)) {
    f(var->name);
  } else if (const auto* tt = std::get_if<TripleTermRef>(&v)) {
    ForEachVariable((*tt)->subject, f);
    ForEachVariable((*tt)->predicate, f);
    ForEachVariable((*tt)->object, f);
  }
}

// The term `v` stands for when it holds no variable and no blank node (a triple term becomes
// a Term::Triple); nullopt otherwise.
std::optional<Term> GroundTerm(const VarOrTerm& v);

// The term a template position gives: `leaf(v)` for a variable or a term (nullopt: unbound),
// a triple term built from its parts. Nullopt when a part is unbound or breaks RDF 1.2 (the
// subject of a triple term is an IRI or a blank node, its predicate an IRI).
template <typename Leaf>
std::optional<Term> InstantiateTerm(const VarOrTerm& v, Leaf&& leaf) {
  const auto* tt = std::get_if<TripleTermRef>(&v);
  if (tt == nullptr) return leaf(v);
  auto s = InstantiateTerm((*tt)->subject, leaf);
  auto p = InstantiateTerm((*tt)->predicate, leaf);
  auto o = InstantiateTerm((*tt)->object, leaf);
  if (!s || !p || !o || !(s->is_iri() || s->is_blank()) || !p->is_iri() || o->is_default_graph()) {
    return std::nullopt;
  }
  return Term::Triple(std::move(*s), std::move(*p), std::move(*o));
}

// ---------------------------------------------------------------------------- property paths

enum class PathKind : uint8_t {
  kIri,          // iri
  kInverse,      // ^args[0]
  kSequence,     // args[0] / args[1] / ...
  kAlternative,  // args[0] | args[1] | ...
  kZeroOrMore,   // args[0]*
  kOneOrMore,    // args[0]+
  kZeroOrOne,    // args[0]?
  kNegated,      // !(forward... | ^inverse...)
};

struct Path {
  PathKind kind = PathKind::kIri;
  std::string iri;                   // kIri
  std::vector<Path> args;            // operands of every other kind but kNegated
  std::vector<std::string> forward;  // kNegated: IRIs excluded in the forward direction
  std::vector<std::string> inverse;  // kNegated: IRIs excluded in the inverse direction (^iri)
};

// A predicate is a variable, a plain IRI term, or a path that is more than a single IRI.
using Predicate = std::variant<Variable, Term, Path>;

struct TriplePattern {
  VarOrTerm subject;
  Predicate predicate;
  VarOrTerm object;
  SourcePos pos;  // of the object: the one part that is unique to each triple of a `;`/`,` list

  bool has_triple_term() const {
    return std::holds_alternative<TripleTermRef>(subject) ||
           std::holds_alternative<TripleTermRef>(object);
  }
};

// ---------------------------------------------------------------------------- expressions

struct GroupPattern;
struct Query;

enum class ExprKind : uint8_t {
  kVariable,  // var
  kTerm,      // term (IRI or literal)
  kOr,        // args (n-ary)
  kAnd,       // args (n-ary)
  kEqual,
  kNotEqual,
  kLess,
  kGreater,
  kLessEqual,
  kGreaterEqual,  // args[0] op args[1]
  kAdd,
  kSubtract,
  kMultiply,
  kDivide,  // args[0] op args[1]
  kNot,
  kUnaryPlus,
  kUnaryMinus,  // op args[0]
  kIn,
  kNotIn,         // args[0] IN (args[1..])
  kBuiltin,       // builtin(args)
  kFunctionCall,  // iri(args), including XSD casts; distinct for custom aggregates
  kAggregate,     // aggregate(args) (args empty for COUNT(*))
  kExists,
  kNotExists,  // pattern
};

enum class Builtin : uint8_t {
  kStr,
  kLang,
  kLangMatches,
  kDatatype,
  kBound,
  kIri,
  kUri,
  kBnode,
  kRand,
  kAbs,
  kCeil,
  kFloor,
  kRound,
  kConcat,
  kSubstr,
  kStrLen,
  kReplace,
  kUCase,
  kLCase,
  kEncodeForUri,
  kContains,
  kStrStarts,
  kStrEnds,
  kStrBefore,
  kStrAfter,
  kYear,
  kMonth,
  kDay,
  kHours,
  kMinutes,
  kSeconds,
  kTimezone,
  kTz,
  kNow,
  kUuid,
  kStrUuid,
  kMd5,
  kSha1,
  kSha256,
  kSha384,
  kSha512,
  kCoalesce,
  kIf,
  kStrLang,
  kStrDt,
  kSameTerm,
  kIsIri,
  kIsUri,
  kIsBlank,
  kIsLiteral,
  kIsNumeric,
  kRegex,
  // SPARQL 1.2
  kLangDir,
  kHasLang,
  kHasLangDir,
  kStrLangDir,
  kTriple,
  kSubject,
  kPredicate,
  kObject,
  kIsTriple,
};

// A builtin's name as printed and how many arguments it takes (max_args -1: any number). The
// table is in builtins.cpp; parser, printer and evaluator all read it.
struct BuiltinSpec {
  Builtin builtin;
  const char* name;
  int min_args;
  int max_args;
};
const BuiltinSpec& BuiltinInfo(Builtin b);
const char* BuiltinName(Builtin b);
// The builtin called `name` in any letter case; nullptr for none.
const BuiltinSpec* BuiltinNamed(std::string_view name);
bool AcceptsArgCount(const BuiltinSpec& spec, size_t n);

enum class Aggregate : uint8_t { kCount, kSum, kMin, kMax, kAvg, kSample, kGroupConcat };

struct Expr {
  ExprKind kind = ExprKind::kTerm;
  std::string var;  // kVariable
  Term term;        // kTerm
  std::vector<Expr> args;
  Builtin builtin = Builtin::kStr;          // kBuiltin
  std::string iri;                          // kFunctionCall
  Aggregate aggregate = Aggregate::kCount;  // kAggregate
  bool distinct = false;                    // kAggregate, kFunctionCall
  std::optional<std::string> separator;     // kAggregate GROUP_CONCAT with SEPARATOR
  std::shared_ptr<GroupPattern> pattern;    // kExists, kNotExists
  SourcePos pos;

  static Expr Var(std::string name, SourcePos pos = {});
  static Expr Constant(Term t, SourcePos pos = {});
  static Expr Op(ExprKind kind, std::vector<Expr> args, SourcePos pos = {});
};

// ---------------------------------------------------------------------------- graph patterns

// VALUES: one row per solution; nullopt is UNDEF.
struct ValuesBlock {
  std::vector<std::string> vars;
  std::vector<std::vector<std::optional<Term>>> rows;
};

enum class ElementKind : uint8_t {
  kTriples,   // triples: one basic graph pattern block (paths included)
  kGroup,     // groups[0]: a nested { ... }
  kOptional,  // groups[0]
  kUnion,     // groups: two or more branches
  kMinus,     // groups[0]
  kFilter,    // expr
  kBind,      // expr AS var
  kGraph,     // GRAPH name { groups[0] }
  kService,   // SERVICE [SILENT] name { groups[0] } (parsed only)
  kValues,    // values
  kSubQuery,  // subquery (a SELECT)
};

struct PatternElement {
  ElementKind kind = ElementKind::kTriples;
  std::vector<TriplePattern> triples;
  std::vector<GroupPattern> groups;
  Expr expr;
  std::string var;
  VarOrTerm name;  // kGraph, kService
  bool silent = false;
  // kService: the query sent to the endpoint: the prologue in effect, then SELECT * WHERE and
  // the group as written (a bind join appends a VALUES block).
  std::string service_query;
  ValuesBlock values;
  std::shared_ptr<Query> subquery;
  SourcePos pos;
};

// A group graph pattern { ... }: its elements in source order.
struct GroupPattern {
  std::vector<PatternElement> elements;
};

// ---------------------------------------------------------------------------- queries

enum class QueryForm : uint8_t { kSelect, kConstruct, kAsk, kDescribe };

struct SelectItem {
  std::string var;
  std::optional<Expr> expr;  // (expr AS ?var)
  SourcePos pos;
};

struct GroupCondition {
  Expr expr;
  std::optional<std::string> as;  // GROUP BY (expr AS ?v)
};

struct OrderCondition {
  Expr expr;
  bool descending = false;
};

struct Query {
  QueryForm form = QueryForm::kSelect;
  std::string base_iri;
  bool distinct = false;
  bool reduced = false;
  bool select_all = false;  // SELECT * or DESCRIBE *
  std::vector<SelectItem> projection;
  std::vector<std::string> from;        // FROM <g>
  std::vector<std::string> from_named;  // FROM NAMED <g>
  std::optional<GroupPattern> where;    // absent only for DESCRIBE without WHERE
  std::vector<GroupCondition> group_by;
  std::vector<Expr> having;
  std::vector<OrderCondition> order_by;
  std::optional<uint64_t> limit;
  std::optional<uint64_t> offset;
  std::optional<ValuesBlock> values;              // trailing VALUES
  std::vector<TriplePattern> construct_template;  // CONSTRUCT (also CONSTRUCT WHERE)
  std::vector<VarOrTerm> describe;                // DESCRIBE targets
  bool aggregated = false;  // GROUP BY present or an aggregate in SELECT/HAVING/ORDER BY
  SourcePos pos;            // of the SELECT/CONSTRUCT/ASK/DESCRIBE keyword
};

// ---------------------------------------------------------------------------- updates

// A triple in a graph: graph nullopt is the default graph (or the WITH graph in a Modify).
struct QuadPattern {
  TriplePattern triple;
  std::optional<VarOrTerm> graph;
};

enum class UpdateKind : uint8_t {
  kInsertData,
  kDeleteData,
  kDeleteWhere,
  kModify,
  kLoad,
  kClear,
  kDrop,
  kCreate,
  kAdd,
  kMove,
  kCopy,
  kRule,      // RULE name { template } WHERE { body } (Sextant)
  kDropRule,  // DROP RULE name (Sextant)
};

enum class GraphTargetKind : uint8_t { kGraph, kDefault, kNamed, kAll };

struct GraphTarget {
  GraphTargetKind kind = GraphTargetKind::kDefault;
  std::string iri;  // kGraph
};

struct UpdateOperation {
  UpdateKind kind = UpdateKind::kInsertData;
  bool silent = false;
  std::string base_iri;
  std::vector<QuadPattern> delete_quads;  // DELETE DATA, DELETE WHERE, Modify DELETE template
  std::vector<QuadPattern> insert_quads;  // INSERT DATA, Modify INSERT template
  std::optional<std::string> with;        // Modify WITH <g>
  std::vector<std::string> using_graphs;  // USING <g>
  std::vector<std::string> using_named;   // USING NAMED <g>
  std::optional<GroupPattern> where;      // Modify
  std::string source;                     // LOAD <source>
  std::optional<GraphTarget> target;      // LOAD INTO, CLEAR, DROP, CREATE; ADD/MOVE/COPY to
  GraphTarget from;                       // ADD/MOVE/COPY from (kGraph or kDefault)
  std::string rule_name;                  // RULE, DROP RULE
  // RULE: the rule as self-contained text (the prologue in effect, then the RULE itself), so
  // it can be stored and parsed again later without the request around it.
  std::string rule_text;
  SourcePos pos;
};

struct Update {
  std::vector<UpdateOperation> operations;
};

// ---------------------------------------------------------------------------- statements

struct Statement {
  std::variant<Query, Update> body;
  bool explain = false;  // EXPLAIN in front of a query
  bool analyze = false;  // EXPLAIN ANALYZE
  // EXPLAIN WHY { s p o }: the body is an empty query; `why` holds the triple(s) to explain.
  bool explain_why = false;
  std::vector<TriplePattern> why;

  bool is_query() const { return std::holds_alternative<Query>(body); }
  const Query& query() const { return std::get<Query>(body); }
  const Update& update() const { return std::get<Update>(body); }
};

// ---------------------------------------------------------------------------- debug printing

// S-expression debug forms, e.g. (select (?s) (where (group (bgp (?s <p> ?o))))). Literals print
// in N-Triples form with the XSD namespace shortened to "xsd:". Meant for tests and EXPLAIN,
// not a stable serialisation.
std::string ToString(const Statement& s);
std::string ToString(const Query& q);
std::string ToString(const Update& u);
std::string ToString(const UpdateOperation& op);
std::string ToString(const GroupPattern& g);
std::string ToString(const PatternElement& e);
std::string ToString(const TriplePattern& t);
std::string ToString(const Path& p);
std::string ToString(const Expr& e);
std::string ToString(const VarOrTerm& v);
std::string ToString(const Term& t);
const char* AggregateName(Aggregate a);

}  // namespace sextant::ast
