#include "api/update_impl.h"

#include <atomic>
#include <chrono>
#include <set>

#include "federation/http_service_client.h"
#include "query/planner.h"
#include "query/query_context.h"
#include "rdf/parser.h"
#include "rdf/term_view.h"
#include "rules/rule_changes.h"
#include "sextant/shacl.h"
#include "storage/term_check.h"
#include "storage/write_txn.h"

namespace sextant {
namespace {

using query::kNoId;
using query::TermId;
using storage::IdQuad;

// Blank nodes written by an update are new nodes: labels unique to the request (and, for
// templates, to the solution).
std::string FreshBlankPrefix() {
  static std::atomic<uint64_t> counter{0};
  const auto now = std::chrono::system_clock::now().time_since_epoch().count();
  return "u" + std::to_string(static_cast<uint64_t>(now) % 1000000007ULL) + "x" +
         std::to_string(counter++) + "_";
}

class UpdateRunner {
 public:
  UpdateRunner(storage::Store* store, storage::WriteTxn* txn, const QueryOptions& options)
      : store_(store),
        txn_(txn),
        options_(options),
        dict_(store, txn->batch()),
        blank_prefix_(FreshBlankPrefix()) {
    // One time limit for the whole request: every operation, its WHERE clause, its writes.
    if (options.timeout.count() > 0) deadline_ = std::chrono::steady_clock::now() + options.timeout;
  }

  Status Run(const ast::UpdateOperation& op) {
    // Blank nodes are new per operation (and per solution inside templates).
    blank_op_ = "o" + std::to_string(op_index_++) + "_";
    switch (op.kind) {
      case ast::UpdateKind::kInsertData: return InsertData(op);
      case ast::UpdateKind::kDeleteData: return DeleteData(op);
      case ast::UpdateKind::kDeleteWhere:
      case ast::UpdateKind::kModify: return Modify(op);
      case ast::UpdateKind::kLoad: return Load(op);
      case ast::UpdateKind::kClear:
      case ast::UpdateKind::kDrop: return ClearOrDrop(op);
      case ast::UpdateKind::kCreate: return Create(op);
      case ast::UpdateKind::kAdd:
      case ast::UpdateKind::kMove:
      case ast::UpdateKind::kCopy: return Transfer(op);
      case ast::UpdateKind::kRule: return rules::StageAddRule(txn_, op.rule_name, op.rule_text);
      case ast::UpdateKind::kDropRule: return rules::StageDropRule(txn_, op.rule_name, op.silent);
    }
    return Status::Internal("unknown update operation");
  }

  UpdateStats stats;

  Status Check() {
    if (options_.interrupt != nullptr && options_.interrupt->load()) {
      return Status::Interrupted("update interrupted");
    }
    if (deadline_ && std::chrono::steady_clock::now() > *deadline_) {
      return Status::Timeout("update timed out");
    }
    return Status::OK();
  }

  std::optional<std::chrono::steady_clock::time_point> deadline() const { return deadline_; }

 private:
  Result<TermId> IdForInsert(const Term& t) {
    SEXTANT_RETURN_IF_ERROR(storage::CheckStorable(rdf::TermView::Of(t)));
    return txn_->dictionary().GetOrCreate(rdf::TermView::Of(t));
  }
  Result<TermId> IdForLookup(const Term& t) { return dict_.Lookup(rdf::TermView::Of(t)); }

  Status Insert(const IdQuad& q) {
    SEXTANT_ASSIGN_OR_RETURN(bool added, txn_->Insert(q));
    stats.inserted += added;
    return Check();
  }
  Status Remove(const IdQuad& q) {
    for (TermId id : q) {
      if (id == kNoId) return Status::OK();
    }
    SEXTANT_ASSIGN_OR_RETURN(bool removed, txn_->Remove(q));
    stats.deleted += removed;
    return Check();
  }

  // A ground term of a DATA block or a template constant.
  Term Ground(const Term& t, const std::string& blank_scope) {
    if (t.is_blank()) return Term::Blank(blank_prefix_ + blank_op_ + blank_scope + t.value());
    return t;
  }
  // A position of a DATA block: a term, or a triple term of them (the grammar allows nothing
  // else there; an ill-formed triple term gives an empty Term, which the store refuses).
  Term GroundData(const ast::VarOrTerm& v, const std::string& blank_scope) {
    auto t = ast::InstantiateTerm(v, [&](const ast::VarOrTerm& leaf) -> std::optional<Term> {
      if (const auto* term = std::get_if<Term>(&leaf)) return Ground(*term, blank_scope);
      return std::nullopt;
    });
    return t.value_or(Term());
  }

