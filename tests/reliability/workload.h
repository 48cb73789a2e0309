// The commit stream the crash, power-loss and fault tests replay: transaction n adds eight
// "item" quads for subject tx/n and moves the counter fact from n-1 to n, so any state can be
// checked for holes (a later transaction without an earlier one) and half-applied commits.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sextant/database.h"

namespace sextant::reliability {

inline constexpr int kQuadsPerTransaction = 8;

// The quads transaction n inserts (the counter fact excluded).
std::vector<Quad> TransactionQuads(uint64_t n);
Quad CounterQuad(uint64_t n);

// Runs transaction n (n >= 1) on `db`; OK once it is committed.
Status CommitTransaction(Database& db, uint64_t n);

struct WorkloadState {
  uint64_t counter = 0;               // value of the counter fact (0 when absent)
  uint64_t complete = 0;              // transactions 1..complete are fully present
  std::vector<std::string> problems;  // holes, half-present transactions, counter mismatches
};

// Reads what the store holds of the workload and describes every inconsistency. `limit` is
// one past the highest transaction number that may have been attempted.
WorkloadState InspectWorkload(Database& db, uint64_t limit);

}  // namespace sextant::reliability
