#include "query/planner.h"

#include <algorithm>
#include <deque>
#include <limits>

#include "query/ops_basic.h"
#include "query/ops_delta.h"
#include "query/ops_group.h"
#include "query/ops_join.h"
#include "query/ops_path.h"
#include "rdf/term_view.h"

namespace sextant::query {
namespace {

bool ContainsExists(const ast::Expr& e) {
  if (e.kind == ast::ExprKind::kExists || e.kind == ast::ExprKind::kNotExists) return true;
  return std::any_of(e.args.begin(), e.args.end(), ContainsExists);
}

std::set<int> Intersect(const std::set<int>& a, const std::set<int>& b) {
  std::set<int> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.begin()));
  return out;
}

}  // namespace

// One item of a basic graph pattern after path rewriting: a triple pattern, or a path that
// needs the path operator.
struct BgpItem {
  PatternTerm terms[3];
  const ast::Path* path = nullptr;           // set for path items
  const ast::ValuesBlock* values = nullptr;  // set for VALUES items
  std::vector<int> value_slots;              // VALUES: slot per column
  std::string text;
  bool delta = false;  // reads QueryContext::delta_quads instead of the store
};

// Rows the scanned side of a hash join for `it` would read: the pattern with only its
// constants bound, or, when cheaper, the pattern restricted by a single-column VALUES list
// (without UNDEF) on one of its variables that nothing has bound yet (*values_item set).
double Planner::ScanRowsWithValues(const std::vector<BgpItem>& items, const std::vector<bool>& used,
                                   const BgpItem& it, const Sub& cur, const GraphSpec& graph,
                                   int* values_item) {
  *values_item = -1;
  double best = ScanRows(it.terms, graph);  // in units of one index entry read through RocksDB
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
      terms[k] = PatternTerm{-1, qc_->terms.Intern(*row[0])};
      sum += ScanRows(terms, graph);
    }
    if (complete && sum < best) {
      best = sum;
      *values_item = static_cast<int>(j);
    }
  }
  return best;
}

void Planner::SetHooks() {
  hooks_ = CompileHooks();
  hooks_.slot_of = [this](const std::string& v) { return level_->vars.Slot(v); };
  hooks_.register_exists = [this](const ast::GroupPattern& p) -> Result<int> {
    for (size_t i = 0; i < qc_->exists.size(); ++i) {
      if (qc_->exists[i].pattern == &p && qc_->exists[i].level == level_) {
        return static_cast<int>(i);
      }
    }
    qc_->exists.push_back(
        {&p, level_, current_graph_.named, current_graph_.term.slot, current_graph_.term.constant});
    const int index = static_cast<int>(qc_->exists.size() - 1);
    // Planning the pattern once now gives its variables their slots in this level.
    auto probe = PlanGroup(p, Singleton(), current_graph_, nullptr);
    if (!probe.ok()) return probe.status();
    return index;
  };
}

Result<TermId> Planner::StoredId(const Term& t) {
  return qc_->terms.LookupStored(t);
}

PatternTerm Planner::TermOf(const ast::VarOrTerm& v) {
  PatternTerm out;
  if (const auto* var = std::get_if<ast::Variable>(&v)) {
    out.slot = level_->vars.Slot(var->name);
    return out;
  }
  const Term& t = std::get<Term>(v);
  if (t.is_blank()) {
    // Blank nodes in patterns behave as variables that cannot be projected.
    out.slot = level_->vars.Slot("_:" + t.value());
    return out;
  }
  // Terms the store lacks get query-local ids: they match no stored triple but still take
  // part in zero-length paths, VALUES joins and results.
  out.constant = qc_->terms.Intern(t);
  return out;
}

Planner::Sub Planner::Singleton() {
  return {ValuesOp::Singleton(&qc_->control, level_->width), {}, {}, true};
}

Planner::Sub Planner::Join(Sub left, Sub right) {
  if (left.trivial) return right;
  if (right.trivial) return left;
  auto keys = Intersect(left.certain, right.certain);
  Sub out;
  out.certain = left.certain;
  out.certain.insert(right.certain.begin(), right.certain.end());
  out.maybe = left.maybe;
  out.maybe.insert(right.maybe.begin(), right.maybe.end());
  out.op =
      std::make_unique<HashJoinOp>(JoinKind::kInner, std::move(left.op), std::move(right.op),
                                   std::vector<int>(keys.begin(), keys.end()), nullptr, &qc_->eval);
  return out;
}

Result<CompiledExprPtr> Planner::Compile(const ast::Expr& expr) {
  return CompileExpr(expr, hooks_);
}

Result<OperatorPtr> Planner::ApplyFilters(OperatorPtr op,
                                          const std::vector<const ast::Expr*>& filters) {
  for (const ast::Expr* f : filters) {
    SEXTANT_ASSIGN_OR_RETURN(auto compiled, Compile(*f));
    op = std::make_unique<FilterOp>(std::move(op), std::move(compiled), &qc_->eval,
                                    ast::ToString(*f));
  }
  return op;
}

// An index join seeks once per input row; a hash join scans the pattern once (with only its
// constants bound) and probes a hash table. A seek costs about as much as reading ten or so
// index entries in sequence (measured on LUBM), so past that many input rows per scanned row the
// scan wins: LUBM Q9 checks 117,000 (student, course) pairs against takesCourse, 0.45 s of seeks
// against 0.03 s to scan and hash the predicate. A range the RangeCache holds is read at a tenth of
// the cost of reading it through RocksDB (measured on LUBM(10): 4 ms instead of 40 ms for the
// 275,000 takesCourse triples); with the hash table built from it, at a quarter. A hash join on a
// cached range pays off against far fewer seeks.
double Planner::ScanRows(const PatternTerm terms[3], const GraphSpec& graph) {
  bool bound[4] = {false, false, false, graph.named && !graph.term.is_var()};
  for (int k = 0; k < 3; ++k) bound[k] = !terms[k].is_var();
  PatternTerm terms4[4] = {terms[0], terms[1], terms[2], graph.term};
  const double rows = EstimatePattern(qc_, terms4, bound, graph.named);
  constexpr double kCachedScanCost = 0.25;
  return RangeIsCached(qc_, terms4, graph.named) ? rows * kCachedScanCost : rows;
}

