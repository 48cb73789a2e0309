// Expressions: operators, builtin calls (arity checked here against the table of builtins.cpp),
// function calls, aggregates and EXISTS.
#include <algorithm>
#include <cctype>
#include <string>

#include "grammar/builder.h"

namespace sextant::grammar_internal {
namespace {

std::string Upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
  return s;
}

std::string ArgCount(int n) {
  return std::to_string(n) + (n == 1 ? " argument" : " arguments");
}

ast::ExprKind RelationalKind(const std::string& op) {
  if (op == "=") return ast::ExprKind::kEqual;
  if (op == "!=") return ast::ExprKind::kNotEqual;
  if (op == "<") return ast::ExprKind::kLess;
  if (op == ">") return ast::ExprKind::kGreater;
  if (op == "<=") return ast::ExprKind::kLessEqual;
  return ast::ExprKind::kGreaterEqual;
}

}  // namespace

size_t AstBuilder::ExprDepth(const ast::Expr& e) const {
  size_t d = 0;
  for (const auto& a : e.args) d = std::max(d, ExprDepth(a));
  return d + 1;
}

void AstBuilder::CheckDepth(size_t depth, ast::SourcePos pos) const {
  if (depth > static_cast<size_t>(max_depth_)) {
    Fail("expression too deep: more than " + std::to_string(max_depth_) +
             " nested operators (the nesting limit)",
         pos);
  }
}

ast::Expr AstBuilder::Binary(ast::ExprKind kind, ast::Expr lhs, ast::Expr rhs, ast::SourcePos pos) {
  std::vector<ast::Expr> args;
  args.push_back(std::move(lhs));
  args.push_back(std::move(rhs));
  return ast::Expr::Op(kind, std::move(args), pos);
}

ast::Expr AstBuilder::Visit(P::ExpressionContext* ctx) {
  const ast::SourcePos pos = PosOf(ctx);
  std::vector<ast::Expr> ors;
  for (auto* and_ctx : ctx->conditionalAndExpression()) {
    std::vector<ast::Expr> ands;
    for (auto* rel : and_ctx->relationalExpression()) {
      const auto adds = rel->additiveExpression();
      std::vector<ast::Expr> sides;
      for (auto* add : adds) {
        ast::Expr acc;
        size_t chain = 0;
        auto unary = [&](P::UnaryExpressionContext* u) {
          ast::Expr e = Visit(u->primaryExpression());
          auto wrap = [&e](ast::ExprKind kind, ast::SourcePos pos) {
            std::vector<ast::Expr> operand;
            operand.push_back(std::move(e));
            e = ast::Expr::Op(kind, std::move(operand), pos);
          };
          if (u->op != nullptr) {
            wrap(u->op->getText() == "+" ? ast::ExprKind::kUnaryPlus : ast::ExprKind::kUnaryMinus,
                 PosOf(u->op));
          }
          // The '!' tokens, innermost (last) first.
          const auto& children = u->children;
          size_t nots = 0;
          for (auto it = children.rbegin(); it != children.rend(); ++it) {
            auto* leaf = dynamic_cast<antlr4::tree::TerminalNode*>(*it);
            if (leaf == nullptr || leaf->getText() != "!") continue;
            CheckDepth(++nots, PosOf(leaf->getSymbol()));
            wrap(ast::ExprKind::kNot, PosOf(leaf->getSymbol()));
          }
          return e;
        };
        auto mul = [&](ast::Expr lhs, const std::vector<P::MultiplicativeTailContext*>& tails) {
          for (auto* t : tails) {
            CheckDepth(++chain, PosOf(t));
            lhs =
                Binary(t->op->getText() == "*" ? ast::ExprKind::kMultiply : ast::ExprKind::kDivide,
                       std::move(lhs), unary(t->unaryExpression()), PosOf(t));
          }
          return lhs;
        };
        auto* first = add->multiplicativeExpression();
        acc = mul(unary(first->unaryExpression()), first->multiplicativeTail());
        for (auto* tail : add->additiveTail()) {
          CheckDepth(++chain, PosOf(tail));
          if (tail->op != nullptr) {
            auto* m = tail->multiplicativeExpression();
            ast::Expr rhs = mul(unary(m->unaryExpression()), m->multiplicativeTail());
            acc =
                Binary(tail->op->getText() == "+" ? ast::ExprKind::kAdd : ast::ExprKind::kSubtract,
                       std::move(acc), std::move(rhs), PosOf(tail));
          } else {
            // "?a -2 * ?b": the sign is the operator, the unsigned number starts the product.
            Term signed_term = Visit(tail->signedNumber());
            const bool minus = signed_term.value()[0] == '-';
            ast::Expr number = ast::Expr::Constant(
                Term::TypedLiteral(signed_term.value().substr(1), signed_term.datatype()),
                PosOf(tail));
            ast::Expr rhs = mul(std::move(number), tail->multiplicativeTail());
            acc = Binary(minus ? ast::ExprKind::kSubtract : ast::ExprKind::kAdd, std::move(acc),
                         std::move(rhs), PosOf(tail));
          }
        }
        sides.push_back(std::move(acc));
      }
      ast::Expr r;
      if (rel->op != nullptr) {
        r = Binary(RelationalKind(rel->op->getText()), std::move(sides[0]), std::move(sides[1]),
                   PosOf(rel->op));
      } else if (rel->IN() != nullptr) {
        std::vector<ast::Expr> args;
        args.push_back(std::move(sides[0]));
        for (auto& e : Visit(rel->expressionList())) args.push_back(std::move(e));
        r = ast::Expr::Op(rel->NOT() ? ast::ExprKind::kNotIn : ast::ExprKind::kIn, std::move(args),
                          PosOf(rel->IN()->getSymbol()));
      } else {
        r = std::move(sides[0]);
      }
      ands.push_back(std::move(r));
    }
    ors.push_back(ands.size() == 1 ? std::move(ands[0])
                                   : ast::Expr::Op(ast::ExprKind::kAnd, std::move(ands), pos));
  }
  ast::Expr result =
      ors.size() == 1 ? std::move(ors[0]) : ast::Expr::Op(ast::ExprKind::kOr, std::move(ors), pos);
  CheckDepth(ExprDepth(result), pos);
  return result;
}

