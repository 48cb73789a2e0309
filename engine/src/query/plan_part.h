// A planned part of a query (a group, a basic graph pattern so far, a subquery): its operator
// tree and which variable slots its rows bind. The planner builds plans by putting operators
// on top of a part (Then) and joining parts.
#pragma once

#include <algorithm>
#include <iterator>
#include <memory>
#include <set>
#include <utility>

#include "query/operator.h"

namespace sextant::query {

struct PlanPart {
  OperatorPtr op;
  std::set<int> certain;  // slots bound in every row
  std::set<int> maybe;    // slots bound in some rows
  bool trivial = false;   // the single all-unbound row: joining with it is the identity

  // Puts an `Op` built over the current operator (its first constructor argument) on top.
  // The part is then no longer the trivial row.
  template <typename Op, typename... Args>
  Op& Then(Args&&... args) {
    auto next = std::make_unique<Op>(std::move(op), std::forward<Args>(args)...);
    Op& added = *next;
    op = std::move(next);
    trivial = false;
    return added;
  }
  // Puts `next`, built over the current operator (moved out of `op` for it), on top.
  void Then(OperatorPtr next) {
    op = std::move(next);
    trivial = false;
  }
};

inline std::set<int> IntersectSlots(const std::set<int>& a, const std::set<int>& b) {
  std::set<int> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.begin()));
  return out;
}

}  // namespace sextant::query
