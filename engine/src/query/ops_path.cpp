#include "query/ops_path.h"

#include <algorithm>
#include <deque>
#include <unordered_map>
#include <unordered_set>

#include "storage/id_scan.h"

namespace sextant::query {

using storage::IdQuad;
using storage::kDefaultGraphId;
using storage::kG;
using storage::kO;
using storage::kP;
using storage::kS;

// Evaluates paths one step at a time against one graph (kNoId: the union of all graphs).
class PathStepper {
 public:
  // `iterators`: one slot per index order, filled on first use and owned by the caller, so
  // they outlive this stepper. A scan ends before the next one starts.
  PathStepper(QueryContext* qc, QueryControl* control, TermId graph,
              std::unique_ptr<rocksdb::Iterator>* iterators)
      : qc_(qc), control_(control), graph_(graph), iterators_(iterators) {}
  TermId graph() const { return graph_; }

  // Nodes reachable from `node` by one traversal of `path` (forward) or of its inverse.
  void Successors(const ast::Path& path, TermId node, bool forward, std::vector<TermId>* out) {
    switch (path.kind) {
      case ast::PathKind::kIri: {
        const TermId p = Iri(path.iri);
        if (p != kNoId) Scan(node, p, forward, out);
        break;
      }
      case ast::PathKind::kInverse: Successors(path.args[0], node, !forward, out); break;
      case ast::PathKind::kSequence: {
        std::vector<TermId> current{node}, next;
        const size_t n = path.args.size();
        for (size_t i = 0; i < n; ++i) {
          const ast::Path& step = path.args[forward ? i : n - 1 - i];
          next.clear();
          for (TermId c : current) Successors(step, c, forward, &next);
          current.swap(next);
        }
        out->insert(out->end(), current.begin(), current.end());
        break;
      }
      case ast::PathKind::kAlternative:
        for (const auto& a : path.args) Successors(a, node, forward, out);
        break;
      case ast::PathKind::kZeroOrMore:
      case ast::PathKind::kOneOrMore:
      case ast::PathKind::kZeroOrOne: {
        for (TermId t : Closure(path, node, forward)) out->push_back(t);
        break;
      }
      case ast::PathKind::kNegated: Negated(path, node, forward, out); break;
    }
  }

  // Distinct nodes reachable by a *, + or ? path.
  std::vector<TermId> Closure(const ast::Path& path, TermId node, bool forward) {
    std::vector<TermId> result;
    std::unordered_set<TermId> visited;
    if (path.kind != ast::PathKind::kOneOrMore) {
      visited.insert(node);
      result.push_back(node);
    }
    std::vector<TermId> step;
    if (path.kind == ast::PathKind::kZeroOrOne) {
      Successors(path.args[0], node, forward, &step);
      for (TermId t : step) {
        if (visited.insert(t).second) result.push_back(t);
      }
      return result;
    }
    std::deque<TermId> frontier{node};
    std::unordered_set<TermId> expanded;
    uint64_t steps = 0;
    while (!frontier.empty()) {
      // A closure over a large graph is one long loop: honour interrupts and timeouts inside.
      if (!control_->status.ok() || (++steps % 256 == 0 && !control_->Check())) break;
      const TermId n = frontier.front();
      frontier.pop_front();
      if (!expanded.insert(n).second) continue;
      step.clear();
      Successors(path.args[0], n, forward, &step);
      for (TermId t : step) {
        if (visited.insert(t).second) result.push_back(t);
        if (!expanded.count(t)) frontier.push_back(t);
      }
    }
    return result;
  }

  // Whether a term occurs as subject or object in the graph.
  bool IsNode(TermId node) {
    if (storage::TagOf(node) == storage::IdTag::kLocal) return false;
    for (const IdQuad& pattern :
         {IdQuad{node, kNoId, kNoId, graph_}, IdQuad{kNoId, kNoId, node, graph_}}) {
      storage::IdScan scan = IndexScan(pattern);
      for (; scan.Valid(); scan.Next()) {
        if (graph_ != kNoId || InDefaultDataset(scan.quad()[kG])) return true;
      }
    }
    return false;
  }

  // Every subject and object of the graph (for paths with both ends unbound).
  std::vector<TermId> AllNodes() {
    std::unordered_set<TermId> seen;
    std::vector<TermId> out;
    IdQuad pattern{kNoId, kNoId, kNoId, graph_};
    storage::IdScan scan = IndexScan(pattern);
    for (; scan.Valid(); scan.Next()) {
      const auto& q = scan.quad();
      if (graph_ == kNoId && !InDefaultDataset(q[kG])) continue;
      for (TermId t : {q[kS], q[kO]}) {
        if (seen.insert(t).second) out.push_back(t);
      }
    }
    return out;
  }

