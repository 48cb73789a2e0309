// Physical operators pull batches of rows. A row is a fixed-width array of term ids, one slot
// per query variable (kNoId = unbound), so operators combine rows by slot without renaming.
// Next() is the only entry point: it checks the query's interrupt flag, deadline and row
// budget and keeps the EXPLAIN ANALYZE counters, so operators only implement DoNext().
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sextant/status.h"
#include "storage/term_id.h"
#include "storage/txn_limits.h"

namespace sextant::query {

using storage::kNoId;
using storage::TermId;

inline constexpr size_t kBatchRows = 1024;

class RowBatch {
 public:
  static constexpr TermId kNoRow = kNoId;

  explicit RowBatch(size_t width) : width_(width) { data_.reserve(width * kBatchRows); }
  size_t width() const { return width_; }
  size_t size() const { return width_ == 0 ? zero_width_rows_ : data_.size() / width_; }
  bool full() const { return size() >= kBatchRows; }
  bool empty() const { return size() == 0; }
  // Zero-width rows (queries without variables) still need a non-null row pointer.
  const TermId* row(size_t i) const { return width_ == 0 ? &kNoRow : data_.data() + i * width_; }
  TermId* mutable_row(size_t i) { return data_.data() + i * width_; }
  void Add(const TermId* r) {
    if (width_ == 0) {
      ++zero_width_rows_;
      return;
    }
    data_.insert(data_.end(), r, r + width_);
  }
  void Clear() {
    data_.clear();
    zero_width_rows_ = 0;
  }

 private:
  size_t width_;
  std::vector<TermId> data_;
  size_t zero_width_rows_ = 0;
};

// Limits and cancellation shared by every operator of one query.
struct QueryControl {
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  const std::atomic<bool>* interrupt = nullptr;
  uint64_t max_materialized_rows = 50'000'000;    // rows held by blocking operators
  uint64_t max_memory_bytes = uint64_t{1} << 30;  // their estimated footprint
  uint64_t materialized_rows = 0;
  uint64_t memory_bytes = 0;
  Status status;  // first error; operators stop producing once set

  // Takes the deadline, interrupt flag and memory budget (when it sets one) of a write.
  void Limit(const storage::TxnLimits& limits);
  bool Check();                               // false (and status set) when the query must stop
  bool Reserve(uint64_t rows, size_t width);  // accounts for materialized rows
  void Release(uint64_t rows, size_t width);  // gives back what Reserve took
  // Accounts for other memory the query holds (strings it builds, terms it makes, sets):
  // false (and status set) beyond the budget.
  bool Charge(uint64_t bytes);
};

class Operator {
 public:
  Operator(QueryControl* control, size_t width) : control_(control), width_(width) {}
  virtual ~Operator() = default;
  Operator(const Operator&) = delete;
  Operator& operator=(const Operator&) = delete;

  // Fills `out` (cleared first) with up to kBatchRows rows; false when exhausted or stopped
  // (then check control()->status).
  bool Next(RowBatch& out);

  size_t width() const { return width_; }
  QueryControl* control() const { return control_; }

  // EXPLAIN: one line per operator, children indented.
  virtual std::string Describe() const = 0;
  virtual std::vector<const Operator*> children() const { return {}; }
  // EXPLAIN ANALYZE: what the operator saw beyond rows and time (empty: nothing).
  virtual std::string AnalyzeNote() const { return {}; }
  double estimated_rows = -1;
  uint64_t actual_rows = 0;
  uint64_t calls = 0;
  std::chrono::nanoseconds elapsed{0};

 protected:
  virtual bool DoNext(RowBatch& out) = 0;

  QueryControl* control_;
  size_t width_;
};

using OperatorPtr = std::unique_ptr<Operator>;

// Renders an operator tree; with `analyze`, actual rows and time per operator.
std::string ExplainTree(const Operator& root, bool analyze);

}  // namespace sextant::query