  std::optional<Term> GraphOf(const ast::QuadPattern& q, const std::optional<std::string>& with) {
    if (q.graph) {
      if (const auto* t = std::get_if<Term>(&*q.graph)) return *t;
      return std::nullopt;  // a variable: resolved per solution
    }
    if (with) return Term::Iri(*with);
    return Term::DefaultGraph();
  }

  Status InsertData(const ast::UpdateOperation& op) {
    for (const auto& q : op.insert_quads) {
      IdQuad ids;
      const Term terms[4] = {GroundData(q.triple.subject, ""), std::get<Term>(q.triple.predicate),
                             GroundData(q.triple.object, ""),
                             GraphOf(q, std::nullopt).value_or(Term())};
      for (int i = 0; i < 4; ++i) {
        SEXTANT_ASSIGN_OR_RETURN(ids[i], IdForInsert(terms[i]));
      }
      SEXTANT_RETURN_IF_ERROR(Insert(ids));
    }
    return Status::OK();
  }

  Status DeleteData(const ast::UpdateOperation& op) {
    for (const auto& q : op.delete_quads) {
      IdQuad ids;
      const Term terms[4] = {GroundData(q.triple.subject, ""), std::get<Term>(q.triple.predicate),
                             GroundData(q.triple.object, ""),
                             GraphOf(q, std::nullopt).value_or(Term())};
      for (int i = 0; i < 4; ++i) {
        SEXTANT_ASSIGN_OR_RETURN(ids[i], IdForLookup(terms[i]));
      }
      SEXTANT_RETURN_IF_ERROR(Remove(ids));
    }
    return Status::OK();
  }

