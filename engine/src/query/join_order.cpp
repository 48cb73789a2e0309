#include "query/join_order.h"

#include "query/cost_model.h"

namespace sextant::query {
namespace {

double ValuesItemCost(const std::vector<BgpItem>& items, const std::vector<bool>& used,
                      const BgpItem& it, const PlanPart& cur, bool* connected) {
  size_t bound_cols = 0;
  for (int slot : it.value_slots) bound_cols += cur.certain.count(slot);
  *connected = bound_cols > 0;
  bool others_left = false;
  for (size_t j = 0; j < items.size(); ++j) {
    others_left |= !used[j] && items[j].values == nullptr;
  }
  return ValuesCost(it.values->rows.size(), it.value_slots.size(), bound_cols, others_left);
}

double PatternItemCost(QueryContext* qc, const BgpItem& it, const PlanPart& cur,
                       const GraphSpec& graph, bool* connected) {
  bool bound[4] = {false, false, false,
                   graph.named && (!graph.term.is_var() || cur.certain.count(graph.term.slot))};
  for (int k = 0; k < 3; ++k) {
    const PatternTerm& t = it.terms[k];
    if (it.path && k == 1) continue;
    bound[k] = !t.is_var() || cur.certain.count(t.slot) > 0;
    if (t.is_var() && cur.certain.count(t.slot)) *connected = true;
  }
  if (it.delta) return kDeltaPatternCost;
  if (it.text_query) return TextSearchCost(it.text_matches, it.text_documents, bound[0]);
  if (it.path) return EstimatePath(qc, *it.path, bound[0], bound[2], graph);
  PatternTerm terms4[4] = {it.terms[0], it.terms[1], it.terms[2], graph.term};
  return EstimatePattern(qc, terms4, bound, graph.named);
}

}  // namespace

JoinChoice ChooseNextItem(QueryContext* qc, const std::vector<BgpItem>& items,
                          const std::vector<bool>& used, const PlanPart& cur,
                          const GraphSpec& graph) {
  JoinChoice best;
  for (size_t i = 0; i < items.size(); ++i) {
    if (used[i]) continue;
    const BgpItem& it = items[i];
    bool connected = false;
    const double cost = it.values != nullptr ? ValuesItemCost(items, used, it, cur, &connected)
                                             : PatternItemCost(qc, it, cur, graph, &connected);
    const bool better =
        best.item < 0 || cost < best.cost || (cost == best.cost && connected && !best.connected);
    if (better) best = {static_cast<int>(i), cost, connected};
  }
  return best;
}

double ScanRowsWithValues(QueryContext* qc, const std::vector<BgpItem>& items,
                          const std::vector<bool>& used, const BgpItem& it, const PlanPart& cur,
                          const GraphSpec& graph, int* values_item) {
  *values_item = -1;
  double best = ScanCost(qc, it.terms, graph);
  for (size_t j = 0; j < items.size(); ++j) {
    const BgpItem& v = items[j];
    if (used[j] || v.values == nullptr || v.value_slots.size() != 1) continue;
    const int slot = v.value_slots[0];
    if (cur.certain.count(slot) || cur.maybe.count(slot)) continue;
    int k = -1;
    for (int i = 0; i < 3; ++i) {
      if (it.terms[i].is_var() && it.terms[i].slot == slot) k = i;
    }
    if (k < 0) continue;
    double sum = 0;
    bool complete = true;
    for (const auto& row : v.values->rows) {
      if (!row[0]) {
        complete = false;
        break;
      }
      PatternTerm terms[3] = {it.terms[0], it.terms[1], it.terms[2]};
      terms[k] = PatternTerm{-1, qc->terms.Intern(*row[0])};
      sum += ScanCost(qc, terms, graph);
    }
    if (complete && sum < best) {
      best = sum;
      *values_item = static_cast<int>(j);
    }
  }
  return best;
}

int ValuesThatMakeACheck(QueryContext* qc, const std::vector<BgpItem>& items,
                         const std::vector<bool>& used, const BgpItem& it, const PlanPart& cur,
                         const GraphSpec& graph, double rows) {
  if (it.values != nullptr || it.path != nullptr || it.delta || it.text_query) return -1;
  const PatternTerm& s = it.terms[0];
  const PatternTerm& p = it.terms[1];
  const PatternTerm& o = it.terms[2];
  if (!(s.is_var() && cur.certain.count(s.slot)) || p.is_var() || !o.is_var() ||
      cur.certain.count(o.slot) || cur.maybe.count(o.slot)) {
    return -1;
  }
  for (size_t j = 0; j < items.size(); ++j) {
    const BgpItem& v = items[j];
    if (used[j] || v.values == nullptr || v.value_slots.size() != 1 || v.value_slots[0] != o.slot) {
      continue;
    }
    if (v.values->rows.empty() || v.values->rows.size() > kMaxValuesForCachedChecks) return -1;
    for (const auto& row : v.values->rows) {
      if (!row[0]) return -1;
      const PatternTerm terms[4] = {PatternTerm{0, kNoId}, p,
                                    PatternTerm{-1, qc->terms.Intern(*row[0])}, graph.term};
      if (!RangeIsCached(qc, terms, graph.named)) return -1;
    }
    int unused = -1;
    const double hash = ScanRowsWithValues(qc, items, used, it, cur, graph, &unused) + rows;
    if (!CachedChecksAreCheaper(rows, v.values->rows.size(), hash)) return -1;
    return static_cast<int>(j);
  }
  return -1;
}

std::vector<TermId> SingleColumnValues(QueryContext* qc, const BgpItem& values) {
  std::vector<TermId> table;
  for (const auto& r : values.values->rows) table.push_back(qc->terms.Intern(*r[0]));
  return table;
}

}  // namespace sextant::query