// The ids of a one-column VALUES list without UNDEF.
std::vector<TermId> Planner::SingleColumnValues(const BgpItem& values) {
  std::vector<TermId> table;
  for (const auto& r : values.values->rows) table.push_back(qc_->terms.Intern(*r[0]));
  return table;
}

int Planner::ValuesThatMakeACheck(const std::vector<BgpItem>& items, const std::vector<bool>& used,
                                  const BgpItem& it, const Sub& cur, const GraphSpec& graph,
                                  double rows) {
  if (it.values != nullptr || it.path != nullptr || it.delta) return -1;
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
    if (v.values->rows.empty() || v.values->rows.size() > 16) return -1;
    for (const auto& row : v.values->rows) {
      if (!row[0]) return -1;
      const PatternTerm terms[4] = {PatternTerm{0, kNoId}, p,
                                    PatternTerm{-1, qc_->terms.Intern(*row[0])}, graph.term};
      if (!RangeIsCached(qc_, terms, graph.named)) return -1;
    }
    // In units of one index entry read through RocksDB: a check answered by binary search in
    // memory costs about one and a half (180 ns on LUBM(10), most of it the row's trip through
    // the operators), per row and value; against a seek per row (10) or a hash join on the
    // pattern's ranges (LUBM Q9: 41,000 course checks took 7 ms, the hash join 2 ms).
    constexpr double kCachedCheckCost = 1.5;
    const double checks = rows * static_cast<double>(v.values->rows.size()) * kCachedCheckCost;
    int unused = -1;
    const double hash = ScanRowsWithValues(items, used, it, cur, graph, &unused) + rows;
    if (checks >= hash || checks >= rows * 10) return -1;
    return static_cast<int>(j);
  }
  return -1;
}

bool Planner::HashJoinIsCheaper(double scan_rows, double input_rows) {
  constexpr double kSeekCost = 10;       // in units of one sequential index entry
  constexpr double kProbeCost = 1;       // hashing an input row and looking it up
  constexpr double kMaxBuildRows = 4e6;  // hash tables beyond this would strain the memory budget
  if (scan_rows > kMaxBuildRows) return false;
  return scan_rows + input_rows * kProbeCost < input_rows * kSeekCost;
}

double Planner::EstimatePath(const ast::Path& path, bool s_bound, bool o_bound,
                             const GraphSpec& graph) {
  const double total = static_cast<double>(std::max<int64_t>(qc_->stats().quads, 1));
  switch (path.kind) {
    case ast::PathKind::kIri: {
      PatternTerm terms[4];
      terms[0].slot = 0;
      terms[2].slot = 2;
      auto id = StoredId(Term::Iri(path.iri));
      terms[1].constant = id.ok() ? *id : kNoId;
      terms[3] = graph.term;
      bool bound[4] = {s_bound, true, o_bound, graph.named && !graph.term.is_var()};
      return EstimatePattern(qc_, terms, bound, graph.named);
    }
    case ast::PathKind::kInverse: return EstimatePath(path.args[0], o_bound, s_bound, graph);
    case ast::PathKind::kAlternative: {
      double sum = 0;
      for (const auto& a : path.args) sum += EstimatePath(a, s_bound, o_bound, graph);
      return sum;
    }
    case ast::PathKind::kSequence: {
      double est = 1;
      for (size_t i = 0; i < path.args.size(); ++i) {
        est *= EstimatePath(path.args[i], i == 0 ? s_bound : true,
                            i + 1 == path.args.size() ? o_bound : false, graph);
      }
      return est;
    }
    case ast::PathKind::kNegated: return s_bound || o_bound ? 20.0 : total;
    default:  // closures: a few steps from a bound end, everything from none
      return s_bound || o_bound ? 10.0 * EstimatePath(path.args[0], true, false, graph) : total;
  }
}

