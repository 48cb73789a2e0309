// The limits of the operation a write transaction belongs to (an update's or a load's time limit,
// interrupt flag and memory budget). What its commit runs besides writing (rule maintenance, the
// validation of enforced shapes) honours them, so a commit stays within the request that made it.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace sextant::storage {

struct TxnLimits {
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  const std::atomic<bool>* interrupt = nullptr;
  uint64_t max_memory_bytes = 0;  // 0: none beyond the query engine's and rule engine's own caps
};

}  // namespace sextant::storage
