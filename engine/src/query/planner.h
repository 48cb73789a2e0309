// From the AST to a tree of physical operators. Follows the SPARQL algebra translation
// (section 18.2) group by group, and on the way: orders the triple patterns of each basic
// graph pattern greedily by estimated cardinality (from the store's statistics), evaluates
// them as index nested-loop joins, pushes filters to the first point where all their
// variables are bound, and hash-joins independently evaluated parts (OPTIONAL, UNION, MINUS,
// sub-groups, subqueries) with compatibility semantics.
#pragma once

#include <deque>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "grammar/ast.h"
#include "query/operator.h"
#include "query/ops_scan.h"
#include "query/query_context.h"

namespace sextant::query {

// A planned query level: its operator tree and how to read its output rows.
struct PlannedQuery {
  OperatorPtr root;
  VarTable vars;
  size_t width = 0;
  std::vector<std::string> projected;  // SELECT variables, in order
  std::vector<int> projected_slots;
  // A subquery inside GRAPH: the slot holding the active graph (kept through projection).
  int active_graph_slot = -1;
  // Subquery levels and expressions the plan refers to, kept alive with it.
  std::vector<std::unique_ptr<PlannedQuery>> children;
  std::deque<ast::Expr> owned_exprs;
};

struct BgpItem;  // one item of a basic graph pattern (planner.cpp)

class Planner {
 public:
  explicit Planner(QueryContext* qc) : qc_(qc) {}
  // The graph the top-level pattern reads: a subquery inside GRAPH reads the active graph.
  void set_outer_graph(const GraphSpec& g, bool variable) {
    outer_graph_ = g;
    outer_graph_is_var_ = variable;
  }

  // Plans a whole query. `seed`: variable bindings every solution starts from (prepared
  // query parameters); may be empty.
  Result<std::unique_ptr<PlannedQuery>> Plan(
      const ast::Query& query, const std::vector<std::pair<std::string, TermId>>& seed);

 private:
  struct Sub {
    OperatorPtr op;
    std::set<int> certain;  // slots bound in every row
    std::set<int> maybe;    // slots bound in some rows
    bool trivial = false;   // the single all-unbound row: joining with it is the identity
  };
  struct Level;  // per query level state (variables, width)

  Result<std::unique_ptr<PlannedQuery>> PlanLevel(
      const ast::Query& query, const std::vector<std::pair<std::string, TermId>>& seed, bool top);
  Result<Sub> PlanGroup(const ast::GroupPattern& group, Sub input, const GraphSpec& graph,
                        std::vector<const ast::Expr*>* lifted_filters);
  Result<Sub> PlanTriples(const std::vector<const ast::TriplePattern*>& triples,
                          const std::vector<const ast::ValuesBlock*>& values, Sub input,
                          const GraphSpec& graph, std::vector<const ast::Expr*>* pending_filters);
  double EstimatePath(const ast::Path& path, bool s_bound, bool o_bound, const GraphSpec& graph);
  double ScanRows(const PatternTerm terms[3], const GraphSpec& graph);
  double ScanRowsWithValues(const std::vector<BgpItem>& items, const std::vector<bool>& used,
                            const BgpItem& it, const Sub& cur, const GraphSpec& graph,
                            int* values_item);
  static bool HashJoinIsCheaper(double scan_rows, double input_rows);
  // A VALUES item (index into items) that, joined before `it`, makes `it` a check whose every
  // (predicate, value) range is in the RangeCache; -1 if none.
  std::vector<TermId> SingleColumnValues(const BgpItem& values);
  // `rows`: the estimated input rows; the checks must cost less than a hash or index join.
  int ValuesThatMakeACheck(const std::vector<BgpItem>& items, const std::vector<bool>& used,
                           const BgpItem& it, const Sub& cur, const GraphSpec& graph, double rows);
  static bool BindsOnlyThroughPatterns(const ast::GroupPattern& group);
  Result<Sub> PlanGraphByGraph(const ast::GroupPattern& group, int graph_slot);
  Result<Sub> PlanSubQuery(const ast::Query& query, const GraphSpec& graph);
  Sub Join(Sub left, Sub right);
  Sub Singleton();
  Result<OperatorPtr> ApplyFilters(OperatorPtr op, const std::vector<const ast::Expr*>& filters);
  Result<CompiledExprPtr> Compile(const ast::Expr& expr);
  PatternTerm TermOf(const ast::VarOrTerm& v);
  Result<TermId> StoredId(const Term& t);

  void SetHooks();

  QueryContext* qc_;
  PlannedQuery* level_ = nullptr;  // the level being planned
  CompileHooks hooks_;
  GraphSpec outer_graph_;
  bool outer_graph_is_var_ = false;
  GraphSpec current_graph_;  // graph context of the group being planned (for EXISTS)
  std::vector<std::unique_ptr<PlannedQuery>> keepalive_;

  friend bool EvaluateExists(QueryContext* qc, int index, const TermId* row);
};

// Evaluates registered EXISTS pattern `index` for one row: plans the pattern seeded with the
// row's bindings (the spec's substitution semantics) and looks for one solution.
bool EvaluateExists(QueryContext* qc, int index, const TermId* row);

}  // namespace sextant::query
