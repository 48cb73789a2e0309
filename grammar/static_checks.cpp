#include "grammar/static_checks.h"

#include <set>
#include <string>

namespace sextant::grammar_internal {
namespace {

using VarSet = std::set<std::string>;

// Walks queries and patterns; the first violation is kept and stops further reporting.
class Checker {
 public:
  std::optional<CheckError> error;

  void Report(std::string message, ast::SourcePos pos) {
    if (!error) error = CheckError{std::move(message), pos};
  }

  void CheckQuery(ast::Query& q) {
    VarSet where_vars;
    if (q.where) {
      CheckGroup(*q.where);
      where_vars = InScope(*q.where);
    }
    for (auto& g : q.group_by) {
      CheckNoAggregate(g.expr, "GROUP BY");
      CheckExprPatterns(g.expr);
    }
    bool has_aggregate = false;
    for (auto& item : q.projection) {
      if (item.expr) {
        has_aggregate |= CheckAggregates(*item.expr);
        CheckExprPatterns(*item.expr);
      }
    }
    for (auto& h : q.having) {
      has_aggregate |= CheckAggregates(h);
      CheckExprPatterns(h);
    }
    for (auto& o : q.order_by) {
      has_aggregate |= CheckAggregates(o.expr);
      CheckExprPatterns(o.expr);
    }
    q.aggregated = has_aggregate || !q.group_by.empty();

    // (expr AS ?v): ?v must be new, both to what the WHERE clause (or, grouped, the GROUP BY)
    // leaves in scope and to earlier projections.
    VarSet projected;
    const VarSet in_scope = q.aggregated ? GroupKeys(q) : where_vars;
    for (const auto& item : q.projection) {
      if (item.expr && (in_scope.contains(item.var) || projected.contains(item.var))) {
        Report("?" + item.var + " is already in scope; (expression AS ?" + item.var +
                   ") must introduce a new variable",
               item.pos);
      }
      projected.insert(item.var);
    }

    if (q.aggregated && q.form == ast::QueryForm::kSelect) CheckGrouping(q);
  }

  // The variables a GROUP BY keeps in scope: its plain variables and its (expr AS ?v) names.
  static VarSet GroupKeys(const ast::Query& q) {
    VarSet keys;
    for (const auto& g : q.group_by) {
      if (g.as) {
        keys.insert(*g.as);
      } else if (g.expr.kind == ast::ExprKind::kVariable) {
        keys.insert(g.expr.var);
      }
    }
    return keys;
  }

  void CheckGrouping(const ast::Query& q) {
    if (q.select_all) {
      Report("SELECT * is not allowed in a query with GROUP BY or aggregates", q.pos);
      return;
    }
    VarSet keys = GroupKeys(q);
    for (const auto& item : q.projection) {
      if (!item.expr) {
        if (!keys.contains(item.var)) {
          Report("?" + item.var +
                     " is neither grouped nor aggregated (add it to GROUP BY or use "
                     "an aggregate such as SAMPLE(?" +
                     item.var + "))",
                 item.pos);
        }
      } else {
        CheckGroupedVars(*item.expr, keys);
      }
      keys.insert(item.var);
    }
  }

  // Variables used outside aggregates must be grouping keys.
  void CheckGroupedVars(const ast::Expr& e, const VarSet& keys) {
    if (e.kind == ast::ExprKind::kAggregate) return;
    if (e.kind == ast::ExprKind::kVariable && !keys.contains(e.var)) {
      Report("?" + e.var +
                 " is neither grouped nor aggregated (add it to GROUP BY or use an "
                 "aggregate)",
             e.pos);
    }
    for (const auto& a : e.args) CheckGroupedVars(a, keys);
  }

  // Returns whether `e` contains an aggregate; reports nested aggregates.
  bool CheckAggregates(const ast::Expr& e, bool inside = false) {
    if (e.kind == ast::ExprKind::kAggregate) {
      if (inside) Report("aggregates cannot be nested", e.pos);
      for (const auto& a : e.args) CheckAggregates(a, true);
      return true;
    }
    bool any = false;
    for (const auto& a : e.args) any |= CheckAggregates(a, inside);
    return any;
  }