  // DELETE WHERE and DELETE/INSERT ... WHERE: the WHERE clause is evaluated completely first
  // (on the state before this operation), then deletions, then insertions.
  Status Modify(const ast::UpdateOperation& op) {
    ast::Query q;
    q.form = ast::QueryForm::kSelect;
    q.select_all = true;
    q.base_iri = op.base_iri;  // IRI("relative") in the WHERE clause resolves against it
    if (op.kind == ast::UpdateKind::kDeleteWhere) {
      ast::GroupPattern where;
      for (const auto& quad : op.delete_quads) {
        ast::PatternElement triples;
        triples.kind = ast::ElementKind::kTriples;
        triples.triples.push_back(quad.triple);
        if (quad.graph) {
          ast::PatternElement graph;
          graph.kind = ast::ElementKind::kGraph;
          graph.name = *quad.graph;
          graph.groups.emplace_back().elements.push_back(std::move(triples));
          where.elements.push_back(std::move(graph));
        } else {
          where.elements.push_back(std::move(triples));
        }
      }
      q.where = std::move(where);
    } else {
      q.where = op.where;
    }
    // USING / USING NAMED define the dataset like FROM / FROM NAMED; WITH alone only names the
    // default graph (named graphs stay reachable through GRAPH).
    const bool has_using = !op.using_graphs.empty() || !op.using_named.empty();

    query::QueryContext qc(store_, nullptr, &dict_);
    qc.txn = txn_;
    if (deadline_) qc.control.deadline = *deadline_;
    qc.control.interrupt = options_.interrupt;
    qc.control.max_materialized_rows = options_.max_intermediate_rows;
    qc.control.max_memory_bytes = options_.max_memory_bytes;
    federation::HttpServiceClient service(options_.service);
    qc.service = &service;
    if (!options_.include_derived) qc.hidden_graph = store_->derived_graph();
    query::QueryContext* qcp = &qc;
    qc.eval.exists = [qcp](int index, const TermId* row) {
      return query::EvaluateExists(qcp, index, row);
    };
    auto ids_of = [&](const std::vector<std::string>& iris) {
      std::vector<TermId> out;
      for (const auto& iri : iris) {
        auto id = dict_.Lookup(rdf::TermView::Of(Term::Iri(iri)));
        out.push_back(id.ok() ? *id : kNoId);
      }
      return out;
    };
    if (options_.dataset) {
      if (has_using || op.with) {
        return Status::InvalidArgument(
            "the request gives using-graph-uri / using-named-graph-uri and the update has its own "
            "USING or WITH");
      }
      qc.default_graphs = ids_of(options_.dataset->default_graphs);
      qc.named_graphs = ids_of(options_.dataset->named_graphs);
    } else if (has_using) {
      qc.default_graphs = ids_of(op.using_graphs);
      qc.named_graphs = ids_of(op.using_named);
    } else if (op.with) {
      qc.default_graphs = ids_of({*op.with});
    } else if (options_.default_graph == DefaultGraph::kStandard) {
      qc.default_graphs = std::vector<TermId>{storage::kDefaultGraphId};
    }
    query::Planner planner(&qc);
    SEXTANT_ASSIGN_OR_RETURN(auto plan, planner.Plan(q, {}));
    // Solutions as terms: ids of computed values are query-local.
    std::vector<std::vector<std::optional<Term>>> solutions;
    query::RowBatch batch(plan->root->width());
    while (plan->root->Next(batch)) {
      for (size_t i = 0; i < batch.size(); ++i) {
        std::vector<std::optional<Term>> row(plan->vars.size());
        // The solutions are held until the WHERE clause is done: they count against the budget.
        uint64_t bytes = 32 + row.size() * sizeof(std::optional<Term>);
        for (size_t s = 0; s < plan->vars.size() && s < batch.width(); ++s) {
          const TermId id = batch.row(i)[s];
          if (id == kNoId) continue;
          SEXTANT_ASSIGN_OR_RETURN(const Term* t, qc.terms.Decode(id));
          row[s] = *t;
          bytes += t->value().size() + t->datatype().size() + t->language().size();
        }
        if (!qc.control.Charge(bytes)) break;
        solutions.push_back(std::move(row));
      }
    }
    SEXTANT_RETURN_IF_ERROR(qc.control.status);

    auto resolve = [&](const ast::VarOrTerm& v, const std::vector<std::optional<Term>>& row,
                       const std::string& scope) -> std::optional<Term> {
      return ast::InstantiateTerm(v, [&](const ast::VarOrTerm& leaf) -> std::optional<Term> {
        if (const auto* var = std::get_if<ast::Variable>(&leaf)) {
          const int slot = plan->vars.Find(var->name);
          if (slot < 0) return std::nullopt;
          return row[static_cast<size_t>(slot)];
        }
        return Ground(std::get<Term>(leaf), scope);
      });
    };
    auto instantiate = [&](const ast::QuadPattern& qp, const std::vector<std::optional<Term>>& row,
                           const std::string& scope) -> std::optional<std::array<Term, 4>> {
      auto s = resolve(qp.triple.subject, row, scope);
      std::optional<Term> p;
      if (const auto* t = std::get_if<Term>(&qp.triple.predicate)) {
        p = *t;
      } else if (const auto* var = std::get_if<ast::Variable>(&qp.triple.predicate)) {
        p = resolve(ast::VarOrTerm(*var), row, scope);
      }
      auto o = resolve(qp.triple.object, row, scope);
      std::optional<Term> g =
          qp.graph ? resolve(*qp.graph, row, scope) : (op.with ? Term::Iri(*op.with) : Term());
      // Unbound or ill-formed positions skip the triple, as the spec says.
      if (!s || !p || !o || !g || s->is_literal() || s->is_triple() || !p->is_iri() ||
          o->is_default_graph() || g->is_literal() || (g->is_blank())) {
        return std::nullopt;
      }
      return std::array<Term, 4>{*s, *p, *o, *g};
    };
    for (const auto& row : solutions) {
      for (const auto& qp : op.delete_quads) {
        auto t = instantiate(qp, row, "");
        if (!t) continue;
        IdQuad ids;
        for (int i = 0; i < 4; ++i) {
          SEXTANT_ASSIGN_OR_RETURN(ids[i], IdForLookup((*t)[i]));
        }
        SEXTANT_RETURN_IF_ERROR(Remove(ids));
      }
    }
    uint64_t n = 0;
    for (const auto& row : solutions) {
      const std::string scope = "s" + std::to_string(n++) + "_";
      for (const auto& qp : op.insert_quads) {
        auto t = instantiate(qp, row, scope);
        if (!t) continue;
        IdQuad ids;
        for (int i = 0; i < 4; ++i) {
          SEXTANT_ASSIGN_OR_RETURN(ids[i], IdForInsert((*t)[i]));
        }
        SEXTANT_RETURN_IF_ERROR(Insert(ids));
      }
    }
    return Status::OK();
  }

