// Blocking operators: GROUP BY with aggregates, and ORDER BY.
#pragma once

#include <memory>
#include <vector>

#include "grammar/ast.h"
#include "query/expression.h"
#include "query/operator.h"

namespace sextant::query {

struct GroupKey {
  CompiledExprPtr expr;
  int slot = 0;  // where the key value goes in the output row
};

struct AggregateSpec {
  ast::Expr aggregate;  // the kAggregate node (for MakeAccumulator)
  CompiledExprPtr arg;  // null for COUNT(*)
  int slot = 0;         // where the result goes
};

class GroupOp : public Operator {
 public:
  GroupOp(OperatorPtr child, std::vector<GroupKey> keys, std::vector<AggregateSpec> aggregates,
          EvalContext* ctx);
  std::string Describe() const override;
  std::vector<const Operator*> children() const override { return {child_.get()}; }

 protected:
  bool DoNext(RowBatch& out) override;

 private:
  bool Aggregate();

  OperatorPtr child_;
  std::vector<GroupKey> keys_;
  std::vector<AggregateSpec> aggregates_;
  EvalContext* ctx_;
  bool done_ = false;
  std::vector<TermId> output_;  // row-major
  size_t pos_ = 0;
};

struct OrderKey {
  CompiledExprPtr expr;
  bool descending;
};

class OrderByOp : public Operator {
 public:
  OrderByOp(OperatorPtr child, std::vector<OrderKey> keys, EvalContext* ctx)
      : Operator(child->control(), child->width()),
        child_(std::move(child)),
        keys_(std::move(keys)),
        ctx_(ctx) {}
  std::string Describe() const override {
    return "OrderBy " + std::to_string(keys_.size()) + " key(s)";
  }
  std::vector<const Operator*> children() const override { return {child_.get()}; }

 protected:
  bool DoNext(RowBatch& out) override;

 private:
  bool Sort();

  OperatorPtr child_;
  std::vector<OrderKey> keys_;
  EvalContext* ctx_;
  bool sorted_ = false;
  std::vector<TermId> rows_;
  std::vector<size_t> order_;
  size_t pos_ = 0;
};

}  // namespace sextant::query