  void CheckNoAggregate(const ast::Expr& e, const char* where) {
    if (e.kind == ast::ExprKind::kAggregate) {
      Report(std::string(AggregateName(e.aggregate)) +
                 " is an aggregate: aggregates are allowed "
                 "only in SELECT, HAVING and ORDER BY, not in " +
                 where,
             e.pos);
    }
    for (const auto& a : e.args) CheckNoAggregate(a, where);
  }

  // Patterns inside EXISTS / NOT EXISTS.
  void CheckExprPatterns(const ast::Expr& e) {
    if (e.pattern) CheckGroup(*e.pattern);
    for (const auto& a : e.args) CheckExprPatterns(a);
  }

  void CheckGroup(ast::GroupPattern& g) {
    VarSet before;  // in scope from the preceding elements of this group
    for (auto& e : g.elements) {
      switch (e.kind) {
        case ast::ElementKind::kFilter:
          CheckNoAggregate(e.expr, "FILTER");
          CheckExprPatterns(e.expr);
          break;
        case ast::ElementKind::kBind:
          CheckNoAggregate(e.expr, "BIND");
          CheckExprPatterns(e.expr);
          if (before.contains(e.var)) {
            Report("BIND target ?" + e.var + " is already in scope in this group", e.pos);
          }
          break;
        case ast::ElementKind::kSubQuery: CheckQuery(*e.subquery); break;
        default:
          for (auto& inner : e.groups) CheckGroup(inner);
          break;
      }
      VarSet vars = InScope(e);
      before.insert(vars.begin(), vars.end());
    }
  }

  static void AddVar(const ast::VarOrTerm& v, VarSet& out) {
    ast::ForEachVariable(v, [&out](const std::string& name) { out.insert(name); });
  }

  static VarSet InScope(const ast::GroupPattern& g) {
    VarSet out;
    for (const auto& e : g.elements) {
      VarSet v = InScope(e);
      out.insert(v.begin(), v.end());
    }
    return out;
  }

  static VarSet InScope(const ast::PatternElement& e) {
    VarSet out;
    switch (e.kind) {
      case ast::ElementKind::kTriples:
        for (const auto& t : e.triples) {
          AddVar(t.subject, out);
          AddVar(t.object, out);
          if (const auto* v = std::get_if<ast::Variable>(&t.predicate)) out.insert(v->name);
        }
        break;
      case ast::ElementKind::kGraph:
      case ast::ElementKind::kService: AddVar(e.name, out); [[fallthrough]];
      case ast::ElementKind::kGroup:
      case ast::ElementKind::kOptional:
      case ast::ElementKind::kUnion:
        for (const auto& g : e.groups) {
          VarSet v = InScope(g);
          out.insert(v.begin(), v.end());
        }
        break;
      case ast::ElementKind::kBind: out.insert(e.var); break;
      case ast::ElementKind::kValues: out.insert(e.values.vars.begin(), e.values.vars.end()); break;
      case ast::ElementKind::kSubQuery:
        if (e.subquery->select_all) {
          if (e.subquery->where) out = InScope(*e.subquery->where);
        } else {
          for (const auto& item : e.subquery->projection) out.insert(item.var);
        }
        break;
      case ast::ElementKind::kMinus:
      case ast::ElementKind::kFilter: break;
    }
    return out;
  }
};

}  // namespace

std::set<std::string> VariablesInScope(const ast::GroupPattern& group) {
  return Checker::InScope(group);
}

std::optional<CheckError> CheckStatement(ast::Statement& statement) {
  Checker checker;
  if (auto* q = std::get_if<ast::Query>(&statement.body)) {
    checker.CheckQuery(*q);
  } else {
    for (auto& op : std::get<ast::Update>(statement.body).operations) {
      if (op.where) checker.CheckGroup(*op.where);
    }
  }
  return checker.error;
}

}  // namespace sextant::grammar_internal