  Status Load(const ast::UpdateOperation& op) {
    const std::string prefix = "file://";
    if (op.source.rfind(prefix, 0) != 0) {
      if (op.silent) return Status::OK();
      return Status::Unsupported("LOAD <" + op.source + ">: only file:// IRIs can be loaded");
    }
    if (!options_.allow_file_load) {
      if (op.silent) return Status::OK();
      return Status::Unsupported("LOAD <" + op.source +
                                 ">: loading files of the server is disabled here");
    }
    const std::string path = op.source.substr(prefix.size());
    const auto format = RdfFormatFromPath(path);
    if (!format) {
      if (op.silent) return Status::OK();
      return Status::InvalidArgument(
          "LOAD <" + op.source + ">: unknown RDF format (use .nt .nq .ttl .trig .rdf .owl .xml)");
    }
    std::optional<Term> into;
    if (op.target && op.target->kind == ast::GraphTargetKind::kGraph) {
      into = Term::Iri(op.target->iri);
    }
    rdf::ParseOptions po;
    po.format = *format;
    po.source_name = path;
    po.base_iri = op.source;
    po.blank_prefix = blank_prefix_ + "l" + std::to_string(loads_++) + "_";
    const rdf::TermView target = into ? rdf::TermView::Of(*into) : rdf::TermView{};
    auto parsed = rdf::ParseFile(
        path, po,
        [&](const rdf::QuadView& q) -> Status {
          rdf::QuadView v = q;
          if (into) v.graph = target;  // INTO GRAPH puts every triple there
          SEXTANT_RETURN_IF_ERROR(storage::CheckStorable(v));
          SEXTANT_ASSIGN_OR_RETURN(IdQuad ids, txn_->EncodeForInsert(v));
          return Insert(ids);
        },
        [](const LoadDiagnostic&) {});
    if (!parsed.ok() && !op.silent) return parsed.status().WithContext("LOAD <" + op.source + ">");
    return Status::OK();
  }

  // Graph ids of a CLEAR/DROP target; the default graph is id 0.
  Result<std::vector<TermId>> TargetGraphs(const ast::GraphTarget& target) {
    std::vector<TermId> out;
    if (target.kind == ast::GraphTargetKind::kDefault ||
        target.kind == ast::GraphTargetKind::kAll) {
      out.push_back(0);
    }
    if (target.kind == ast::GraphTargetKind::kGraph) {
      SEXTANT_ASSIGN_OR_RETURN(TermId id, IdForLookup(Term::Iri(target.iri)));
      if (id != kNoId) out.push_back(id);
    }
    if (target.kind == ast::GraphTargetKind::kNamed || target.kind == ast::GraphTargetKind::kAll) {
      SEXTANT_ASSIGN_OR_RETURN(auto graphs, NamedGraphs());
      out.insert(out.end(), graphs.begin(), graphs.end());
    }
    return out;
  }

  Result<std::vector<TermId>> NamedGraphs() {
    std::vector<TermId> out;
    IdQuad pattern{kNoId, kNoId, kNoId, kNoId};
    storage::IdScan scan(txn_->NewIndexIterator(storage::IndexOrder::kGSPO), pattern,
                         {storage::IndexOrder::kGSPO, 0, false});
    // The shapes graph holds constraints, not data: only naming it clears it.
    SEXTANT_ASSIGN_OR_RETURN(const TermId shapes,
                             IdForLookup(Term::Iri(std::string(kShapesGraphIri))));
    TermId last = kNoId;
    for (; scan.Valid(); scan.Next()) {
      if (scan.quad()[storage::kG] != last) {
        last = scan.quad()[storage::kG];
        // CLEAR/DROP NAMED and ALL leave the derived graph to the rules: it empties itself
        // when the facts it follows from go.
        if (last != store_->derived_graph() && last != shapes) out.push_back(last);
      }
    }
    SEXTANT_RETURN_IF_ERROR(scan.status());
    return out;
  }

  Result<std::vector<IdQuad>> QuadsOf(TermId graph) {
    std::vector<IdQuad> out;
    IdQuad pattern{kNoId, kNoId, kNoId, graph};
    const storage::ScanPlan plan = graph == 0
                                       ? storage::ScanPlan{storage::IndexOrder::kSPOG, 0, true}
                                       : storage::ScanPlan{storage::IndexOrder::kGSPO, 1, false};
    storage::IdScan scan(txn_->NewIndexIterator(plan.order), pattern, plan);
    for (; scan.Valid(); scan.Next()) out.push_back(scan.quad());
    SEXTANT_RETURN_IF_ERROR(scan.status());
    return out;
  }

  Result<bool> GraphExists(const std::string& iri) {
    SEXTANT_ASSIGN_OR_RETURN(TermId id, IdForLookup(Term::Iri(iri)));
    if (id == kNoId) return false;
    SEXTANT_ASSIGN_OR_RETURN(auto quads, QuadsOf(id));
    return !quads.empty();
  }

