#include "api/query_impl.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <deque>
#include <set>
#include <vector>

#include "federation/http_service_client.h"
#include "grammar/parse.h"
#include "query/planner.h"
#include "query/query_context.h"

namespace sextant {
namespace {

using query::kNoId;
using query::TermId;

std::string NowLexical() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

class CursorImpl : public QueryCursor {
 public:
  CursorImpl(std::shared_ptr<const ast::Statement> statement,
             std::shared_ptr<SnapshotState> snapshot)
      : statement_(std::move(statement)),
        snapshot_(std::move(snapshot)),
        qc_(std::make_unique<query::QueryContext>(snapshot_->store, snapshot_->snapshot,
                                                  &snapshot_->dict)) {
    qc_->data_version = snapshot_->data_version;
  }

  Status Init(const QueryOptions& options,
              const std::vector<std::pair<std::string, Term>>& bindings) {
    const ast::Query& q = statement_->query();
    if (options.timeout.count() > 0) {
      qc_->control.deadline = std::chrono::steady_clock::now() + options.timeout;
    }
    qc_->control.interrupt = options.interrupt;
    qc_->control.max_materialized_rows = options.max_intermediate_rows;
    qc_->control.max_memory_bytes = options.max_memory_bytes;
    service_ = std::make_unique<federation::HttpServiceClient>(options.service);
    qc_->service = service_.get();
    qc_->eval.now_lexical = NowLexical();
    if (!options.include_derived) qc_->hidden_graph = snapshot_->store->derived_graph();
    query::QueryContext* qc = qc_.get();
    qc_->eval.exists = [qc](int index, const TermId* row) {
      return query::EvaluateExists(qc, index, row);
    };
    auto ids_of = [&](const std::vector<std::string>& iris) {
      std::vector<TermId> out;
      for (const auto& iri : iris) {
        auto id = qc_->terms.LookupStored(Term::Iri(iri));
        out.push_back(id.ok() ? *id : kNoId);
      }
      return out;
    };
    if (options.dataset) {
      qc_->default_graphs = ids_of(options.dataset->default_graphs);
      qc_->named_graphs = ids_of(options.dataset->named_graphs);
    } else if (!q.from.empty() || !q.from_named.empty()) {
      qc_->default_graphs = ids_of(q.from);
      qc_->named_graphs = ids_of(q.from_named);
    } else if (options.default_graph == DefaultGraph::kStandard) {
      qc_->default_graphs = std::vector<TermId>{storage::kDefaultGraphId};
    }
    std::vector<std::pair<std::string, TermId>> seed;
    seed.reserve(bindings.size());
    for (const auto& [name, term] : bindings) seed.emplace_back(name, qc_->terms.Intern(term));
    query::Planner planner(qc_.get());
    SEXTANT_ASSIGN_OR_RETURN(plan_, planner.Plan(q, seed));
    batch_ = std::make_unique<query::RowBatch>(plan_->root->width());
    switch (q.form) {
      case ast::QueryForm::kSelect: form_ = QueryForm::kSelect; break;
      case ast::QueryForm::kAsk: form_ = QueryForm::kAsk; break;
      case ast::QueryForm::kConstruct: form_ = QueryForm::kConstruct; break;
      case ast::QueryForm::kDescribe: form_ = QueryForm::kDescribe; break;
    }
    if (form_ == QueryForm::kSelect) variables_ = plan_->projected;
    row_.resize(variables_.size());
    return Status::OK();
  }

  QueryForm form() const override { return form_; }
  const std::vector<std::string>& variables() const override { return variables_; }
  const std::vector<std::optional<Term>>& row() const override { return row_; }
  const Quad& triple() const override { return triple_; }
  Status status() const override { return status_; }
  bool explain_requested() const override { return statement_->explain; }
  bool analyze_requested() const override { return statement_->analyze; }
  std::string Explain(bool analyze) const override {
    return query::ExplainTree(*plan_->root, analyze);
  }

  bool boolean() override {
    if (!boolean_) boolean_ = NextRow() != nullptr;
    return *boolean_;
  }

