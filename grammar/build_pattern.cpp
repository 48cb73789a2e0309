// Group graph patterns, triples (with [] and collection expansion) and property paths.
#include <string>

#include "grammar/builder.h"

namespace sextant::grammar_internal {
namespace {

std::string RdfIri(const char* local) {
  return std::string(vocab::kRdf) + local;
}

ast::Predicate ToPredicate(ast::Path path) {
  if (path.kind == ast::PathKind::kIri) return Term::Iri(std::move(path.iri));
  return path;
}

ast::Path IriPath(std::string iri) {
  ast::Path p;
  p.kind = ast::PathKind::kIri;
  p.iri = std::move(iri);
  return p;
}

ast::Path Wrap(ast::PathKind kind, ast::Path inner) {
  ast::Path p;
  p.kind = kind;
  p.args.push_back(std::move(inner));
  return p;
}

}  // namespace

ast::GroupPattern AstBuilder::Visit(P::GroupGraphPatternContext* ctx) {
  ast::GroupPattern group;
  NewBgp();
  if (auto* sub = ctx->subSelect()) {
    ast::PatternElement e;
    e.kind = ast::ElementKind::kSubQuery;
    e.pos = PosOf(sub);
    e.subquery = std::make_shared<ast::Query>(Visit(sub));
    group.elements.push_back(std::move(e));
    NewBgp();
    return group;
  }
  for (auto* child : ctx->groupGraphPatternSub()->children) {
    if (auto* tb = dynamic_cast<P::TriplesBlockContext*>(child)) {
      ast::PatternElement e;
      e.kind = ast::ElementKind::kTriples;
      e.pos = PosOf(tb);
      Visit(tb, e.triples);
      group.elements.push_back(std::move(e));
    } else if (auto* nt = dynamic_cast<P::GraphPatternNotTriplesContext*>(child)) {
      // FILTERs do not end a basic graph pattern; every other element does.
      if (nt->filter() != nullptr) {
        // An EXISTS inside the filter opens BGPs of its own; the current one continues after.
        const uint64_t current = bgp_id;
        group.elements.push_back(Visit(nt));
        bgp_id = current;
      } else {
        NewBgp();
        group.elements.push_back(Visit(nt));
        NewBgp();
      }
    }
  }
  return group;
}

ast::PatternElement AstBuilder::Visit(P::GraphPatternNotTriplesContext* ctx) {
  ast::PatternElement e;
  e.pos = PosOf(ctx);
  if (auto* u = ctx->groupOrUnionGraphPattern()) {
    for (auto* g : u->groupGraphPattern()) e.groups.push_back(Visit(g));
    e.kind = e.groups.size() == 1 ? ast::ElementKind::kGroup : ast::ElementKind::kUnion;
  } else if (auto* o = ctx->optionalGraphPattern()) {
    e.kind = ast::ElementKind::kOptional;
    e.groups.push_back(Visit(o->groupGraphPattern()));
  } else if (auto* m = ctx->minusGraphPattern()) {
    e.kind = ast::ElementKind::kMinus;
    e.groups.push_back(Visit(m->groupGraphPattern()));
  } else if (auto* g = ctx->graphGraphPattern()) {
    e.kind = ast::ElementKind::kGraph;
    e.name = Visit(g->varOrIri());
    e.groups.push_back(Visit(g->groupGraphPattern()));
  } else if (auto* s = ctx->serviceGraphPattern()) {
    e.kind = ast::ElementKind::kService;
    e.silent = s->SILENT() != nullptr;
    e.name = Visit(s->varOrIri());
    e.groups.push_back(Visit(s->groupGraphPattern()));
    e.service_query = PrologueText() + "SELECT * WHERE " + SourceText(s->groupGraphPattern());
  } else if (auto* f = ctx->filter()) {
    e.kind = ast::ElementKind::kFilter;
    e.expr = Visit(f->constraint());
  } else if (auto* b = ctx->bind()) {
    e.kind = ast::ElementKind::kBind;
    e.expr = Visit(b->expression());
    e.var = VarName(b->var());
    e.pos = PosOf(b->var());
  } else if (auto* v = ctx->inlineData()) {
    e.kind = ast::ElementKind::kValues;
    e.values = Visit(v->dataBlock());
  }
  return e;
}

void AstBuilder::Visit(P::TriplesBlockContext* ctx, std::vector<ast::TriplePattern>& out) {
  for (auto* t : ctx->triplesSameSubjectPath()) {
    if (t->varOrTerm() != nullptr) {
      ast::VarOrTerm subject = Visit(t->varOrTerm());
      Visit(t->propertyListPathNotEmpty(), subject, out);
    } else {
      ast::VarOrTerm subject = t->reifiedTriple() != nullptr ? Visit(t->reifiedTriple(), out)
                                                             : Visit(t->triplesNodePath(), out);
      if (auto* pl = t->propertyListPath()->propertyListPathNotEmpty()) {
        Visit(pl, subject, out);
      }
    }
  }
}

void AstBuilder::Visit(P::TriplesTemplateContext* ctx, std::vector<ast::TriplePattern>& out) {
  for (auto* t : ctx->triplesSameSubject()) Visit(t, out);
}

void AstBuilder::Visit(P::TriplesSameSubjectContext* ctx, std::vector<ast::TriplePattern>& out) {
  if (ctx->varOrTerm() != nullptr) {
    ast::VarOrTerm subject = Visit(ctx->varOrTerm());
    Visit(ctx->propertyListNotEmpty(), subject, out);
  } else {
    ast::VarOrTerm subject = ctx->reifiedTriple() != nullptr ? Visit(ctx->reifiedTriple(), out)
                                                             : Visit(ctx->triplesNode(), out);
    if (auto* pl = ctx->propertyList()->propertyListNotEmpty()) Visit(pl, subject, out);
  }
}

void AstBuilder::Visit(P::PropertyListNotEmptyContext* ctx, const ast::VarOrTerm& subject,
                       std::vector<ast::TriplePattern>& out) {
  const auto verbs = ctx->verb();
  const auto objects = ctx->objectList();
  for (size_t i = 0; i < verbs.size(); ++i) {
    const ast::VarOrTerm verb = Visit(verbs[i]);
    ast::Predicate pred;
    if (const auto* var = std::get_if<ast::Variable>(&verb)) {
      pred = *var;
    } else {
      pred = std::get<Term>(verb);
    }
    for (auto* node : objects[i]->object()) {
      const ast::SourcePos pos = PosOf(node);
      ast::VarOrTerm object = Visit(node->graphNode(), out);
      out.push_back({subject, pred, object, pos});
      Annotate(node->annotation()->children, subject, pred, object, out);
    }
  }
}

void AstBuilder::Visit(P::PropertyListPathNotEmptyContext* ctx, const ast::VarOrTerm& subject,
                       std::vector<ast::TriplePattern>& out) {
  const auto verbs = ctx->verbPathOrSimple();
  const auto objects = ctx->objectListPath();
  for (size_t i = 0; i < verbs.size(); ++i) {
    ast::Predicate pred;
    if (verbs[i]->var() != nullptr) {
      pred = ast::Variable{VarName(verbs[i]->var())};
    } else {
      pred = ToPredicate(Visit(verbs[i]->path()));
    }
    for (auto* node : objects[i]->objectPath()) {
      const ast::SourcePos pos = PosOf(node);
      ast::VarOrTerm object = Visit(node->graphNodePath(), out);
      out.push_back({subject, pred, object, pos});
      Annotate(node->annotationPath()->children, subject, pred, object, out);
    }
  }
}

ast::VarOrTerm AstBuilder::Visit(P::GraphNodeContext* ctx, std::vector<ast::TriplePattern>& out) {
  if (ctx->varOrTerm() != nullptr) return Visit(ctx->varOrTerm());
  if (ctx->reifiedTriple() != nullptr) return Visit(ctx->reifiedTriple(), out);
  return Visit(ctx->triplesNode(), out);
}

ast::VarOrTerm AstBuilder::Visit(P::GraphNodePathContext* ctx,
                                 std::vector<ast::TriplePattern>& out) {
  if (ctx->varOrTerm() != nullptr) return Visit(ctx->varOrTerm());
  if (ctx->reifiedTriple() != nullptr) return Visit(ctx->reifiedTriple(), out);
  return Visit(ctx->triplesNodePath(), out);
}

namespace {

// Expands ( n1 n2 ... ) into rdf:first/rdf:rest triples; `items` are the already visited nodes.
template <typename Fresh>
ast::VarOrTerm ExpandCollection(std::vector<ast::VarOrTerm> items, ast::SourcePos pos, Fresh fresh,
                                std::vector<ast::TriplePattern>& out) {
  const Term first = Term::Iri(RdfIri("first"));
  const Term rest = Term::Iri(RdfIri("rest"));
  ast::VarOrTerm head = fresh();
  ast::VarOrTerm cell = head;
  for (size_t i = 0; i < items.size(); ++i) {
    out.push_back({cell, first, std::move(items[i]), pos});
    ast::VarOrTerm next =
        i + 1 == items.size() ? ast::VarOrTerm(Term::Iri(RdfIri("nil"))) : fresh();
    out.push_back({cell, rest, next, pos});
    cell = std::move(next);
  }
  return head;
}

}  // namespace

ast::VarOrTerm AstBuilder::Visit(P::TriplesNodeContext* ctx, std::vector<ast::TriplePattern>& out) {
  if (auto* bn = ctx->blankNodePropertyList()) {
    if (blank_scope == BlankScope::kForbidden) Fail("blank nodes are not allowed here", PosOf(bn));
    ast::VarOrTerm node = FreshBlank();
    Visit(bn->propertyListNotEmpty(), node, out);
    return node;
  }
  auto* coll = ctx->collection();
  if (blank_scope == BlankScope::kForbidden) Fail("blank nodes are not allowed here", PosOf(coll));
  std::vector<ast::VarOrTerm> items;
  for (auto* n : coll->graphNode()) items.push_back(Visit(n, out));
  return ExpandCollection(
      std::move(items), PosOf(coll), [this] { return FreshBlank(); }, out);
}

ast::VarOrTerm AstBuilder::Visit(P::TriplesNodePathContext* ctx,
                                 std::vector<ast::TriplePattern>& out) {
  if (auto* bn = ctx->blankNodePropertyListPath()) {
    ast::VarOrTerm node = FreshBlank();
    Visit(bn->propertyListPathNotEmpty(), node, out);
    return node;
  }
  auto* coll = ctx->collectionPath();
  std::vector<ast::VarOrTerm> items;
  for (auto* n : coll->graphNodePath()) items.push_back(Visit(n, out));
  return ExpandCollection(
      std::move(items), PosOf(coll), [this] { return FreshBlank(); }, out);
}

ast::Path AstBuilder::Visit(P::PathContext* ctx) {
  ast::Path alt;
  alt.kind = ast::PathKind::kAlternative;
  for (auto* seq_ctx : ctx->pathSequence()) {
    ast::Path seq;
    seq.kind = ast::PathKind::kSequence;
    for (auto* elt : seq_ctx->pathEltOrInverse()) {
      auto* prim = elt->pathPrimary();
      ast::Path p;
      if (prim->iri() != nullptr) {
        p = IriPath(Visit(prim->iri()));
      } else if (prim->path() != nullptr) {
        p = Visit(prim->path());
      } else if (auto* neg = prim->pathNegatedPropertySet()) {
        p.kind = ast::PathKind::kNegated;
        for (auto* one : neg->pathOneInPropertySet()) {
          std::string iri = one->iri() != nullptr ? Visit(one->iri()) : RdfIri("type");
          (one->getStart()->getText() == "^" ? p.inverse : p.forward).push_back(std::move(iri));
        }
      } else {
        p = IriPath(RdfIri("type"));  // 'a'
      }
      if (auto* mod = elt->pathMod()) {
        const std::string m = mod->getText();
        p = Wrap(m == "*"   ? ast::PathKind::kZeroOrMore
                 : m == "+" ? ast::PathKind::kOneOrMore
                            : ast::PathKind::kZeroOrOne,
                 std::move(p));
      }
      if (elt->getStart()->getText() == "^") p = Wrap(ast::PathKind::kInverse, std::move(p));
      seq.args.push_back(std::move(p));
    }
    alt.args.push_back(seq.args.size() == 1 ? std::move(seq.args[0]) : std::move(seq));
  }
  return alt.args.size() == 1 ? std::move(alt.args[0]) : alt;
}

}  // namespace sextant::grammar_internal
