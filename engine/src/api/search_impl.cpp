// Database's full-text search and text index settings (docs/SEARCH.md).
#include <chrono>

#include "api/database_impl.h"
#include "api/snapshot_impl.h"
#include "storage/id_scan.h"
#include "storage/stats_keys.h"
#include "storage/text_keys.h"
#include "storage/text_rebuild.h"
#include "storage/text_search.h"
#include "storage/write_txn.h"
#include "text/snippet.h"

namespace sextant {
namespace {

using storage::IdQuad;
using storage::TermId;

storage::TextSearchBudget BudgetOf(const SearchOptions& options) {
  const auto deadline = options.timeout.count() > 0
                            ? std::chrono::steady_clock::now() + options.timeout
                            : std::chrono::steady_clock::time_point::max();
  return [deadline, &options](uint64_t bytes) {
    if (options.interrupt != nullptr && options.interrupt->load()) {
      return Status::Interrupted("search interrupted");
    }
    if (std::chrono::steady_clock::now() > deadline) {
      return Status::Timeout("search exceeded its time limit of " +
                             std::to_string(options.timeout.count()) + " ms");
    }
    if (bytes > options.max_memory_bytes) {
      return Status::ResourceExhausted("search exceeded its memory limit of " +
                                       std::to_string(options.max_memory_bytes >> 20) +
                                       " MB (narrow the search terms)");
    }
    return Status::OK();
  };
}

}  // namespace

Result<std::vector<SearchHit>> DatabaseImpl::Search(std::string_view text,
                                                    const SearchOptions& options) const {
  SEXTANT_RETURN_IF_ERROR(storage::TextIndexUsable(*store_));
  text::Analyzer analyzer;
  SEXTANT_ASSIGN_OR_RETURN(const auto query, text::ParseTextQuery(text, &analyzer));
  SnapshotImpl snapshot(store_.get());
  const auto budget = BudgetOf(options);
  // Literals are ranked first; facts come from each literal's quads until `limit` rows.
  SEXTANT_ASSIGN_OR_RETURN(
      auto found, storage::SearchText(*store_, snapshot.rocks_snapshot(), query, 0, budget));
  const auto config = store_->text_config();
  std::vector<SearchHit> hits;
  std::unique_ptr<rocksdb::Iterator> ospg;
  for (const auto& hit : found.hits) {
    if (options.limit > 0 && hits.size() >= options.limit) break;
    SEXTANT_RETURN_IF_ERROR(budget(0));
    SEXTANT_ASSIGN_OR_RETURN(Term literal, snapshot.dictionary().Decode(hit.literal));
    std::string snippet;
    if (options.snippets) {
      const std::string lang = literal.language().empty() ? config->untagged_language
                                                          : text::LanguageOf(literal.language());
      snippet = text::Snippet(&analyzer, literal.value(), lang, found.terms, found.prefixes);
    }
    const IdQuad pattern{storage::kNoId, storage::kNoId, hit.literal, storage::kNoId};
    storage::IdScan scan(store_.get(), snapshot.rocks_snapshot(), pattern,
                         storage::ChooseIndex(pattern));
    for (; scan.Valid(); scan.Next()) {
      const IdQuad& q = scan.quad();
      if (!config->Indexes(q[storage::kP], q[storage::kG])) continue;
      SearchHit out;
      SEXTANT_ASSIGN_OR_RETURN(out.subject, snapshot.dictionary().Decode(q[storage::kS]));
      SEXTANT_ASSIGN_OR_RETURN(out.predicate, snapshot.dictionary().Decode(q[storage::kP]));
      SEXTANT_ASSIGN_OR_RETURN(out.graph, snapshot.dictionary().Decode(q[storage::kG]));
      out.literal = literal;
      out.score = hit.score;
      out.snippet = snippet;
      hits.push_back(std::move(out));
      if (options.limit > 0 && hits.size() >= options.limit) break;
    }
    SEXTANT_RETURN_IF_ERROR(scan.status());
  }
  return hits;
}

Result<TextIndexSettings> DatabaseImpl::GetTextIndexSettings() const {
  const auto config = store_->text_config();
  SnapshotImpl snapshot(store_.get());
  TextIndexSettings out;
  out.enabled = config->enabled;
  out.untagged_language = config->untagged_language;
  for (TermId id : config->predicates) {
    SEXTANT_ASSIGN_OR_RETURN(Term t, snapshot.dictionary().Decode(id));
    out.predicates.push_back(std::move(t));
  }
  for (TermId id : config->graphs) {
    SEXTANT_ASSIGN_OR_RETURN(Term t, snapshot.dictionary().Decode(id));
    out.graphs.push_back(std::move(t));
  }
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot.rocks_snapshot();
  std::string value;
  const auto s =
      store_->db()->Get(ro, store_->text_stats(), storage::text_keys::DocCount(), &value);
  if (s.ok() && value.size() == 8) {
    out.documents = static_cast<uint64_t>(storage::stats_keys::DecodeValue(value.data()));
  } else if (!s.ok() && !s.IsNotFound()) {
    return storage::FromRocks(s, "reading text index statistics");
  }
  return out;
}

Status DatabaseImpl::ConfigureTextIndex(const TextIndexSettings& settings) {
  storage::TextConfig config;
  config.enabled = settings.enabled;
  config.untagged_language = text::LanguageOf(settings.untagged_language);
  for (const auto& t : settings.predicates) {
    if (!t.is_iri()) return Status::InvalidArgument("an indexed predicate must be an IRI");
  }
  for (const auto& t : settings.graphs) {
    if (!t.is_iri() && !t.is_default_graph()) {
      return Status::InvalidArgument("an indexed graph must be an IRI or the default graph");
    }
  }
  {
    // Ids for the configuration's terms (a predicate not yet in the store gets one now).
    SEXTANT_ASSIGN_OR_RETURN(auto txn, storage::WriteTxn::Begin(store_.get()));
    for (const auto& t : settings.predicates) {
      SEXTANT_ASSIGN_OR_RETURN(TermId id, txn->dictionary().GetOrCreate(rdf::TermView::Of(t)));
      config.predicates.push_back(id);
    }
    for (const auto& t : settings.graphs) {
      SEXTANT_ASSIGN_OR_RETURN(TermId id, txn->dictionary().GetOrCreate(rdf::TermView::Of(t)));
      config.graphs.push_back(id);
    }
    SEXTANT_RETURN_IF_ERROR(txn->Commit());
  }
  std::sort(config.predicates.begin(), config.predicates.end());
  config.predicates.erase(std::unique(config.predicates.begin(), config.predicates.end()),
                          config.predicates.end());
  std::sort(config.graphs.begin(), config.graphs.end());
  config.graphs.erase(std::unique(config.graphs.begin(), config.graphs.end()), config.graphs.end());
  return storage::RebuildTextIndex(store_.get(), config);
}

Status DatabaseImpl::RebuildTextIndex() {
  return storage::RebuildTextIndex(store_.get());
}

}  // namespace sextant
