#include "query/operator.h"

#include <algorithm>
#include <cstdio>

namespace sextant::query {

void QueryControl::Limit(const storage::TxnLimits& limits) {
  deadline = limits.deadline;
  interrupt = limits.interrupt;
  if (limits.max_memory_bytes != 0) max_memory_bytes = limits.max_memory_bytes;
}

bool QueryControl::Check() {
  if (!status.ok()) return false;
  if (interrupt != nullptr && interrupt->load(std::memory_order_relaxed)) {
    status = Status::Interrupted("query interrupted");
    return false;
  }
  if (deadline != std::chrono::steady_clock::time_point::max() &&
      std::chrono::steady_clock::now() > deadline) {
    status = Status::Timeout("query timed out");
    return false;
  }
  return true;
}

// A held row costs its ids plus an allowance for container overhead (vector growth, hash
// buckets); the hostile-query test checks the estimate keeps real memory under the budget.
bool QueryControl::Reserve(uint64_t rows, size_t width) {
  materialized_rows += rows;
  memory_bytes += rows * (width * sizeof(uint64_t) + 32);
  if (materialized_rows > max_materialized_rows) {
    status =
        Status::ResourceExhausted("query exceeded its budget of " +
                                  std::to_string(max_materialized_rows) + " intermediate rows");
    return false;
  }
  if (memory_bytes > max_memory_bytes) {
    status = Status::ResourceExhausted("query exceeded its memory budget of " +
                                       std::to_string(max_memory_bytes >> 20) + " MiB (" +
                                       std::to_string(materialized_rows) + " rows held)");
    return false;
  }
  return true;
}

void QueryControl::Release(uint64_t rows, size_t width) {
  materialized_rows -= std::min(rows, materialized_rows);
  memory_bytes -= std::min<uint64_t>(rows * (width * sizeof(uint64_t) + 32), memory_bytes);
}

bool QueryControl::Charge(uint64_t bytes) {
  memory_bytes += bytes;
  if (memory_bytes <= max_memory_bytes) return true;
  if (status.ok()) {
    status = Status::ResourceExhausted("query exceeded its memory budget of " +
                                       std::to_string(max_memory_bytes >> 20) + " MiB");
  }
  return false;
}

bool Operator::Next(RowBatch& out) {
  out.Clear();
  if (!control_->Check()) return false;
  const auto start = std::chrono::steady_clock::now();
  const bool more = DoNext(out);
  elapsed += std::chrono::steady_clock::now() - start;
  ++calls;
  actual_rows += out.size();
  if (!control_->status.ok()) return false;
  return more || !out.empty();
}

namespace {
void Render(const Operator& op, bool analyze, int depth, std::string* out) {
  out->append(static_cast<size_t>(depth) * 2, ' ');
  out->append(op.Describe());
  char buf[128];
  if (op.estimated_rows >= 0) {
    std::snprintf(buf, sizeof buf, "  (est. %.0f rows)", op.estimated_rows);
    out->append(buf);
  }
  if (analyze) {
    // Times include children (pull model): the cost of a subtree.
    std::snprintf(buf, sizeof buf, "  [actual %llu rows, %.3f ms]",
                  static_cast<unsigned long long>(op.actual_rows),
                  std::chrono::duration<double, std::milli>(op.elapsed).count());
    out->append(buf);
    if (const std::string note = op.AnalyzeNote(); !note.empty()) {
      out->pop_back();
      out->append(", " + note + "]");
    }
  }
  out->push_back('\n');
  for (const Operator* c : op.children()) Render(*c, analyze, depth + 1, out);
}
}  // namespace

std::string ExplainTree(const Operator& root, bool analyze) {
  std::string out;
  Render(root, analyze, 0, &out);
  return out;
}

}  // namespace sextant::query
