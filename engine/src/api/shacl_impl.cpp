// DatabaseImpl's SHACL validation and enforced shapes (sextant/shacl.h, docs/SHACL.md).
#include "api/database_impl.h"
#include "api/snapshot_impl.h"
#include "rdf/parser.h"
#include "shacl/validator.h"
#include "shacl/vocabulary.h"
#include "storage/write_txn.h"

namespace sextant {
namespace {

Result<std::vector<Quad>> ParseShapes(std::string_view text, const ValidateOptions& options,
                                      const std::string& blank_prefix) {
  rdf::ParseOptions po;
  po.format = options.format.value_or(RdfFormat::kTurtle);
  po.source_name = options.source_name.empty() ? "<shapes>" : options.source_name;
  po.base_iri = options.base_iri;
  po.blank_prefix = blank_prefix;
  return rdf::ParseStringToQuads(text, po);
}

Result<std::shared_ptr<const shacl::ShapeSet>> CompileText(std::string_view text,
                                                           const ValidateOptions& options,
                                                           const std::string& blank_prefix,
                                                           std::vector<Quad>* quads) {
  SEXTANT_ASSIGN_OR_RETURN(*quads, ParseShapes(text, options, blank_prefix));
  return shacl::CompileShapes(shacl::ShapesGraph(*quads), options.source_name);
}

storage::TxnLimits LimitsOf(const ValidateOptions& options) {
  storage::TxnLimits limits;
  if (options.timeout.count() > 0) {
    limits.deadline = std::chrono::steady_clock::now() + options.timeout;
  }
  limits.interrupt = options.interrupt;
  limits.max_memory_bytes = options.max_memory_bytes;
  return limits;
}

std::string TargetText(const shacl::Target& t) {
  switch (t.kind) {
    case shacl::TargetKind::kNode: return "node " + shacl::DisplayTerm(t.term);
    case shacl::TargetKind::kClass: return "class " + shacl::DisplayTerm(t.term);
    case shacl::TargetKind::kSubjectsOf: return "subjectsOf " + shacl::DisplayTerm(t.term);
    case shacl::TargetKind::kObjectsOf: return "objectsOf " + shacl::DisplayTerm(t.term);
  }
  return "";
}

}  // namespace

Result<ValidationReport> DatabaseImpl::ValidateShapes(std::shared_ptr<const shacl::ShapeSet> shapes,
                                                      const ValidateOptions& options) {
  SnapshotImpl snapshot(store_.get());
  shacl::ValidationScope scope;
  scope.store = store_.get();
  scope.snapshot = snapshot.rocks_snapshot();
  scope.only_graph = options.graph;
  scope.max_results = options.max_results;
  scope.limits = LimitsOf(options);
  shacl::Validator validator(std::move(shapes), scope);
  SEXTANT_RETURN_IF_ERROR(validator.ValidateAll());
  return validator.Report();
}

Result<ValidationReport> DatabaseImpl::Validate(std::string_view shapes,
                                                const ValidateOptions& options) {
  std::vector<Quad> quads;
  SEXTANT_ASSIGN_OR_RETURN(auto set, CompileText(shapes, options, "", &quads));
  return ValidateShapes(std::move(set), options);
}

Result<ValidationReport> DatabaseImpl::ValidateEnforced(const ValidateOptions& options) {
  SEXTANT_ASSIGN_OR_RETURN(auto quads, shacl::ReadShapesGraph(store_.get(), nullptr));
  SEXTANT_ASSIGN_OR_RETURN(
      auto set,
      shacl::CompileShapes(shacl::ShapesGraph(quads), "<" + std::string(kShapesGraphIri) + ">"));
  return ValidateShapes(std::move(set), options);
}

Status DatabaseImpl::EnforceShapes(std::string_view shapes, const ValidateOptions& options) {
  // Compiled alone first, so that mistakes are reported against the file they are in.
  std::vector<Quad> quads;
  SEXTANT_RETURN_IF_ERROR(CompileText(shapes, options, BlankPrefixForLoad(), &quads).status());
  SEXTANT_ASSIGN_OR_RETURN(auto txn, storage::WriteTxn::Begin(store_.get()));
  txn->set_limits(LimitsOf(options));  // its commit validates the whole store
  const Term graph = Term::Iri(std::string(kShapesGraphIri));
  for (Quad& q : quads) {
    q.graph = graph;
    SEXTANT_ASSIGN_OR_RETURN(
        storage::IdQuad ids,
        txn->EncodeForInsert({rdf::TermView::Of(q.subject), rdf::TermView::Of(q.predicate),
                              rdf::TermView::Of(q.object), rdf::TermView::Of(q.graph)}));
    SEXTANT_RETURN_IF_ERROR(txn->Insert(ids).status());
  }
  return txn->Commit();
}

Status DatabaseImpl::DropShapes(const std::string& shape) {
  SEXTANT_ASSIGN_OR_RETURN(auto quads, shacl::ReadShapesGraph(store_.get(), nullptr));
  std::vector<Quad> drop;
  if (shape.empty()) {
    drop = quads;
  } else {
    Term node = shape.rfind("_:", 0) == 0 ? Term::Blank(shape.substr(2))
                                          : Term::Iri(shape.size() > 1 && shape.front() == '<'
                                                          ? shape.substr(1, shape.size() - 2)
                                                          : shape);
    shacl::ShapesGraph graph(quads);
    if (!graph.HasSubject(node)) {
      return Status::NotFound("no enforced shape " + shacl::DisplayTerm(node));
    }
    graph.CopyDescription(node, &drop);
  }
  SEXTANT_ASSIGN_OR_RETURN(auto txn, BeginTransaction());
  const Term graph = Term::Iri(std::string(kShapesGraphIri));
  for (Quad& q : drop) {
    q.graph = graph;
    SEXTANT_RETURN_IF_ERROR(txn->Remove(q));
  }
  return txn->Commit();
}

Result<std::vector<ShapeInfo>> DatabaseImpl::ListShapes() {
  std::vector<ShapeInfo> out;
  auto enforced = shapes_->enforced();
  if (!enforced) return out;
  out.reserve(enforced->shapes->shapes.size());
  for (const shacl::Shape& s : enforced->shapes->shapes) {
    ShapeInfo info;
    info.shape = s.node;
    info.property_shape = s.property;
    if (s.path) info.path_text = s.path->text;
    for (const shacl::Target& t : s.targets) info.targets.push_back(TargetText(t));
    info.constraints = s.constraints.size();
    info.deactivated = s.deactivated;
    out.push_back(std::move(info));
  }
  return out;
}

}  // namespace sextant
