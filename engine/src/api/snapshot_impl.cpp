#include "api/snapshot_impl.h"

#include <algorithm>

#include "rdf/term_view.h"
#include "storage/id_scan.h"
#include "storage/stats_reader.h"

namespace sextant {
namespace {

using storage::IdQuad;
using storage::kNoId;

class EmptyIterator : public QuadIterator {
 public:
  explicit EmptyIterator(Status s = Status::OK()) : status_(std::move(s)) {}
  bool Valid() const override { return false; }
  void Next() override {}
  const Quad& quad() override { return quad_; }
  Status status() const override { return status_; }

 private:
  Status status_;
  Quad quad_;
};

class ScanIterator : public QuadIterator {
 public:
  ScanIterator(std::shared_ptr<SnapshotState> state, const IdQuad& pattern)
      : state_(std::move(state)),
        scan_(state_->store, state_->snapshot, pattern, storage::ChooseIndex(pattern)) {}
  bool Valid() const override { return status_.ok() && scan_.Valid(); }
  void Next() override {
    scan_.Next();
    decoded_ = false;
  }
  const Quad& quad() override {
    if (!decoded_) {
      const auto& q = scan_.quad();
      Term* out[4] = {&quad_.subject, &quad_.predicate, &quad_.object, &quad_.graph};
      for (int i = 0; i < 4; ++i) {
        auto t = state_->dict.Decode(q[i]);
        if (!t.ok()) {
          status_ = t.status();
          break;
        }
        *out[i] = std::move(*t);
      }
      decoded_ = true;
    }
    return quad_;
  }
  Status status() const override { return status_.ok() ? scan_.status() : status_; }

 private:
  std::shared_ptr<SnapshotState> state_;
  storage::IdScan scan_;
  Quad quad_;
  bool decoded_ = false;
  Status status_;
};

}  // namespace

Result<bool> SnapshotImpl::EncodePattern(const QuadPattern& pattern, IdQuad* out) const {
  const std::optional<Term>* terms[4] = {&pattern.subject, &pattern.predicate, &pattern.object,
                                         &pattern.graph};
  for (int i = 0; i < 4; ++i) {
    if (!terms[i]->has_value()) {
      (*out)[i] = kNoId;
      continue;
    }
    SEXTANT_ASSIGN_OR_RETURN((*out)[i], dictionary().Lookup(rdf::TermView::Of(**terms[i])));
    if ((*out)[i] == kNoId) return false;
  }
  return true;
}

std::unique_ptr<QuadIterator> SnapshotImpl::Match(const QuadPattern& pattern) const {
  IdQuad ids;
  auto found = EncodePattern(pattern, &ids);
  if (!found.ok()) return std::make_unique<EmptyIterator>(found.status());
  if (!*found) return std::make_unique<EmptyIterator>();
  return std::make_unique<ScanIterator>(state_, ids);
}

Result<uint64_t> SnapshotImpl::Count(const QuadPattern& pattern) const {
  IdQuad ids;
  SEXTANT_ASSIGN_OR_RETURN(const bool found, EncodePattern(pattern, &ids));
  if (!found) return uint64_t{0};
  const bool s = ids[storage::kS] != kNoId, p = ids[storage::kP] != kNoId,
             o = ids[storage::kO] != kNoId, g = ids[storage::kG] != kNoId;
  if (!s && !o && (!p || !g)) {
    // Answerable from statistics.
    SEXTANT_ASSIGN_OR_RETURN(auto stats, storage::ReadIdStats(store(), rocks_snapshot()));
    if (!p && !g) return static_cast<uint64_t>(stats.quads);
    if (g) {
      auto it = stats.graphs.find(ids[storage::kG]);
      return it == stats.graphs.end() ? 0 : static_cast<uint64_t>(it->second);
    }
    auto it = stats.predicates.find(ids[storage::kP]);
    return it == stats.predicates.end() ? 0 : static_cast<uint64_t>(it->second.triples);
  }
  storage::IdScan scan(store(), rocks_snapshot(), ids, storage::ChooseIndex(ids));
  uint64_t n = 0;
  for (; scan.Valid(); scan.Next()) ++n;
  SEXTANT_RETURN_IF_ERROR(scan.status());
  return n;
}

Result<bool> SnapshotImpl::Contains(const Quad& quad) const {
  SEXTANT_ASSIGN_OR_RETURN(const uint64_t n,
                           Count({quad.subject, quad.predicate, quad.object, quad.graph}));
  return n > 0;
}

Result<std::vector<GraphInfo>> SnapshotImpl::Graphs() const {
  SEXTANT_ASSIGN_OR_RETURN(auto stats, storage::ReadIdStats(store(), rocks_snapshot()));
  std::vector<GraphInfo> out;
  std::optional<GraphInfo> default_graph;
  for (const auto& [id, n] : stats.graphs) {
    SEXTANT_ASSIGN_OR_RETURN(Term t, dictionary().Decode(id));
    if (id == storage::kDefaultGraphId) {
      default_graph = GraphInfo{std::move(t), static_cast<uint64_t>(n)};
    } else {
      out.push_back({std::move(t), static_cast<uint64_t>(n)});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const GraphInfo& a, const GraphInfo& b) { return a.graph < b.graph; });
  if (default_graph) out.push_back(std::move(*default_graph));
  return out;
}

Result<StoreStats> SnapshotImpl::Stats() const {
  SEXTANT_ASSIGN_OR_RETURN(auto ids, storage::ReadIdStats(store(), rocks_snapshot()));
  StoreStats out;
  out.quads = static_cast<uint64_t>(ids.quads);
  out.terms = store()->next_sequence() - 1;
  SEXTANT_ASSIGN_OR_RETURN(out.graphs, Graphs());
  for (const auto& [id, pc] : ids.predicates) {
    SEXTANT_ASSIGN_OR_RETURN(Term t, dictionary().Decode(id));
    out.predicates.push_back({std::move(t), static_cast<uint64_t>(pc.triples),
                              static_cast<uint64_t>(pc.distinct_subjects),
                              static_cast<uint64_t>(pc.distinct_objects)});
  }
  std::sort(
      out.predicates.begin(), out.predicates.end(),
      [](const PredicateStats& a, const PredicateStats& b) { return a.predicate < b.predicate; });
  return out;
}

}  // namespace sextant
