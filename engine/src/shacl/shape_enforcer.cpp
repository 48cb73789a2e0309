#include "shacl/shape_enforcer.h"

#include "rdf/term_view.h"
#include "sextant/shacl.h"
#include "shacl/query_runner.h"
#include "shacl/validator.h"
#include "shacl/vocabulary.h"
#include "storage/id_scan.h"

namespace sextant::shacl {
namespace {

using storage::IdQuad;
using storage::kNoId;
using storage::TermId;

// What an error that stops validation before it decides (a time or memory limit) adds.
constexpr const char* kStopped = "checking the enforced shapes; nothing was changed";

// Results an enforcement error shows: the report is the error message, so it stays readable.
constexpr uint64_t kShownResults = 20;

const std::vector<std::pair<std::string, std::string>>& DisplayPrefixes() {
  static const std::vector<std::pair<std::string, std::string>> kPrefixes = {
      {"sh", std::string(vocab::kSh)},
      {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
      {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
      {"xsd", "http://www.w3.org/2001/XMLSchema#"}};
  return kPrefixes;
}

Status Refuse(Validator& v, const std::string& what) {
  SEXTANT_ASSIGN_OR_RETURN(ValidationReport report, v.Report());
  const uint64_t n = v.violation_count();
  return Status::ConstraintViolation(what + " would violate the enforced shapes (" +
                                     std::to_string(n) + (n == 1 ? " violation" : " violations") +
                                     "); nothing was changed:\n" +
                                     FormatValidationTable(report, DisplayPrefixes()));
}

// What a commit validates: the state the transaction produces, within its write's limits.
ValidationScope CommitScope(storage::Store* store, storage::WriteTxn* txn) {
  return ValidationScope{store, txn, nullptr, std::nullopt, kShownResults, txn->limits()};
}

Result<TermId> ShapesGraphId(storage::Store* store, storage::WriteTxn* txn) {
  const Term graph = Term::Iri(std::string(kShapesGraphIri));
  const rdf::TermView iri = rdf::TermView::Of(graph);
  if (txn != nullptr) return storage::DictionaryReader(store, txn->batch()).Lookup(iri);
  return storage::DictionaryReader(store, static_cast<const rocksdb::Snapshot*>(nullptr))
      .Lookup(iri);
}

// SELECT ?f WHERE { ?f PREFIX ?n }: the focus nodes that reach ?n by an access's path.
std::shared_ptr<const ast::Query> BackwardsQuery(const ast::Path& prefix) {
  auto q = std::make_shared<ast::Query>();
  q->form = ast::QueryForm::kSelect;
  q->projection.push_back(ast::SelectItem{"f", std::nullopt, {}});
  ast::PatternElement e;
  e.kind = ast::ElementKind::kTriples;
  ast::TriplePattern t;
  t.subject = ast::Variable{"f"};
  t.predicate = prefix;
  if (prefix.kind == ast::PathKind::kIri) t.predicate = Term::Iri(prefix.iri);
  t.object = ast::Variable{"n"};
  e.triples.push_back(std::move(t));
  q->where.emplace();
  q->where->elements.push_back(std::move(e));
  return q;
}

}  // namespace

Result<std::vector<Quad>> ReadShapesGraph(storage::Store* store, storage::WriteTxn* txn) {
  std::vector<Quad> out;
  SEXTANT_ASSIGN_OR_RETURN(TermId g, ShapesGraphId(store, txn));
  if (g == kNoId) return out;
  std::unique_ptr<storage::DictionaryReader> dict;
  std::unique_ptr<rocksdb::Iterator> it;
  if (txn != nullptr) {
    dict = std::make_unique<storage::DictionaryReader>(store, txn->batch());
    it = txn->NewIndexIterator(storage::IndexOrder::kGSPO);
  } else {
    dict = std::make_unique<storage::DictionaryReader>(
        store, static_cast<const rocksdb::Snapshot*>(nullptr));
    it.reset(store->db()->NewIterator({}, store->index(storage::IndexOrder::kGSPO)));
  }
  storage::IdScan scan(std::move(it), {kNoId, kNoId, kNoId, g},
                       {storage::IndexOrder::kGSPO, 1, false});
  for (; scan.Valid(); scan.Next()) {
    Quad q;
    Term* dst[3] = {&q.subject, &q.predicate, &q.object};
    for (int i = 0; i < 3; ++i) {
      SEXTANT_ASSIGN_OR_RETURN(*dst[i], dict->Decode(scan.quad()[i]));
    }
    out.push_back(std::move(q));
  }
  SEXTANT_RETURN_IF_ERROR(scan.status());
  return out;
}

Result<std::shared_ptr<const EnforcedShapes>> CompileEnforced(const std::vector<Quad>& quads) {
  auto out = std::make_shared<EnforcedShapes>();
  SEXTANT_ASSIGN_OR_RETURN(
      out->shapes, CompileShapes(ShapesGraph(quads), "<" + std::string(kShapesGraphIri) + ">"));
  out->reach = AnalyzeReach(*out->shapes);
  return std::shared_ptr<const EnforcedShapes>(std::move(out));
}

Status ShapeEnforcer::Open() {
  SEXTANT_ASSIGN_OR_RETURN(auto quads, ReadShapesGraph(store_, nullptr));
  auto compiled = CompileEnforced(quads);
  if (!compiled.ok()) {
    if (store_->read_only()) return Status::OK();  // nothing to enforce on a read-only store
    return compiled.status().WithContext("enforced shapes of '" + store_->path() + "'");
  }
  SEXTANT_ASSIGN_OR_RETURN(TermId g, ShapesGraphId(store_, nullptr));
  shapes_graph_.store(g);
  std::lock_guard<std::mutex> l(mu_);
  enforced_ = quads.empty() ? nullptr : *compiled;
  return Status::OK();
}

std::shared_ptr<const EnforcedShapes> ShapeEnforcer::enforced() const {
  std::lock_guard<std::mutex> l(mu_);
  return enforced_;
}

bool ShapeEnforcer::enforcing() const {
  auto e = enforced();
  return e && !e->shapes->empty();
}

Result<TermId> ShapeEnforcer::ShapesGraph(storage::WriteTxn* txn) {
  TermId g = shapes_graph_.load();
  if (g != kNoId) return g;
  return ShapesGraphId(store_, txn);
}

bool ShapeEnforcer::WantsUntracked(storage::WriteTxn* txn) {
  auto g = ShapesGraph(txn);
  // A failed lookup is reported by BeforeCommit, which then runs.
  return !g.ok() || (*g != kNoId && txn->wrote_graph(*g));
}

Status ShapeEnforcer::BeforeCommit(storage::WriteTxn* txn) {
  pending_.reset();
  SEXTANT_ASSIGN_OR_RETURN(TermId g, ShapesGraph(txn));
  if (g == kNoId) return Status::OK();  // the store never had shapes
  // Rules write only into the derived graph, and bulk loads never bring shapes (they turn into
  // a transaction when they do), so whatever changed the shapes graph went through Put.
  if (txn->wrote_graph(g)) {
    SEXTANT_ASSIGN_OR_RETURN(auto quads, ReadShapesGraph(store_, txn));
    auto compiled = CompileEnforced(quads);
    if (!compiled.ok()) {
      return compiled.status().WithContext("the change to the shapes graph <" +
                                           std::string(kShapesGraphIri) + "> was refused");
    }
    pending_ = *compiled;
    return ValidateEverything(txn, *pending_);
  }
  auto current = enforced();
  if (!current || current->shapes->empty()) return Status::OK();
  const Status st = ValidateChanges(txn, *current, g);
  return st.code() == StatusCode::kConstraintViolation ? st : st.WithContext(kStopped);
}

void ShapeEnforcer::AfterCommit(storage::WriteTxn* /*txn*/, bool ok) {
  // Kept once committed: the id of a term created by a refused transaction may be given again.
  if (ok && shapes_graph_.load() == kNoId) {
    auto g = ShapesGraphId(store_, nullptr);
    if (g.ok()) shapes_graph_.store(*g);
  }
  if (ok && pending_) {
    std::lock_guard<std::mutex> l(mu_);
    enforced_ = pending_->shapes->shapes.empty() ? nullptr : pending_;
  }
  pending_.reset();
}

Status ShapeEnforcer::ValidateEverything(storage::WriteTxn* txn, const EnforcedShapes& enforced) {
  if (enforced.shapes->empty()) return Status::OK();
  Validator v(enforced.shapes, CommitScope(store_, txn));
  SEXTANT_RETURN_IF_ERROR(v.ValidateAll().WithContext(kStopped));
  if (v.violation_count() == 0) return Status::OK();
  return Refuse(v, "the shapes");
}

Status ShapeEnforcer::ValidateChanges(storage::WriteTxn* txn, const EnforcedShapes& enforced,
                                      TermId shapes_graph) {
  std::vector<IdQuad> changed;
  for (const auto* set : {&txn->net_inserted(), &txn->net_removed(), &txn->maintained_inserted(),
                          &txn->maintained_removed()}) {
    for (const IdQuad& q : *set) {
      if (q[storage::kG] != shapes_graph) changed.push_back(q);
    }
  }
  if (changed.empty()) return Status::OK();

  Validator v(enforced.shapes, CommitScope(store_, txn));
  // The access paths are walked backwards in the state before the commit (reach.h).
  storage::DictionaryReader before_dict(store_, static_cast<const rocksdb::Snapshot*>(nullptr));
  query::QueryContext before_qc(store_, nullptr, &before_dict);
  before_qc.control.Limit(txn->limits());
  query::QueryContext* bqc = &before_qc;
  before_qc.eval.exists = [bqc](int index, const TermId* row) {
    return query::EvaluateExists(bqc, index, row);
  };
  before_qc.hidden_graph = shapes_graph;
  DataGraph before(&before_qc, shapes_graph, std::nullopt);

  std::vector<TermId> nodes, found;
  std::vector<Validator::Candidate> candidates;
  for (size_t s : enforced.shapes->targeted) {
    const ShapeReach& reach = enforced.reach[s];
    if (reach.global) {
      SEXTANT_RETURN_IF_ERROR(v.ValidateShape(s));
      continue;
    }
    candidates.clear();
    for (const Access& a : reach.accesses) {
      // The node f found by this access is validated against the constraints that read it.
      auto add = [&](TermId f) {
        if (a.every_constraint) {
          candidates.push_back({f, Validator::kEveryConstraint});
          return;
        }
        for (size_t c : a.constraints) candidates.push_back({f, c});
      };
      const TermId p = a.any_predicate ? kNoId : v.Id(Term::Iri(a.predicate));
      nodes.clear();
      for (const IdQuad& q : changed) {
        if (a.any_predicate || q[storage::kP] == p) {
          nodes.push_back(q[a.inverse ? storage::kO : storage::kS]);
        }
      }
      if (nodes.empty()) continue;
      SortUnique(&nodes);
      if (!a.prefix) {
        for (TermId n : nodes) add(n);
        continue;
      }
      const ast::Path& prefix = *a.prefix;
      const bool one_step =
          prefix.kind == ast::PathKind::kIri ||
          (prefix.kind == ast::PathKind::kInverse && prefix.args[0].kind == ast::PathKind::kIri);
      if (one_step) {
        const bool inverse = prefix.kind == ast::PathKind::kInverse;
        const TermId step =
            before_qc.terms.Intern(Term::Iri(inverse ? prefix.args[0].iri : prefix.iri));
        for (TermId n : nodes) {
          SEXTANT_RETURN_IF_ERROR(before.Step(n, step, !inverse, &found));
          for (TermId f : found) add(f);
        }
        if (!before_qc.control.Check()) return before_qc.control.status;
        continue;
      }
      const auto query = BackwardsQuery(prefix);
      for (TermId n : nodes) {
        SEXTANT_RETURN_IF_ERROR(RunQuery(&before_qc, *query, {{"n", n}},
                                         [&](const query::PlannedQuery& plan, const TermId* row) {
                                           const TermId f = RowValue(plan, row, "f");
                                           if (f != kNoId) add(f);
                                           return true;
                                         }));
      }
    }
    if (!candidates.empty()) {
      SEXTANT_RETURN_IF_ERROR(v.ValidateCandidates(s, std::move(candidates)));
    }
    candidates = {};
  }
  if (v.violation_count() == 0) return Status::OK();
  return Refuse(v, "the transaction");
}

}  // namespace sextant::shacl