 private:
  storage::IdScan IndexScan(const IdQuad& pattern) {
    const storage::ScanPlan plan = storage::ChooseIndex(pattern);
    // A closure steps through one (predicate, node) range per node: served from the
    // predicate's range in memory, each step is a binary search instead of a RocksDB seek.
    if (auto range = CachedRangeFor(qc_, plan, pattern)) {
      return storage::IdScan(std::move(range), pattern, plan);
    }
    if (plan.order == storage::IndexOrder::kPOSG && plan.prefix_len == 2) {
      constexpr uint64_t kDemandStep = 32;  // steps reported at a time, not one lock per step
      if (++seeks_[pattern[storage::kP]] % kDemandStep == 0) {
        if (auto range = FillPredicateRange(qc_, pattern[storage::kP], kDemandStep)) {
          return storage::IdScan(std::move(range), pattern, plan);
        }
      }
    }
    auto& it = iterators_[static_cast<int>(plan.order)];
    if (!it) it = qc_->NewIterator(plan.order);
    return storage::IdScan(it.get(), pattern, plan);
  }

  TermId Iri(const std::string& iri) {
    auto id = qc_->terms.LookupStored(Term::Iri(iri));
    return id.ok() ? *id : kNoId;
  }

  bool InDefaultDataset(TermId g) const {
    if (g == qc_->hidden_graph) return false;
    if (!qc_->default_graphs) return true;
    return std::find(qc_->default_graphs->begin(), qc_->default_graphs->end(), g) !=
           qc_->default_graphs->end();
  }

  void Scan(TermId node, TermId p, bool forward, std::vector<TermId>* out) {
    if (storage::TagOf(node) == storage::IdTag::kLocal) return;
    IdQuad pattern{forward ? node : kNoId, p, forward ? kNoId : node, graph_};
    storage::IdScan scan = IndexScan(pattern);
    std::optional<IdQuad> last;
    for (; scan.Valid(); scan.Next()) {
      const auto& q = scan.quad();
      if (graph_ == kNoId) {
        if (!InDefaultDataset(q[kG])) continue;
        if (last && (*last)[0] == q[0] && (*last)[1] == q[1] && (*last)[2] == q[2]) continue;
        last = q;
      }
      out->push_back(forward ? q[kO] : q[kS]);
    }
  }

  void Negated(const ast::Path& path, TermId node, bool forward, std::vector<TermId>* out) {
    if (storage::TagOf(node) == storage::IdTag::kLocal) return;
    // !(a|^b) from node forward: triples (node, p, x) with p not in {a}, and triples
    // (x, p, node) with p not in {b} when inverse members exist.
    auto excluded = [&](const std::vector<std::string>& iris) {
      std::unordered_set<TermId> ids;
      for (const auto& i : iris) ids.insert(Iri(i));
      return ids;
    };
    const auto fwd = excluded(path.forward);
    const auto inv = excluded(path.inverse);
    auto scan_dir = [&](bool subject_side, const std::unordered_set<TermId>& ex) {
      IdQuad pattern{subject_side ? node : kNoId, kNoId, subject_side ? kNoId : node, graph_};
      storage::IdScan scan = IndexScan(pattern);
      std::optional<IdQuad> last;
      for (; scan.Valid(); scan.Next()) {
        const auto& q = scan.quad();
        if (ex.count(q[kP])) continue;
        if (graph_ == kNoId) {
          if (!InDefaultDataset(q[kG])) continue;
          if (last && (*last)[0] == q[0] && (*last)[1] == q[1] && (*last)[2] == q[2]) continue;
          last = q;
        }
        out->push_back(subject_side ? q[kO] : q[kS]);
      }
    };
    const bool has_forward = !path.forward.empty() || path.inverse.empty();
    if (has_forward) scan_dir(forward, fwd);
    if (!path.inverse.empty()) scan_dir(!forward, inv);
  }

