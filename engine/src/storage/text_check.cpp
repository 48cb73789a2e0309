#include "storage/text_check.h"

#include <map>
#include <memory>

#include "storage/stats_keys.h"
#include "storage/text_document.h"
#include "storage/text_keys.h"

namespace sextant::storage {
namespace {

uint64_t MixBits(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

uint64_t HashEntry(std::string_view key, std::string_view value) {
  return MixBits(std::hash<std::string_view>()(key) ^
                 MixBits(std::hash<std::string_view>()(value)));
}

// Order-independent: count and sum of entry hashes.
struct EntrySet {
  uint64_t count = 0;
  uint64_t sum = 0;
  void Add(std::string_view key, std::string_view value) {
    ++count;
    sum += HashEntry(key, value);
  }
};

}  // namespace

Status CheckTextIndex(const Store& store, const rocksdb::ReadOptions& ro,
                      const std::function<void(std::string)>& problem, CheckReport* report) {
  std::string pending;
  const auto ps = store.db()->Get(ro, store.meta(), std::string(TextConfig::kPendingKey), &pending);
  if (ps.ok()) {
    // Searches refuse such an index and the next writable open rebuilds it: not damage.
    report->text_index_pending = true;
    return Status::OK();
  }
  if (!ps.IsNotFound()) return FromRocks(ps, "reading the text index state");
  const auto config = store.text_config();

  // What the index should hold, from the quads and the dictionary.
  EntrySet want_postings, want_docs;
  std::map<std::string, int64_t> want_stats;
  if (config->enabled) {
    std::unique_ptr<rocksdb::Iterator> ospg(
        store.db()->NewIterator(ro, store.index(IndexOrder::kOSPG)));
    std::unique_ptr<rocksdb::Iterator> terms(store.db()->NewIterator(ro, store.id2term()));
    text::Analyzer analyzer;
    TextDocument doc;
    TermId last = kNoId;
    char first[8];
    PutBigEndian(first, MakeId(IdTag::kLiteral, 0));
    for (ospg->Seek(rocksdb::Slice(first, 8)); ospg->Valid(); ospg->Next()) {
      const IdQuad q = DecodeKey(IndexOrder::kOSPG, ospg->key().data());
      if (TagOf(q[kO]) != IdTag::kLiteral) break;
      if (q[kO] == last || !config->Indexes(q[kP], q[kG])) continue;
      last = q[kO];
      const std::string id = text_keys::Doc(q[kO]);
      terms->Seek(id);
      if (!terms->Valid() || terms->key() != id) continue;  // the dictionary check reports it
      if (!AnalyzeLiteral(&analyzer, terms->value().ToStringView(), *config, &doc)) continue;
      for (const auto& [term, value] : doc.postings) {
        want_postings.Add(text_keys::Posting(term, q[kO]), value);
      }
      std::string length;
      text_keys::PutVarint(&length, doc.length);
      want_docs.Add(id, length);
      ++want_stats[text_keys::DocCount()];
      want_stats[text_keys::TotalLength()] += doc.length;
      ++want_stats[text_keys::Language(doc.language)];
    }
    SEXTANT_RETURN_IF_ERROR(FromRocks(ospg->status(), "text check: reading quads"));
  }

  // What it holds. Postings come in term order, and so do the document frequencies, so the
  // two are compared in one walk.
  EntrySet have_postings, have_docs;
  std::map<std::string, int64_t> have_stats;
  std::unique_ptr<rocksdb::Iterator> stats(store.db()->NewIterator(ro, store.text_stats()));
  for (stats->SeekToFirst(); stats->Valid(); stats->Next()) {
    if (stats->value().size() != 8) {
      problem("text index statistics entry with a " + std::to_string(stats->value().size()) +
              "-byte value");
      continue;
    }
    const int64_t v = stats_keys::DecodeValue(stats->value().data());
    if (v != 0) have_stats[stats->key().ToString()] = v;
  }
  SEXTANT_RETURN_IF_ERROR(FromRocks(stats->status(), "text check: reading statistics"));
  std::map<std::string, int64_t> counted_df;
  {
    std::unique_ptr<rocksdb::Iterator> it(store.db()->NewIterator(ro, store.text_postings()));
    std::string term;
    int64_t count = 0;
    auto flush = [&]() {
      if (count > 0) want_stats[text_keys::DocFrequency(term)] = count;
      count = 0;
    };
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      const std::string_view key = it->key().ToStringView();
      have_postings.Add(key, it->value().ToStringView());
      ++report->text_postings;
      const std::string_view t = text_keys::TermOfPosting(key);
      if (t != term) {
        flush();
        term = std::string(t);
      }
      ++count;
    }
    flush();
    SEXTANT_RETURN_IF_ERROR(FromRocks(it->status(), "text check: reading postings"));
  }
  {
    std::unique_ptr<rocksdb::Iterator> it(store.db()->NewIterator(ro, store.text_docs()));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      have_docs.Add(it->key().ToStringView(), it->value().ToStringView());
      ++report->text_documents;
    }
    SEXTANT_RETURN_IF_ERROR(FromRocks(it->status(), "text check: reading documents"));
  }

  if (have_docs.count != want_docs.count || have_docs.sum != want_docs.sum) {
    problem("text index documents disagree with the literals: " + std::to_string(have_docs.count) +
            " indexed, " + std::to_string(want_docs.count) + " literals should be");
  }
  if (have_postings.count != want_postings.count || have_postings.sum != want_postings.sum) {
    problem("text index postings disagree with the literals' text: " +
            std::to_string(have_postings.count) + " stored, " +
            std::to_string(want_postings.count) + " expected");
  }
  auto describe = [](const std::string& key) {
    if (key == text_keys::DocCount()) return std::string("text statistic 'documents'");
    if (key == text_keys::TotalLength()) return std::string("text statistic 'total length'");
    if (key[0] == 'g') return "text statistic 'documents in language \"" + key.substr(1) + "\"'";
    return "text statistic 'document frequency of \"" + key.substr(1) + "\"'";
  };
  for (const auto& [key, value] : have_stats) {
    const auto it = want_stats.find(key);
    const int64_t want = it == want_stats.end() ? 0 : it->second;
    if (value != want) {
      problem(describe(key) + " is " + std::to_string(value) + ", recount gives " +
              std::to_string(want));
    }
  }
  for (const auto& [key, value] : want_stats) {
    if (value != 0 && !have_stats.contains(key)) {
      problem(describe(key) + " is missing (recount gives " + std::to_string(value) + ")");
    }
  }
  return Status::OK();
}

}  // namespace sextant::storage