Result<Planner::Sub> Planner::PlanTriples(const std::vector<const ast::TriplePattern*>& triples,
                                          const std::vector<const ast::ValuesBlock*>& values,
                                          Sub input, const GraphSpec& graph,
                                          std::vector<const ast::Expr*>* pending_filters) {
  for (const ast::TriplePattern* tp : triples) {
    if (tp->has_triple_term()) {
      return Status::Unsupported("triple term patterns <<( ... )>> are not supported yet");
    }
  }
  // Rewrite paths the way the spec's translation does: iri -> pattern, ^p -> swapped
  // pattern, p/q -> a chain through hidden variables; the rest go to the path operator.
  std::vector<BgpItem> items;
  std::deque<ast::ValuesBlock> path_values;  // VALUES lists made for alternative paths
  std::function<void(PatternTerm, const ast::Path&, PatternTerm, const void*)> expand =
      [&](PatternTerm s, const ast::Path& path, PatternTerm o, const void* key) {
        switch (path.kind) {
          case ast::PathKind::kIri: {
            BgpItem item;
            PatternTerm p;
            auto id = StoredId(Term::Iri(path.iri));
            p.constant = id.ok() ? *id : kNoId;
            item.terms[0] = s;
            item.terms[1] = p;
            item.terms[2] = o;
            item.text = "<" + path.iri + ">";
            items.push_back(item);
            return;
          }
          case ast::PathKind::kInverse:
            if (path.args[0].kind == ast::PathKind::kIri) {
              expand(o, path.args[0], s, key);
              return;
            }
            break;
          case ast::PathKind::kSequence: {
            PatternTerm from = s;
            for (size_t i = 0; i < path.args.size(); ++i) {
              PatternTerm to = o;
              if (i + 1 < path.args.size()) {
                to.slot = level_->vars.Hidden(&path, static_cast<int>(i)), to.constant = kNoId;
              }
              expand(from, path.args[i], to, &path.args[i]);
              from = to;
            }
            return;
          }
          case ast::PathKind::kAlternative: {
            // (p1|p2|...) of plain IRIs: one pattern with a hidden predicate variable that a
            // VALUES list restricts. Same multiset as the spec's union, but it is an ordinary
            // pattern the join order and index choice handle (the path operator took 84 us a
            // row for LUBM Q2's memberOf|worksFor|headOf with both ends bound).
            const bool all_iris =
                std::all_of(path.args.begin(), path.args.end(),
                            [](const ast::Path& a) { return a.kind == ast::PathKind::kIri; });
            if (!all_iris) break;
            BgpItem pattern;
            pattern.terms[0] = s;
            pattern.terms[1].slot = level_->vars.Hidden(&path, 0);
            pattern.terms[2] = o;
            pattern.text = "?p " + ast::ToString(path);
            ast::ValuesBlock& block = path_values.emplace_back();
            for (const auto& a : path.args) block.rows.push_back({Term::Iri(a.iri)});
            BgpItem restriction;
            restriction.values = &block;
            restriction.value_slots.push_back(pattern.terms[1].slot);
            restriction.text = "VALUES ?p " + ast::ToString(path);
            items.push_back(pattern);
            items.push_back(std::move(restriction));
            return;
          }
          default: break;
        }
        BgpItem item;
        item.terms[0] = s;
        item.terms[2] = o;
        item.path = &path;
        item.text = ast::ToString(path);
        items.push_back(item);
      };
  for (const ast::TriplePattern* tp : triples) {
    const ast::TriplePattern& t = *tp;
    // Slots in reading order (subject, predicate, object): SELECT * lists them that way.
    const PatternTerm s = TermOf(t.subject);
    const auto* pred_var = std::get_if<ast::Variable>(&t.predicate);
    const int pred_slot = pred_var != nullptr ? level_->vars.Slot(pred_var->name) : -1;
    const PatternTerm o = TermOf(t.object);
    if (pred_var != nullptr) {
      BgpItem item;
      item.terms[0] = s;
      item.terms[1].slot = pred_slot;
      item.terms[2] = o;
      item.text = ast::ToString(t);
      item.delta = qc_->delta_pattern == tp;
      items.push_back(item);
    } else if (const auto* term = std::get_if<Term>(&t.predicate)) {
      ast::Path p;
      p.kind = ast::PathKind::kIri;
      p.iri = term->value();
      BgpItem item;
      item.terms[0] = s;
      auto id = StoredId(*term);
      item.terms[1].constant = id.ok() ? *id : kNoId;
      item.terms[2] = o;
      item.text = ast::ToString(t);
      item.delta = qc_->delta_pattern == tp;
      items.push_back(item);
    } else {
      expand(s, std::get<ast::Path>(t.predicate), o, &t);
    }
  }

  for (const ast::ValuesBlock* v : values) {
    BgpItem item;
    item.values = v;
    for (const auto& name : v->vars) item.value_slots.push_back(level_->vars.Slot(name));
    item.text = "VALUES (" + std::to_string(v->rows.size()) + " rows)";
    items.push_back(std::move(item));
  }

  // Greedy join order: repeatedly take the item that keeps the estimated number of
  // intermediate rows smallest (rows so far x matches per row given what is bound), so a
  // selective pattern runs first even when it shares no variable with what came before.
  Sub cur = std::move(input);
  double card = 1;
  std::vector<bool> used(items.size(), false);
  for (size_t step = 0; step < items.size(); ++step) {
    int best = -1;
    double best_cost = 0;
    bool best_connected = false;
    for (size_t i = 0; i < items.size(); ++i) {
      if (used[i]) continue;
      const BgpItem& it = items[i];
      bool connected = false;
      double cost;
      if (it.values != nullptr) {
        size_t bound_cols = 0;
        for (int slot : it.value_slots) bound_cols += cur.certain.count(slot);
        connected = bound_cols > 0;
        const double rows = static_cast<double>(std::max<size_t>(it.values->rows.size(), 1));
        // Fully bound VALUES only filters; partly bound ones fan out less. An unbound VALUES
        // multiplies every later scan by its row count, so it waits until a pattern binds one
        // of its variables (or nothing else is left).
        bool others_left = false;
        for (size_t j = 0; j < items.size(); ++j) {
          others_left |= !used[j] && items[j].values == nullptr;
        }
        cost = bound_cols == it.value_slots.size() ? 0.5
               : bound_cols > 0                    ? std::max(1.0, rows / 4)
               : others_left                       ? std::numeric_limits<double>::max() / 4
                                                   : rows;
      } else {
        bool bound[4] = {
            false, false, false,
            graph.named && (!graph.term.is_var() || cur.certain.count(graph.term.slot))};
        for (int k = 0; k < 3; ++k) {
          const PatternTerm& t = it.terms[k];
          if (it.path && k == 1) continue;
          bound[k] = !t.is_var() || cur.certain.count(t.slot) > 0;
          if (t.is_var() && cur.certain.count(t.slot)) connected = true;
        }
        if (it.delta) {
          cost = -1;  // the delta is small and drives the evaluation: always first
        } else if (it.path) {
          cost = EstimatePath(*it.path, bound[0], bound[2], graph);
        } else {
          PatternTerm terms4[4] = {it.terms[0], it.terms[1], it.terms[2], graph.term};
          cost = EstimatePattern(qc_, terms4, bound, graph.named);
        }
      }
      const bool better =
          best < 0 || cost < best_cost || (cost == best_cost && connected && !best_connected);
      if (better) {
        best = static_cast<int>(i);
        best_cost = cost;
        best_connected = connected;
      }
    }
    if (best < 0) break;  // a VALUES list went into an earlier hash join's scanned side
    used[static_cast<size_t>(best)] = true;
    const BgpItem& it = items[static_cast<size_t>(best)];
    const int check_values = ValuesThatMakeACheck(items, used, it, cur, graph, card);
    if (const int v = check_values; v >= 0) {
      // `?x rdf:type ?t` with ?x bound and VALUES ?t { C1 C2 }: joining the values first
      // turns the pattern into one check per row and class, answered from the classes'
      // ranges in memory, instead of one RocksDB seek per row (LUBM Q8, Q9).
      const BgpItem& values = items[static_cast<size_t>(v)];
      used[static_cast<size_t>(v)] = true;
      std::vector<TermId> table = SingleColumnValues(values);
      card *= static_cast<double>(table.size());
      cur.op = std::make_unique<ValuesJoinOp>(std::move(cur.op), values.value_slots,
                                              std::move(table), values.text);
      cur.op->estimated_rows = card;
      cur.trivial = false;
      cur.certain.insert(values.value_slots[0]);
    }
    const double card_in = card;
    int restrict_with = -1;
    card = std::max(card * std::max(best_cost, 0.0), 1.0);  // a check can shrink it
    if (it.values != nullptr) {
      std::vector<TermId> table;
      for (const auto& r : it.values->rows) {
        for (const auto& v : r) table.push_back(v ? qc_->terms.Intern(*v) : kNoId);
      }
      cur.op = std::make_unique<ValuesJoinOp>(std::move(cur.op), it.value_slots, std::move(table),
                                              it.text);
      cur.trivial = false;
      std::vector<bool> always(it.value_slots.size(), true);
      for (const auto& r : it.values->rows) {
        for (size_t k = 0; k < r.size(); ++k) always[k] = always[k] && r[k].has_value();
      }
      for (size_t k = 0; k < it.value_slots.size(); ++k) {
        (always[k] ? cur.certain : cur.maybe).insert(it.value_slots[k]);
      }
      cur.op->estimated_rows = card;
      continue;
    } else if (it.delta) {
      cur.op = std::make_unique<DeltaJoinOp>(std::move(cur.op), it.terms, qc_->delta_quads,
                                             "Delta " + it.text);
      cur.trivial = false;
    } else if (it.path) {
      cur.op = std::make_unique<PathOp>(std::move(cur.op), it.terms[0], *it.path, it.terms[2],
                                        graph, qc_, it.text);
      cur.trivial = false;
    } else if (check_values < 0 && best_connected &&
               HashJoinIsCheaper(ScanRowsWithValues(items, used, it, cur, graph, &restrict_with),
                                 card_in)) {
      // The scanned side: the pattern alone, or restricted first by a VALUES list on one of its
      // unbound variables (LUBM Q9: `?Y rdf:type ?f` over 8 faculty classes scans those 8
      // classes instead of seeking 20,000 times or scanning every rdf:type triple).
      Sub right = Singleton();
      if (restrict_with >= 0) {
        const BgpItem& v = items[static_cast<size_t>(restrict_with)];
        used[static_cast<size_t>(restrict_with)] = true;
        std::vector<TermId> table = SingleColumnValues(v);
        right.op = std::make_unique<ValuesJoinOp>(std::move(right.op), v.value_slots,
                                                  std::move(table), v.text);
        right.certain.insert(v.value_slots[0]);
      }
      right.op = std::make_unique<PatternJoinOp>(std::move(right.op), it.terms[0], it.terms[1],
                                                 it.terms[2], graph, qc_, it.text);
      right.trivial = false;
      for (int k = 0; k < 3; ++k) {
        if (it.terms[k].is_var()) right.certain.insert(it.terms[k].slot);
      }
      if (graph.named && graph.term.is_var()) right.certain.insert(graph.term.slot);
      const auto keys = Intersect(cur.certain, right.certain);
      std::vector<int> right_slots(right.certain.begin(), right.certain.end());
      cur.certain.insert(right.certain.begin(), right.certain.end());
      cur.op = std::make_unique<HashJoinOp>(
          JoinKind::kInner, std::move(cur.op), std::move(right.op),
          std::vector<int>(keys.begin(), keys.end()), nullptr, &qc_->eval, std::move(right_slots));
      cur.trivial = false;
    } else {
      cur.op = std::make_unique<PatternJoinOp>(std::move(cur.op), it.terms[0], it.terms[1],
                                               it.terms[2], graph, qc_, it.text);
      cur.trivial = false;
    }
    cur.op->estimated_rows = card;
    for (int k = 0; k < 3; ++k) {
      if (it.terms[k].is_var()) cur.certain.insert(it.terms[k].slot);
    }
    if (graph.named && graph.term.is_var()) cur.certain.insert(graph.term.slot);
    // Filters whose variables are now all bound run here, as early as possible.
    if (pending_filters != nullptr) {
      for (auto f = pending_filters->begin(); f != pending_filters->end();) {
        bool ready = true;
        for (const auto& v : ExprVariables(**f)) {
          const int slot = level_->vars.Find(v);
          if (slot < 0 || !cur.certain.count(slot)) ready = false;
        }
        if (ready) {
          SEXTANT_ASSIGN_OR_RETURN(cur.op, ApplyFilters(std::move(cur.op), {*f}));
          cur.trivial = false;
          f = pending_filters->erase(f);
        } else {
          ++f;
        }
      }
    }
  }
  return cur;
}

