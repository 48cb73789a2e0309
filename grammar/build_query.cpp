// Statements and queries: prologue, the four query forms, solution modifiers, VALUES.
#include <algorithm>
#include <charconv>
#include <string>

#include "base/iri_resolve.h"
#include "grammar/builder.h"
#include "grammar/iri.h"

namespace sextant::grammar_internal {

ast::Statement AstBuilder::Build(P::StatementContext* ctx) {
  ast::Statement s;
  if (ctx->query() != nullptr) {
    if (auto* ex = ctx->explain()) {
      s.explain = true;
      s.analyze = ex->ANALYZE() != nullptr;
    }
    s.body = Visit(ctx->query());
  } else if (auto* why = ctx->explainWhy()) {
    Visit(why->prologue());
    s.explain_why = true;
    s.body = ast::Query();
    blank_scope = BlankScope::kForbidden;
    Visit(why->triplesTemplate(), s.why);
    for (const auto& t : s.why) {
      if (!std::holds_alternative<Term>(t.subject) || !std::holds_alternative<Term>(t.predicate) ||
          !std::holds_alternative<Term>(t.object)) {
        Fail("EXPLAIN WHY takes ground triples (no variables)", t.pos);
      }
    }
  } else {
    s.body = Visit(ctx->update());
  }
  return s;
}

void AstBuilder::Visit(P::PrologueContext* ctx) {
  for (auto* child : ctx->children) {
    if (auto* b = dynamic_cast<P::BaseDeclContext*>(child)) {
      const std::string text = b->IRIREF()->getText();
      std::string error;
      auto iri = UnescapeIri(std::string_view(text).substr(1, text.size() - 2), &error);
      if (!iri) Fail(error, PosOf(b->IRIREF()->getSymbol()));
      base_ = HasScheme(*iri) || base_.empty() ? *iri : ResolveIri(base_, *iri);
    } else if (auto* p = dynamic_cast<P::PrefixDeclContext*>(child)) {
      const std::string ns = p->PNAME_NS()->getText();
      const std::string text = p->IRIREF()->getText();
      std::string error;
      auto iri = UnescapeIri(std::string_view(text).substr(1, text.size() - 2), &error);
      if (!iri) Fail(error, PosOf(p->IRIREF()->getSymbol()));
      prefixes_[ns.substr(0, ns.size() - 1)] =
          ResolveRelative(*iri, PosOf(p->IRIREF()->getSymbol()));
    }
  }
}

void AstBuilder::Visit(P::SelectClauseContext* ctx, ast::Query& q) {
  q.form = ast::QueryForm::kSelect;
  q.pos = PosOf(ctx);
  q.distinct = ctx->DISTINCT() != nullptr;
  q.reduced = ctx->REDUCED() != nullptr;
  const auto vars = ctx->selectVar();
  q.select_all = vars.empty();
  for (auto* v : vars) {
    ast::SelectItem item;
    item.var = VarName(v->var());
    item.pos = PosOf(v->var());
    if (v->expression() != nullptr) item.expr = Visit(v->expression());
    q.projection.push_back(std::move(item));
  }
}

void AstBuilder::AddDataset(const std::vector<P::DatasetClauseContext*>& ctxs, ast::Query& q) {
  for (auto* d : ctxs) (d->NAMED() ? q.from_named : q.from).push_back(Visit(d->iri()));
}

namespace {

uint64_t ParseCount(antlr4::tree::TerminalNode* node) {
  const std::string text = node->getText();
  uint64_t v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size()) {
    Fail("number " + text + " is too large", PosOf(node->getSymbol()));
  }
  return v;
}

}  // namespace

void AstBuilder::Visit(P::SolutionModifierContext* ctx, ast::Query& q) {
  if (auto* g = ctx->groupClause()) {
    for (auto* c : g->groupCondition()) {
      ast::GroupCondition gc;
      if (c->builtInCall() != nullptr) {
        gc.expr = Visit(c->builtInCall());
      } else if (auto* f = c->functionCall()) {
        gc.expr = FunctionCall(Visit(f->iri()), f->argList(), PosOf(f));
      } else if (c->expression() != nullptr) {
        gc.expr = Visit(c->expression());
        if (c->var() != nullptr) gc.as = VarName(c->var());
      } else {
        gc.expr = ast::Expr::Var(VarName(c->var()), PosOf(c->var()));
      }
      q.group_by.push_back(std::move(gc));
    }
  }
  if (auto* h = ctx->havingClause()) {
    for (auto* c : h->constraint()) q.having.push_back(Visit(c));
  }
  if (auto* o = ctx->orderClause()) {
    for (auto* c : o->orderCondition()) {
      ast::OrderCondition oc;
      if (c->brackettedExpression() != nullptr) {
        oc.descending = c->DESC() != nullptr;
        oc.expr = Visit(c->brackettedExpression()->expression());
      } else if (c->constraint() != nullptr) {
        oc.expr = Visit(c->constraint());
      } else {
        oc.expr = ast::Expr::Var(VarName(c->var()), PosOf(c->var()));
      }
      q.order_by.push_back(std::move(oc));
    }
  }
  if (auto* lo = ctx->limitOffsetClauses()) {
    if (auto* l = lo->limitClause()) q.limit = ParseCount(l->INTEGER());
    if (auto* o = lo->offsetClause()) q.offset = ParseCount(o->INTEGER());
  }
}