  bool Next() override {
    switch (form_) {
      case QueryForm::kSelect: {
        const TermId* r = NextRow();
        if (r == nullptr) return false;
        for (size_t i = 0; i < variables_.size(); ++i) {
          const TermId id = r[plan_->projected_slots[i]];
          if (id == kNoId) {
            row_[i].reset();
            continue;
          }
          if (const Term* t = BatchTerm(id)) {
            row_[i] = *t;
            continue;
          }
          auto t = qc_->terms.Decode(id);
          if (!t.ok()) return Fail(t.status());
          row_[i] = **t;
        }
        return true;
      }
      case QueryForm::kAsk: return false;
      case QueryForm::kConstruct:
      case QueryForm::kDescribe: return NextTriple();
    }
    return false;
  }

 private:
  bool Fail(Status s) {
    if (status_.ok()) status_ = std::move(s);
    return false;
  }

  // The next solution row, or nullptr at the end / on error.
  const TermId* NextRow() {
    if (!status_.ok()) return nullptr;
    if (pos_ >= batch_->size()) {
      pos_ = 0;
      if (done_ || !plan_->root->Next(*batch_)) {
        done_ = true;
        if (!qc_->control.status.ok()) Fail(qc_->control.status);
        if (batch_->empty()) return nullptr;
      }
      if (batch_->empty()) return nullptr;
      if (form_ == QueryForm::kSelect && !DecodeBatch()) return nullptr;
    }
    return batch_->row(pos_++);
  }

  // Decodes the projected dictionary terms of a fresh batch in one sorted pass. They are
  // kept for this batch only, so streaming a huge result holds one batch of terms at a time.
  bool DecodeBatch() {
    batch_ids_.clear();
    batch_decoded_.clear();
    for (size_t r = 0; r < batch_->size(); ++r) {
      const TermId* row = batch_->row(r);
      for (int slot : plan_->projected_slots) {
        if (storage::IsDictionary(row[slot])) batch_ids_.push_back(row[slot]);
      }
    }
    if (batch_ids_.size() < 2) {  // one Get does as well
      batch_ids_.clear();
      return true;
    }
    std::sort(batch_ids_.begin(), batch_ids_.end());
    batch_ids_.erase(std::unique(batch_ids_.begin(), batch_ids_.end()), batch_ids_.end());
    if (Status s = snapshot_->dict.DecodeMany(batch_ids_, &batch_decoded_); !s.ok()) {
      return Fail(std::move(s));
    }
    return true;
  }

  // The decoded term of `id` in the current batch, or nullptr.
  const Term* BatchTerm(TermId id) const {
    const auto it = std::lower_bound(batch_ids_.begin(), batch_ids_.end(), id);
    if (it == batch_ids_.end() || *it != id) return nullptr;
    return &batch_decoded_[static_cast<size_t>(it - batch_ids_.begin())];
  }

  // CONSTRUCT: instantiates the template per solution; DESCRIBE: the triples whose subject is
  // a described resource. Both are sets: a triple is given once.
  bool NextTriple() {
    while (pending_.empty()) {
      if (form_ == QueryForm::kDescribe && describe_started_) return false;
      const TermId* r = NextRow();
      if (form_ == QueryForm::kConstruct) {
        if (r == nullptr) return false;
        ++solution_;
        for (const auto& t : statement_->query().construct_template) Instantiate(t, r);
      } else {
        if (r != nullptr) {
          CollectDescribeTargets(r);
          continue;
        }
        if (!status_.ok()) return false;
        if (!statement_->query().where) CollectDescribeTargets(nullptr);
        describe_started_ = true;
        DescribeAll();
      }
    }
    triple_ = std::move(pending_.front());
    pending_.pop_front();
    return true;
  }

  std::optional<Term> Resolve(const ast::VarOrTerm& v, const TermId* row) {
    return ast::InstantiateTerm(v,
                                [&](const ast::VarOrTerm& leaf) { return ResolveLeaf(leaf, row); });
  }
  std::optional<Term> ResolveLeaf(const ast::VarOrTerm& v, const TermId* row) {
    if (const auto* var = std::get_if<ast::Variable>(&v)) {
      const int slot = plan_->vars.Find(var->name);
      if (slot < 0 || row[slot] == kNoId) return std::nullopt;
      auto t = qc_->terms.Decode(row[slot]);
      if (!t.ok()) return std::nullopt;
      return **t;
    }
    const Term& t = std::get<Term>(v);
    if (t.is_blank()) return Term::Blank("c" + std::to_string(solution_) + "_" + t.value());
    return t;
  }

