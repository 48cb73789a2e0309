// The data graph as validation reads it, at the id level: the store (a snapshot, or a write
// transaction with its pending changes) minus the shapes graph, or one graph only. Direct index
// lookups for the one-step reads the core constraints make; the SPARQL engine does the rest.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "query/query_context.h"
#include "storage/index_order.h"

namespace sextant::shacl {

using storage::IdQuad;
using storage::TermId;

class DataGraph {
 public:
  // `excluded`: a graph whose quads are not data (the shapes graph; kNoId for none).
  // `only`: read just this graph (kDefaultGraphId for the default graph).
  DataGraph(query::QueryContext* qc, TermId excluded, std::optional<TermId> only);

  query::QueryContext* qc() const { return qc_; }
  query::TermTable& terms() const { return qc_->terms; }
  TermId rdf_type() const { return rdf_type_; }

  // Distinct objects of (node, p), or with `inverse` the distinct subjects of (?, p, node).
  Status Step(TermId node, TermId p, bool inverse, std::vector<TermId>* out);
  // Every distinct (predicate, object) of a subject.
  Status Outgoing(TermId s, std::vector<std::pair<TermId, TermId>>* out);
  // Distinct subjects / objects of a predicate.
  Status SubjectsOf(TermId p, std::vector<TermId>* out);
  Status ObjectsOf(TermId p, std::vector<TermId>* out);
  // SHACL instances: rdf:type/rdfs:subClassOf* in the data graph.
  Status InstancesOf(TermId cls, std::vector<TermId>* out);
  Result<bool> IsInstanceOf(TermId node, TermId cls);
  // The graphs stating (s, p, o) (the quad's graph position is ignored).
  Status Graphs(TermId s, TermId p, TermId o, std::vector<TermId>* out);

 private:
  // Calls fn(quad) for every visible quad matching `pattern` (kNoId: any); fn returns false
  // to stop.
  template <typename Fn>
  Status Scan(IdQuad pattern, Fn&& fn);
  rocksdb::Iterator* Iterator(storage::IndexOrder order);
  // `cls` and every class it is a subclass of, sorted.
  Result<const std::vector<TermId>*> Superclasses(TermId cls);
  // The rdf:type values of a node (every shape with a class target asks for the same nodes).
  Result<const std::vector<TermId>*> Types(TermId node);

  query::QueryContext* qc_;
  TermId excluded_;
  std::optional<TermId> only_;
  TermId rdf_type_;
  TermId subclass_of_;
  std::array<std::unique_ptr<rocksdb::Iterator>, storage::kIndexCount> iterators_;
  std::unordered_map<TermId, std::vector<TermId>> superclasses_;
  std::unordered_map<TermId, std::vector<TermId>> types_;
};

// Sorts and removes duplicates.
void SortUnique(std::vector<TermId>* ids);

}  // namespace sextant::shacl
