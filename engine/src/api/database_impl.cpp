#include "api/database_impl.h"

#include <array>
#include <atomic>
#include <chrono>
#include <filesystem>

#include "api/query_impl.h"
#include "api/snapshot_impl.h"
#include "api/update_impl.h"
#include "rdf/parser.h"
#include "rdf/term_view.h"
#include "rules/rule_catalog.h"
#include "sextant/rdf_writer.h"
#include "storage/consistency_check.h"
#include "storage/id_scan.h"
#include "storage/quad_loader.h"
#include "storage/term_check.h"
#include "storage/write_txn.h"

namespace sextant {
namespace {

// Iterates an id scan, decoding quads through a dictionary reader.
class DecodingIterator : public QuadIterator {
 public:
  DecodingIterator(storage::IdScan scan, storage::DictionaryReader reader)
      : scan_(std::move(scan)), reader_(std::move(reader)) {}
  explicit DecodingIterator(Status s) : status_(std::move(s)) {}
  bool Valid() const override { return status_.ok() && scan_ && scan_->Valid(); }
  void Next() override { scan_->Next(); }
  const Quad& quad() override {
    Term* out[4] = {&quad_.subject, &quad_.predicate, &quad_.object, &quad_.graph};
    for (int i = 0; i < 4; ++i) {
      auto t = reader_->Decode(scan_->quad()[i]);
      if (!t.ok()) {
        status_ = t.status();
        break;
      }
      *out[i] = std::move(*t);
    }
    return quad_;
  }
  Status status() const override {
    return !status_.ok() ? status_ : scan_ ? scan_->status() : Status::OK();
  }

 private:
  std::optional<storage::IdScan> scan_;
  std::optional<storage::DictionaryReader> reader_;
  Quad quad_;
  Status status_;
};

std::unique_ptr<QuadIterator> MakeErrorIterator(Status s) {
  return std::make_unique<DecodingIterator>(std::move(s));
}
std::unique_ptr<QuadIterator> MakeScanIterator(storage::IdScan scan,
                                               storage::DictionaryReader reader) {
  return std::make_unique<DecodingIterator>(std::move(scan), std::move(reader));
}

class TransactionImpl : public Transaction {
 public:
  explicit TransactionImpl(std::unique_ptr<storage::WriteTxn> txn) : txn_(std::move(txn)) {}
  ~TransactionImpl() override { txn_->Rollback(); }

  Status Insert(const Quad& quad) override {
    SEXTANT_RETURN_IF_ERROR(Validate(quad));
    SEXTANT_RETURN_IF_ERROR(storage::CheckStorable(ViewOf(quad)));
    SEXTANT_ASSIGN_OR_RETURN(auto ids, txn_->EncodeForInsert(ViewOf(quad)));
    return txn_->Insert(ids).status();
  }
  Status Remove(const Quad& quad) override {
    SEXTANT_ASSIGN_OR_RETURN(auto ids, txn_->EncodeForLookup(ViewOf(quad)));
    for (auto id : ids) {
      if (id == storage::kNoId) return Status::OK();
    }
    return txn_->Remove(ids).status();
  }
  Result<bool> Contains(const Quad& quad) override {
    SEXTANT_ASSIGN_OR_RETURN(auto ids, txn_->EncodeForLookup(ViewOf(quad)));
    return txn_->Contains(ids);
  }
  std::unique_ptr<QuadIterator> Match(const QuadPattern& pattern) override {
    storage::IdQuad ids;
    const std::optional<Term>* terms[4] = {&pattern.subject, &pattern.predicate, &pattern.object,
                                           &pattern.graph};
    for (int i = 0; i < 4; ++i) {
      ids[i] = storage::kNoId;
      if (!terms[i]->has_value()) continue;
      auto id = txn_->dictionary().Lookup(rdf::TermView::Of(**terms[i]));
      if (!id.ok()) return MakeErrorIterator(id.status());
      if (*id == storage::kNoId) return MakeErrorIterator(Status::OK());
      ids[i] = *id;
    }
    const storage::ScanPlan plan = storage::ChooseIndex(ids);
    storage::DictionaryReader reader(txn_->store(), txn_->batch());
    return MakeScanIterator(storage::IdScan(txn_->NewIndexIterator(plan.order), ids, plan),
                            std::move(reader));
  }
  Status Commit() override { return txn_->Commit(); }
  void Rollback() override { txn_->Rollback(); }
  uint64_t inserted() const override { return txn_->inserted(); }
  uint64_t removed() const override { return txn_->removed(); }

