// Operator building for basic graph patterns: the items in the order join_order.cpp picks,
// each joined by the operator the cost model prefers.
#include "query/cost_model.h"
#include "query/ops_basic.h"
#include "query/ops_delta.h"
#include "query/ops_join.h"
#include "query/ops_path.h"
#include "query/ops_text.h"
#include "query/ops_triple_term.h"
#include "query/planner.h"

namespace sextant::query {

Result<Planner::Sub> Planner::PlanTriples(const std::vector<const ast::TriplePattern*>& triples,
                                          const std::vector<const ast::ValuesBlock*>& values,
                                          Sub input, const GraphSpec& graph,
                                          std::vector<const ast::Expr*>* pending_filters) {
  auto too_many = [](size_t n, bool at_least) {
    return Status::InvalidArgument(
        "a group of " + std::to_string(n) + (at_least ? "+" : "") +
        " triple patterns and path steps is more than the planner orders (at most " +
        std::to_string(kMaxGroupItems) + "); split the query into smaller groups");
  };
  if (triples.size() + values.size() > kMaxGroupItems) {
    return too_many(triples.size() + values.size(), false);
  }
  Bgp bgp;
  SEXTANT_RETURN_IF_ERROR(RewriteBgp(triples, values, level_->vars, qc_, &bgp));
  const std::vector<BgpItem>& items = bgp.items;
  if (items.size() > kMaxGroupItems) return too_many(kMaxGroupItems, true);
  std::vector<bool> tied(bgp.triple_terms.size(), false);  // triple term slots tied to parts
  Sub cur = std::move(input);
  double card = 1;  // estimated rows so far
  std::vector<bool> used(items.size(), false);
  for (size_t step = 0; step < items.size(); ++step) {
    // Planning counts against the query's time limit and interrupt like execution does.
    if (!qc_->control.Check()) return qc_->control.status;
    const JoinChoice choice = ChooseNextItem(qc_, items, used, cur, graph);
    if (choice.item < 0) break;  // a VALUES list went into an earlier hash join's scanned side
    used[static_cast<size_t>(choice.item)] = true;
    const BgpItem& it = items[static_cast<size_t>(choice.item)];
    if (it.values != nullptr) {
      card = JoinedRows(card, choice.cost);
      JoinValues(it, &cur);
      cur.op->estimated_rows = card;
      continue;
    }
    const int check_values = ValuesThatMakeACheck(qc_, items, used, it, cur, graph, card);
    if (check_values >= 0) {
      used[static_cast<size_t>(check_values)] = true;
      JoinValuesForChecks(items[static_cast<size_t>(check_values)], &cur, &card);
    }
    const double card_in = card;
    card = JoinedRows(card, choice.cost);
    for (int k : {0, 2}) LookUpTripleTerm(bgp.triple_terms, it.terms[k].slot, &tied, &cur);
    JoinItem(items, choice, check_values, card_in, graph, &used, &cur);
    cur.op->estimated_rows = card;
    for (int slot :
         {it.terms[0].slot, it.terms[1].slot, it.terms[2].slot, it.score_slot, it.snippet_slot}) {
      if (slot >= 0) cur.certain.insert(slot);
    }
    // A text search binds no graph.
    if (graph.named && graph.term.is_var() && !it.text_query) cur.certain.insert(graph.term.slot);
    ReadTripleTermParts(bgp.triple_terms, &tied, &cur);
    if (pending_filters != nullptr) {
      SEXTANT_RETURN_IF_ERROR(PushReadyFilters(pending_filters, &cur));
    }
  }
  return cur;
}

namespace {

int TripleTermWithSlot(const std::vector<TripleTermBinding>& bindings, int slot) {
  for (size_t i = 0; i < bindings.size(); ++i) {
    if (bindings[i].slot == slot) return static_cast<int>(i);
  }
  return -1;
}

// Whether the triple term's parts are all known in every row (constants, bound variables, or
// nested triple terms whose parts are), so its stored id can be looked up.
bool TripleTermIsKnown(const std::vector<TripleTermBinding>& bindings, int index,
                       const std::set<int>& certain) {
  for (const PatternTerm& part : bindings[static_cast<size_t>(index)].parts) {
    if (!part.is_var() || certain.count(part.slot)) continue;
    const int nested = TripleTermWithSlot(bindings, part.slot);
    if (nested < 0 || !TripleTermIsKnown(bindings, nested, certain)) return false;
  }
  return true;
}

}  // namespace

// A triple term about to be matched whose parts are all bound: its id is looked up first
// (innermost first), so the pattern holding it is an index lookup instead of a scan that reads
// every triple term's parts.
void Planner::LookUpTripleTerm(const std::vector<TripleTermBinding>& bindings, int slot,
                               std::vector<bool>* tied, Sub* cur) {
  const int index = TripleTermWithSlot(bindings, slot);
  if (index < 0 || (*tied)[static_cast<size_t>(index)] || cur->certain.count(slot)) return;
  if (!TripleTermIsKnown(bindings, index, cur->certain)) return;
  const TripleTermBinding& b = bindings[static_cast<size_t>(index)];
  for (const PatternTerm& part : b.parts) {
    if (part.is_var()) LookUpTripleTerm(bindings, part.slot, tied, cur);
  }
  cur->Then<TripleTermOp>(TripleTermOp::Mode::kPack, b.slot, b.parts, &qc_->terms, b.text);
  cur->certain.insert(b.slot);
  (*tied)[static_cast<size_t>(index)] = true;
}

// Triple terms a pattern has just bound: their parts are read and matched (outermost first, as
// the parts of nested ones become bound).
void Planner::ReadTripleTermParts(const std::vector<TripleTermBinding>& bindings,
                                  std::vector<bool>* tied, Sub* cur) {
  for (bool progress = true; progress;) {
    progress = false;
    for (size_t i = 0; i < bindings.size(); ++i) {
      const TripleTermBinding& b = bindings[i];
      if ((*tied)[i] || !cur->certain.count(b.slot)) continue;
      cur->Then<TripleTermOp>(TripleTermOp::Mode::kUnpack, b.slot, b.parts, &qc_->terms, b.text);
      for (const PatternTerm& part : b.parts) {
        if (part.is_var()) cur->certain.insert(part.slot);
      }
      (*tied)[i] = true;
      progress = true;
    }
  }
}

void Planner::JoinValues(const BgpItem& values, Sub* cur) {
  std::vector<TermId> table;
  for (const auto& r : values.values->rows) {
    for (const auto& v : r) table.push_back(v ? qc_->terms.Intern(*v) : kNoId);
  }
  cur->Then<ValuesJoinOp>(values.value_slots, std::move(table), values.text);
  std::vector<bool> always(values.value_slots.size(), true);
  for (const auto& r : values.values->rows) {
    for (size_t k = 0; k < r.size(); ++k) always[k] = always[k] && r[k].has_value();
  }
  for (size_t k = 0; k < values.value_slots.size(); ++k) {
    (always[k] ? cur->certain : cur->maybe).insert(values.value_slots[k]);
  }
}

// `?x rdf:type ?t` with ?x bound and VALUES ?t { C1 C2 }: joining the values first turns the
// pattern into one check per row and class, answered from the classes' ranges in memory,
// instead of one RocksDB seek per row (LUBM Q8, Q9).
void Planner::JoinValuesForChecks(const BgpItem& values, Sub* cur, double* rows) {
  std::vector<TermId> table = SingleColumnValues(qc_, values);
  *rows *= static_cast<double>(table.size());
  cur->Then<ValuesJoinOp>(values.value_slots, std::move(table), values.text).estimated_rows = *rows;
  cur->certain.insert(values.value_slots[0]);
}

void Planner::JoinItem(const std::vector<BgpItem>& items, const JoinChoice& choice,
                       int check_values, double input_rows, const GraphSpec& graph,
                       std::vector<bool>* used, Sub* cur) {
  const BgpItem& it = items[static_cast<size_t>(choice.item)];
  int restrict_with = -1;
  if (it.delta) {
    cur->Then<DeltaJoinOp>(it.terms, qc_->delta_quads, "Delta " + it.text);
  } else if (it.text_query) {
    cur->Then<TextMatchOp>(it.terms[0], it.score_slot, it.snippet_slot, *it.text_query, qc_,
                           it.text);
  } else if (it.path) {
    cur->Then<PathOp>(it.terms[0], *it.path, it.terms[2], graph, qc_, it.text);
  } else if (check_values < 0 && choice.connected &&
             HashJoinIsCheaper(
                 ScanRowsWithValues(qc_, items, *used, it, *cur, graph, &restrict_with),
                 input_rows)) {
    HashJoinPattern(items, it, restrict_with, graph, used, cur);
  } else {
    cur->Then<PatternJoinOp>(it.terms[0], it.terms[1], it.terms[2], graph, qc_, it.text);
  }
}

// The scanned side: the pattern alone, or restricted first by a VALUES list on one of its
// unbound variables (LUBM Q9: `?Y rdf:type ?f` over 8 faculty classes scans those 8 classes
// instead of seeking 20,000 times or scanning every rdf:type triple).
void Planner::HashJoinPattern(const std::vector<BgpItem>& items, const BgpItem& it,
                              int restrict_with, const GraphSpec& graph, std::vector<bool>* used,
                              Sub* cur) {
  Sub right = Singleton();
  if (restrict_with >= 0) {
    const BgpItem& v = items[static_cast<size_t>(restrict_with)];
    (*used)[static_cast<size_t>(restrict_with)] = true;
    right.Then<ValuesJoinOp>(v.value_slots, SingleColumnValues(qc_, v), v.text);
    right.certain.insert(v.value_slots[0]);
  }
  right.Then<PatternJoinOp>(it.terms[0], it.terms[1], it.terms[2], graph, qc_, it.text);
  for (int k = 0; k < 3; ++k) {
    if (it.terms[k].is_var()) right.certain.insert(it.terms[k].slot);
  }
  if (graph.named && graph.term.is_var()) right.certain.insert(graph.term.slot);
  const auto keys = IntersectSlots(cur->certain, right.certain);
  std::vector<int> right_slots(right.certain.begin(), right.certain.end());
  cur->certain.insert(right.certain.begin(), right.certain.end());
  cur->Then(std::make_unique<HashJoinOp>(JoinKind::kInner, std::move(cur->op), std::move(right.op),
                                         std::vector<int>(keys.begin(), keys.end()), nullptr,
                                         &qc_->eval, std::move(right_slots)));
}

// Filters whose variables are now all bound run here, as early as possible.
Status Planner::PushReadyFilters(std::vector<const ast::Expr*>* pending_filters, Sub* cur) {
  for (auto f = pending_filters->begin(); f != pending_filters->end();) {
    bool ready = true;
    for (const auto& v : ExprVariables(**f)) {
      const int slot = level_->vars.Find(v);
      if (slot < 0 || !cur->certain.count(slot)) ready = false;
    }
    if (ready) {
      SEXTANT_RETURN_IF_ERROR(ApplyFilters({*f}, cur));
      f = pending_filters->erase(f);
    } else {
      ++f;
    }
  }
  return Status::OK();
}

}  // namespace sextant::query