Result<Planner::Sub> Planner::PlanGroup(const ast::GroupPattern& group, Sub input,
                                        const GraphSpec& graph,
                                        std::vector<const ast::Expr*>* lifted_filters) {
  const GraphSpec saved_graph = current_graph_;
  current_graph_ = graph;
  struct Restore {
    Planner* p = nullptr;
    GraphSpec g;
    ~Restore() { p->current_graph_ = g; }
  } restore{this, saved_graph};
  std::vector<const ast::Expr*> filters;
  for (const auto& e : group.elements) {
    if (e.kind == ast::ElementKind::kFilter) filters.push_back(&e.expr);
  }
  // Filters without EXISTS may run inside the first basic graph pattern that binds all their
  // variables (a bound variable keeps its value through later joins). Filters of an OPTIONAL
  // group are its LeftJoin condition and must see the merged row, so they are not pushed.
  std::vector<const ast::Expr*> pushable;
  std::vector<const ast::Expr*> late;
  for (const ast::Expr* f : filters) {
    (lifted_filters == nullptr && !ContainsExists(*f) ? pushable : late).push_back(f);
  }

  Sub cur = std::move(input);
  std::vector<const ast::ValuesBlock*> pending_values;  // VALUES that join the next triples run
  const auto& els = group.elements;
  for (size_t i = 0; i < els.size(); ++i) {
    const ast::PatternElement& e = els[i];
    switch (e.kind) {
      case ast::ElementKind::kTriples: {
        // A run of triples, filters and VALUES is one join problem: joins commute, so the
        // planner may order them freely.
        // Pointers into the AST, never copies: hidden variables are keyed by node address,
        // which must be the same in both planning passes.
        std::vector<const ast::TriplePattern*> triples;
        for (const auto& t : e.triples) triples.push_back(&t);
        std::vector<const ast::ValuesBlock*> values = pending_values;
        pending_values.clear();
        while (i + 1 < els.size() && (els[i + 1].kind == ast::ElementKind::kTriples ||
                                      els[i + 1].kind == ast::ElementKind::kFilter ||
                                      els[i + 1].kind == ast::ElementKind::kValues)) {
          ++i;
          if (els[i].kind == ast::ElementKind::kTriples) {
            for (const auto& t : els[i].triples) triples.push_back(&t);
          }
          if (els[i].kind == ast::ElementKind::kValues) values.push_back(&els[i].values);
        }
        SEXTANT_ASSIGN_OR_RETURN(cur,
                                 PlanTriples(triples, values, std::move(cur), graph, &pushable));
        break;
      }
      case ast::ElementKind::kOptional: {
        std::vector<const ast::Expr*> cond;
        SEXTANT_ASSIGN_OR_RETURN(Sub right, PlanGroup(e.groups[0], Singleton(), graph, &cond));
        CompiledExprPtr filter;
        if (!cond.empty()) {
          if (cond.size() == 1) {
            SEXTANT_ASSIGN_OR_RETURN(filter, Compile(*cond[0]));
          } else {
            // The conjunction is a new AST node: the level owns it, as EXISTS patterns inside
            // are referred to by address.
            ast::Expr& conj =
                level_->owned_exprs.emplace_back(ast::Expr::Op(ast::ExprKind::kAnd, {}));
            for (const auto* c : cond) conj.args.push_back(*c);
            SEXTANT_ASSIGN_OR_RETURN(filter, Compile(conj));
          }
        }
        auto keys = Intersect(cur.certain, right.certain);
        Sub out;
        out.certain = cur.certain;
        out.maybe = cur.maybe;
        out.maybe.insert(right.certain.begin(), right.certain.end());
        out.maybe.insert(right.maybe.begin(), right.maybe.end());
        out.op = std::make_unique<HashJoinOp>(
            JoinKind::kLeft, std::move(cur.op), std::move(right.op),
            std::vector<int>(keys.begin(), keys.end()), std::move(filter), &qc_->eval);
        cur = std::move(out);
        break;
      }
      case ast::ElementKind::kMinus: {
        SEXTANT_ASSIGN_OR_RETURN(Sub right, PlanGroup(e.groups[0], Singleton(), graph, nullptr));
        auto keys = Intersect(cur.certain, right.certain);
        cur.op = std::make_unique<HashJoinOp>(
            JoinKind::kMinus, std::move(cur.op), std::move(right.op),
            std::vector<int>(keys.begin(), keys.end()), nullptr, &qc_->eval);
        cur.trivial = false;
        break;
      }
      case ast::ElementKind::kUnion: {
        std::vector<OperatorPtr> branches;
        Sub merged;
        bool first = true;
        for (const auto& g : e.groups) {
          SEXTANT_ASSIGN_OR_RETURN(Sub b, PlanGroup(g, Singleton(), graph, nullptr));
          merged.certain = first ? b.certain : Intersect(merged.certain, b.certain);
          merged.maybe.insert(b.certain.begin(), b.certain.end());
          merged.maybe.insert(b.maybe.begin(), b.maybe.end());
          branches.push_back(std::move(b.op));
          first = false;
        }
        merged.op = std::make_unique<UnionOp>(std::move(branches));
        cur = Join(std::move(cur), std::move(merged));
        break;
      }
      case ast::ElementKind::kGroup: {
        SEXTANT_ASSIGN_OR_RETURN(Sub sub, PlanGroup(e.groups[0], Singleton(), graph, nullptr));
        cur = Join(std::move(cur), std::move(sub));
        break;
      }
      case ast::ElementKind::kGraph: {
        GraphSpec inner;
        inner.named = true;
        inner.term = TermOf(e.name);
        Sub sub;
        if (inner.term.is_var() && !BindsOnlyThroughPatterns(e.groups[0])) {
          SEXTANT_ASSIGN_OR_RETURN(sub, PlanGraphByGraph(e.groups[0], inner.term.slot));
        } else {
          SEXTANT_ASSIGN_OR_RETURN(sub, PlanGroup(e.groups[0], Singleton(), inner, nullptr));
          if (inner.term.is_var()) sub.certain.insert(inner.term.slot);
        }
        cur = Join(std::move(cur), std::move(sub));
        break;
      }
      case ast::ElementKind::kBind: {
        SEXTANT_ASSIGN_OR_RETURN(auto expr, Compile(e.expr));
        const int slot = level_->vars.Slot(e.var);
        cur.op = std::make_unique<ExtendOp>(std::move(cur.op), slot, std::move(expr), &qc_->eval,
                                            "?" + e.var + " := " + ast::ToString(e.expr));
        cur.trivial = false;
        cur.maybe.insert(slot);
        break;
      }
      case ast::ElementKind::kValues: {
        size_t next = i + 1;
        while (next < els.size() && (els[next].kind == ast::ElementKind::kValues ||
                                     els[next].kind == ast::ElementKind::kFilter)) {
          ++next;
        }
        if (next < els.size() && els[next].kind == ast::ElementKind::kTriples) {
          pending_values.push_back(&e.values);
          break;
        }
        std::vector<int> slots;
        for (const auto& v : e.values.vars) slots.push_back(level_->vars.Slot(v));
        std::vector<TermId> rows;
        Sub sub;
        std::vector<bool> always(slots.size(), true);
        for (const auto& r : e.values.rows) {
          std::vector<TermId> row(level_->width, kNoId);
          for (size_t k = 0; k < slots.size(); ++k) {
            if (!r[k]) {
              always[k] = false;
              continue;
            }
            if (level_->width > 0) row[static_cast<size_t>(slots[k])] = qc_->terms.Intern(*r[k]);
          }
          rows.insert(rows.end(), row.begin(), row.end());
        }
        for (size_t k = 0; k < slots.size(); ++k) {
          (always[k] ? sub.certain : sub.maybe).insert(slots[k]);
        }
        if (level_->width == 0) rows.clear();
        sub.op = std::make_unique<ValuesOp>(
            &qc_->control, level_->width, std::move(rows),
            "Values " + std::to_string(e.values.rows.size()) + " row(s)", e.values.rows.size());
        cur = Join(std::move(cur), std::move(sub));
        break;
      }
      case ast::ElementKind::kSubQuery: {
        SEXTANT_ASSIGN_OR_RETURN(Sub sub, PlanSubQuery(*e.subquery, graph));
        cur = Join(std::move(cur), std::move(sub));
        break;
      }
      case ast::ElementKind::kService:
        if (!e.silent) return Status::Unsupported("SERVICE (federated query) is not supported");
        break;  // SERVICE SILENT that cannot run yields the empty solution
      case ast::ElementKind::kFilter: break;
    }
  }
  late.insert(late.begin(), pushable.begin(), pushable.end());
  if (lifted_filters != nullptr) {
    lifted_filters->insert(lifted_filters->end(), late.begin(), late.end());
  } else {
    SEXTANT_ASSIGN_OR_RETURN(cur.op, ApplyFilters(std::move(cur.op), late));
    cur.trivial = false;
  }
  return cur;
}