ast::Expr AstBuilder::Visit(P::PrimaryExpressionContext* ctx) {
  const ast::SourcePos pos = PosOf(ctx);
  if (auto* b = ctx->brackettedExpression()) return Visit(b->expression());
  if (auto* call = ctx->builtInCall()) return Visit(call);
  if (auto* f = ctx->iriOrFunction()) {
    std::string iri = Visit(f->iri());
    if (f->argList() == nullptr) return ast::Expr::Constant(Term::Iri(std::move(iri)), pos);
    return FunctionCall(iri, f->argList(), pos);
  }
  if (auto* l = ctx->rdfLiteral()) return ast::Expr::Constant(Visit(l), pos);
  if (auto* n = ctx->numericLiteral()) return ast::Expr::Constant(Visit(n), pos);
  if (auto* b = ctx->booleanLiteral()) return ast::Expr::Constant(Visit(b), pos);
  if (auto* t = ctx->exprTripleTerm()) return Visit(t);
  return ast::Expr::Var(VarName(ctx->var()), pos);
}

// <<( s p o )>> in an expression is the triple term of its parts' values: TRIPLE(s, p, o).
ast::Expr AstBuilder::Visit(P::ExprTripleTermContext* ctx) {
  const ast::SourcePos pos = PosOf(ctx);
  auto part = [&](const ast::VarOrTerm& v) {
    if (const auto* var = std::get_if<ast::Variable>(&v)) return ast::Expr::Var(var->name, pos);
    return ast::Expr::Constant(std::get<Term>(v), pos);
  };
  ast::Expr e;
  e.kind = ast::ExprKind::kBuiltin;
  e.builtin = ast::Builtin::kTriple;
  e.pos = pos;
  e.args.push_back(ctx->var() != nullptr ? ast::Expr::Var(VarName(ctx->var()), pos)
                                         : ast::Expr::Constant(Term::Iri(Visit(ctx->iri())), pos));
  e.args.push_back(part(Visit(ctx->verb())));
  auto* o = ctx->exprTripleTermObject();
  if (o->exprTripleTerm() != nullptr) {
    e.args.push_back(Visit(o->exprTripleTerm()));
  } else if (o->var() != nullptr) {
    e.args.push_back(ast::Expr::Var(VarName(o->var()), pos));
  } else if (o->iri() != nullptr) {
    e.args.push_back(ast::Expr::Constant(Term::Iri(Visit(o->iri())), pos));
  } else if (o->rdfLiteral() != nullptr) {
    e.args.push_back(ast::Expr::Constant(Visit(o->rdfLiteral()), pos));
  } else if (o->numericLiteral() != nullptr) {
    e.args.push_back(ast::Expr::Constant(Visit(o->numericLiteral()), pos));
  } else {
    e.args.push_back(ast::Expr::Constant(Visit(o->booleanLiteral()), pos));
  }
  return e;
}

