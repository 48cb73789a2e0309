// Validates data against a ShapeSet (SHACL 2-6). Works on term ids through one QueryContext:
// the core constraints read the indexes directly (DataGraph), paths longer than one step and
// SHACL-SPARQL run on the SPARQL engine. Results are collected as ids and turned into a
// sextant::ValidationReport at the end.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

#include "query/query_context.h"
#include "sextant/shacl.h"
#include "shacl/data_graph.h"
#include "shacl/shape.h"
#include "storage/txn_limits.h"

namespace sextant::shacl {

// What validation reads: a snapshot of the store or a write transaction (its pending writes
// included), without the shapes graph, or one graph only.
struct ValidationScope {
  storage::Store* store = nullptr;
  storage::WriteTxn* txn = nullptr;
  const rocksdb::Snapshot* snapshot = nullptr;  // when txn is null; null = latest
  std::optional<Term> only_graph;
  uint64_t max_results = 0;  // kept in the report; 0 = all
  // The time, interrupt and memory limits validation runs under (those of the write whose
  // commit it checks, or of the validation asked for): beyond them it stops with their error.
  storage::TxnLimits limits;
};

// One result before it is decoded.
struct RawResult {
  TermId focus = storage::kNoId;
  size_t shape = 0;
  size_t constraint = 0;
  TermId value = storage::kNoId;        // kNoId: no sh:value
  TermId predicate = storage::kNoId;    // closed shapes: the path is this predicate
  TermId sparql_path = storage::kNoId;  // SPARQL ?path
  std::vector<Term> messages;           // computed messages (SPARQL); empty: the declared ones
};

class Validator {
 public:
  Validator(std::shared_ptr<const ShapeSet> shapes, const ValidationScope& scope);
  ~Validator();

  // Validates every focus node of every targeted shape.
  Status ValidateAll();
  // Validates every focus node of one shape.
  Status ValidateShape(size_t shape);
  // A node to validate against a shape: against every constraint of it, or against the one at
  // position `constraint` of its constraints.
  static constexpr size_t kEveryConstraint = static_cast<size_t>(-1);
  struct Candidate {
    TermId node = storage::kNoId;
    size_t constraint = kEveryConstraint;
    bool operator==(const Candidate&) const = default;
    bool operator<(const Candidate& o) const {
      return std::tie(node, constraint) < std::tie(o.node, o.constraint);
    }
  };
  // Validates `candidates` against shape `shape`, those of them that are its focus nodes.
  Status ValidateCandidates(size_t shape, std::vector<Candidate> candidates);

  bool conforms() const { return result_count_ == 0; }
  uint64_t result_count() const { return result_count_; }
  // Results of severity sh:Violation.
  uint64_t violation_count() const { return violation_count_; }
  // The report of everything validated so far.
  Result<ValidationReport> Report();

  DataGraph& data() { return *data_; }
  const ShapeSet& shapes() const { return *shapes_; }
  // The focus nodes of a shape (sorted).
  Status FocusNodes(size_t shape, std::vector<TermId>* out);
  // Whether a node is a focus node of a shape (a target).
  Result<bool> IsFocusNode(size_t shape, TermId node);
  // The id of a term in the store read (a query-local id when it is not there).
  TermId Id(const Term& t);

 private:
  // Collects results. Conformance checks (sh:node, sh:not, ...) only need to know whether
  // there is any: they stop at the first.
  struct Sink {
    std::vector<RawResult>* out = nullptr;  // null: conformance check
    uint64_t keep = 0;                      // results kept in `out` (0 = all)
    const ShapeSet* shapes = nullptr;       // set with `out`: count the violations
    uint64_t* violations = nullptr;
    uint64_t count = 0;
    bool stop() const { return out == nullptr && count > 0; }
    void Add(RawResult r);
  };
  class Checks;

  // `positions`: validate only these of the shape's constraints (null: all).
  Status ValidateFocus(size_t shape, TermId focus, Sink* sink,
                       const std::vector<size_t>* positions = nullptr);
  Result<bool> Conforms(size_t shape, TermId node);
  Status ValueNodes(const Shape& shape, TermId focus, std::vector<TermId>* out);
  Status PathValues(const PropertyPath& path, TermId focus, std::vector<TermId>* out);
  Status Evaluate(size_t shape, size_t constraint, TermId focus, const std::vector<TermId>& values,
                  Sink* sink);
  Status EvaluateSparql(size_t shape, size_t constraint, TermId focus,
                        const std::vector<TermId>& values, Sink* sink);
  const std::vector<TermId>& TermIds(size_t constraint);
  Status AddSourceGraphs(const RawResult& r, ValidationResult* out);

  std::shared_ptr<const ShapeSet> shapes_;
  ValidationScope scope_;
  std::unique_ptr<storage::DictionaryReader> dict_;
  std::unique_ptr<query::QueryContext> qc_;
  std::unique_ptr<DataGraph> data_;
  std::vector<std::optional<std::vector<TermId>>> term_ids_;  // per constraint, on demand
  std::set<std::pair<size_t, TermId>> active_;  // (shape, node) being validated: recursion
  int depth_ = 0;
  std::vector<RawResult> results_;
  uint64_t result_count_ = 0;
  uint64_t violation_count_ = 0;
  uint64_t focus_count_ = 0;
};

}  // namespace sextant::shacl
