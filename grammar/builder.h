// PRIVATE to grammar/: the parse-tree -> AST walker. This is the one header that names ANTLR
// types (the generated contexts); it is included only by grammar/*.cpp, never by parse.h or
// ast.h, so nothing outside this folder sees ANTLR.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "SparqlParser.h"
#include "grammar/ast.h"

#ifdef EOF
#undef EOF  // antlr4's Token::EOF collides with <cstdio>'s macro
#endif

namespace sextant::grammar_internal {

namespace gen = sextant::sparqlgen;
using P = gen::SparqlParser;

// Thrown by the builder and caught in parse.cpp: the walker is deeply nested, and unwinding on
// the first semantic error keeps every Visit free of status plumbing. Never leaves grammar/.
struct BuildError {
  std::string message;
  ast::SourcePos pos;
};

ast::SourcePos PosOf(antlr4::Token* token);
ast::SourcePos PosOf(antlr4::ParserRuleContext* ctx);
[[noreturn]] void Fail(std::string message, ast::SourcePos pos);

// Reports the first syntax error of the lexer or parser as a BuildError with a readable message
// (token categories instead of ANTLR's raw expected-token dump).
class ThrowingErrorListener : public antlr4::BaseErrorListener {
 public:
  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t line,
                   size_t column, const std::string& msg, std::exception_ptr e) override;
};

// "a triple pattern, FILTER, OPTIONAL or '}'" for a set of token types.
std::string DescribeExpected(const antlr4::misc::IntervalSet& expected,
                             const antlr4::dfa::Vocabulary& vocabulary);

// How a blank node label may be used where it appears.
enum class BlankScope : uint8_t { kPattern, kTemplate, kData, kForbidden };

class AstBuilder {
 public:
  AstBuilder(std::map<std::string, std::string> prefixes, std::string base,
             std::set<std::string> used_labels, int max_depth)
      : prefixes_(std::move(prefixes)),
        base_(std::move(base)),
        used_labels_(std::move(used_labels)),
        max_depth_(max_depth) {}

  ast::Statement Build(P::StatementContext* ctx);

  // --- queries (build_query.cpp)
  ast::Query Visit(P::QueryContext* ctx);
  ast::Query Visit(P::SubSelectContext* ctx);
  void Visit(P::PrologueContext* ctx);
  void Visit(P::SelectClauseContext* ctx, ast::Query& q);
  void Visit(P::SolutionModifierContext* ctx, ast::Query& q);
  void AddDataset(const std::vector<P::DatasetClauseContext*>& ctxs, ast::Query& q);
  ast::ValuesBlock Visit(P::DataBlockContext* ctx);

  // --- updates (build_update.cpp)
  ast::Update Visit(P::UpdateContext* ctx);
  ast::UpdateOperation Visit(P::Update1Context* ctx);
  std::vector<ast::QuadPattern> Visit(P::QuadsContext* ctx, BlankScope scope, bool allow_vars);
  ast::GraphTarget Visit(P::GraphOrDefaultContext* ctx);
  ast::GraphTarget Visit(P::GraphRefAllContext* ctx);
  std::string Visit(P::RuleNameContext* ctx);
  std::string RuleText(P::RuleDeclContext* ctx);
  // BASE and PREFIX declarations of everything in effect here, one per line.
  std::string PrologueText() const;
  // The text of `ctx` exactly as written.
  static std::string SourceText(antlr4::ParserRuleContext* ctx);

  // --- graph patterns and triples (build_pattern.cpp)
  ast::GroupPattern Visit(P::GroupGraphPatternContext* ctx);
  ast::PatternElement Visit(P::GraphPatternNotTriplesContext* ctx);
  void Visit(P::TriplesBlockContext* ctx, std::vector<ast::TriplePattern>& out);
  void Visit(P::TriplesTemplateContext* ctx, std::vector<ast::TriplePattern>& out);
  void Visit(P::TriplesSameSubjectContext* ctx, std::vector<ast::TriplePattern>& out);
  void Visit(P::PropertyListNotEmptyContext* ctx, const ast::VarOrTerm& subject,
             std::vector<ast::TriplePattern>& out);
  void Visit(P::PropertyListPathNotEmptyContext* ctx, const ast::VarOrTerm& subject,
             std::vector<ast::TriplePattern>& out);
  ast::VarOrTerm Visit(P::GraphNodeContext* ctx, std::vector<ast::TriplePattern>& out);
  ast::VarOrTerm Visit(P::GraphNodePathContext* ctx, std::vector<ast::TriplePattern>& out);
  ast::VarOrTerm Visit(P::TriplesNodeContext* ctx, std::vector<ast::TriplePattern>& out);
  ast::VarOrTerm Visit(P::TriplesNodePathContext* ctx, std::vector<ast::TriplePattern>& out);
  ast::Path Visit(P::PathContext* ctx);