 private:
  static rdf::QuadView ViewOf(const Quad& q) {
    return {rdf::TermView::Of(q.subject), rdf::TermView::Of(q.predicate),
            rdf::TermView::Of(q.object), rdf::TermView::Of(q.graph)};
  }
  // Triple terms nest at most this deep: far more than real data uses, and it bounds the
  // recursion of everything that walks a term.
  static constexpr int kMaxTripleNesting = 100;

  static Status ValidateTriple(const Term& s, const Term& p, const Term& o, int depth) {
    if (!s.is_iri() && !s.is_blank()) {
      return Status::InvalidArgument("subject must be an IRI or blank node");
    }
    if (!p.is_iri()) return Status::InvalidArgument("predicate must be an IRI");
    if (o.is_default_graph()) return Status::InvalidArgument("object must be an RDF term");
    if (!o.is_triple()) return Status::OK();
    if (depth >= kMaxTripleNesting) {
      return Status::InvalidArgument("triple terms nested more than " +
                                     std::to_string(kMaxTripleNesting) + " deep");
    }
    return ValidateTriple(o.subject(), o.predicate(), o.object(), depth + 1)
        .WithContext("in a triple term");
  }
  static Status Validate(const Quad& q) {
    SEXTANT_RETURN_IF_ERROR(ValidateTriple(q.subject, q.predicate, q.object, 0));
    if (q.graph.is_literal() || q.graph.is_triple()) {
      return Status::InvalidArgument("graph name must be an IRI or blank node");
    }
    return Status::OK();
  }

  std::unique_ptr<storage::WriteTxn> txn_;
};

// What every statement of a load passes besides the parser: the load's time limit and interrupt
// flag, and, for a one-graph load, the graph it names. Terms are checked where they get ids
// (CheckStorable): by the bulk loader once per new term, by transactions per quad.
class LoadGuard {
 public:
  explicit LoadGuard(const LoadOptions& options) : options_(options) {
    if (options.timeout.count() > 0) deadline_ = std::chrono::steady_clock::now() + options.timeout;
  }
  // The same limits for what the load's commit runs (rules, enforced shapes).
  storage::TxnLimits limits() const {
    storage::TxnLimits limits;
    if (deadline_) limits.deadline = *deadline_;
    limits.interrupt = options_.interrupt;
    return limits;
  }
  Status Admit(const rdf::QuadView& q) {
    if (options_.single_graph && q.graph.kind != TermKind::kDefaultGraph &&
        !(options_.graph && q.graph.kind == options_.graph->kind() &&
          q.graph.value == options_.graph->value())) {
      return Status::InvalidArgument(
          "a statement names the graph " + q.graph.ToTerm().ToNTriples() +
          ", but this load writes only into " +
          (options_.graph ? options_.graph->ToNTriples() : std::string("the default graph")) +
          " (nothing was written)");
    }
    if ((++statements_ & 1023) != 0) return Status::OK();
    if (options_.interrupt != nullptr && options_.interrupt->load(std::memory_order_relaxed)) {
      return Status::Interrupted("load interrupted");
    }
    if (deadline_ && std::chrono::steady_clock::now() > *deadline_) {
      return Status::Timeout("load timed out");
    }
    return Status::OK();
  }