  void Instantiate(const ast::TriplePattern& t, const TermId* row) {
    const auto* pred = std::get_if<Term>(&t.predicate);
    std::optional<Term> p;
    if (pred != nullptr) {
      p = *pred;
    } else if (const auto* var = std::get_if<ast::Variable>(&t.predicate)) {
      p = Resolve(ast::VarOrTerm(*var), row);
    }
    auto s = Resolve(t.subject, row);
    auto o = Resolve(t.object, row);
    // Unbound or invalid: skipped (a triple term is an object only).
    if (!s || !p || !o || s->is_literal() || s->is_triple() || !p->is_iri()) return;
    Quad q{std::move(*s), std::move(*p), std::move(*o), Term::DefaultGraph()};
    if (seen_.insert(q.ToNQuads()).second) pending_.push_back(std::move(q));
  }

  void CollectDescribeTargets(const TermId* row) {
    for (const auto& target : statement_->query().describe) {
      if (const auto* var = std::get_if<ast::Variable>(&target)) {
        const int slot = plan_->vars.Find(var->name);
        if (row != nullptr && slot >= 0 && row[slot] != kNoId) describe_ids_.insert(row[slot]);
      } else {
        auto id = qc_->terms.LookupStored(std::get<Term>(target));
        if (id.ok() && *id != kNoId) describe_ids_.insert(*id);
      }
    }
    if (statement_->query().select_all && row != nullptr) {
      for (int slot : plan_->projected_slots) {
        if (row[slot] != kNoId) describe_ids_.insert(row[slot]);
      }
    }
  }

  // Whether a quad of graph `g` is in the query's default graph (DESCRIBE reads only that).
  bool InDefaultGraph(TermId g) const {
    if (g == qc_->hidden_graph) return false;
    return !qc_->default_graphs ||
           std::find(qc_->default_graphs->begin(), qc_->default_graphs->end(), g) !=
               qc_->default_graphs->end();
  }

  void DescribeAll() {
    for (TermId id : describe_ids_) {
      storage::IdQuad pattern{id, kNoId, kNoId, kNoId};
      storage::IdScan scan = qc_->Scan(pattern);
      for (; scan.Valid(); scan.Next()) {
        if (!InDefaultGraph(scan.quad()[storage::kG])) continue;
        Quad q;
        Term* dst[3] = {&q.subject, &q.predicate, &q.object};
        bool ok = true;
        for (int i = 0; i < 3 && ok; ++i) {
          auto t = qc_->terms.Decode(scan.quad()[i]);
          if (!t.ok()) {
            Fail(t.status());
            ok = false;
          } else {
            *dst[i] = **t;
          }
        }
        if (ok && seen_.insert(q.ToNQuads()).second) pending_.push_back(std::move(q));
      }
    }
  }

  std::shared_ptr<const ast::Statement> statement_;
  std::shared_ptr<SnapshotState> snapshot_;
  std::unique_ptr<query::ServiceClient> service_;
  std::unique_ptr<query::QueryContext> qc_;
  std::unique_ptr<query::PlannedQuery> plan_;
  std::unique_ptr<query::RowBatch> batch_;
  size_t pos_ = 0;
  std::vector<TermId> batch_ids_;  // sorted; batch_decoded_[i] is the term of batch_ids_[i]
  std::vector<Term> batch_decoded_;
  bool done_ = false;
  QueryForm form_ = QueryForm::kSelect;
  std::vector<std::string> variables_;
  std::vector<std::optional<Term>> row_;
  std::optional<bool> boolean_;
  Quad triple_;
  std::deque<Quad> pending_;
  std::set<std::string> seen_;
  uint64_t solution_ = 0;
  std::set<TermId> describe_ids_;
  bool describe_started_ = false;
  Status status_;
};

// EXPLAIN WHY: no rows; the explanation is what the caller prints for an EXPLAIN.
class ExplanationCursor : public QueryCursor {
 public:
  explicit ExplanationCursor(std::string text) : text_(std::move(text)) {}
  QueryForm form() const override { return QueryForm::kSelect; }
  const std::vector<std::string>& variables() const override { return variables_; }
  bool Next() override { return false; }
  const std::vector<std::optional<Term>>& row() const override { return row_; }
  const Quad& triple() const override { return triple_; }
  bool boolean() override { return false; }
  Status status() const override { return Status::OK(); }
  std::string Explain(bool /*analyze*/) const override { return text_; }
  bool explain_requested() const override { return true; }
  bool analyze_requested() const override { return false; }

