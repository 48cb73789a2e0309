// The join order of a basic graph pattern: greedily, the item that keeps the estimated number of
// intermediate rows smallest, and for each item whether a VALUES list should restrict it first.
#pragma once

#include <vector>

#include "query/bgp.h"
#include "query/plan_part.h"

namespace sextant::query {

struct JoinChoice {
  int item = -1;           // index into the items; -1 when none is left
  double cost = 0;         // estimated matches per input row
  bool connected = false;  // shares a bound variable with what came before
};

// The unused item to join next to `cur` (rows so far x matches per row given what is bound), so
// a selective pattern runs first even when it shares no variable with what came before.
JoinChoice ChooseNextItem(QueryContext* qc, const std::vector<BgpItem>& items,
                          const std::vector<bool>& used, const PlanPart& cur,
                          const GraphSpec& graph);

// Rows the scanned side of a hash join for `it` would read: the pattern with only its
// constants bound, or, when cheaper, the pattern restricted by a single-column VALUES list
// (without UNDEF) on one of its variables that nothing has bound yet (*values_item set, else
// -1).
double ScanRowsWithValues(QueryContext* qc, const std::vector<BgpItem>& items,
                          const std::vector<bool>& used, const BgpItem& it, const PlanPart& cur,
                          const GraphSpec& graph, int* values_item);

// A VALUES item (index into items) that, joined before `it`, makes `it` a check whose every
// (predicate, value) range is in the RangeCache, and whose checks for `rows` estimated input
// rows cost less than a hash or index join; -1 if none.
int ValuesThatMakeACheck(QueryContext* qc, const std::vector<BgpItem>& items,
                         const std::vector<bool>& used, const BgpItem& it, const PlanPart& cur,
                         const GraphSpec& graph, double rows);

// The ids of a one-column VALUES list without UNDEF.
std::vector<TermId> SingleColumnValues(QueryContext* qc, const BgpItem& values);

}  // namespace sextant::query
