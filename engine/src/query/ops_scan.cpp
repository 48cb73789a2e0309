#include "query/ops_scan.h"

#include <algorithm>

#include "query/cost_model.h"

namespace sextant::query {

using storage::IdQuad;
using storage::kDefaultGraphId;

namespace {

// Ranges of one predicate, or of one predicate and object (a class's instances), read from the
// query's snapshot. A transaction's reads include its pending writes, so they never qualify.
bool CacheablePlan(const QueryContext* qc, const storage::ScanPlan& plan) {
  return qc->data_version != storage::kNoVersion && qc->txn == nullptr &&
         plan.order == storage::IndexOrder::kPOSG &&
         (plan.prefix_len == 1 || plan.prefix_len == 2) &&
         qc->store->ranges().max_quads() >= storage::RangeCache::kMinQuads;
}

storage::RangeKey PredicateKey(TermId p) {
  return {storage::IndexOrder::kPOSG, 1, p, 0};
}

storage::RangeKey KeyOf(const storage::ScanPlan& plan, const IdQuad& pattern) {
  return {plan.order, static_cast<uint8_t>(plan.prefix_len), pattern[storage::kP],
          plan.prefix_len == 2 ? pattern[storage::kO] : 0};
}

std::shared_ptr<const storage::RangeQuads> FillRange(QueryContext* qc, const storage::RangeKey& key,
                                                     uint64_t expected);

}  // namespace

PatternJoinOp::PatternJoinOp(OperatorPtr child, PatternTerm s, PatternTerm p, PatternTerm o,
                             GraphSpec g, QueryContext* qc, std::string text)
    : Operator(child->control(), child->width()),
      child_(std::move(child)),
      terms_{s, p, o, g.term},
      named_(g.named),
      qc_(qc),
      text_(std::move(text)),
      in_(width()),
      scratch_(width()) {}

// Fills the graph position of `pattern`; false when no graph of the dataset can match.
bool PatternJoinOp::ChooseGraph(const TermId* row, IdQuad& pattern) {
  dedupe_triples_ = false;
  if (named_) {
    const PatternTerm& g = terms_[3];
    TermId v = g.is_var() ? row[g.slot] : g.constant;
    if (!g.is_var() && v == kNoId) return false;
    if (v != kNoId) {
      if (v == kDefaultGraphId || storage::TagOf(v) == storage::IdTag::kLocal) return false;
      if (qc_->named_graphs && std::find(qc_->named_graphs->begin(), qc_->named_graphs->end(), v) ==
                                   qc_->named_graphs->end()) {
        return false;
      }
    }
    pattern[3] = v;
  } else if (qc_->default_graphs && qc_->default_graphs->size() == 1) {
    pattern[3] = (*qc_->default_graphs)[0];
    if (pattern[3] == kNoId) return false;
  } else if (qc_->default_graphs && qc_->default_graphs->empty()) {
    return false;  // FROM NAMED without FROM: the default graph is empty
  } else {
    pattern[3] = kNoId;
    dedupe_triples_ = true;  // the union of graphs is a set of triples
  }
  return true;
}

bool PatternJoinOp::StartScan(const TermId* row) {
  IdQuad pattern;
  for (int i = 0; i < 3; ++i) {
    const PatternTerm& t = terms_[i];
    if (!t.is_var()) {
      if (t.constant == kNoId || storage::TagOf(t.constant) == storage::IdTag::kLocal) return false;
      pattern[i] = t.constant;
    } else {
      const TermId v = row[t.slot];
      if (v != kNoId && storage::TagOf(v) == storage::IdTag::kLocal) {
        return false;  // not in the store
      }
      pattern[i] = v;
    }
  }
  if (!ChooseGraph(row, pattern)) return false;
  const storage::ScanPlan plan = storage::ChooseIndex(pattern);
  ++scans_;
  scan_row_ = row;
  last_.reset();
  recording_.sink = nullptr;
  if (!named_ && pattern[storage::kS] != kNoId && pattern[storage::kP] != kNoId &&
      pattern[storage::kO] != kNoId && pattern[storage::kG] == kNoId &&
      CacheablePlan(qc_, {storage::IndexOrder::kPOSG, 2, false})) {
    // A check of one triple per row, typically against a class (`?x rdf:type :C` with ?x
    // bound): the class's instances in memory, sorted by subject, answer it by binary search.
    // Once the seeks it would have saved (over this and earlier queries) outweigh reading it,
    // the range is read once, if it is small enough to keep.
    const storage::ScanPlan class_range{storage::IndexOrder::kPOSG, 2, false};
    const storage::RangeKey key = KeyOf(class_range, pattern);
    auto quads = CachedRangeFor(qc_, class_range, pattern);
    // Demand is reported in steps of 64 seeks so that the shared counter is not locked per row.
    constexpr uint64_t kDemandStep = 64;
    if (!quads && ++check_seeks_ % kDemandStep == 0) {
      const uint64_t demand = qc_->store->ranges().AddDemand(qc_->data_version, key, kDemandStep);
      const double size = CountWithObject(qc_, key.first, key.second);
      if (static_cast<double>(demand) * kSeeksPerRangeEntry >= size) {
        quads = FillRange(qc_, key, static_cast<uint64_t>(size));
      }
    }
    if (quads) {
      ++cached_scans_;
      scan_.emplace(std::move(quads), pattern,
                    storage::ScanPlan{storage::IndexOrder::kPOSG, 3, false});
      return true;
    }
  }
  if (CacheablePlan(qc_, plan)) {
    range_key_ = KeyOf(plan, pattern);
    if (auto quads = CachedRangeFor(qc_, plan, pattern)) {
      ++cached_scans_;
      scan_.emplace(std::move(quads), pattern, plan);
      return true;
    }
    record_.clear();
    recording_ = {&record_, qc_->store->ranges().max_quads()};
  }
  auto& it = iterators_[static_cast<int>(plan.order)];
  if (!it) it = qc_->NewIterator(plan.order);
  scan_.emplace(it.get(), pattern, plan, recording_.sink != nullptr ? &recording_ : nullptr);
  return true;
}

std::string PatternJoinOp::AnalyzeNote() const {
  if (cached_scans_ == 0) return {};
  return std::to_string(cached_scans_) + " of " + std::to_string(scans_) +
         " scans from the range cache";
}

bool RangeIsCached(QueryContext* qc, const PatternTerm terms[4], bool named_graph) {
  IdQuad pattern{kNoId, kNoId, kNoId, kNoId};
  for (int i = 0; i < 3; ++i) {
    if (!terms[i].is_var()) pattern[i] = terms[i].constant;
  }
  if (named_graph) {
    if (!terms[3].is_var()) pattern[3] = terms[3].constant;
  } else if (qc->default_graphs && qc->default_graphs->size() == 1) {
    pattern[3] = (*qc->default_graphs)[0];
  }
  const storage::ScanPlan plan = storage::ChooseIndex(pattern);
  if (!CacheablePlan(qc, plan)) return false;
  const storage::RangeCache& cache = qc->store->ranges();
  return cache.Contains(qc->data_version, KeyOf(plan, pattern)) ||
         (plan.prefix_len == 2 &&
          cache.Contains(qc->data_version, PredicateKey(pattern[storage::kP])));
}

std::shared_ptr<const storage::RangeQuads> CachedRangeFor(QueryContext* qc,
                                                          const storage::ScanPlan& plan,
                                                          const IdQuad& pattern) {
  if (!CacheablePlan(qc, plan)) return nullptr;
  storage::RangeCache& cache = qc->store->ranges();
  if (auto quads = cache.Find(qc->data_version, KeyOf(plan, pattern))) return quads;
  if (plan.prefix_len == 2) return cache.Find(qc->data_version, PredicateKey(pattern[storage::kP]));
  return nullptr;
}

namespace {

// Reads the posg range of `key` (prefix p, or p and o) into the RangeCache; null if it is not
// complete within the cache's size limit or the store cannot be read.
std::shared_ptr<const storage::RangeQuads> FillRange(QueryContext* qc, const storage::RangeKey& key,
                                                     uint64_t expected) {
  storage::RangeCache& cache = qc->store->ranges();
  storage::RangeQuads quads;
  quads.reserve(std::min<uint64_t>(expected, cache.max_quads()));
  storage::IdScan::Recording recording{&quads, cache.max_quads()};
  auto iterator = qc->NewIterator(storage::IndexOrder::kPOSG);
  const IdQuad pattern{kNoId, key.first, key.prefix_len == 2 ? key.second : kNoId, kNoId};
  storage::IdScan scan(iterator.get(), pattern, {storage::IndexOrder::kPOSG, key.prefix_len, false},
                       &recording);
  while (scan.Valid()) scan.Next();
  if (!scan.status().ok() || !recording.complete || quads.size() < storage::RangeCache::kMinQuads) {
    return nullptr;
  }
  auto shared = std::make_shared<const storage::RangeQuads>(std::move(quads));
  cache.Put(qc->data_version, key, shared);
  return shared;
}

}  // namespace

std::shared_ptr<const storage::RangeQuads> FillPredicateRange(QueryContext* qc, TermId p,
                                                              uint64_t seeks) {
  if (!CacheablePlan(qc, {storage::IndexOrder::kPOSG, 1, false})) return nullptr;
  const auto& stats = qc->stats().predicates;
  const auto it = stats.find(p);
  const uint64_t triples = it == stats.end() ? 0 : static_cast<uint64_t>(it->second.triples);
  storage::RangeCache& cache = qc->store->ranges();
  if (triples < storage::RangeCache::kMinQuads || triples > cache.max_quads()) return nullptr;
  const uint64_t demand = cache.AddDemand(qc->data_version, PredicateKey(p), seeks);
  if (static_cast<double>(demand) * kSeeksPerRangeEntry < static_cast<double>(triples)) {
    return nullptr;
  }
  return FillRange(qc, PredicateKey(p), triples);
}

void PatternJoinOp::PublishRecording() {
  if (recording_.sink == nullptr) return;
  recording_.sink = nullptr;
  if (!recording_.complete || record_.size() < storage::RangeCache::kMinQuads) return;
  qc_->store->ranges().Put(
      qc_->data_version, range_key_,
      std::make_shared<const storage::RangeQuads>(record_.begin(), record_.end()));
}

bool PatternJoinOp::Emit(const IdQuad& q, const TermId* in, RowBatch& out) {
  if (named_ && q[storage::kG] == kDefaultGraphId) return false;
  if (q[storage::kG] == qc_->hidden_graph) return false;
  if (qc_->ghost_quads != nullptr && qc_->ghost_quads->count(q)) return false;
  if (named_ && qc_->named_graphs && terms_[3].is_var() && in[terms_[3].slot] == kNoId &&
      std::find(qc_->named_graphs->begin(), qc_->named_graphs->end(), q[storage::kG]) ==
          qc_->named_graphs->end()) {
    return false;
  }
  if (!named_ && qc_->default_graphs && qc_->default_graphs->size() > 1 &&
      std::find(qc_->default_graphs->begin(), qc_->default_graphs->end(), q[storage::kG]) ==
          qc_->default_graphs->end()) {
    return false;
  }
  if (dedupe_triples_) {
    if (last_ && (*last_)[0] == q[0] && (*last_)[1] == q[1] && (*last_)[2] == q[2]) return false;
    last_ = q;
  }
  std::copy(in, in + width(), scratch_.begin());
  const int positions = named_ ? 4 : 3;
  for (int i = 0; i < positions; ++i) {
    const PatternTerm& t = terms_[i];
    if (!t.is_var()) continue;
    TermId& slot = scratch_[static_cast<size_t>(t.slot)];
    if (slot == kNoId) {
      slot = q[i];
    } else if (slot != q[i]) {
      return false;  // repeated variable with different values, e.g. ?x :p ?x
    }
  }
  out.Add(scratch_.data());
  return true;
}

bool PatternJoinOp::DoNext(RowBatch& out) {
  while (!out.full()) {
    if (scan_) {
      while (scan_->Valid() && !out.full()) {
        Emit(scan_->quad(), scan_row_, out);
        scan_->Next();
      }
      if (scan_->Valid()) break;
      if (Status s = scan_->status(); !s.ok()) {
        control_->status = s;
        return false;
      }
      PublishRecording();
      scan_.reset();
      continue;
    }
    if (in_pos_ >= in_.size()) {
      if (child_done_) return false;
      if (!out.empty()) break;  // hand over what we have before pulling more input
      if (!child_->Next(in_)) {
        child_done_ = true;
        if (in_.empty()) return false;
      }
      in_pos_ = 0;
      if (in_.empty()) continue;
    }
    StartScan(in_.row(in_pos_++));
  }
  return true;
}

}  // namespace sextant::query