  // --- RDF 1.2 reification: reified triples, triple terms, annotations (build_reification.cpp)
  ast::VarOrTerm Visit(P::ReifiedTripleContext* ctx, std::vector<ast::TriplePattern>& out);
  ast::VarOrTerm Visit(P::TripleTermContext* ctx);
  ast::VarOrTerm Visit(P::VerbContext* ctx);
  // A subject or object inside <<( ... )>> or << ... >>: the node kinds both share (variable,
  // IRI, literal, blank node, triple term). Defined in build_reification.cpp, its only user.
  template <class NodeContext>
  ast::VarOrTerm TripleNode(NodeContext* n);
  // The reifier a `~` names, or a fresh blank node for a bare `~` (or none at all).
  ast::VarOrTerm Reifier(P::ReifierContext* ctx, ast::SourcePos pos);
  // The triples an annotation (reifiers and {| ... |} blocks after an object) stands for.
  void Annotate(const std::vector<antlr4::tree::ParseTree*>& annotation,
                const ast::VarOrTerm& subject, const ast::Predicate& predicate,
                const ast::VarOrTerm& object, std::vector<ast::TriplePattern>& out);
  Term Visit(P::TripleTermDataContext* ctx);
  ast::Expr Visit(P::ExprTripleTermContext* ctx);

  // --- terms (build_term.cpp)
  std::string Visit(P::IriContext* ctx);
  std::string ResolveRelative(const std::string& iri, ast::SourcePos pos) const;
  Term Visit(P::RdfLiteralContext* ctx);
  Term Visit(P::NumericLiteralContext* ctx);
  Term Visit(P::SignedNumberContext* ctx);
  Term Visit(P::BooleanLiteralContext* ctx);
  std::string Visit(P::StringContext* ctx);
  Term Visit(P::BlankNodeContext* ctx);
  ast::VarOrTerm Visit(P::VarOrTermContext* ctx);
  ast::VarOrTerm Visit(P::VarOrIriContext* ctx);
  std::optional<Term> Visit(P::DataBlockValueContext* ctx);
  static std::string VarName(P::VarContext* ctx);
  Term FreshBlank();

  // --- expressions (build_expr.cpp)
  ast::Expr Visit(P::ExpressionContext* ctx);
  ast::Expr Visit(P::PrimaryExpressionContext* ctx);
  ast::Expr Visit(P::BuiltInCallContext* ctx);
  ast::Expr Visit(P::AggregateContext* ctx);
  ast::Expr FunctionCall(const std::string& iri, P::ArgListContext* args, ast::SourcePos pos);
  ast::Expr Visit(P::ConstraintContext* ctx);
  std::vector<ast::Expr> Visit(P::ExpressionListContext* ctx);

  // The blank-node rules of the current context (set by the query/update builders).
  BlankScope blank_scope = BlankScope::kPattern;
  // The basic graph pattern being built: a label must stay inside one BGP. NewBgp() starts a new
  // one with an id never used before.
  uint64_t bgp_id = 0;
  void NewBgp() { bgp_id = ++bgp_counter_; }

 private:
  void CheckDepth(size_t depth, ast::SourcePos pos) const;
  size_t ExprDepth(const ast::Expr& e) const;
  ast::Expr Binary(ast::ExprKind kind, ast::Expr lhs, ast::Expr rhs, ast::SourcePos pos);

  std::map<std::string, std::string> prefixes_;
  std::string base_;
  std::set<std::string> used_labels_;  // every _:label in the text (fresh labels avoid them)
  std::map<std::string, uint64_t> label_bgp_;  // label -> BGP (or data block) that owns it
  uint64_t fresh_counter_ = 0;
  uint64_t bgp_counter_ = 0;
  int max_depth_;
};

}  // namespace sextant::grammar_internal