// GRAPH ?g { P } may bind ?g inside the triple patterns of P (one pass over all graphs) only
// when P is made of patterns, filters and joins of those: then evaluating P per graph and
// binding ?g afterwards gives the same rows. VALUES, BIND, MINUS, subqueries and EXISTS see
// their own scope and are evaluated graph by graph instead.
bool Planner::BindsOnlyThroughPatterns(const ast::GroupPattern& g) {
  for (const auto& e : g.elements) {
    switch (e.kind) {
      case ast::ElementKind::kTriples: break;
      case ast::ElementKind::kFilter:
        if (ContainsExists(e.expr)) return false;
        break;
      case ast::ElementKind::kGroup:
      case ast::ElementKind::kOptional:
      case ast::ElementKind::kUnion:
        for (const auto& sub : e.groups) {
          if (!BindsOnlyThroughPatterns(sub)) return false;
        }
        break;
      default: return false;
    }
  }
  return true;
}

Result<Planner::Sub> Planner::PlanGraphByGraph(const ast::GroupPattern& group, int graph_slot) {
  std::vector<TermId> graphs;
  if (qc_->named_graphs) {
    graphs = *qc_->named_graphs;
  } else {
    for (const auto& [g, n] : qc_->stats().graphs) {
      if (g != storage::kDefaultGraphId) graphs.push_back(g);
    }
  }
  std::vector<OperatorPtr> branches;
  Sub out;
  out.certain.insert(graph_slot);
  for (TermId g : graphs) {
    if (g == kNoId) continue;
    GraphSpec spec;
    spec.named = true;
    spec.term.constant = g;
    SEXTANT_ASSIGN_OR_RETURN(Sub b, PlanGroup(group, Singleton(), spec, nullptr));
    out.maybe.insert(b.certain.begin(), b.certain.end());
    out.maybe.insert(b.maybe.begin(), b.maybe.end());
    branches.push_back(std::make_unique<BindConstantOp>(std::move(b.op), graph_slot, g,
                                                        "GRAPH ?" + level_->vars.name(graph_slot)));
  }
  if (branches.empty()) {
    out.op = std::make_unique<ValuesOp>(&qc_->control, level_->width, std::vector<TermId>(),
                                        "No named graphs", 0);
  } else {
    out.op = std::make_unique<UnionOp>(std::move(branches));
  }
  return out;
}