 private:
  std::string text_;
  std::vector<std::string> variables_;
  std::vector<std::optional<Term>> row_;
  Quad triple_;
};

}  // namespace

std::unique_ptr<QueryCursor> MakeExplanationCursor(std::string text) {
  return std::make_unique<ExplanationCursor>(std::move(text));
}

Result<std::shared_ptr<const ast::Statement>> ParseStatement(std::string_view text,
                                                             const QueryOptions& options) {
  ParseOptions po;
  po.prefixes = ParseOptions::DefaultPrefixes(options.store_namespace);
  po.prefixes.insert(po.prefixes.end(), options.prefixes.begin(), options.prefixes.end());
  po.base_iri = options.base_iri;
  po.source_name = options.source_name;
  SEXTANT_ASSIGN_OR_RETURN(ast::Statement statement, Parse(text, po));
  return std::shared_ptr<const ast::Statement>(
      std::make_shared<ast::Statement>(std::move(statement)));
}

Result<std::shared_ptr<const ast::Statement>> ParseQueryText(std::string_view text,
                                                             const QueryOptions& options) {
  SEXTANT_ASSIGN_OR_RETURN(auto statement, ParseStatement(text, options));
  if (!statement->is_query()) {
    return Status::InvalidArgument(
        "this is an update request, not a query: run it with Update() / `sextant update`");
  }
  return statement;
}

Result<std::unique_ptr<QueryCursor>> ExecuteQuery(
    std::shared_ptr<const ast::Statement> statement, std::shared_ptr<SnapshotState> snapshot,
    const QueryOptions& options, const std::vector<std::pair<std::string, Term>>& bindings) {
  auto cursor = std::make_unique<CursorImpl>(std::move(statement), std::move(snapshot));
  SEXTANT_RETURN_IF_ERROR(cursor->Init(options, bindings));
  return std::unique_ptr<QueryCursor>(std::move(cursor));
}

namespace {

// SPARQL VARNAME characters; bytes >= 0x80 stand for the non-ASCII letters it allows.
bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Whether the text has ?name or $name; a mention inside a string or comment is let through.
bool MentionsVariable(std::string_view text, std::string_view name) {
  for (size_t i = text.find(name); i != std::string_view::npos; i = text.find(name, i + 1)) {
    const bool sigil = i > 0 && (text[i - 1] == '?' || text[i - 1] == '$');
    const size_t end = i + name.size();
    if (sigil && (end == text.size() || !IsNameChar(text[end]))) return true;
  }
  return false;
}

}  // namespace

// A typo in a parameter name would otherwise bind nothing and run the query unconstrained.
Status PreparedQueryImpl::Bind(const std::string& raw_name, const Term& value) {
  std::string_view view(raw_name);
  if (!view.empty() && (view.front() == '?' || view.front() == '$')) view.remove_prefix(1);
  if (view.empty()) return Status::InvalidArgument("parameter name is empty");
  for (char c : view) {
    if (!IsNameChar(c)) return Status::InvalidArgument("'" + raw_name + "' is not a variable name");
  }
  if (!MentionsVariable(text_, view)) {
    return Status::InvalidArgument("the query has no variable ?" + std::string(view));
  }
  const std::string name(view);
  if (value.is_default_graph()) {
    return Status::InvalidArgument("cannot bind ?" + name + " to the default graph");
  }
  for (auto& [n, v] : bindings_) {
    if (n == name) {
      v = value;
      return Status::OK();
    }
  }
  bindings_.emplace_back(name, value);
  return Status::OK();
}

Result<std::unique_ptr<QueryCursor>> PreparedQueryImpl::Execute() {
  return ExecuteQuery(statement_, std::make_shared<SnapshotState>(store_), options_, bindings_);
}

}  // namespace sextant
