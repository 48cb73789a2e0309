#include "shacl/validator.h"

#include <algorithm>

#include "shacl/default_message.h"
#include "shacl/query_runner.h"
#include "shacl/vocabulary.h"

namespace sextant::shacl {

using storage::kNoId;

void Validator::Sink::Add(RawResult r) {
  ++count;
  if (out == nullptr) return;
  if (shapes->shapes[r.shape].severity.value() == vocab::Sh("Violation")) ++*violations;
  if (keep == 0 || out->size() < keep) out->push_back(std::move(r));
}

namespace {

// Nesting of sh:node / sh:property / logical shapes beyond which the shapes are taken to
// recurse without end.
constexpr int kMaxDepth = 64;

}  // namespace

Validator::Validator(std::shared_ptr<const ShapeSet> shapes, const ValidationScope& scope)
    : shapes_(std::move(shapes)), scope_(scope) {
  if (scope_.txn != nullptr) {
    dict_ = std::make_unique<storage::DictionaryReader>(scope_.store, scope_.txn->batch());
  } else {
    dict_ = std::make_unique<storage::DictionaryReader>(scope_.store, scope_.snapshot);
  }
  qc_ = std::make_unique<query::QueryContext>(scope_.store, scope_.snapshot, dict_.get());
  qc_->txn = scope_.txn;
  qc_->control.Limit(scope_.limits);
  query::QueryContext* qc = qc_.get();
  qc_->eval.exists = [qc](int index, const TermId* row) {
    return query::EvaluateExists(qc, index, row);
  };
  auto shapes_graph = qc_->terms.LookupStored(Term::Iri(std::string(kShapesGraphIri)));
  const TermId excluded = shapes_graph.ok() ? *shapes_graph : kNoId;
  std::optional<TermId> only;
  if (scope_.only_graph) {
    only = scope_.only_graph->is_default_graph() ? storage::kDefaultGraphId
                                                 : qc_->terms.Intern(*scope_.only_graph);
    qc_->default_graphs = std::vector<TermId>{*only};
    qc_->named_graphs = std::vector<TermId>{*only};
  } else {
    qc_->hidden_graph = excluded;
  }
  data_ = std::make_unique<DataGraph>(qc_.get(), excluded, only);
  term_ids_.resize(shapes_->constraints.size());
}

Validator::~Validator() = default;

TermId Validator::Id(const Term& t) {
  return qc_->terms.Intern(t);
}

const std::vector<TermId>& Validator::TermIds(size_t constraint) {
  auto& ids = term_ids_[constraint];
  if (!ids) {
    ids.emplace();
    for (const Term& t : shapes_->constraints[constraint].terms) ids->push_back(Id(t));
  }
  return *ids;
}

Status Validator::FocusNodes(size_t shape, std::vector<TermId>* out) {
  out->clear();
  std::vector<TermId> part;
  for (const Target& t : shapes_->shapes[shape].targets) {
    switch (t.kind) {
      case TargetKind::kNode: out->push_back(Id(t.term)); continue;
      case TargetKind::kClass:
        SEXTANT_RETURN_IF_ERROR(data_->InstancesOf(Id(t.term), &part));
        break;
      case TargetKind::kSubjectsOf:
        SEXTANT_RETURN_IF_ERROR(data_->SubjectsOf(Id(t.term), &part));
        break;
      case TargetKind::kObjectsOf:
        SEXTANT_RETURN_IF_ERROR(data_->ObjectsOf(Id(t.term), &part));
        break;
    }
    out->insert(out->end(), part.begin(), part.end());
  }
  SortUnique(out);
  return Status::OK();
}

Result<bool> Validator::IsFocusNode(size_t shape, TermId node) {
  std::vector<TermId> found;
  for (const Target& t : shapes_->shapes[shape].targets) {
    switch (t.kind) {
      case TargetKind::kNode:
        if (Id(t.term) == node) return true;
        break;
      case TargetKind::kClass: {
        SEXTANT_ASSIGN_OR_RETURN(bool yes, data_->IsInstanceOf(node, Id(t.term)));
        if (yes) return true;
        break;
      }
      case TargetKind::kSubjectsOf:
      case TargetKind::kObjectsOf:
        SEXTANT_RETURN_IF_ERROR(
            data_->Step(node, Id(t.term), t.kind == TargetKind::kObjectsOf, &found));
        if (!found.empty()) return true;
        break;
    }
  }
  return false;
}

Status Validator::ValidateAll() {
  for (size_t s : shapes_->targeted) SEXTANT_RETURN_IF_ERROR(ValidateShape(s));
  return Status::OK();
}

Status Validator::ValidateShape(size_t shape) {
  std::vector<TermId> focus;
  SEXTANT_RETURN_IF_ERROR(FocusNodes(shape, &focus));
  Sink sink{&results_, scope_.max_results, shapes_.get(), &violation_count_};
  for (TermId f : focus) {
    ++focus_count_;
    SEXTANT_RETURN_IF_ERROR(ValidateFocus(shape, f, &sink));
    if (!qc_->control.Check()) return qc_->control.status;
  }
  result_count_ += sink.count;
  return Status::OK();
}

Status Validator::ValidateCandidates(size_t shape, std::vector<Candidate> candidates) {
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  Sink sink{&results_, scope_.max_results, shapes_.get(), &violation_count_};
  std::vector<size_t> positions;
  for (size_t i = 0; i < candidates.size();) {
    const TermId node = candidates[i].node;
    size_t end = i;
    while (end < candidates.size() && candidates[end].node == node) ++end;
    // kEveryConstraint sorts last among a node's entries.
    const bool every = candidates[end - 1].constraint == kEveryConstraint;
    positions.clear();
    for (size_t j = i; j < end && !every; ++j) positions.push_back(candidates[j].constraint);
    i = end;
    SEXTANT_ASSIGN_OR_RETURN(bool focus, IsFocusNode(shape, node));
    if (!focus) continue;
    ++focus_count_;
    SEXTANT_RETURN_IF_ERROR(ValidateFocus(shape, node, &sink, every ? nullptr : &positions));
    if (!qc_->control.Check()) return qc_->control.status;
  }
  result_count_ += sink.count;
  return Status::OK();
}

Status Validator::PathValues(const PropertyPath& path, TermId focus, std::vector<TermId>* out) {
  out->clear();
  if (path.one_step) return data_->Step(focus, Id(path.predicate), path.inverse, out);
  SEXTANT_RETURN_IF_ERROR(RunQuery(qc_.get(), *path.query, {{"this", focus}},
                                   [&](const query::PlannedQuery& plan, const TermId* row) {
                                     const TermId v = RowValue(plan, row, "value");
                                     if (v != kNoId) out->push_back(v);
                                     return true;
                                   }));
  SortUnique(out);
  return Status::OK();
}

Status Validator::ValueNodes(const Shape& shape, TermId focus, std::vector<TermId>* out) {
  if (!shape.path) {
    *out = {focus};
    return Status::OK();
  }
  return PathValues(*shape.path, focus, out);
}

Status Validator::ValidateFocus(size_t shape, TermId focus, Sink* sink,
                                const std::vector<size_t>* positions) {
  const Shape& s = shapes_->shapes[shape];
  if (s.deactivated) return Status::OK();
  // A shape reached again for the same node while validating it (sh:node cycles): SHACL
  // leaves recursion undefined; the inner visit is taken to conform.
  if (!active_.emplace(shape, focus).second) return Status::OK();
  if (++depth_ > kMaxDepth) {
    --depth_;
    active_.erase({shape, focus});
    return Status::InvalidArgument("shapes nest more than " + std::to_string(kMaxDepth) +
                                   " levels deep (from shape " + DisplayTerm(s.node) + ")");
  }
  std::vector<TermId> values;
  Status st = ValueNodes(s, focus, &values);
  const size_t n = positions != nullptr ? positions->size() : s.constraints.size();
  for (size_t i = 0; st.ok() && i < n && !sink->stop(); ++i) {
    st = Evaluate(shape, s.constraints[positions != nullptr ? (*positions)[i] : i], focus, values,
                  sink);
  }
  --depth_;
  active_.erase({shape, focus});
  return st;
}

Result<bool> Validator::Conforms(size_t shape, TermId node) {
  Sink sink;
  SEXTANT_RETURN_IF_ERROR(ValidateFocus(shape, node, &sink));
  return sink.count == 0;
}

Status Validator::AddSourceGraphs(const RawResult& r, ValidationResult* out) {
  const Shape& s = shapes_->shapes[r.shape];
  std::vector<TermId> graphs;
  if (r.predicate != kNoId && r.value != kNoId) {
    SEXTANT_RETURN_IF_ERROR(data_->Graphs(r.focus, r.predicate, r.value, &graphs));
  } else if (s.path && s.path->one_step && r.value != kNoId) {
    const TermId p = Id(s.path->predicate);
    if (s.path->inverse) {
      SEXTANT_RETURN_IF_ERROR(data_->Graphs(r.value, p, r.focus, &graphs));
    } else {
      SEXTANT_RETURN_IF_ERROR(data_->Graphs(r.focus, p, r.value, &graphs));
    }
  }
  if (graphs.empty()) {
    // No single offending triple: the graphs that type the focus node (what makes it a
    // target, most often), else any that describe it.
    std::vector<TermId> part;
    SEXTANT_RETURN_IF_ERROR(data_->Graphs(r.focus, data_->rdf_type(), kNoId, &part));
    if (part.empty()) SEXTANT_RETURN_IF_ERROR(data_->Graphs(r.focus, kNoId, kNoId, &part));
    graphs = std::move(part);
  }
  for (TermId g : graphs) {
    if (g == storage::kDefaultGraphId) {
      out->source_graphs.push_back(Term::DefaultGraph());
      continue;
    }
    SEXTANT_ASSIGN_OR_RETURN(const Term* t, qc_->terms.Decode(g));
    out->source_graphs.push_back(*t);
  }
  return Status::OK();
}

Result<ValidationReport> Validator::Report() {
  ValidationReport report;
  report.conforms = result_count_ == 0;
  report.focus_nodes = focus_count_;
  report.results_omitted = result_count_ - results_.size();
  std::set<Term> described;
  auto describe = [&](const Term& node) {
    if (node.is_blank() && described.insert(node).second) {
      shapes_->graph.CopyDescription(node, &report.shape_triples);
    }
  };
  auto decode = [&](TermId id) -> Result<Term> {
    SEXTANT_ASSIGN_OR_RETURN(const Term* t, qc_->terms.Decode(id));
    return *t;
  };
  report.results.reserve(results_.size());
  for (const RawResult& r : results_) {
    const Shape& s = shapes_->shapes[r.shape];
    const Constraint& c = shapes_->constraints[r.constraint];
    ValidationResult out;
    SEXTANT_ASSIGN_OR_RETURN(out.focus_node, decode(r.focus));
    if (r.value != kNoId) {
      SEXTANT_ASSIGN_OR_RETURN(out.value, decode(r.value));
    }
    if (r.predicate != kNoId) {
      SEXTANT_ASSIGN_OR_RETURN(out.path, decode(r.predicate));
      out.path_text = out.path->ToNTriples();
    } else if (r.sparql_path != kNoId) {
      SEXTANT_ASSIGN_OR_RETURN(out.path, decode(r.sparql_path));
      out.path_text = out.path->ToNTriples();
    } else if (s.path) {
      out.path = PathToRdf(s.path->path, "path" + std::to_string(report.results.size()) + "_",
                           &out.path_triples);
      out.path_text = s.path->text;
    }
    out.source_shape = s.node;
    describe(s.node);
    out.source_constraint_component = c.component;
    if (c.kind == ComponentKind::kSparql) {
      out.source_constraint = c.sparql->node;
      describe(c.sparql->node);
    }
    out.severity = s.severity;
    out.messages = !r.messages.empty() ? r.messages : s.messages;
    if (out.messages.empty()) {
      std::string text = DefaultMessage(*shapes_, c, r.predicate != kNoId);
      if (!text.empty()) out.messages.push_back(Term::Literal(std::move(text)));
    }
    SEXTANT_RETURN_IF_ERROR(AddSourceGraphs(r, &out));
    report.results.push_back(std::move(out));
  }
  return report;
}

}  // namespace sextant::shacl
