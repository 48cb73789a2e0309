// Aggregate accumulators (SPARQL 18.5.1). Unbound/error arguments (kNoId) are skipped; a
// non-numeric value makes SUM and AVG an error. DISTINCT works on ids: within one query equal
// terms have equal ids (see TermTable).
#include <set>
#include <unordered_set>
#include <vector>

#include "query/expression.h"
#include "query/functions.h"

namespace sextant::query {

using ast::Aggregate;

namespace {

// What an aggregate holds counts against the query's memory budget; false once it is spent
// (the query then stops with ResourceExhausted).
bool ChargeQuery(EvalContext& ctx, uint64_t bytes) {
  return ctx.control == nullptr || ctx.control->Charge(bytes);
}

// Drops repeated values for DISTINCT aggregates.
class DistinctFilter {
 public:
  DistinctFilter(bool on, EvalContext& ctx) : on_(on), ctx_(ctx) {}
  bool Admit(TermId id) {
    if (!on_) return true;
    if (!seen_.insert(id).second) return false;
    return ChargeQuery(ctx_, 32);
  }

 private:
  bool on_;
  EvalContext& ctx_;
  std::unordered_set<TermId> seen_;
};

class CountAcc : public Accumulator {
 public:
  CountAcc(bool distinct, bool star, EvalContext& ctx)
      : distinct_(distinct), star_(star), ctx_(ctx), filter_(distinct, ctx) {}
  void Add(TermId v) override {
    if (v != storage::kNoId && filter_.Admit(v)) ++count_;
  }
  void AddRow(const TermId* row, size_t width) override {
    if (!star_) return;
    if (!distinct_) {
      ++count_;
      return;
    }
    if (rows_.emplace(row, row + width).second && ChargeQuery(ctx_, width * 8 + 64)) ++count_;
  }
  TermId Finish() override { return ToId(Value::Integer(count_), *ctx_.terms); }

 private:
  bool distinct_, star_;
  EvalContext& ctx_;
  DistinctFilter filter_;
  int64_t count_ = 0;
  std::set<std::vector<TermId>> rows_;
};

// SUM and AVG.
class SumAcc : public Accumulator {
 public:
  SumAcc(bool distinct, bool avg, EvalContext& ctx)
      : avg_(avg), ctx_(ctx), filter_(distinct, ctx) {}
  void Add(TermId v) override {
    if (v == storage::kNoId || error_ || !filter_.Admit(v)) return;
    const Value x = FromId(v, *ctx_.terms);
    if (!x.is_numeric()) {
      error_ = true;
      return;
    }
    sum_ = Arithmetic(ast::ExprKind::kAdd, sum_, x);
    if (!sum_.ok()) error_ = true;
    ++count_;
  }
  TermId Finish() override {
    if (error_) return storage::kNoId;
    if (!avg_ || count_ == 0) return ToId(sum_, *ctx_.terms);
    return ToId(Arithmetic(ast::ExprKind::kDivide, sum_, Value::Integer(count_)), *ctx_.terms);
  }

 private:
  bool avg_;
  EvalContext& ctx_;
  DistinctFilter filter_;
  Value sum_ = Value::Integer(0);
  int64_t count_ = 0;
  bool error_ = false;
};

class MinMaxAcc : public Accumulator {
 public:
  MinMaxAcc(bool max, EvalContext& ctx) : max_(max), ctx_(ctx) {}
  void Add(TermId v) override {
    if (v == storage::kNoId) return;
    if (best_ == storage::kNoId) {
      best_ = v;
      return;
    }
    const int c = CompareForOrderBy(v, best_, ctx_);
    if (max_ ? c > 0 : c < 0) best_ = v;
  }
  TermId Finish() override { return best_; }

 private:
  bool max_;
  EvalContext& ctx_;
  TermId best_ = storage::kNoId;
};

class SampleAcc : public Accumulator {
 public:
  void Add(TermId v) override {
    if (value_ == storage::kNoId) value_ = v;
  }
  TermId Finish() override { return value_; }

 private:
  TermId value_ = storage::kNoId;
};

class GroupConcatAcc : public Accumulator {
 public:
  GroupConcatAcc(bool distinct, std::string separator, EvalContext& ctx)
      : separator_(std::move(separator)), ctx_(ctx), filter_(distinct, ctx) {}
  void Add(TermId v) override {
    if (v == storage::kNoId || error_ || !filter_.Admit(v)) return;
    const Value x = FromId(v, *ctx_.terms);
    if (x.type == VType::kBlank || !x.ok()) {
      error_ = true;
      return;
    }
    const std::string lexical = LexicalOf(x);
    const size_t added = lexical.size() + (count_ > 0 ? separator_.size() : 0);
    // The string only grows: a group over millions of rows must not outgrow the budget.
    if (!ChargeQuery(ctx_, added)) {
      error_ = true;
      out_.clear();
      out_.shrink_to_fit();
      return;
    }
    if (count_ > 0) out_ += separator_;
    out_ += lexical;
    ++count_;
  }
  TermId Finish() override {
    if (error_) return storage::kNoId;
    // Always a simple literal, even when every value has the same language tag (W3C
    // agg-groupconcat-4).
    return ToId(Value::String(out_), *ctx_.terms);
  }

 private:
  std::string separator_;
  EvalContext& ctx_;
  DistinctFilter filter_;
  std::string out_;
  int64_t count_ = 0;
  bool error_ = false;
};

}  // namespace

std::unique_ptr<Accumulator> MakeAccumulator(const ast::Expr& aggregate, EvalContext& ctx) {
  const bool distinct = aggregate.distinct;
  switch (aggregate.aggregate) {
    case Aggregate::kCount:
      return std::make_unique<CountAcc>(distinct, aggregate.args.empty(), ctx);
    case Aggregate::kSum: return std::make_unique<SumAcc>(distinct, false, ctx);
    case Aggregate::kAvg: return std::make_unique<SumAcc>(distinct, true, ctx);
    case Aggregate::kMin: return std::make_unique<MinMaxAcc>(false, ctx);
    case Aggregate::kMax: return std::make_unique<MinMaxAcc>(true, ctx);
    case Aggregate::kSample: return std::make_unique<SampleAcc>();
    case Aggregate::kGroupConcat:
      return std::make_unique<GroupConcatAcc>(distinct, aggregate.separator.value_or(" "), ctx);
  }
  return std::make_unique<SampleAcc>();
}

}  // namespace sextant::query
