// Row-at-a-time operators that need no index access: the seed rows, VALUES, filters, BIND,
// projection, DISTINCT, OFFSET/LIMIT and UNION.
#pragma once

#include <boost/unordered/unordered_flat_set.hpp>
#include <unordered_set>

#include "query/expression.h"
#include "query/operator.h"

namespace sextant::query {

// Rows given up front: one all-unbound row for a query's start, or the current row of an
// outer query for EXISTS.
class ValuesOp : public Operator {
 public:
  // zero_width_rows: how many rows when width is 0 (rows then carry no data).
  ValuesOp(QueryControl* c, size_t width, std::vector<TermId> rows, std::string label,
           size_t zero_width_rows = 1)
      : Operator(c, width),
        rows_(std::move(rows)),
        label_(std::move(label)),
        zero_width_rows_(zero_width_rows) {}
  static OperatorPtr Singleton(QueryControl* c, size_t width) {
    return std::make_unique<ValuesOp>(c, width, std::vector<TermId>(width, kNoId), "Singleton");
  }
  std::string Describe() const override { return label_; }

 protected:
  bool DoNext(RowBatch& out) override;

 private:
  std::vector<TermId> rows_;  // row-major, width() per row (one row when width is 0)
  std::string label_;
  size_t zero_width_rows_;
  size_t pos_ = 0;
  bool done_ = false;
};

class FilterOp : public Operator {
 public:
  FilterOp(OperatorPtr child, CompiledExprPtr expr, EvalContext* ctx, std::string text)
      : Operator(child->control(), child->width()),
        child_(std::move(child)),
        expr_(std::move(expr)),
        ctx_(ctx),
        text_(std::move(text)),
        in_(width()) {}
  std::string Describe() const override { return "Filter " + text_; }
  std::vector<const Operator*> children() const override { return {child_.get()}; }

 protected:
  bool DoNext(RowBatch& out) override;

 private:
  OperatorPtr child_;
  CompiledExprPtr expr_;
  EvalContext* ctx_;
  std::string text_;
  RowBatch in_;
};

// BIND / SELECT (expr AS ?v)...: sets slots from expressions, in order (left unbound on
// error). All expressions of one SELECT clause share one operator, so they see one solution
// (BNODE(str) gives the same node for the same string within a row).
class ExtendOp : public Operator {
 public:
  ExtendOp(OperatorPtr child, int slot, CompiledExprPtr expr, EvalContext* ctx, std::string text)
      : Operator(child->control(), child->width()),
        child_(std::move(child)),
        ctx_(ctx),
        text_(std::move(text)) {
    exprs_.emplace_back(slot, std::move(expr));
  }
  ExtendOp(OperatorPtr child, std::vector<std::pair<int, CompiledExprPtr>> exprs, EvalContext* ctx,
           std::string text)
      : Operator(child->control(), child->width()),
        child_(std::move(child)),
        exprs_(std::move(exprs)),
        ctx_(ctx),
        text_(std::move(text)) {}
  std::string Describe() const override { return "Extend " + text_; }
  std::vector<const Operator*> children() const override { return {child_.get()}; }

 protected:
  bool DoNext(RowBatch& out) override;

 private:
  OperatorPtr child_;
  std::vector<std::pair<int, CompiledExprPtr>> exprs_;
  EvalContext* ctx_;
  std::string text_;
};

// Keeps the listed slots, clearing the others (so DISTINCT sees only projected values).
class ProjectOp : public Operator {
 public:
  ProjectOp(OperatorPtr child, const std::vector<int>& keep, std::string text);
  std::string Describe() const override { return "Project " + text_; }
  std::vector<const Operator*> children() const override { return {child_.get()}; }

 protected:
  bool DoNext(RowBatch& out) override;

 private:
  OperatorPtr child_;
  std::vector<bool> keep_;
  std::string text_;
};

class DistinctOp : public Operator {
 public:
  explicit DistinctOp(OperatorPtr child)
      : Operator(child->control(), child->width()),
        child_(std::move(child)),
        in_(width()),
        seen_(0, KeptHash{this}, KeptEq{this}) {}
  DistinctOp(const DistinctOp&) = delete;
  DistinctOp& operator=(const DistinctOp&) = delete;
  std::string Describe() const override { return "Distinct"; }
  std::vector<const Operator*> children() const override { return {child_.get()}; }

 protected:
  bool DoNext(RowBatch& out) override;