std::vector<ast::Expr> AstBuilder::Visit(P::ExpressionListContext* ctx) {
  std::vector<ast::Expr> out;
  for (auto* e : ctx->expression()) out.push_back(Visit(e));
  return out;
}

ast::Expr AstBuilder::FunctionCall(const std::string& iri, P::ArgListContext* args,
                                   ast::SourcePos pos) {
  ast::Expr e;
  e.kind = ast::ExprKind::kFunctionCall;
  e.iri = iri;
  e.pos = pos;
  e.distinct = args->DISTINCT() != nullptr;
  for (auto* a : args->expression()) e.args.push_back(Visit(a));
  return e;
}

ast::Expr AstBuilder::Visit(P::ConstraintContext* ctx) {
  if (auto* b = ctx->brackettedExpression()) return Visit(b->expression());
  if (auto* call = ctx->builtInCall()) return Visit(call);
  auto* f = ctx->functionCall();
  return FunctionCall(Visit(f->iri()), f->argList(), PosOf(f));
}

ast::Expr AstBuilder::Visit(P::BuiltInCallContext* ctx) {
  const ast::SourcePos pos = PosOf(ctx);
  if (auto* agg = ctx->aggregate()) return Visit(agg);
  ast::Expr e;
  e.pos = pos;
  if (ctx->EXISTS() != nullptr) {
    e.kind = ctx->NOT() ? ast::ExprKind::kNotExists : ast::ExprKind::kExists;
    e.pattern = std::make_shared<ast::GroupPattern>(Visit(ctx->groupGraphPattern()));
    return e;
  }
  e.kind = ast::ExprKind::kBuiltin;
  if (ctx->BOUND() != nullptr) {
    e.builtin = ast::Builtin::kBound;
    e.args.push_back(ast::Expr::Var(VarName(ctx->var()), PosOf(ctx->var())));
    return e;
  }
  if (ctx->BNODE() != nullptr) {
    e.builtin = ast::Builtin::kBnode;
    if (ctx->expression() != nullptr) e.args.push_back(Visit(ctx->expression()));
    return e;
  }
  const std::string name = Upper(ctx->BUILTIN_FN()->getText());
  const ast::BuiltinSpec* spec = ast::BuiltinNamed(name);
  if (spec == nullptr) Fail("unknown function " + name, pos);  // the lexer and the table disagree
  e.builtin = spec->builtin;
  e.args = Visit(ctx->expressionList());
  if (!ast::AcceptsArgCount(*spec, e.args.size())) {
    const int lo = spec->min_args, hi = spec->max_args;
    const std::string expect = lo == hi ? ArgCount(lo)
                               : hi < 0 ? "at least " + ArgCount(lo)
                                        : std::to_string(lo) + " or " + ArgCount(hi);
    Fail(name + " takes " + expect + ", not " + std::to_string(e.args.size()), pos);
  }
  return e;
}

ast::Expr AstBuilder::Visit(P::AggregateContext* ctx) {
  ast::Expr e;
  e.kind = ast::ExprKind::kAggregate;
  e.pos = PosOf(ctx);
  e.distinct = ctx->DISTINCT() != nullptr;
  if (ctx->COUNT()) {
    e.aggregate = ast::Aggregate::kCount;
  } else if (ctx->SUM()) {
    e.aggregate = ast::Aggregate::kSum;
  } else if (ctx->MIN()) {
    e.aggregate = ast::Aggregate::kMin;
  } else if (ctx->MAX()) {
    e.aggregate = ast::Aggregate::kMax;
  } else if (ctx->AVG()) {
    e.aggregate = ast::Aggregate::kAvg;
  } else if (ctx->SAMPLE()) {
    e.aggregate = ast::Aggregate::kSample;
  } else {
    e.aggregate = ast::Aggregate::kGroupConcat;
  }
  if (ctx->expression() != nullptr) e.args.push_back(Visit(ctx->expression()));
  if (ctx->string() != nullptr) e.separator = Visit(ctx->string());
  return e;
}

}  // namespace sextant::grammar_internal
