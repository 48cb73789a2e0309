// Terms: IRIs (prefix expansion, BASE resolution), literals with datatypes, blank nodes, variables.
#include <string>

#include "base/iri_resolve.h"
#include "grammar/builder.h"
#include "grammar/iri.h"

namespace sextant::grammar_internal {

ast::SourcePos PosOf(antlr4::Token* token) {
  if (token == nullptr) return {};
  return {static_cast<uint32_t>(token->getLine()),
          static_cast<uint32_t>(token->getCharPositionInLine() + 1)};
}

ast::SourcePos PosOf(antlr4::ParserRuleContext* ctx) {
  return ctx == nullptr ? ast::SourcePos{} : PosOf(ctx->getStart());
}

void Fail(std::string message, ast::SourcePos pos) {
  throw BuildError{std::move(message), pos};
}

std::string AstBuilder::PrologueText() const {
  std::string text;
  if (!base_.empty()) text.append("BASE <").append(base_).append(">\n");
  for (const auto& [name, iri] : prefixes_) {
    text.append("PREFIX ").append(name).append(": <").append(iri).append(">\n");
  }
  return text;
}

std::string AstBuilder::SourceText(antlr4::ParserRuleContext* ctx) {
  return ctx->start->getInputStream()->getText(
      antlr4::misc::Interval(ctx->start->getStartIndex(), ctx->stop->getStopIndex()));
}

std::string AstBuilder::ResolveRelative(const std::string& iri, ast::SourcePos pos) const {
  if (HasScheme(iri)) return iri;
  if (base_.empty()) {
    Fail("relative IRI <" + iri + "> needs a BASE (declare one with BASE <...>)", pos);
  }
  return ResolveIri(base_, iri);
}

std::string AstBuilder::Visit(P::IriContext* ctx) {
  const ast::SourcePos pos = PosOf(ctx);
  if (auto* ref = ctx->IRIREF()) {
    const std::string text = ref->getText();
    std::string error;
    auto body = UnescapeIri(std::string_view(text).substr(1, text.size() - 2), &error);
    if (!body) Fail(error, pos);
    return ResolveRelative(*body, pos);
  }
  const std::string text = ctx->getText();
  const size_t colon = text.find(':');
  const std::string prefix = text.substr(0, colon);
  auto it = prefixes_.find(prefix);
  if (it == prefixes_.end()) {
    Fail("unknown prefix '" + prefix + ":' (declare it with PREFIX " + prefix + ": <...>)", pos);
  }
  return it->second + UnescapeLocalName(std::string_view(text).substr(colon + 1));
}

std::string AstBuilder::Visit(P::StringContext* ctx) {
  const std::string text = ctx->getText();
  const size_t quote = ctx->STRING_LITERAL_LONG1() || ctx->STRING_LITERAL_LONG2() ? 3 : 1;
  std::string error;
  auto value =
      UnescapeString(std::string_view(text).substr(quote, text.size() - 2 * quote), &error);
  if (!value) Fail(error + " in a string", PosOf(ctx));
  return *value;
}

Term AstBuilder::Visit(P::RdfLiteralContext* ctx) {
  std::string lexical = Visit(ctx->string());
  if (auto* tag = ctx->LANG_DIR()) {
    const std::string text = tag->getText().substr(1);
    const size_t dashes = text.find("--");
    if (dashes == std::string::npos) return Term::LangLiteral(std::move(lexical), text);
    const std::string direction = text.substr(dashes + 2);
    const auto dir = DirectionFromName(direction);
    if (!dir) {
      Fail("base direction '" + direction + "' is neither 'ltr' nor 'rtl'",
           PosOf(tag->getSymbol()));
    }
    return Term::LangLiteral(std::move(lexical), text.substr(0, dashes), *dir);
  }
  if (ctx->iri() != nullptr) return Term::TypedLiteral(std::move(lexical), Visit(ctx->iri()));
  return Term::Literal(std::move(lexical));
}

namespace {

// The datatype a numeric token stands for, by its shape.
std::string NumericDatatype(const std::string& text) {
  if (text.find_first_of("eE") != std::string::npos) return std::string(vocab::kXsdDouble);
  if (text.find('.') != std::string::npos) return std::string(vocab::kXsdDecimal);
  return std::string(vocab::kXsdInteger);
}

}  // namespace

Term AstBuilder::Visit(P::NumericLiteralContext* ctx) {
  const std::string text = ctx->getText();
  return Term::TypedLiteral(text, NumericDatatype(text));
}

Term AstBuilder::Visit(P::SignedNumberContext* ctx) {
  const std::string text = ctx->getText();
  return Term::TypedLiteral(text, NumericDatatype(text));
}

Term AstBuilder::Visit(P::BooleanLiteralContext* ctx) {
  return Term::TypedLiteral(ctx->TRUE() ? "true" : "false", std::string(vocab::kXsdBoolean));
}

Term AstBuilder::FreshBlank() {
  for (;;) {
    std::string label = "b" + std::to_string(fresh_counter_++);
    if (!used_labels_.contains(label)) return Term::Blank(std::move(label));
  }
}

Term AstBuilder::Visit(P::BlankNodeContext* ctx) {
  const ast::SourcePos pos = PosOf(ctx);
  if (blank_scope == BlankScope::kForbidden) {
    Fail(
        "blank nodes are not allowed here (DELETE templates and DELETE DATA/WHERE must not "
        "contain blank nodes)",
        pos);
  }
  if (ctx->ANON() != nullptr) return FreshBlank();
  std::string label = ctx->getText().substr(2);
  if (blank_scope == BlankScope::kPattern || blank_scope == BlankScope::kData) {
    auto [it, inserted] = label_bgp_.emplace(label, bgp_id);
    if (!inserted && it->second != bgp_id) {
      Fail("blank node _:" + label + " is used in more than one " +
               (blank_scope == BlankScope::kData ? "operation" : "basic graph pattern"),
           pos);
    }
  }
  return Term::Blank(std::move(label));
}

std::string AstBuilder::VarName(P::VarContext* ctx) {
  return ctx->getText().substr(1);
}

ast::VarOrTerm AstBuilder::Visit(P::VarOrIriContext* ctx) {
  if (ctx->var() != nullptr) return ast::Variable{VarName(ctx->var())};
  return Term::Iri(Visit(ctx->iri()));
}

ast::VarOrTerm AstBuilder::Visit(P::VarOrTermContext* ctx) {
  if (ctx->var() != nullptr) return ast::Variable{VarName(ctx->var())};
  auto* g = ctx->graphTerm();
  if (g->iri() != nullptr) return Term::Iri(Visit(g->iri()));
  if (g->rdfLiteral() != nullptr) return Visit(g->rdfLiteral());
  if (g->numericLiteral() != nullptr) return Visit(g->numericLiteral());
  if (g->booleanLiteral() != nullptr) return Visit(g->booleanLiteral());
  if (g->blankNode() != nullptr) return Visit(g->blankNode());
  if (g->tripleTerm() != nullptr) return Visit(g->tripleTerm());
  return Term::Iri(std::string(vocab::kRdf) + "nil");  // NIL: ()
}

std::optional<Term> AstBuilder::Visit(P::DataBlockValueContext* ctx) {
  if (ctx->iri() != nullptr) return Term::Iri(Visit(ctx->iri()));
  if (ctx->rdfLiteral() != nullptr) return Visit(ctx->rdfLiteral());
  if (ctx->numericLiteral() != nullptr) return Visit(ctx->numericLiteral());
  if (ctx->booleanLiteral() != nullptr) return Visit(ctx->booleanLiteral());
  if (ctx->tripleTermData() != nullptr) return Visit(ctx->tripleTermData());
  return std::nullopt;  // UNDEF
}

Term AstBuilder::Visit(P::TripleTermDataContext* ctx) {
  const auto iris = ctx->iri();
  Term predicate =
      iris.size() > 1 ? Term::Iri(Visit(iris[1])) : Term::Iri(std::string(vocab::kRdf) + "type");
  auto* o = ctx->tripleTermDataObject();
  Term object = o->iri() != nullptr              ? Term::Iri(Visit(o->iri()))
                : o->rdfLiteral() != nullptr     ? Visit(o->rdfLiteral())
                : o->numericLiteral() != nullptr ? Visit(o->numericLiteral())
                : o->booleanLiteral() != nullptr ? Visit(o->booleanLiteral())
                                                 : Visit(o->tripleTermData());
  return Term::Triple(Term::Iri(Visit(iris[0])), std::move(predicate), std::move(object));
}

}  // namespace sextant::grammar_internal