 private:
  // Rows seen so far sit back to back in kept_; the set holds their indexes. A node-based set
  // of vectors cost two allocations per row and dominated DISTINCT over large results.
  struct KeptHash {
    const DistinctOp* op;
    size_t operator()(size_t row) const;
  };
  struct KeptEq {
    const DistinctOp* op;
    bool operator()(size_t a, size_t b) const;
  };
  const TermId* kept(size_t row) const { return kept_.data() + row * width(); }

  OperatorPtr child_;
  RowBatch in_;
  std::vector<TermId> kept_;
  boost::unordered_flat_set<size_t, KeptHash, KeptEq> seen_;
  bool emitted_empty_row_ = false;
};

// OFFSET / LIMIT; stops pulling from its child once the limit is reached.
class SliceOp : public Operator {
 public:
  SliceOp(OperatorPtr child, uint64_t offset, std::optional<uint64_t> limit)
      : Operator(child->control(), child->width()),
        child_(std::move(child)),
        offset_(offset),
        limit_(limit),
        in_(width()) {}
  std::string Describe() const override;
  std::vector<const Operator*> children() const override { return {child_.get()}; }

 protected:
  bool DoNext(RowBatch& out) override;

 private:
  OperatorPtr child_;
  uint64_t offset_;
  std::optional<uint64_t> limit_;
  uint64_t skipped_ = 0;
  uint64_t produced_ = 0;
  RowBatch in_;
};

// Joins each input row with the compatible rows of a small inline table (VALUES placed inside
// a basic graph pattern's join order).
class ValuesJoinOp : public Operator {
 public:
  ValuesJoinOp(OperatorPtr child, std::vector<int> slots, std::vector<TermId> table,
               std::string text)
      : Operator(child->control(), child->width()),
        child_(std::move(child)),
        slots_(std::move(slots)),
        table_(std::move(table)),
        text_(std::move(text)),
        in_(width()),
        row_(width()) {}
  std::string Describe() const override { return "ValuesJoin " + text_; }
  std::vector<const Operator*> children() const override { return {child_.get()}; }

 protected:
  bool DoNext(RowBatch& out) override;

 private:
  OperatorPtr child_;
  std::vector<int> slots_;
  std::vector<TermId> table_;  // row-major, slots_.size() per row, kNoId = UNDEF
  std::string text_;
  RowBatch in_;
  std::vector<TermId> row_;
};

// Binds a slot to a constant (GRAPH ?g evaluated graph by graph): rows where the slot is
// already bound to something else are dropped.
class BindConstantOp : public Operator {
 public:
  BindConstantOp(OperatorPtr child, int slot, TermId value, std::string text)
      : Operator(child->control(), child->width()),
        child_(std::move(child)),
        slot_(slot),
        value_(value),
        text_(std::move(text)),
        in_(width()) {}
  std::string Describe() const override { return "Bind " + text_; }
  std::vector<const Operator*> children() const override { return {child_.get()}; }

 protected:
  bool DoNext(RowBatch& out) override;

 private:
  OperatorPtr child_;
  int slot_;
  TermId value_;
  std::string text_;
  RowBatch in_;
};

// A subquery's rows, mapped into the enclosing query's slot layout (only projected variables
// cross the boundary).
class RemapOp : public Operator {
 public:
  RemapOp(QueryControl* c, size_t width, OperatorPtr inner,
          std::vector<std::pair<int, int>> inner_to_outer)
      : Operator(c, width),
        inner_(std::move(inner)),
        map_(std::move(inner_to_outer)),
        in_(inner_->width()),
        row_(width) {}
  std::string Describe() const override { return "SubQuery"; }
  std::vector<const Operator*> children() const override { return {inner_.get()}; }

 protected:
  bool DoNext(RowBatch& out) override;

 private:
  OperatorPtr inner_;
  std::vector<std::pair<int, int>> map_;
  RowBatch in_;
  std::vector<TermId> row_;
};

class UnionOp : public Operator {
 public:
  UnionOp(std::vector<OperatorPtr> branches)
      : Operator(branches[0]->control(), branches[0]->width()), branches_(std::move(branches)) {}
  std::string Describe() const override { return "Union"; }
  std::vector<const Operator*> children() const override;

 protected:
  bool DoNext(RowBatch& out) override;

 private:
  std::vector<OperatorPtr> branches_;
  size_t current_ = 0;
};

}  // namespace sextant::query
