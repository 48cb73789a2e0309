#include "shacl/data_graph.h"

#include <algorithm>

#include "shacl/vocabulary.h"
#include "storage/id_scan.h"

namespace sextant::shacl {
namespace {

using storage::IdTag;
using storage::kNoId;

// Ids that can never be the subject or object of a stored quad: query-local terms (the
// store does not have them) and kNoId.
bool Absent(TermId id) {
  return id == kNoId || storage::TagOf(id) == IdTag::kLocal;
}

}  // namespace

void SortUnique(std::vector<TermId>* ids) {
  std::sort(ids->begin(), ids->end());
  ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
}

DataGraph::DataGraph(query::QueryContext* qc, TermId excluded, std::optional<TermId> only)
    : qc_(qc),
      excluded_(excluded),
      only_(only),
      rdf_type_(qc->terms.Intern(Term::Iri(std::string(vocab::kRdfType)))),
      subclass_of_(qc->terms.Intern(Term::Iri(std::string(vocab::kRdfsSubClassOf)))) {}

rocksdb::Iterator* DataGraph::Iterator(storage::IndexOrder order) {
  auto& it = iterators_[static_cast<size_t>(order)];
  if (!it) it = qc_->NewIterator(order);
  return it.get();
}

template <typename Fn>
Status DataGraph::Scan(IdQuad pattern, Fn&& fn) {
  for (int i = 0; i < 3; ++i) {
    if (pattern[i] != kNoId && Absent(pattern[i])) return Status::OK();
  }
  if (only_) pattern[storage::kG] = *only_;
  const storage::ScanPlan plan = storage::ChooseIndex(pattern);
  storage::IdScan scan(Iterator(plan.order), pattern, plan);
  for (; scan.Valid(); scan.Next()) {
    const IdQuad& q = scan.quad();
    if (q[storage::kG] == excluded_ && excluded_ != kNoId) continue;
    if (!fn(q)) break;
  }
  return scan.status();
}

Status DataGraph::Step(TermId node, TermId p, bool inverse, std::vector<TermId>* out) {
  out->clear();
  const IdQuad pattern = inverse ? IdQuad{kNoId, p, node, kNoId} : IdQuad{node, p, kNoId, kNoId};
  const int take = inverse ? storage::kS : storage::kO;
  SEXTANT_RETURN_IF_ERROR(Scan(pattern, [&](const IdQuad& q) {
    if (out->empty() || out->back() != q[take]) out->push_back(q[take]);
    return true;
  }));
  SortUnique(out);
  return Status::OK();
}

Status DataGraph::Outgoing(TermId s, std::vector<std::pair<TermId, TermId>>* out) {
  out->clear();
  SEXTANT_RETURN_IF_ERROR(Scan({s, kNoId, kNoId, kNoId}, [&](const IdQuad& q) {
    out->emplace_back(q[storage::kP], q[storage::kO]);
    return true;
  }));
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
  return Status::OK();
}

Status DataGraph::SubjectsOf(TermId p, std::vector<TermId>* out) {
  out->clear();
  SEXTANT_RETURN_IF_ERROR(Scan({kNoId, p, kNoId, kNoId}, [&](const IdQuad& q) {
    out->push_back(q[storage::kS]);
    return true;
  }));
  SortUnique(out);
  return Status::OK();
}

Status DataGraph::ObjectsOf(TermId p, std::vector<TermId>* out) {
  out->clear();
  SEXTANT_RETURN_IF_ERROR(Scan({kNoId, p, kNoId, kNoId}, [&](const IdQuad& q) {
    if (out->empty() || out->back() != q[storage::kO]) out->push_back(q[storage::kO]);
    return true;
  }));
  SortUnique(out);
  return Status::OK();
}

Status DataGraph::InstancesOf(TermId cls, std::vector<TermId>* out) {
  out->clear();
  // The class and its subclasses, then their instances.
  std::vector<TermId> classes{cls};
  std::vector<TermId> todo{cls};
  std::vector<TermId> subs;
  while (!todo.empty()) {
    const TermId c = todo.back();
    todo.pop_back();
    SEXTANT_RETURN_IF_ERROR(Step(c, subclass_of_, /*inverse=*/true, &subs));
    for (TermId s : subs) {
      if (std::find(classes.begin(), classes.end(), s) != classes.end()) continue;
      classes.push_back(s);
      todo.push_back(s);
    }
  }
  std::vector<TermId> members;
  for (TermId c : classes) {
    SEXTANT_RETURN_IF_ERROR(Step(c, rdf_type_, /*inverse=*/true, &members));
    out->insert(out->end(), members.begin(), members.end());
  }
  SortUnique(out);
  return Status::OK();
}

Result<const std::vector<TermId>*> DataGraph::Superclasses(TermId cls) {
  if (auto it = superclasses_.find(cls); it != superclasses_.end()) return &it->second;
  std::vector<TermId> all{cls};
  std::vector<TermId> todo{cls};
  std::vector<TermId> supers;
  while (!todo.empty()) {
    const TermId c = todo.back();
    todo.pop_back();
    SEXTANT_RETURN_IF_ERROR(Step(c, subclass_of_, /*inverse=*/false, &supers));
    for (TermId s : supers) {
      if (std::find(all.begin(), all.end(), s) != all.end()) continue;
      all.push_back(s);
      todo.push_back(s);
    }
  }
  SortUnique(&all);
  return &superclasses_.emplace(cls, std::move(all)).first->second;
}

Result<const std::vector<TermId>*> DataGraph::Types(TermId node) {
  if (auto it = types_.find(node); it != types_.end()) return &it->second;
  std::vector<TermId> types;
  SEXTANT_RETURN_IF_ERROR(Step(node, rdf_type_, /*inverse=*/false, &types));
  return &types_.emplace(node, std::move(types)).first->second;
}

Result<bool> DataGraph::IsInstanceOf(TermId node, TermId cls) {
  SEXTANT_ASSIGN_OR_RETURN(const std::vector<TermId>* types, Types(node));
  for (TermId t : *types) {
    if (t == cls) return true;
    SEXTANT_ASSIGN_OR_RETURN(const std::vector<TermId>* supers, Superclasses(t));
    if (std::binary_search(supers->begin(), supers->end(), cls)) return true;
  }
  return false;
}

Status DataGraph::Graphs(TermId s, TermId p, TermId o, std::vector<TermId>* out) {
  out->clear();
  SEXTANT_RETURN_IF_ERROR(Scan({s, p, o, kNoId}, [&](const IdQuad& q) {
    out->push_back(q[storage::kG]);
    return out->size() < 8;
  }));
  SortUnique(out);
  return Status::OK();
}

}  // namespace sextant::shacl
