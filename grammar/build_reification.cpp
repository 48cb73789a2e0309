// RDF 1.2 reification in patterns, templates and data: reified triples << s p o ~ r >> (the
// reifier r, with r rdf:reifies <<( s p o )>>), triple terms <<( s p o )>>, and annotations
// s p o ~ r {| ... |} (the triple itself plus what the reifiers say about it).
#include <string>

#include "grammar/builder.h"

namespace sextant::grammar_internal {
namespace {

Term RdfTerm(const char* local) {
  return Term::Iri(std::string(vocab::kRdf) + local);
}

}  // namespace

ast::VarOrTerm AstBuilder::Visit(P::VerbContext* ctx) {
  if (ctx->varOrIri() == nullptr) return RdfTerm("type");  // 'a'
  return Visit(ctx->varOrIri());
}

ast::VarOrTerm AstBuilder::Reifier(P::ReifierContext* ctx, ast::SourcePos pos) {
  if (ctx != nullptr) {
    if (ctx->var() != nullptr) return ast::Variable{VarName(ctx->var())};
    if (ctx->iri() != nullptr) return Term::Iri(Visit(ctx->iri()));
    if (ctx->blankNode() != nullptr) return Visit(ctx->blankNode());
  }
  if (blank_scope == BlankScope::kForbidden) {
    Fail(
        "a reifier without a name is a blank node, and blank nodes are not allowed here (DELETE "
        "templates and DELETE DATA/WHERE must not contain blank nodes): name it with ~ <iri>",
        pos);
  }
  return FreshBlank();
}

template <class NodeContext>
ast::VarOrTerm AstBuilder::TripleNode(NodeContext* n) {
  if (n->var() != nullptr) return ast::Variable{VarName(n->var())};
  if (n->iri() != nullptr) return Term::Iri(Visit(n->iri()));
  if (n->rdfLiteral() != nullptr) return Visit(n->rdfLiteral());
  if (n->numericLiteral() != nullptr) return Visit(n->numericLiteral());
  if (n->booleanLiteral() != nullptr) return Visit(n->booleanLiteral());
  if (n->blankNode() != nullptr) return Visit(n->blankNode());
  return Visit(n->tripleTerm());
}

ast::VarOrTerm AstBuilder::Visit(P::TripleTermContext* ctx) {
  const auto nodes = ctx->tripleTermNode();
  return ast::MakeTripleTerm(TripleNode(nodes[0]), Visit(ctx->verb()), TripleNode(nodes[1]));
}

ast::VarOrTerm AstBuilder::Visit(P::ReifiedTripleContext* ctx,
                                 std::vector<ast::TriplePattern>& out) {
  // A reified triple may nest another one, whose reifies triple goes to `out` too.
  auto node = [&](P::ReifiedTripleNodeContext* n) -> ast::VarOrTerm {
    if (n->reifiedTriple() != nullptr) return Visit(n->reifiedTriple(), out);
    return TripleNode(n);
  };
  const auto nodes = ctx->reifiedTripleNode();
  const ast::SourcePos pos = PosOf(ctx);
  ast::VarOrTerm subject = node(nodes[0]);
  ast::VarOrTerm predicate = Visit(ctx->verb());
  ast::VarOrTerm object = node(nodes[1]);
  ast::VarOrTerm reifier = Reifier(ctx->reifier(), pos);
  out.push_back({reifier, RdfTerm("reifies"),
                 ast::MakeTripleTerm(std::move(subject), std::move(predicate), std::move(object)),
                 pos});
  return reifier;
}

void AstBuilder::Annotate(const std::vector<antlr4::tree::ParseTree*>& annotation,
                          const ast::VarOrTerm& subject, const ast::Predicate& predicate,
                          const ast::VarOrTerm& object, std::vector<ast::TriplePattern>& out) {
  if (annotation.empty()) return;
  const ast::SourcePos pos = PosOf(dynamic_cast<antlr4::ParserRuleContext*>(annotation[0]));
  ast::VarOrTerm verb;
  if (const auto* var = std::get_if<ast::Variable>(&predicate)) {
    verb = *var;
  } else if (const auto* iri = std::get_if<Term>(&predicate)) {
    verb = *iri;
  } else {
    Fail(
        "a reifier or annotation needs a triple: its predicate must be an IRI or a variable, "
        "not a property path",
        pos);
  }
  const ast::TripleTermRef triple = ast::MakeTripleTerm(subject, verb, object);
  const Term reifies = RdfTerm("reifies");
  // The reifier an annotation block describes: the one a `~` named just before it, else fresh.
  std::optional<ast::VarOrTerm> named;
  for (auto* child : annotation) {
    if (auto* r = dynamic_cast<P::ReifierContext*>(child)) {
      named = Reifier(r, PosOf(r));
      out.push_back({*named, reifies, triple, PosOf(r)});
      continue;
    }
    P::PropertyListNotEmptyContext* plain = nullptr;
    P::PropertyListPathNotEmptyContext* path = nullptr;
    if (auto* b = dynamic_cast<P::AnnotationBlockContext*>(child)) {
      plain = b->propertyListNotEmpty();
    }
    if (auto* b = dynamic_cast<P::AnnotationBlockPathContext*>(child)) {
      path = b->propertyListPathNotEmpty();
    }
    if (plain == nullptr && path == nullptr) continue;
    const ast::SourcePos block_pos = PosOf(dynamic_cast<antlr4::ParserRuleContext*>(child));
    if (!named) {
      named = Reifier(nullptr, block_pos);
      out.push_back({*named, reifies, triple, block_pos});
    }
    if (plain != nullptr) Visit(plain, *named, out);
    if (path != nullptr) Visit(path, *named, out);
    named.reset();
  }
}

}  // namespace sextant::grammar_internal