Result<Planner::Sub> Planner::PlanSubQuery(const ast::Query& query, const GraphSpec& graph) {
  Planner inner(qc_);
  if (graph.named) inner.set_outer_graph(graph, graph.term.is_var());
  SEXTANT_ASSIGN_OR_RETURN(auto planned, inner.Plan(query, {}));
  std::vector<std::pair<int, int>> map;
  Sub sub;
  if (planned->active_graph_slot >= 0) {
    map.emplace_back(planned->active_graph_slot, graph.term.slot);
    sub.certain.insert(graph.term.slot);
  }
  for (size_t i = 0; i < planned->projected.size(); ++i) {
    const int outer = level_->vars.Slot(planned->projected[i]);
    map.emplace_back(planned->projected_slots[i], outer);
    sub.maybe.insert(outer);
  }
  OperatorPtr root = std::move(planned->root);
  keepalive_.push_back(std::move(planned));
  sub.op = std::make_unique<RemapOp>(&qc_->control, level_->width, std::move(root), std::move(map));
  return sub;
}

Result<std::unique_ptr<PlannedQuery>> Planner::Plan(
    const ast::Query& query, const std::vector<std::pair<std::string, TermId>>& seed) {
  // Planning runs twice: the first pass discovers every variable slot (including hidden ones
  // for paths and aggregates), the second builds operators with the final row width.
  auto level = std::make_unique<PlannedQuery>();
  level_ = level.get();
  level_->width = 0;
  {
    auto dry = PlanLevel(query, seed, true);
    if (!dry.ok()) return dry.status();
  }
  level_->width = level_->vars.size();
  keepalive_.clear();
  SEXTANT_ASSIGN_OR_RETURN(auto real, PlanLevel(query, seed, false));
  if (level_->vars.size() != level_->width) {
    // Rows are level_->width wide: a slot made only in the second pass would be out of bounds.
    return Status::Internal("query planning assigned variable slots inconsistently");
  }
  level->root = std::move(real->root);
  level->projected = std::move(real->projected);
  level->projected_slots = std::move(real->projected_slots);
  level->active_graph_slot = real->active_graph_slot;
  level->children = std::move(keepalive_);
  return level;
}

