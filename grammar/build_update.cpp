// SPARQL Update: the operation sequence, quad data/templates and graph management operations.
#include <string>

#include "grammar/builder.h"

namespace sextant::grammar_internal {
namespace {

// A variable, or a triple term with one inside.
bool HasVariable(const ast::VarOrTerm& v) {
  bool any = false;
  ast::ForEachVariable(v, [&any](const std::string&) { any = true; });
  return any;
}

}  // namespace

ast::Update AstBuilder::Visit(P::UpdateContext* ctx) {
  ast::Update u;
  for (auto* child : ctx->children) {
    if (auto* p = dynamic_cast<P::PrologueContext*>(child)) {
      Visit(p);
    } else if (auto* op = dynamic_cast<P::Update1Context*>(child)) {
      u.operations.push_back(Visit(op));
    }
  }
  return u;
}

std::vector<ast::QuadPattern> AstBuilder::Visit(P::QuadsContext* ctx, BlankScope scope,
                                                bool allow_vars) {
  std::vector<ast::QuadPattern> out;
  const BlankScope saved = blank_scope;
  blank_scope = scope;
  auto add = [&](P::TriplesTemplateContext* t, const std::optional<ast::VarOrTerm>& graph) {
    std::vector<ast::TriplePattern> triples;
    Visit(t, triples);
    for (auto& tp : triples) {
      if (!allow_vars) {
        const bool pred_var = std::holds_alternative<ast::Variable>(tp.predicate);
        if (HasVariable(tp.subject) || pred_var || HasVariable(tp.object)) {
          Fail("variables are not allowed in INSERT DATA or DELETE DATA", tp.pos);
        }
      }
      out.push_back({std::move(tp), graph});
    }
  };
  for (auto* child : ctx->children) {
    if (auto* t = dynamic_cast<P::TriplesTemplateContext*>(child)) {
      add(t, std::nullopt);
    } else if (auto* g = dynamic_cast<P::QuadsNotTriplesContext*>(child)) {
      ast::VarOrTerm name = Visit(g->varOrIri());
      if (!allow_vars && HasVariable(name)) {
        Fail("variables are not allowed in INSERT DATA or DELETE DATA", PosOf(g->varOrIri()));
      }
      if (g->triplesTemplate() != nullptr) add(g->triplesTemplate(), name);
    }
  }
  blank_scope = saved;
  return out;
}

ast::GraphTarget AstBuilder::Visit(P::GraphOrDefaultContext* ctx) {
  if (ctx->DEFAULT() != nullptr) return {ast::GraphTargetKind::kDefault, ""};
  return {ast::GraphTargetKind::kGraph, Visit(ctx->iri())};
}

ast::GraphTarget AstBuilder::Visit(P::GraphRefAllContext* ctx) {
  if (ctx->graphRef() != nullptr) {
    return {ast::GraphTargetKind::kGraph, Visit(ctx->graphRef()->iri())};
  }
  if (ctx->DEFAULT() != nullptr) return {ast::GraphTargetKind::kDefault, ""};
  if (ctx->NAMED() != nullptr) return {ast::GraphTargetKind::kNamed, ""};
  return {ast::GraphTargetKind::kAll, ""};
}

std::string AstBuilder::Visit(P::RuleNameContext* ctx) {
  if (ctx->string() != nullptr) return Visit(ctx->string());
  std::string text = ctx->getText();
  // Names are labels, not resolved IRIs: `ex:chair` is stored as written, so it needs no PREFIX.
  if (ctx->IRIREF() != nullptr) text = text.substr(1, text.size() - 2);
  if (text.empty()) Fail("a rule needs a name", PosOf(ctx));
  return text;
}

// The rule's own text with the prologue in effect in front: stored rules are parsed again
// on their own, far from the request that declared them.
std::string AstBuilder::RuleText(P::RuleDeclContext* ctx) {
  return PrologueText() + SourceText(ctx);
}

ast::UpdateOperation AstBuilder::Visit(P::Update1Context* ctx) {
  ast::UpdateOperation op;
  op.pos = PosOf(ctx);
  op.base_iri = base_;
  NewBgp();  // blank node labels of one operation's data form one scope
  if (auto* c = ctx->insertData()) {
    op.kind = ast::UpdateKind::kInsertData;
    op.insert_quads = Visit(c->quadData()->quads(), BlankScope::kData, false);
  } else if (auto* c = ctx->deleteData()) {
    op.kind = ast::UpdateKind::kDeleteData;
    op.delete_quads = Visit(c->quadData()->quads(), BlankScope::kForbidden, false);
  } else if (auto* c = ctx->deleteWhere()) {
    op.kind = ast::UpdateKind::kDeleteWhere;
    op.delete_quads = Visit(c->quadPattern()->quads(), BlankScope::kForbidden, true);
  } else if (auto* c = ctx->modify()) {
    op.kind = ast::UpdateKind::kModify;
    if (c->iri() != nullptr) op.with = Visit(c->iri());
    if (auto* d = c->deleteClause()) {
      op.delete_quads = Visit(d->quadPattern()->quads(), BlankScope::kForbidden, true);
    }
    if (auto* i = c->insertClause()) {
      op.insert_quads = Visit(i->quadPattern()->quads(), BlankScope::kTemplate, true);
    }
    for (auto* u : c->usingClause()) {
      (u->NAMED() ? op.using_named : op.using_graphs).push_back(Visit(u->iri()));
    }
    op.where = Visit(c->groupGraphPattern());
  } else if (auto* c = ctx->load()) {
    op.kind = ast::UpdateKind::kLoad;
    op.silent = c->SILENT() != nullptr;
    op.source = Visit(c->iri());
    if (c->graphRef() != nullptr) {
      op.target = ast::GraphTarget{ast::GraphTargetKind::kGraph, Visit(c->graphRef()->iri())};
    }
  } else if (auto* c = ctx->clear()) {
    op.kind = ast::UpdateKind::kClear;
    op.silent = c->SILENT() != nullptr;
    op.target = Visit(c->graphRefAll());
  } else if (auto* c = ctx->drop()) {
    op.kind = ast::UpdateKind::kDrop;
    op.silent = c->SILENT() != nullptr;
    op.target = Visit(c->graphRefAll());
  } else if (auto* c = ctx->create()) {
    op.kind = ast::UpdateKind::kCreate;
    op.silent = c->SILENT() != nullptr;
    op.target = ast::GraphTarget{ast::GraphTargetKind::kGraph, Visit(c->graphRef()->iri())};
  } else if (auto* c = ctx->ruleDecl()) {
    op.kind = ast::UpdateKind::kRule;
    op.rule_name = Visit(c->ruleName());
    blank_scope = BlankScope::kForbidden;  // a rule head has no existential (blank) nodes
    if (auto* t = c->constructTemplate()->constructTriples()) {
      std::vector<ast::TriplePattern> head;
      for (auto* tss : t->triplesSameSubject()) Visit(tss, head);
      for (auto& tp : head) op.insert_quads.push_back({std::move(tp), std::nullopt});
    }
    blank_scope = BlankScope::kPattern;
    op.where = Visit(c->groupGraphPattern());
    op.rule_text = RuleText(c);
  } else if (auto* c = ctx->dropRule()) {
    op.kind = ast::UpdateKind::kDropRule;
    op.silent = c->SILENT() != nullptr;
    op.rule_name = Visit(c->ruleName());
  } else {
    std::vector<P::GraphOrDefaultContext*> g;
    if (auto* c = ctx->add()) {
      op.kind = ast::UpdateKind::kAdd;
      op.silent = c->SILENT() != nullptr;
      g = c->graphOrDefault();
    } else if (auto* c = ctx->move()) {
      op.kind = ast::UpdateKind::kMove;
      op.silent = c->SILENT() != nullptr;
      g = c->graphOrDefault();
    } else if (auto* c = ctx->copy()) {
      op.kind = ast::UpdateKind::kCopy;
      op.silent = c->SILENT() != nullptr;
      g = c->graphOrDefault();
    }
    op.from = Visit(g[0]);
    op.target = Visit(g[1]);
  }
  return op;
}

}  // namespace sextant::grammar_internal