 private:
  const LoadOptions& options_;
  std::optional<std::chrono::steady_clock::time_point> deadline_;
  uint64_t statements_ = 0;
};

std::string FileIri(const std::string& path) {
  if (path == "-") return "file:///dev/stdin";
  std::string abs = path;
  if (abs.empty() || abs[0] != '/') {
    std::error_code ec;
    abs = std::filesystem::absolute(path, ec).string();
  }
  return "file://" + abs;
}

}  // namespace

// Blank node labels are scoped to one load: a per-load prefix keeps them apart in the store.
std::string BlankPrefixForLoad() {
  static std::atomic<uint64_t> counter{0};
  const auto now = std::chrono::system_clock::now().time_since_epoch().count();
  return "b" + std::to_string(static_cast<uint64_t>(now) % 1000000007ULL) + "x" +
         std::to_string(counter++) + "_";
}

Result<std::unique_ptr<Database>> OpenDatabase(const std::string& path, const Options& options,
                                               rocksdb::Env* env) {
  SEXTANT_ASSIGN_OR_RETURN(auto store, storage::Store::Open(path, options, env));
  auto db = std::make_unique<DatabaseImpl>(std::move(store));
  SEXTANT_RETURN_IF_ERROR(db->OpenRules());
  return std::unique_ptr<Database>(std::move(db));
}

DatabaseImpl::DatabaseImpl(std::unique_ptr<storage::Store> store)
    : store_(std::move(store)),
      rules_(std::make_unique<rules::RuleEngine>(store_.get())),
      shapes_(std::make_unique<shacl::ShapeEnforcer>(store_.get())) {
  // Rules first: the shapes validate the state with the derived facts of the same commit.
  store_->AddCommitHook(rules_.get());
  store_->AddCommitHook(shapes_.get());
}

DatabaseImpl::~DatabaseImpl() {
  store_->RemoveCommitHook(shapes_.get());
  store_->RemoveCommitHook(rules_.get());
}

Status DatabaseImpl::OpenRules() {
  SEXTANT_RETURN_IF_ERROR(shapes_->Open());
  return rules_->Open();
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, const Options& options) {
  return OpenDatabase(path, options, nullptr);
}

std::unique_ptr<Snapshot> DatabaseImpl::GetSnapshot() const {
  return std::make_unique<SnapshotImpl>(store_.get());
}

Result<std::unique_ptr<Transaction>> DatabaseImpl::BeginTransaction() {
  SEXTANT_ASSIGN_OR_RETURN(auto txn, storage::WriteTxn::Begin(store_.get()));
  return std::unique_ptr<Transaction>(std::make_unique<TransactionImpl>(std::move(txn)));
}

namespace {

bool IsShapesGraph(const rdf::TermView& g) {
  return g.kind == TermKind::kIri && g.value == kShapesGraphIri;
}

// Beyond this many quads a load into a store that enforces shapes (one transaction, held in
// memory until it commits) is refused rather than let grow without bound.
constexpr uint64_t kMaxTransactionLoadQuads = 2'000'000;

// What both load paths (bulk and one-transaction) tell the parser; format and base are set
// by the caller that knows the input.
rdf::ParseOptions LoadParseOptions(const LoadOptions& options, const std::string& source) {
  rdf::ParseOptions po;
  po.source_name = source;
  po.lenient = options.lenient;
  po.blank_prefix = BlankPrefixForLoad();
  po.jsonld.contexts = options.jsonld;
  po.jsonld.keep_direction = true;
  po.progress = options.progress;
  return po;
}

}  // namespace

template <typename ParseFn>
Result<LoadStats> DatabaseImpl::LoadInTransaction(const LoadOptions& options,
                                                  const std::string& source, ParseFn&& parse) {
  SEXTANT_ASSIGN_OR_RETURN(auto txn, storage::WriteTxn::Begin(store_.get()));
  LoadStats stats;
  rdf::ParseOptions po = LoadParseOptions(options, source);
  const rdf::TermView target = options.graph ? rdf::TermView::Of(*options.graph) : rdf::TermView{};
  LoadGuard guard(options);
  txn->set_limits(guard.limits());
  auto on_quad = [&](const rdf::QuadView& q) -> Status {
    SEXTANT_RETURN_IF_ERROR(guard.Admit(q));
    rdf::QuadView copy = q;
    if (q.graph.kind == TermKind::kDefaultGraph && options.graph) copy.graph = target;
    SEXTANT_RETURN_IF_ERROR(storage::CheckStorable(copy));
    SEXTANT_ASSIGN_OR_RETURN(storage::IdQuad ids, txn->EncodeForInsert(copy));
    SEXTANT_RETURN_IF_ERROR(txn->Insert(ids).status());
    if (txn->inserted() > kMaxTransactionLoadQuads) {
      return Status::ResourceExhausted(
          "a load into a store that enforces shapes is one transaction, limited to " +
          std::to_string(kMaxTransactionLoadQuads) +
          " quads; drop the shapes (sextant shapes DB drop), load, and enforce them again");
    }
    return Status::OK();
  };
  constexpr size_t kMaxDiagnostics = 1000;
  auto on_error = [&](const LoadDiagnostic& d) {
    if (stats.diagnostics.size() < kMaxDiagnostics) stats.diagnostics.push_back(d);
  };
  auto parsed = parse(po, on_quad, on_error);
  if (!parsed.ok()) {
    txn->Rollback();
    return parsed.status();
  }
  stats.statements_read = parsed->statements;
  stats.statements_skipped = parsed->skipped;
  stats.quads_inserted = txn->inserted();  // before Commit, which resets the tallies
  SEXTANT_RETURN_IF_ERROR(txn->Commit());
  return stats;
}

template <typename ParseFn>
Result<LoadStats> DatabaseImpl::Load(const LoadOptions& options, const std::string& source,
                                     ParseFn&& parse) {
  if (options.graph && (options.graph->is_literal() || options.graph->is_triple())) {
    return Status::InvalidArgument("target graph must be an IRI");
  }
  // Enforced shapes see only transactions, and a load that brings shapes must be validated
  // against them before any of it commits: such loads are one transaction.
  if (shapes_->enforcing() ||
      (options.graph && options.graph->is_iri() && options.graph->value() == kShapesGraphIri)) {
    return LoadInTransaction(options, source, parse);
  }
  // Bulk loads bypass write transactions (and so the rule maintainer): the derived graph is
  // marked stale before the ingest and recomputed after it; Open() finishes the job after a crash.
  const bool rules_active = rules_->active();
  if (rules_active) SEXTANT_RETURN_IF_ERROR(rules::catalog::MarkStale(store_.get()));
  SEXTANT_ASSIGN_OR_RETURN(
      auto loader,
      storage::QuadLoader::Begin(store_.get(), options, storage::QuadLoader::NewTerms::kChecked));
  LoadStats stats;
  rdf::ParseOptions po = LoadParseOptions(options, source);
  const rdf::TermView target = options.graph ? rdf::TermView::Of(*options.graph) : rdf::TermView{};
  bool brings_shapes = false;
  LoadGuard guard(options);
  auto on_quad = [&](const rdf::QuadView& q) -> Status {
    SEXTANT_RETURN_IF_ERROR(guard.Admit(q));
    if (q.graph.kind == TermKind::kDefaultGraph && options.graph) {
      rdf::QuadView copy = q;
      copy.graph = target;
      return loader->Add(copy);
    }
    if (IsShapesGraph(q.graph)) {
      brings_shapes = true;
      return Status::Interrupted("the load brings shapes");
    }
    return loader->Add(q);
  };
  constexpr size_t kMaxDiagnostics = 1000;
  auto on_error = [&](const LoadDiagnostic& d) {
    if (stats.diagnostics.size() < kMaxDiagnostics) stats.diagnostics.push_back(d);
  };
  auto parsed = parse(po, on_quad, on_error);
  if (!parsed.ok()) {
    loader->Abort();
    loader.reset();
    if (rules_active) SEXTANT_RETURN_IF_ERROR(rules_->Rematerialize());
    if (!brings_shapes) return parsed.status();
    // Shapes in the input (a dump of a store that enforces shapes): load it again, whole, as
    // one transaction that the shapes validate.
    if (source == "-") {
      return Status::InvalidArgument(
          "standard input holds quads of the shapes graph <" + std::string(kShapesGraphIri) +
          ">: load it from a file (it is read twice) or enforce the shapes first");
    }
    return LoadInTransaction(options, source, parse);
  }
  stats.statements_read = parsed->statements;
  stats.statements_skipped = parsed->skipped;
  auto inserted = loader->Finish();
  std::optional<std::vector<storage::IdQuad>> fresh;
  if (inserted.ok() && loader->new_quads() != nullptr) fresh = std::move(*loader->new_quads());
  loader.reset();
  if (rules_active) {
    if (rules::testing::TakeFailAfterIngest()) {
      return Status::Internal("simulated crash after the bulk ingest");
    }
    // Small loads know their new quads: incremental maintenance; an SST ingest recomputes.
    const Status s = fresh ? rules_->MaintainAfterLoad(std::move(*fresh)) : rules_->Rematerialize();
    SEXTANT_RETURN_IF_ERROR(s.WithContext("materialising rules after the load"));
  }
  if (!inserted.ok()) return inserted.status();
  stats.quads_inserted = *inserted;
  return stats;
}

Result<LoadStats> DatabaseImpl::LoadFile(const std::string& path, const LoadOptions& options) {
  std::optional<RdfFormat> format = options.format;
  if (!format) format = RdfFormatFromPath(path);
  if (!format) {
    return Status::InvalidArgument("cannot tell the RDF format of '" + path +
                                   "' from its extension; give one (" +
                                   std::string(RdfFormatNameList()) + ")");
  }
  return Load(options, path, [&](rdf::ParseOptions& po, const auto& on_quad, const auto& on_error) {
    po.format = *format;
    po.base_iri = options.base_iri.empty() ? FileIri(path) : options.base_iri;
    return rdf::ParseFile(path, po, on_quad, on_error);
  });
}

// Goes through a write transaction, not the bulk loader: the bulk path only adds quads, and
// the removal has to commit together with the additions.
Result<LoadStats> DatabaseImpl::ReplaceGraph(std::string_view text, const LoadOptions& options) {
  rdf::ParseOptions po;
  po.format = options.format.value_or(RdfFormat::kTurtle);
  po.source_name = "<string>";
  po.base_iri = options.base_iri;
  po.blank_prefix = BlankPrefixForLoad();
  po.jsonld.contexts = options.jsonld;
  po.jsonld.keep_direction = true;
  const Term target = options.graph.value_or(Term::DefaultGraph());
  LoadGuard guard(options);
  SEXTANT_ASSIGN_OR_RETURN(auto store_txn, storage::WriteTxn::Begin(store_.get()));
  store_txn->set_limits(guard.limits());
  auto txn = std::make_unique<TransactionImpl>(std::move(store_txn));
  std::vector<Quad> old;
  QuadPattern in_target;
  in_target.graph = target;
  {
    // Closed before the removals: writes may invalidate the transaction's iterators.
    auto it = txn->Match(in_target);
    for (; it->Valid(); it->Next()) old.push_back(it->quad());
    SEXTANT_RETURN_IF_ERROR(it->status());
  }
  for (const Quad& q : old) SEXTANT_RETURN_IF_ERROR(txn->Remove(q));
  LoadStats stats;
  auto on_quad = [&](const rdf::QuadView& view) -> Status {
    SEXTANT_RETURN_IF_ERROR(guard.Admit(view));
    Quad q = view.ToQuad();
    if (q.graph.is_default_graph()) q.graph = target;
    ++stats.statements_read;
    return txn->Insert(q);
  };
  auto parsed = rdf::ParseString(text, po, on_quad, [](const LoadDiagnostic&) {});
  if (!parsed.ok()) {
    txn->Rollback();
    return parsed.status();
  }
  // Counted before Commit, which resets the transaction's tallies.
  stats.quads_inserted = txn->inserted();
  SEXTANT_RETURN_IF_ERROR(txn->Commit());
  return stats;
}

Result<LoadStats> DatabaseImpl::LoadString(std::string_view text, const LoadOptions& options) {
  if (options.replace_graph) return ReplaceGraph(text, options);
  const RdfFormat format = options.format.value_or(RdfFormat::kTurtle);
  return Load(options, "<string>",
              [&](rdf::ParseOptions& po, const auto& on_quad, const auto& on_error) {
                po.format = format;
                po.base_iri = options.base_iri;
                return rdf::ParseString(text, po, on_quad, on_error);
              });
}

Result<CheckReport> DatabaseImpl::Check() const {
  return storage::CheckStore(*store_);
}

namespace {

// A blank node is written by its id, not its stored label: a load prefixes labels to keep files
// apart, so writing them back would make them longer at every dump and reload.
Term DumpedBlank(storage::TermId id) {
  return Term::Blank("b" + std::to_string(storage::PayloadOf(id)));
}

// Blank nodes inside a triple term are named the same way, or after a reload they would no
// longer be the node the same label names outside it.
Result<Term> RenameNestedBlanks(const storage::DictionaryReader& dict, const Term& t) {
  if (t.is_blank()) {
    SEXTANT_ASSIGN_OR_RETURN(const storage::TermId id, dict.Lookup(rdf::TermView::Of(t)));
    return DumpedBlank(id);
  }
  if (!t.is_triple()) return t;
  std::array<Term, 3> parts;
  for (int k = 0; k < 3; ++k) {
    SEXTANT_ASSIGN_OR_RETURN(parts[static_cast<size_t>(k)], RenameNestedBlanks(dict, t.part(k)));
  }
  return Term::Triple(std::move(parts[0]), std::move(parts[1]), std::move(parts[2]));
}

Result<Term> DumpedTerm(const storage::DictionaryReader& dict, storage::TermId id) {
  if (storage::TagOf(id) == storage::IdTag::kBlank) return DumpedBlank(id);
  SEXTANT_ASSIGN_OR_RETURN(Term t, dict.Decode(id));
  if (!t.is_triple()) return t;
  return RenameNestedBlanks(dict, t);
}

}  // namespace

using PrefixPairs = std::vector<std::pair<std::string, std::string>>;

Status DatabaseImpl::Dump(std::ostream& out, const DumpOptions& options) const {
  SnapshotImpl snap(store_.get());
  storage::IdQuad pattern{storage::kNoId, storage::kNoId, storage::kNoId, storage::kNoId};
  if (options.graph) {
    SEXTANT_ASSIGN_OR_RETURN(pattern[storage::kG],
                             snap.dictionary().Lookup(rdf::TermView::Of(*options.graph)));
    if (pattern[storage::kG] == storage::kNoId) return Status::OK();
  }
  // Graph-first order groups quads by graph then subject, which is what TriG/Turtle want.
  // The default graph lives only in the s/p/o-first indexes, so it is written first from spog.
  std::unique_ptr<QuadWriter> writer;
  if (options.format == RdfFormat::kJsonLd && !options.jsonld_context.empty()) {
    SEXTANT_ASSIGN_OR_RETURN(writer, MakeJsonLdWriter(out, options.jsonld_context));
  } else {
    // JSON-LD gets the common prefixes as its context; the other formats stay as they were.
    writer =
        MakeQuadWriter(options.format, out,
                       options.format == RdfFormat::kJsonLd ? CommonPrefixes() : PrefixPairs{});
  }
  auto write_scan = [&](storage::IdScan& scan) -> Status {
    Quad q;
    for (; scan.Valid(); scan.Next()) {
      const auto& ids = scan.quad();
      // Derived facts are rules' output, not data: a dump reloads without them (ask for the
      // graph by name to see them).
      if (!options.graph && ids[storage::kG] == store_->derived_graph()) continue;
      Term* dst[4] = {&q.subject, &q.predicate, &q.object, &q.graph};
      for (int i = 0; i < 4; ++i) {
        SEXTANT_ASSIGN_OR_RETURN(*dst[i], DumpedTerm(snap.dictionary(), ids[i]));
      }
      SEXTANT_RETURN_IF_ERROR(writer->Write(q));
    }
    return scan.status();
  };
  const bool want_default = !options.graph || pattern[storage::kG] == storage::kDefaultGraphId;
  const bool want_named = !options.graph || pattern[storage::kG] != storage::kDefaultGraphId;
  if (want_default) {
    storage::IdQuad p{storage::kNoId, storage::kNoId, storage::kNoId, storage::kDefaultGraphId};
    storage::IdScan scan(store_.get(), snap.rocks_snapshot(), p,
                         {storage::IndexOrder::kSPOG, 0, true});
    SEXTANT_RETURN_IF_ERROR(write_scan(scan));
  }
  if (want_named) {
    const int prefix = options.graph ? 1 : 0;
    storage::IdScan scan(store_.get(), snap.rocks_snapshot(), pattern,
                         {storage::IndexOrder::kGSPO, prefix, false});
    SEXTANT_RETURN_IF_ERROR(write_scan(scan));
  }
  SEXTANT_RETURN_IF_ERROR(writer->Finish());
  out.flush();
  if (!out) return Status::IOError("cannot write the dump (disk full or closed output?)");
  return Status::OK();
}

Result<std::shared_ptr<const ast::Statement>> DatabaseImpl::ParsedQuery(
    std::string_view sparql, const QueryOptions& options) {
  const std::string key = StatementCache::KeyOf(sparql, options);
  if (auto statement = statements_.Find(key)) return statement;
  SEXTANT_ASSIGN_OR_RETURN(auto statement, ParseQueryText(sparql, options));
  statements_.Put(key, statement);
  return statement;
}

Result<std::unique_ptr<QueryCursor>> DatabaseImpl::Query(std::string_view sparql,
                                                         const QueryOptions& options) {
  SEXTANT_ASSIGN_OR_RETURN(auto statement, ParsedQuery(sparql, options));
  if (statement->explain_why) return ExplainStatement(*statement);
  return ExecuteQuery(std::move(statement), std::make_shared<SnapshotState>(store_.get()), options,
                      {});
}

Result<UpdateStats> DatabaseImpl::Update(std::string_view sparql, const QueryOptions& options) {
  SEXTANT_ASSIGN_OR_RETURN(auto statement, ParseStatement(sparql, options));
  if (statement->is_query()) {
    return Status::InvalidArgument("this is a query, not an update: run it with Query()");
  }
  return ExecuteUpdate(store_.get(), statement->update(), options);
}

Result<std::unique_ptr<PreparedQuery>> DatabaseImpl::Prepare(std::string_view sparql,
                                                             const QueryOptions& options) {
  SEXTANT_ASSIGN_OR_RETURN(auto statement, ParsedQuery(sparql, options));
  if (statement->explain_why) {
    return Status::InvalidArgument("EXPLAIN WHY cannot be prepared: run it with Query()");
  }
  return std::unique_ptr<PreparedQuery>(std::make_unique<PreparedQueryImpl>(
      store_.get(), std::move(statement), options, std::string(sparql)));
}

}  // namespace sextant
