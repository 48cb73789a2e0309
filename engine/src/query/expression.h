// SPARQL expressions: compiled once from the AST (variables resolved to row slots), then
// evaluated per solution row. Values are term ids (see TermTable): stored terms keep their
// ids, computed ones are interned, and an expression error is kNoId.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "grammar/ast.h"
#include "query/operator.h"
#include "query/term_table.h"
#include "sextant/status.h"

namespace sextant::query {

struct CompiledExpr;  // defined in the implementation
struct CompiledRegex;
struct CompiledExprDeleter {
  void operator()(CompiledExpr* e) const;
};
using CompiledExprPtr = std::unique_ptr<CompiledExpr, CompiledExprDeleter>;

struct CompileHooks {
  // Row slot of a variable, or -1 when it cannot be bound at this point (evaluates as unbound).
  std::function<int(const std::string& var)> slot_of;
  // For EXISTS / NOT EXISTS: registers the pattern and returns an index later passed to
  // EvalContext::exists. Unset: EXISTS is a compile error.
  std::function<Result<int>(const ast::GroupPattern& pattern)> register_exists;
  // Inside SELECT/HAVING/ORDER BY of an aggregate query: the row slot holding the value of an
  // aggregate sub-expression (computed by the grouping operator). Unset: aggregates are errors.
  std::function<Result<int>(const ast::Expr& aggregate)> aggregate_slot;
  // The query's BASE (ast::Query::base_iri): IRI()/URI() resolve relative strings against it.
  std::string base_iri;
};

// Errors: unknown function IRI ("unknown function <iri>"), EXISTS/aggregate without hooks.
Result<CompiledExprPtr> CompileExpr(const ast::Expr& expr, const CompileHooks& hooks);

// Variables an expression reads (for filter placement), in first-use order.
std::vector<std::string> ExprVariables(const ast::Expr& expr);

// Per-query evaluation state: the term table, NOW() fixed for the query, RAND/UUID sources,
// BNODE() scope, and the EXISTS callback.
struct EvalContext {
  TermTable* terms = nullptr;
  // Limits of the query; aggregates charge what they accumulate to its memory budget.
  QueryControl* control = nullptr;
  std::string now_lexical;  // xsd:dateTime lexical form of the query's start time
  // Seeded on first use: seeding from std::random_device costs more than a short query.
  std::mt19937_64& rng() {
    if (!rng_) rng_.emplace(std::random_device{}());
    return *rng_;
  }
  std::optional<std::mt19937_64> rng_;
  // Evaluates registered EXISTS pattern `index` with the current row's bindings.
  std::function<bool(int index, const TermId* row)> exists;
  // BNODE(str) must give the same blank node for the same string within one solution; the
  // executor bumps this per row.
  uint64_t row_counter = 0;
  // Fresh blank nodes: labels are bnode_prefix (random, chosen on first use so they cannot clash
  // with stored labels) plus a counter.
  std::string bnode_prefix;
  uint64_t bnode_counter = 0;
  // Ids of non-inline constants, interned once per query (keyed by the compiled node), so a
  // constant IRI does not cost a dictionary lookup per row.
  std::unordered_map<const void*, TermId> constant_ids;
  // REGEX/REPLACE patterns that are only known per row, compiled once each ("flags\0pattern").
  std::unordered_map<std::string, std::shared_ptr<const CompiledRegex>> regex_cache;
};

// kNoId when the expression raises an error (unbound variable, type error, ...).
TermId Evaluate(const CompiledExpr& expr, const TermId* row, EvalContext& ctx);
// Effective boolean value; nullopt on error. FILTER keeps a row only on true.
std::optional<bool> EvaluateBool(const CompiledExpr& expr, const TermId* row, EvalContext& ctx);

// ORDER BY ordering (SPARQL 1.2, 15.1): unbound < blank nodes < IRIs < literals < triple terms;
// literals compared with '<' where defined, else by a fixed total order so sorting is stable.
int CompareForOrderBy(TermId a, TermId b, EvalContext& ctx);

// Aggregates (COUNT, SUM, MIN, MAX, AVG, SAMPLE, GROUP_CONCAT; DISTINCT) over a group.
class Accumulator {
 public:
  virtual ~Accumulator() = default;
  // value: the evaluated argument (kNoId = error/unbound); COUNT(*) is fed any non-error id
  // once per row.
  virtual void Add(TermId value) = 0;
  // COUNT(DISTINCT *) must see whole rows to tell solutions apart: the executor calls this for
  // every row instead of Add(). Other aggregates ignore it.
  virtual void AddRow(const TermId* row, size_t width) {
    (void)row;
    (void)width;
  }
  // kNoId when the aggregate is an error (e.g. SUM over a non-number).
  virtual TermId Finish() = 0;
};
// `aggregate` is an ast::Expr of kind kAggregate.
std::unique_ptr<Accumulator> MakeAccumulator(const ast::Expr& aggregate, EvalContext& ctx);

}  // namespace sextant::query