  QueryContext* qc_;
  QueryControl* control_;
  TermId graph_;
  std::unique_ptr<rocksdb::Iterator>* iterators_;
  std::unordered_map<TermId, uint64_t> seeks_;  // (p, o) seeks per predicate not served from memory
};

PathOp::PathOp(OperatorPtr child, PatternTerm subject, ast::Path path, PatternTerm object,
               GraphSpec graph, QueryContext* qc, std::string text)
    : Operator(child->control(), child->width()),
      child_(std::move(child)),
      subject_(subject),
      object_(object),
      path_(std::move(path)),
      graph_(graph),
      qc_(qc),
      text_(std::move(text)),
      in_(width()),
      scratch_(width()) {}

std::vector<TermId> PathOp::GraphsFor(const TermId* row) const {
  if (!graph_.named) {
    if (qc_->default_graphs && qc_->default_graphs->size() == 1) return {(*qc_->default_graphs)[0]};
    return {kNoId};
  }
  const TermId bound = graph_.term.is_var() ? row[graph_.term.slot] : graph_.term.constant;
  if (bound != kNoId || !graph_.term.is_var()) return {bound};
  if (qc_->named_graphs) return *qc_->named_graphs;
  std::vector<TermId> out;
  for (const auto& [g, n] : qc_->stats().graphs) {
    if (g != kDefaultGraphId) out.push_back(g);
  }
  return out;
}

void PathOp::EmitPair(const TermId* row, TermId s, TermId o, TermId graph, RowBatch& out) {
  std::copy(row, row + width(), scratch_.begin());
  auto bind = [&](const PatternTerm& t, TermId v) {
    if (!t.is_var()) return t.constant == v;
    TermId& slot = scratch_[static_cast<size_t>(t.slot)];
    if (slot == kNoId) {
      slot = v;
      return true;
    }
    return slot == v;
  };
  if (!bind(subject_, s) || !bind(object_, o)) return;
  if (graph_.named && graph_.term.is_var() && !bind(graph_.term, graph)) return;
  out.Add(scratch_.data());
}

// Both ends bound, or one: the whole answer for the row comes from one traversal.
void PathOp::BeginGraph(TermId graph, RowBatch& out) {
  if (graph_.named && (graph == kNoId || graph == kDefaultGraphId)) return;
  stepper_ = std::make_unique<PathStepper>(qc_, control(), graph, iterators_);
  const TermId* row = row_.data();
  const TermId s = subject_.is_var() ? row[subject_.slot] : subject_.constant;
  const TermId o = object_.is_var() ? row[object_.slot] : object_.constant;
  // The algebra evaluates a path on its own and joins afterwards, so a zero-length match of
  // a value that came from another pattern (not a constant of the query) only counts when
  // that value is a node of the graph.
  auto drop_foreign_start = [&](TermId start, bool from_row, std::vector<TermId>* ends) {
    if (!from_row || stepper_->IsNode(start)) return;
    ends->erase(std::remove(ends->begin(), ends->end(), start), ends->end());
  };
  std::vector<TermId> ends;
  if (s != kNoId) {
    stepper_->Successors(path_, s, true, &ends);
    drop_foreign_start(s, subject_.is_var(), &ends);
    for (TermId e : ends) EmitPair(row, s, e, graph, out);
  } else if (o != kNoId) {
    stepper_->Successors(path_, o, false, &ends);
    drop_foreign_start(o, object_.is_var(), &ends);
    for (TermId e : ends) EmitPair(row, e, o, graph, out);
  } else {
    // Both ends free: every node is a start, taken a few at a time by DoNext so the result
    // streams in batches and interrupts are seen between starts.
    starts_ = stepper_->AllNodes();
    start_pos_ = 0;
  }
}

void PathOp::EmitFrom(TermId start, RowBatch& out) {
  std::vector<TermId> ends;
  stepper_->Successors(path_, start, true, &ends);
  for (TermId e : ends) EmitPair(row_.data(), start, e, stepper_->graph(), out);
}

PathOp::~PathOp() = default;

bool PathOp::DoNext(RowBatch& out) {
  while (!out.full()) {
    if (!control()->Check()) return false;
    if (start_pos_ < starts_.size()) {
      EmitFrom(starts_[start_pos_++], out);
    } else if (graph_pos_ < graphs_.size()) {
      starts_.clear();
      BeginGraph(graphs_[graph_pos_++], out);
    } else if (row_pos_ < in_.size()) {
      row_.assign(in_.row(row_pos_), in_.row(row_pos_) + width());
      ++row_pos_;
      graphs_ = GraphsFor(row_.data());
      graph_pos_ = 0;
    } else if (child_done_ || !child_->Next(in_)) {
      child_done_ = true;
      return !out.empty();
    } else {
      row_pos_ = 0;
    }
  }
  return true;
}

}  // namespace sextant::query