Result<std::unique_ptr<PlannedQuery>> Planner::PlanLevel(
    const ast::Query& query, const std::vector<std::pair<std::string, TermId>>& seed,
    bool /*dry*/) {
  auto out = std::make_unique<PlannedQuery>();
  SetHooks();
  hooks_.base_iri = query.base_iri;  // IRI("relative") resolves against the query's base

  // The start row: all unbound, or the prepared query's parameters.
  Sub cur;
  {
    std::vector<TermId> row(level_->width, kNoId);
    for (const auto& [name, id] : seed) {
      const int slot = level_->vars.Slot(name);
      if (static_cast<size_t>(slot) < row.size()) row[static_cast<size_t>(slot)] = id;
      cur.certain.insert(slot);
    }
    cur.op = std::make_unique<ValuesOp>(&qc_->control, level_->width, std::move(row),
                                        seed.empty() ? "Singleton" : "Parameters");
    cur.trivial = false;
    cur.trivial = seed.empty();
  }
  if (query.where) {
    GraphSpec top_graph = outer_graph_;
    if (outer_graph_is_var_) {
      top_graph.term.slot = level_->vars.Slot(" active-graph");
      out->active_graph_slot = top_graph.term.slot;
    }
    SEXTANT_ASSIGN_OR_RETURN(cur, PlanGroup(*query.where, std::move(cur), top_graph, nullptr));
  }
  if (query.values) {
    ast::PatternElement values;
    values.kind = ast::ElementKind::kValues;
    values.values = *query.values;
    ast::GroupPattern g;
    g.elements.push_back(std::move(values));
    SEXTANT_ASSIGN_OR_RETURN(cur, PlanGroup(g, std::move(cur), GraphSpec{}, nullptr));
  }

  // Variables visible to SELECT *: those the pattern can bind, in order of appearance.
  std::vector<std::string> visible;
  for (size_t s = 0; s < level_->vars.size(); ++s) {
    const std::string& n = level_->vars.name(static_cast<int>(s));
    if (VarTable::IsHidden(n) || n.rfind("_:", 0) == 0) continue;
    if (cur.certain.count(static_cast<int>(s)) || cur.maybe.count(static_cast<int>(s))) {
      visible.push_back(n);
    }
  }

  if (query.aggregated) {
    std::vector<AggregateSpec> aggregates;
    hooks_.aggregate_slot = [this, &aggregates](const ast::Expr& agg) -> Result<int> {
      const int slot = level_->vars.Hidden(&agg);
      for (const auto& a : aggregates) {
        if (a.slot == slot) return slot;
      }
      AggregateSpec spec;
      spec.aggregate = agg;
      spec.slot = slot;
      if (!agg.args.empty()) {
        CompileHooks plain = hooks_;
        plain.aggregate_slot = nullptr;
        SEXTANT_ASSIGN_OR_RETURN(spec.arg, CompileExpr(agg.args[0], plain));
      }
      aggregates.push_back(std::move(spec));
      return slot;
    };
    std::vector<GroupKey> keys;
    std::set<int> group_vars;
    for (const auto& g : query.group_by) {
      CompileHooks plain = hooks_;
      plain.aggregate_slot = nullptr;
      SEXTANT_ASSIGN_OR_RETURN(auto expr, CompileExpr(g.expr, plain));
      int slot;
      if (g.as) {
        slot = level_->vars.Slot(*g.as);
      } else if (g.expr.kind == ast::ExprKind::kVariable) {
        slot = level_->vars.Slot(g.expr.var);
      } else {
        slot = level_->vars.Hidden(&g);
      }
      group_vars.insert(slot);
      keys.push_back({std::move(expr), slot});
    }
    // Compile everything that may hold aggregates before building the group operator.
    std::vector<std::pair<int, CompiledExprPtr>> selects;
    for (const auto& item : query.projection) {
      if (!item.expr) continue;
      SEXTANT_ASSIGN_OR_RETURN(auto e, Compile(*item.expr));
      selects.emplace_back(level_->vars.Slot(item.var), std::move(e));
    }
    std::vector<CompiledExprPtr> having;
    for (const auto& h : query.having) {
      SEXTANT_ASSIGN_OR_RETURN(auto e, Compile(h));
      having.push_back(std::move(e));
    }
    std::vector<OrderKey> order;
    for (const auto& o : query.order_by) {
      SEXTANT_ASSIGN_OR_RETURN(auto e, Compile(o.expr));
      order.push_back({std::move(e), o.descending});
    }
    cur.op = std::make_unique<GroupOp>(std::move(cur.op), std::move(keys), std::move(aggregates),
                                       &qc_->eval);
    cur.trivial = false;
    for (size_t h = 0; h < having.size(); ++h) {
      cur.op = std::make_unique<FilterOp>(std::move(cur.op), std::move(having[h]), &qc_->eval,
                                          "HAVING " + ast::ToString(query.having[h]));
      cur.trivial = false;
    }
    if (!selects.empty()) {
      cur.op = std::make_unique<ExtendOp>(std::move(cur.op), std::move(selects), &qc_->eval,
                                          "select expressions");
      cur.trivial = false;
    }
    if (!order.empty()) {
      cur.op = std::make_unique<OrderByOp>(std::move(cur.op), std::move(order), &qc_->eval);
    }
    cur.trivial = false;
    visible.clear();
    for (int s : group_vars) {
      if (!VarTable::IsHidden(level_->vars.name(s))) visible.push_back(level_->vars.name(s));
    }
  } else {
    std::vector<std::pair<int, CompiledExprPtr>> selects;
    std::string text;
    for (const auto& item : query.projection) {
      if (!item.expr) continue;
      SEXTANT_ASSIGN_OR_RETURN(auto e, Compile(*item.expr));
      selects.emplace_back(level_->vars.Slot(item.var), std::move(e));
      text += (text.empty() ? "?" : ", ?") + item.var + " := " + ast::ToString(*item.expr);
    }
    if (!selects.empty()) {
      cur.op = std::make_unique<ExtendOp>(std::move(cur.op), std::move(selects), &qc_->eval, text);
      cur.trivial = false;
    }
    if (!query.order_by.empty()) {
      std::vector<OrderKey> order;
      for (const auto& o : query.order_by) {
        SEXTANT_ASSIGN_OR_RETURN(auto e, Compile(o.expr));
        order.push_back({std::move(e), o.descending});
      }
      cur.op = std::make_unique<OrderByOp>(std::move(cur.op), std::move(order), &qc_->eval);
      cur.trivial = false;
    }
  }

  if (query.form == ast::QueryForm::kSelect) {
    if (query.select_all) {
      out->projected = visible;
    } else {
      for (const auto& item : query.projection) out->projected.push_back(item.var);
    }
  } else if (query.form == ast::QueryForm::kDescribe || query.form == ast::QueryForm::kConstruct) {
    out->projected = visible;  // the template / targets read any pattern variable
  }
  for (const auto& name : out->projected) out->projected_slots.push_back(level_->vars.Slot(name));
  if (query.form == ast::QueryForm::kSelect) {
    std::string text;
    for (const auto& n : out->projected) text += "?" + n + " ";
    std::vector<int> keep = out->projected_slots;
    if (out->active_graph_slot >= 0) keep.push_back(out->active_graph_slot);
    cur.op = std::make_unique<ProjectOp>(std::move(cur.op), keep, text);
    cur.trivial = false;
    if (query.distinct || query.reduced) cur.op = std::make_unique<DistinctOp>(std::move(cur.op));
    cur.trivial = false;
  }
  if (query.offset || query.limit) {
    cur.op = std::make_unique<SliceOp>(std::move(cur.op), query.offset.value_or(0), query.limit);
    cur.trivial = false;
  }
  if (query.form == ast::QueryForm::kAsk) {
    cur.op = std::make_unique<SliceOp>(std::move(cur.op), 0, 1);
  }
  cur.trivial = false;
  out->root = std::move(cur.op);
  return out;
}