ast::ValuesBlock AstBuilder::Visit(P::DataBlockContext* ctx) {
  ast::ValuesBlock v;
  if (auto* one = ctx->inlineDataOneVar()) {
    v.vars.push_back(VarName(one->var()));
    for (auto* value : one->dataBlockValue()) v.rows.push_back({Visit(value)});
    return v;
  }
  auto* full = ctx->inlineDataFull();
  for (auto* var : full->var()) {
    std::string name = VarName(var);
    if (std::find(v.vars.begin(), v.vars.end(), name) != v.vars.end()) {
      Fail("?" + name + " is listed twice in VALUES", PosOf(var));
    }
    v.vars.push_back(std::move(name));
  }
  for (auto* row_ctx : full->dataBlockRow()) {
    std::vector<std::optional<Term>> row;
    for (auto* value : row_ctx->dataBlockValue()) row.push_back(Visit(value));
    if (row.size() != v.vars.size()) {
      Fail("VALUES row has " + std::to_string(row.size()) + " value(s) for " +
               std::to_string(v.vars.size()) + " variable(s)",
           PosOf(row_ctx));
    }
    v.rows.push_back(std::move(row));
  }
  return v;
}

ast::Query AstBuilder::Visit(P::SubSelectContext* ctx) {
  ast::Query q;
  q.base_iri = base_;
  Visit(ctx->selectClause(), q);
  q.where = Visit(ctx->whereClause()->groupGraphPattern());
  Visit(ctx->solutionModifier(), q);
  if (auto* d = ctx->valuesClause()->dataBlock()) q.values = Visit(d);
  return q;
}

ast::Query AstBuilder::Visit(P::QueryContext* ctx) {
  Visit(ctx->prologue());
  ast::Query q;
  q.base_iri = base_;
  if (auto* s = ctx->selectQuery()) {
    Visit(s->selectClause(), q);
    AddDataset(s->datasetClause(), q);
    q.where = Visit(s->whereClause()->groupGraphPattern());
    Visit(s->solutionModifier(), q);
  } else if (auto* c = ctx->constructQuery()) {
    q.form = ast::QueryForm::kConstruct;
    q.pos = PosOf(c);
    AddDataset(c->datasetClause(), q);
    if (auto* t = c->constructTemplate()) {
      blank_scope = BlankScope::kTemplate;
      if (t->constructTriples() != nullptr) {
        for (auto* tss : t->constructTriples()->triplesSameSubject()) {
          Visit(tss, q.construct_template);
        }
      }
      blank_scope = BlankScope::kPattern;
      q.where = Visit(c->whereClause()->groupGraphPattern());
    } else {
      // CONSTRUCT WHERE { triples }: the pattern is also the template.
      NewBgp();
      ast::PatternElement e;
      e.kind = ast::ElementKind::kTriples;
      e.pos = PosOf(c->WHERE()->getSymbol());
      if (c->triplesTemplate() != nullptr) Visit(c->triplesTemplate(), e.triples);
      q.construct_template = e.triples;
      q.where.emplace();
      q.where->elements.push_back(std::move(e));
    }
    Visit(c->solutionModifier(), q);
  } else if (auto* d = ctx->describeQuery()) {
    q.form = ast::QueryForm::kDescribe;
    q.pos = PosOf(d);
    const auto targets = d->varOrIri();
    q.select_all = targets.empty();
    for (auto* t : targets) q.describe.push_back(Visit(t));
    AddDataset(d->datasetClause(), q);
    if (auto* w = d->whereClause()) q.where = Visit(w->groupGraphPattern());
    Visit(d->solutionModifier(), q);
  } else if (auto* a = ctx->askQuery()) {
    q.form = ast::QueryForm::kAsk;
    q.pos = PosOf(a);
    AddDataset(a->datasetClause(), q);
    q.where = Visit(a->whereClause()->groupGraphPattern());
    Visit(a->solutionModifier(), q);
  }
  if (auto* d = ctx->valuesClause()->dataBlock()) q.values = Visit(d);
  return q;
}

}  // namespace sextant::grammar_internal
