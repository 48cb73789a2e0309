// From the AST to a tree of physical operators. Follows the SPARQL algebra translation
// (section 18.2) group by group, and on the way: orders the triple patterns of each basic
// graph pattern greedily by estimated cardinality (from the store's statistics), evaluates
// them as index nested-loop joins, pushes filters to the first point where all their
// variables are bound, and hash-joins independently evaluated parts (OPTIONAL, UNION, MINUS,
// sub-groups, subqueries) with compatibility semantics.
//
// The stages live in their own files: path rewriting (path_rewrite.cpp, bgp.h), the cost
// model (cost_model.cpp), join ordering (join_order.cpp), and the operator building of basic
// graph patterns (plan_bgp.cpp), group patterns (plan_group.cpp) and query levels
// (plan_level.cpp), and SERVICE (plan_service.cpp).
#pragma once

#include <deque>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "grammar/ast.h"
#include "query/join_order.h"
#include "query/operator.h"
#include "query/ops_group.h"
#include "query/ops_scan.h"
#include "query/plan_part.h"
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
  using Sub = PlanPart;
  struct GroupState;  // a group pattern being planned (plan_group.cpp)

  // One query level (plan_level.cpp): the pattern, then aggregation or the SELECT
  // expressions, then projection and the solution modifiers.
  Result<std::unique_ptr<PlannedQuery>> PlanLevel(
      const ast::Query& query, const std::vector<std::pair<std::string, TermId>>& seed);
  Sub StartRow(const std::vector<std::pair<std::string, TermId>>& seed);
  Status PlanWhere(const ast::Query& query, Sub* cur, PlannedQuery* out);
  std::vector<std::string> VisibleVariables(const Sub& cur) const;
  Result<std::vector<std::string>> PlanAggregation(const ast::Query& query, Sub* cur);
  Result<std::vector<GroupKey>> CompileGroupKeys(const ast::Query& query,
                                                 std::set<int>* group_slots);
  Status PlanSelectExpressions(const ast::Query& query, Sub* cur);
  Result<std::vector<OrderKey>> CompileOrder(const ast::Query& query);
  void PlanProjection(const ast::Query& query, const std::vector<std::string>& visible, Sub* cur,
                      PlannedQuery* out);
  static void PlanModifiers(const ast::Query& query, Sub* cur);

  // Group graph patterns (plan_group.cpp), element by element.
  Result<Sub> PlanGroup(const ast::GroupPattern& group, Sub input, const GraphSpec& graph,
                        std::vector<const ast::Expr*>* lifted_filters);
  Status PlanElement(const ast::GroupPattern& group, size_t* i, const GraphSpec& graph,
                     GroupState* state);
  Status PlanTriplesRun(const ast::GroupPattern& group, size_t* i, const GraphSpec& graph,
                        GroupState* state);
  Status PlanOptional(const ast::GroupPattern& optional, const GraphSpec& graph, Sub* cur);
  Result<Sub> PlanUnion(const std::vector<ast::GroupPattern>& branches, const GraphSpec& graph);
  // GRAPH: *cur joined with the group; a group that only matches patterns continues from *cur.
  Status PlanGraph(const ast::PatternElement& e, Sub* cur);
  void PlanBind(const ast::PatternElement& e, CompiledExprPtr expr, Sub* cur);
  Sub PlanValues(const ast::ValuesBlock& values);
  static bool BindsOnlyThroughPatterns(const ast::GroupPattern& group);
  static bool MatchesOnlyPatterns(const ast::GroupPattern& group);
  Result<Sub> PlanGraphByGraph(const ast::GroupPattern& group, int graph_slot);
  Result<Sub> PlanSubQuery(const ast::Query& query, const GraphSpec& graph);
  // SERVICE (plan_service.cpp): a bind join of the rows so far with the endpoint's answers.
  // `optional`: OPTIONAL { SERVICE ... } (rows without an answer are kept).
  Status PlanService(const ast::PatternElement& e, Sub* cur, bool optional);

  // Basic graph patterns (plan_bgp.cpp): items in the join order, each joined by the operator
  // the cost model picks, with filters placed as soon as their variables are bound.
  Result<Sub> PlanTriples(const std::vector<const ast::TriplePattern*>& triples,
                          const std::vector<const ast::ValuesBlock*>& values, Sub input,
                          const GraphSpec& graph, std::vector<const ast::Expr*>* pending_filters);
  void JoinValues(const BgpItem& values, Sub* cur);
  void LookUpTripleTerm(const std::vector<TripleTermBinding>& bindings, int slot,
                        std::vector<bool>* tied, Sub* cur);
  void ReadTripleTermParts(const std::vector<TripleTermBinding>& bindings, std::vector<bool>* tied,
                           Sub* cur);
  void JoinValuesForChecks(const BgpItem& values, Sub* cur, double* rows);
  void JoinItem(const std::vector<BgpItem>& items, const JoinChoice& choice, int check_values,
                double input_rows, const GraphSpec& graph, std::vector<bool>* used, Sub* cur);
  void HashJoinPattern(const std::vector<BgpItem>& items, const BgpItem& it, int restrict_with,
                       const GraphSpec& graph, std::vector<bool>* used, Sub* cur);
  Status PushReadyFilters(std::vector<const ast::Expr*>* pending_filters, Sub* cur);

  // Shared by the stages (planner.cpp).
  Sub Join(Sub left, Sub right);
  Sub Singleton();
  Status ApplyFilters(const std::vector<const ast::Expr*>& filters, Sub* cur);
  Result<CompiledExprPtr> Compile(const ast::Expr& expr);
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