bool EvaluateExists(QueryContext* qc, int index, const TermId* row) {
  // A filter calls this once per row of its batch: once the query is stopped, the remaining
  // rows must not each start a sub-plan before the stop is noticed.
  if (!qc->control.Check()) return false;
  const auto& entry = qc->exists[static_cast<size_t>(index)];
  auto* level = const_cast<PlannedQuery*>(
      static_cast<const PlannedQuery*>(entry.pattern == nullptr ? nullptr : entry.level));
  const auto& pattern = *static_cast<const ast::GroupPattern*>(entry.pattern);
  Planner planner(qc);
  planner.level_ = level;
  planner.SetHooks();
  planner.hooks_.slot_of = [level](const std::string& v) { return level->vars.Find(v); };
  GraphSpec graph;
  graph.named = entry.named;
  graph.term.slot = entry.graph_slot;
  graph.term.constant = entry.graph_constant;
  Planner::Sub seed;
  std::vector<TermId> values(row, row + level->width);
  for (size_t s = 0; s < level->width; ++s) {
    if (row[s] != kNoId) seed.certain.insert(static_cast<int>(s));
  }
  seed.op = std::make_unique<ValuesOp>(&qc->control, level->width, std::move(values), "Seed");
  auto sub = planner.PlanGroup(pattern, std::move(seed), graph, nullptr);
  if (!sub.ok()) {
    qc->control.status = sub.status();
    return false;
  }
  RowBatch batch(level->width);
  return sub->op->Next(batch) && !batch.empty();
}

}  // namespace sextant::query
