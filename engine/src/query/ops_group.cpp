#include "query/ops_group.h"

#include <algorithm>
#include <map>

namespace sextant::query {

GroupOp::GroupOp(OperatorPtr child, std::vector<GroupKey> keys,
                 std::vector<AggregateSpec> aggregates, EvalContext* ctx)
    : Operator(child->control(), child->width()),
      child_(std::move(child)),
      keys_(std::move(keys)),
      aggregates_(std::move(aggregates)),
      ctx_(ctx) {}

std::string GroupOp::Describe() const {
  return "Group " + std::to_string(keys_.size()) + " key(s), " +
         std::to_string(aggregates_.size()) + " aggregate(s)";
}

bool GroupOp::Aggregate() {
  struct Group {
    std::vector<TermId> key;
    std::vector<std::unique_ptr<Accumulator>> accs;
  };
  std::map<std::vector<TermId>, size_t> index;
  std::vector<Group> groups;
  auto new_group = [&](std::vector<TermId> key) {
    Group g;
    g.key = std::move(key);
    for (const auto& a : aggregates_) g.accs.push_back(MakeAccumulator(a.aggregate, *ctx_));
    groups.push_back(std::move(g));
    return groups.size() - 1;
  };
  RowBatch in(width());
  std::vector<TermId> key(keys_.size());
  while (child_->Next(in)) {
    for (size_t i = 0; i < in.size(); ++i) {
      const TermId* row = in.row(i);
      ++ctx_->row_counter;
      for (size_t k = 0; k < keys_.size(); ++k) key[k] = Evaluate(*keys_[k].expr, row, *ctx_);
      auto it = index.find(key);
      size_t g;
      if (it == index.end()) {
        if (!control_->Reserve(1, width())) return false;
        g = new_group(key);
        index.emplace(key, g);
      } else {
        g = it->second;
      }
      for (size_t a = 0; a < aggregates_.size(); ++a) {
        const auto& spec = aggregates_[a];
        // COUNT(*) sees whole rows (COUNT(DISTINCT *) tells solutions apart).
        if (spec.arg) {
          groups[g].accs[a]->Add(Evaluate(*spec.arg, row, *ctx_));
        } else {
          groups[g].accs[a]->AddRow(row, width());
        }
      }
      if (!control_->status.ok()) return false;  // an aggregate outgrew the memory budget
    }
  }
  if (!control_->status.ok()) return false;
  // An aggregate query without GROUP BY has one group even over no rows.
  if (groups.empty() && keys_.empty()) new_group({});
  std::vector<TermId> row(width(), kNoId);
  for (auto& g : groups) {
    std::fill(row.begin(), row.end(), kNoId);
    for (size_t k = 0; k < keys_.size(); ++k) row[static_cast<size_t>(keys_[k].slot)] = g.key[k];
    for (size_t a = 0; a < aggregates_.size(); ++a) {
      row[static_cast<size_t>(aggregates_[a].slot)] = g.accs[a]->Finish();
    }
    output_.insert(output_.end(), row.begin(), row.end());
  }
  return true;
}

bool GroupOp::DoNext(RowBatch& out) {
  if (!done_) {
    done_ = true;
    if (!Aggregate()) return false;
  }
  while (pos_ < output_.size() && !out.full()) {
    out.Add(output_.data() + pos_);
    pos_ += width();
  }
  return pos_ < output_.size();
}

bool OrderByOp::Sort() {
  RowBatch in(width());
  std::vector<TermId> keys;
  while (child_->Next(in)) {
    if (!control_->Reserve(in.size(), width())) return false;
    for (size_t i = 0; i < in.size(); ++i) {
      rows_.insert(rows_.end(), in.row(i), in.row(i) + width());
      ++ctx_->row_counter;
      for (const auto& k : keys_) keys.push_back(Evaluate(*k.expr, in.row(i), *ctx_));
    }
  }
  if (!control_->status.ok()) return false;
  const size_t n = width() == 0 ? 0 : rows_.size() / width();
  order_.resize(n);
  for (size_t i = 0; i < n; ++i) order_[i] = i;
  const size_t nk = keys_.size();
  std::stable_sort(order_.begin(), order_.end(), [&](size_t a, size_t b) {
    for (size_t k = 0; k < nk; ++k) {
      int c = CompareForOrderBy(keys[a * nk + k], keys[b * nk + k], *ctx_);
      if (keys_[k].descending) c = -c;
      if (c != 0) return c < 0;
    }
    return false;
  });
  sorted_ = true;
  return true;
}

bool OrderByOp::DoNext(RowBatch& out) {
  if (!sorted_ && !Sort()) return false;
  while (pos_ < order_.size() && !out.full()) out.Add(rows_.data() + order_[pos_++] * width());
  return pos_ < order_.size();
}

}  // namespace sextant::query
