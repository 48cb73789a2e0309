#include "shacl/prebinding.h"

#include <memory>

namespace sextant::shacl {
namespace {

Status Unsupported(const std::string& what) {
  return Status::InvalidArgument("SHACL-SPARQL query uses " + what +
                                 ", which is not allowed with pre-bound variables (SHACL 5.2.1)");
}

class PrebindingChecker {
 public:
  PrebindingChecker(const std::set<std::string>& prebound, const std::set<std::string>& required)
      : prebound_(prebound), required_(required) {}

  Status Query(const ast::Query& q, bool top) {
    if (q.values) return Unsupported("VALUES");
    if (!top) {
      std::set<std::string> projected;
      if (q.select_all) {
        if (q.where) CollectBound(*q.where, &projected);
      } else {
        for (const auto& item : q.projection) projected.insert(item.var);
      }
      for (const auto& v : required_) {
        if (!projected.count(v)) {
          return Unsupported("a sub-query that does not project $" + v);
        }
      }
    }
    for (const auto& item : q.projection) {
      if (item.expr && prebound_.count(item.var)) return Unsupported("(... AS $" + item.var + ")");
      if (item.expr) SEXTANT_RETURN_IF_ERROR(Expr(*item.expr));
    }
    for (const auto& g : q.group_by) {
      if (g.as && prebound_.count(*g.as)) return Unsupported("GROUP BY (... AS $" + *g.as + ")");
    }
    if (q.where) SEXTANT_RETURN_IF_ERROR(Group(*q.where));
    for (const auto& h : q.having) SEXTANT_RETURN_IF_ERROR(Expr(h));
    return Status::OK();
  }

 private:
  // Variables a pattern can bind (for SELECT * of a sub-query).
  static void CollectBound(const ast::GroupPattern& g, std::set<std::string>* out) {
    auto add = [&](const ast::VarOrTerm& v) {
      if (const auto* var = std::get_if<ast::Variable>(&v)) out->insert(var->name);
    };
    for (const auto& e : g.elements) {
      for (const auto& t : e.triples) {
        add(t.subject);
        add(t.object);
        if (const auto* var = std::get_if<ast::Variable>(&t.predicate)) out->insert(var->name);
      }
      if (e.kind == ast::ElementKind::kBind) out->insert(e.var);
      if (e.kind == ast::ElementKind::kGraph) add(e.name);
      if (e.kind == ast::ElementKind::kSubQuery && e.subquery) {
        for (const auto& item : e.subquery->projection) out->insert(item.var);
      }
      if (e.kind != ast::ElementKind::kMinus) {
        for (const auto& sub : e.groups) CollectBound(sub, out);
      }
    }
  }

  Status Group(const ast::GroupPattern& g) {
    for (const auto& e : g.elements) {
      switch (e.kind) {
        case ast::ElementKind::kMinus: return Unsupported("MINUS");
        case ast::ElementKind::kService: return Unsupported("SERVICE");
        case ast::ElementKind::kValues: return Unsupported("VALUES");
        case ast::ElementKind::kBind:
          if (prebound_.count(e.var)) return Unsupported("BIND (... AS $" + e.var + ")");
          SEXTANT_RETURN_IF_ERROR(Expr(e.expr));
          break;
        case ast::ElementKind::kFilter: SEXTANT_RETURN_IF_ERROR(Expr(e.expr)); break;
        case ast::ElementKind::kSubQuery:
          if (e.subquery) SEXTANT_RETURN_IF_ERROR(Query(*e.subquery, false));
          break;
        default: break;
      }
      for (const auto& sub : e.groups) SEXTANT_RETURN_IF_ERROR(Group(sub));
    }
    return Status::OK();
  }

  Status Expr(const ast::Expr& e) {
    if (e.pattern) SEXTANT_RETURN_IF_ERROR(Group(*e.pattern));
    for (const auto& a : e.args) SEXTANT_RETURN_IF_ERROR(Expr(a));
    return Status::OK();
  }

  const std::set<std::string>& prebound_;
  const std::set<std::string>& required_;
};

class Substituter {
 public:
  explicit Substituter(const std::map<std::string, Term>& values) : values_(values) {}

  void Query(ast::Query& q) {
    for (auto& item : q.projection) {
      if (item.expr) Expr(*item.expr);
    }
    if (q.where) Group(*q.where);
    for (auto& g : q.group_by) Expr(g.expr);
    for (auto& h : q.having) Expr(h);
    for (auto& o : q.order_by) Expr(o.expr);
  }

 private:
  const Term* ValueOf(const std::string& name) const {
    auto it = values_.find(name);
    return it == values_.end() ? nullptr : &it->second;
  }

  void Node(ast::VarOrTerm& v) const {
    const auto* var = std::get_if<ast::Variable>(&v);
    if (var == nullptr) return;
    const Term* t = ValueOf(var->name);
    if (t != nullptr && !t->is_blank()) v = *t;
  }

  void Group(ast::GroupPattern& g) {
    for (auto& e : g.elements) {
      for (auto& t : e.triples) {
        Node(t.subject);
        Node(t.object);
        if (const auto* var = std::get_if<ast::Variable>(&t.predicate)) {
          const Term* value = ValueOf(var->name);
          if (value != nullptr && value->is_iri()) t.predicate = *value;
        }
      }
      if (e.kind == ast::ElementKind::kFilter || e.kind == ast::ElementKind::kBind) Expr(e.expr);
      if (e.kind == ast::ElementKind::kGraph) Node(e.name);
      if (e.kind == ast::ElementKind::kSubQuery && e.subquery) {
        auto copy = std::make_shared<ast::Query>(*e.subquery);
        Query(*copy);
        e.subquery = std::move(copy);
      }
      for (auto& sub : e.groups) Group(sub);
    }
  }

  void Expr(ast::Expr& e) {
    if (e.kind == ast::ExprKind::kVariable) {
      if (const Term* t = ValueOf(e.var)) e = ast::Expr::Constant(*t, e.pos);
      return;
    }
    if (e.kind == ast::ExprKind::kBuiltin && e.builtin == ast::Builtin::kBound &&
        e.args.size() == 1 && e.args[0].kind == ast::ExprKind::kVariable &&
        ValueOf(e.args[0].var) != nullptr) {
      e = ast::Expr::Constant(Term::TypedLiteral("true", std::string(sextant::vocab::kXsdBoolean)),
                              e.pos);
      return;
    }
    if (e.pattern) {
      auto copy = std::make_shared<ast::GroupPattern>(*e.pattern);
      Group(*copy);
      e.pattern = std::move(copy);
    }
    for (auto& a : e.args) Expr(a);
  }

  const std::map<std::string, Term>& values_;
};

}  // namespace

Status CheckPrebinding(const ast::Query& query, const std::set<std::string>& prebound,
                       const std::set<std::string>& required) {
  return PrebindingChecker(prebound, required).Query(query, true);
}

ast::Query SubstituteVariables(const ast::Query& query, const std::map<std::string, Term>& values) {
  ast::Query copy = query;
  Substituter(values).Query(copy);
  return copy;
}

}  // namespace sextant::shacl