  Status ClearOrDrop(const ast::UpdateOperation& op) {
    const ast::GraphTarget target = op.target.value_or(ast::GraphTarget{});
    if (target.kind == ast::GraphTargetKind::kGraph && !op.silent) {
      SEXTANT_ASSIGN_OR_RETURN(bool exists, GraphExists(target.iri));
      if (!exists) {
        return Status::NotFound(std::string(op.kind == ast::UpdateKind::kDrop ? "DROP" : "CLEAR") +
                                " GRAPH <" + target.iri +
                                ">: no such graph (add SILENT to ignore)");
      }
    }
    SEXTANT_ASSIGN_OR_RETURN(auto graphs, TargetGraphs(target));
    for (TermId g : graphs) {
      SEXTANT_ASSIGN_OR_RETURN(auto quads, QuadsOf(g));
      for (const auto& q : quads) SEXTANT_RETURN_IF_ERROR(Remove(q));
    }
    return Status::OK();
  }

  Status Create(const ast::UpdateOperation& op) {
    if (!op.target || op.target->kind != ast::GraphTargetKind::kGraph) return Status::OK();
    SEXTANT_ASSIGN_OR_RETURN(bool exists, GraphExists(op.target->iri));
    // Graphs exist while they hold quads, so CREATE only checks for a clash.
    if (exists && !op.silent) {
      return Status::InvalidArgument("CREATE GRAPH <" + op.target->iri + ">: graph already exists");
    }
    return Status::OK();
  }

  Result<TermId> GraphId(const ast::GraphTarget& t, bool create) {
    if (t.kind == ast::GraphTargetKind::kDefault) return TermId{0};
    return create ? IdForInsert(Term::Iri(t.iri)) : IdForLookup(Term::Iri(t.iri));
  }

  Status Transfer(const ast::UpdateOperation& op) {
    const ast::GraphTarget to = op.target.value_or(ast::GraphTarget{});
    const bool same = op.from.kind == to.kind && op.from.iri == to.iri;
    if (op.from.kind == ast::GraphTargetKind::kGraph && !op.silent) {
      SEXTANT_ASSIGN_OR_RETURN(bool exists, GraphExists(op.from.iri));
      if (!exists) {
        return Status::NotFound("source graph <" + op.from.iri +
                                "> does not exist (add SILENT to ignore)");
      }
    }
    if (same) return Status::OK();
    SEXTANT_ASSIGN_OR_RETURN(TermId from, GraphId(op.from, false));
    SEXTANT_ASSIGN_OR_RETURN(TermId dest, GraphId(to, true));
    if (op.kind != ast::UpdateKind::kAdd) {  // COPY and MOVE replace the destination
      SEXTANT_ASSIGN_OR_RETURN(auto old, QuadsOf(dest));
      for (const auto& q : old) SEXTANT_RETURN_IF_ERROR(Remove(q));
    }
    if (from == kNoId) return Status::OK();
    SEXTANT_ASSIGN_OR_RETURN(auto quads, QuadsOf(from));
    for (auto q : quads) {
      if (op.kind == ast::UpdateKind::kMove) SEXTANT_RETURN_IF_ERROR(Remove(q));
      q[storage::kG] = dest;
      SEXTANT_RETURN_IF_ERROR(Insert(q));
    }
    return Status::OK();
  }

  storage::Store* store_;
  storage::WriteTxn* txn_;
  const QueryOptions& options_;
  storage::DictionaryReader dict_;
  std::string blank_prefix_;
  uint64_t loads_ = 0;
  uint64_t op_index_ = 0;
  std::string blank_op_;
  std::optional<std::chrono::steady_clock::time_point> deadline_;
};

}  // namespace

Result<UpdateStats> ExecuteUpdate(storage::Store* store, const ast::Update& update,
                                  const QueryOptions& options) {
  SEXTANT_ASSIGN_OR_RETURN(auto txn, storage::WriteTxn::Begin(store));
  UpdateRunner runner(store, txn.get(), options);
  // The rules the commit maintains run within the request's limits too.
  storage::TxnLimits limits;
  if (runner.deadline()) limits.deadline = *runner.deadline();
  limits.interrupt = options.interrupt;
  limits.max_memory_bytes = options.max_memory_bytes;
  txn->set_limits(limits);
  for (const auto& op : update.operations) {
    Status s = runner.Run(op);
    if (s.ok()) s = runner.Check();
    if (!s.ok()) {
      txn->Rollback();  // all or nothing: no operation of a failed request is kept
      return s;
    }
    ++runner.stats.operations;
  }
  SEXTANT_RETURN_IF_ERROR(txn->Commit());
  return runner.stats;
}

}  // namespace sextant
