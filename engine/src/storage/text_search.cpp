#include "storage/text_search.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <utility>

#include "storage/stats_keys.h"
#include "storage/text_keys.h"

namespace sextant::storage {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr uint64_t kBudgetEvery = 4096;
// A word whose postings outnumber the literals still in question by this much is looked up
// in those literals (one point lookup each, batched) instead of being read whole.
constexpr double kLookupRatio = 8;

struct Scored {
  TermId doc = kNoId;
  double score = 0;
};
using ScoredList = std::vector<Scored>;  // by doc id

// One literal's occurrences of a term (or of a term's variants together).
struct Occurrences {
  TermId doc = kNoId;
  uint32_t doc_length = 0;
  std::vector<uint32_t> positions;  // empty unless asked for
  uint32_t frequency = 0;
};

class TextEvaluator {
 public:
  TextEvaluator(const Store& store, const rocksdb::Snapshot* snapshot,
                const TextSearchBudget& budget, TextSearchResult* result)
      : store_(store), budget_(budget), result_(result) {
    ro_.snapshot = snapshot;
  }

  Status Init() {
    std::unique_ptr<rocksdb::Iterator> it(store_.db()->NewIterator(ro_, store_.text_stats()));
    int64_t total_length = 0;
    auto value = [&]() {
      return it->value().size() == 8 ? stats_keys::DecodeValue(it->value().data()) : 0;
    };
    for (it->Seek("g"); it->Valid() && it->key().starts_with("g"); it->Next()) {
      if (value() > 0) languages_.push_back(it->key().ToString().substr(1));
    }
    it->Seek(text_keys::TotalLength());
    if (it->Valid() && it->key() == text_keys::TotalLength()) total_length = value();
    it->Seek(text_keys::DocCount());
    if (it->Valid() && it->key() == text_keys::DocCount()) {
      documents_ = static_cast<double>(value());
    }
    SEXTANT_RETURN_IF_ERROR(FromRocks(it->status(), "text index statistics"));
    average_length_ = documents_ > 0 ? static_cast<double>(total_length) / documents_ : 1;
    if (average_length_ <= 0) average_length_ = 1;
    postings_.reset(store_.db()->NewIterator(ro_, store_.text_postings()));
    return Status::OK();
  }

  // nullopt: the query part is only stop words, and constrains nothing.
  Result<std::optional<ScoredList>> Eval(const text::TextQuery& q) {
    using Kind = text::TextQuery::Kind;
    switch (q.kind) {
      case Kind::kWords: return EvalWords(q);
      case Kind::kPrefix: return EvalPrefix(q.words[0].first);
      case Kind::kNot:
        return Status::InvalidArgument(
            "NOT needs something to exclude from: put it beside a word that must match");
      case Kind::kOr: {
        std::optional<ScoredList> acc;
        for (const auto& child : q.children) {
          SEXTANT_ASSIGN_OR_RETURN(auto list, Eval(child));
          if (!list) continue;
          acc = acc ? Union(*acc, *list) : std::move(*list);
        }
        return acc;
      }
      case Kind::kAnd: {
        std::optional<ScoredList> acc;
        std::vector<const text::TextQuery*> excluded;
        // The rarest part first; a frequent word after it is looked up for the literals found
        // so far only, not read whole (a word in a third of the literals beside a rare one).
        std::vector<std::pair<double, const text::TextQuery*>> parts;
        for (const auto& child : q.children) {
          if (child.kind == Kind::kNot) {
            excluded.push_back(&child.children[0]);
            continue;
          }
          SEXTANT_ASSIGN_OR_RETURN(double size, EstimatedSize(child));
          parts.emplace_back(size, &child);
        }
        std::stable_sort(parts.begin(), parts.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& [size, child] : parts) {
          std::optional<ScoredList> list;
          if (acc && child->kind == Kind::kWords && child->words.size() == 1 &&
              size > kLookupRatio * static_cast<double>(acc->size())) {
            std::vector<TermId> docs;
            docs.reserve(acc->size());
            for (const auto& s : *acc) docs.push_back(s.doc);
            SEXTANT_ASSIGN_OR_RETURN(list, EvalWord(child->words[0].first, &docs));
          } else {
            SEXTANT_ASSIGN_OR_RETURN(list, Eval(*child));
          }
          if (!list) continue;
          acc = acc ? Intersect(*acc, *list) : std::move(*list);
        }
        if (!acc && !excluded.empty()) {
          return Status::InvalidArgument(
              "NOT needs something to exclude from: put it beside a word that must match");
        }
        for (const auto* ex : excluded) {
          if (!acc || acc->empty()) break;
          SEXTANT_ASSIGN_OR_RETURN(auto list, Eval(*ex));
          if (list) acc = Subtract(*acc, *list);
        }
        return acc;
      }
    }
    return Status::Internal("unknown search node");
  }

 private:
  // The index terms of one folded word across the indexed languages; empty when it is a stop
  // word in any of them.
  std::vector<std::string> Variants(const std::string& word) {
    std::vector<std::string> out;
    for (const auto& lang : languages_) {
      std::string term = analyzer_.TermOf(word, lang);
      if (term.empty()) return {};
      if (std::find(out.begin(), out.end(), term) == out.end()) out.push_back(std::move(term));
    }
    if (languages_.empty()) out.push_back(word);
    return out;
  }

  Status Tick(uint64_t bytes) {
    ++result_->postings_read;
    if (budget_ && result_->postings_read % kBudgetEvery == 0) return budget_(bytes);
    return Status::OK();
  }

  static Status DecodeOccurrences(TermId doc, std::string_view value, bool with_positions,
                                  std::vector<Occurrences>* out) {
    text_keys::PostingValue v;
    if (!text_keys::DecodePosting(value, &v)) {
      return Status::Corruption("text index: malformed posting");
    }
    Occurrences o{doc, v.doc_length, {}, v.frequency};
    if (with_positions) {
      const char* p = v.positions;
      uint64_t pos = 0;
      for (uint32_t i = 0; i < v.frequency; ++i) {
        uint64_t gap = 0;
        if (!text_keys::GetVarint(&p, v.end, &gap)) {
          return Status::Corruption("text index: malformed posting");
        }
        pos += gap;
        o.positions.push_back(static_cast<uint32_t>(pos));
      }
    }
    out->push_back(std::move(o));
    return Status::OK();
  }

  // Reads the postings under `prefix` (a whole term's prefix, or any prefix of terms) and
  // appends them to out, in key order.
  Status ReadPostings(const std::string& prefix, bool with_positions,
                      std::vector<Occurrences>* out) {
    for (postings_->Seek(prefix); postings_->Valid() && postings_->key().starts_with(prefix);
         postings_->Next()) {
      SEXTANT_RETURN_IF_ERROR(
          DecodeOccurrences(text_keys::DocOfPosting(postings_->key().ToStringView()),
                            postings_->value().ToStringView(), with_positions, out));
      SEXTANT_RETURN_IF_ERROR(Tick(out->size() * sizeof(Occurrences)));
    }
    return FromRocks(postings_->status(), "text index: reading postings");
  }

  // The postings of `term` for the literals `docs` (ascending) only, by batched point lookups.
  Status LookUpPostings(const std::string& term, const std::vector<TermId>& docs,
                        bool with_positions, std::vector<Occurrences>* out) {
    constexpr size_t kBatch = 512;
    std::vector<std::string> keys;
    std::vector<rocksdb::Slice> slices;
    std::vector<rocksdb::PinnableSlice> values(kBatch);
    std::vector<rocksdb::Status> statuses(kBatch);
    for (size_t from = 0; from < docs.size(); from += kBatch) {
      const size_t n = std::min(kBatch, docs.size() - from);
      keys.clear();
      slices.clear();
      for (size_t i = 0; i < n; ++i) keys.push_back(text_keys::Posting(term, docs[from + i]));
      for (const auto& k : keys) slices.emplace_back(k);
      store_.db()->MultiGet(ro_, store_.text_postings(), n, slices.data(), values.data(),
                            statuses.data(), /*sorted_input=*/true);
      for (size_t i = 0; i < n; ++i) {
        if (statuses[i].IsNotFound()) continue;
        SEXTANT_RETURN_IF_ERROR(FromRocks(statuses[i], "text index: reading postings"));
        SEXTANT_RETURN_IF_ERROR(
            DecodeOccurrences(docs[from + i], values[i].ToStringView(), with_positions, out));
        values[i].Reset();
      }
      for (size_t i = 0; i < n; ++i) {
        SEXTANT_RETURN_IF_ERROR(Tick(out->size() * sizeof(Occurrences)));  // a read per lookup
      }
    }
    return Status::OK();
  }

  // Several terms' postings as one list by doc (a literal found under two variants counts
  // its occurrences once each).
  static void MergeByDoc(std::vector<Occurrences>* list) {
    std::stable_sort(list->begin(), list->end(),
                     [](const Occurrences& a, const Occurrences& b) { return a.doc < b.doc; });
    size_t kept = 0;
    for (size_t i = 0; i < list->size(); ++i) {
      if (kept > 0 && (*list)[kept - 1].doc == (*list)[i].doc) {
        auto& into = (*list)[kept - 1];
        into.frequency += (*list)[i].frequency;
        into.positions.insert(into.positions.end(), (*list)[i].positions.begin(),
                              (*list)[i].positions.end());
        std::sort(into.positions.begin(), into.positions.end());
        continue;
      }
      if (kept != i) (*list)[kept] = std::move((*list)[i]);
      ++kept;
    }
    list->resize(kept);
  }

  // `only`: the literals to look for (ascending); null for all of them.
  Result<std::vector<Occurrences>> TermOccurrences(const std::string& word, bool with_positions,
                                                   bool* stop,
                                                   const std::vector<TermId>* only = nullptr) {
    std::vector<Occurrences> list;
    const auto variants = Variants(word);
    *stop = variants.empty();
    for (const auto& term : variants) {
      result_->terms.insert(term);
      if (only != nullptr) {
        SEXTANT_RETURN_IF_ERROR(LookUpPostings(term, *only, with_positions, &list));
      } else {
        SEXTANT_RETURN_IF_ERROR(ReadPostings(text_keys::TermPrefix(term), with_positions, &list));
      }
    }
    if (variants.size() > 1) MergeByDoc(&list);
    return list;
  }

  // Literals holding an index term, from the statistics (0 when it is not indexed).
  Result<double> DocFrequency(const std::string& term) {
    std::string value;
    const auto s =
        store_.db()->Get(ro_, store_.text_stats(), text_keys::DocFrequency(term), &value);
    if (s.IsNotFound()) return 0.0;
    SEXTANT_RETURN_IF_ERROR(FromRocks(s, "text index statistics"));
    return value.size() == 8 ? static_cast<double>(stats_keys::DecodeValue(value.data())) : 0.0;
  }
  // Literals holding a word under any of its variants, as BM25 counts them: the sum of the
  // variants' frequencies (a literal is analysed in one language, so they rarely overlap). Taken
  // from the statistics, so a word scores the same whether its postings were read whole or
  // looked up for some literals.
  Result<double> WordFrequency(const std::string& word) {
    double df = 0;
    for (const auto& term : Variants(word)) {
      SEXTANT_ASSIGN_OR_RETURN(double f, DocFrequency(term));
      df += f;
    }
    return std::min(df, documents_);
  }
  // How many literals a part of the search may match, to evaluate the rarest first.
  Result<double> EstimatedSize(const text::TextQuery& q) {
    if (q.kind != text::TextQuery::Kind::kWords) return documents_;
    double least = documents_;
    for (const auto& [word, position] : q.words) {
      if (Variants(word).empty()) continue;
      SEXTANT_ASSIGN_OR_RETURN(double f, WordFrequency(word));
      least = std::min(least, f);
    }
    return least;
  }

  double Idf(double d) const { return std::log(1 + (documents_ - d + 0.5) / (d + 0.5)); }
  double Bm25(double idf, uint32_t frequency, uint32_t length) const {
    const double tf = frequency;
    return idf * tf * (kK1 + 1) / (tf + kK1 * (1 - kB + kB * length / average_length_));
  }

  // `df`: literals the term is in (default: the list's length).
  ScoredList Score(const std::vector<Occurrences>& list, double df = -1) const {
    const double idf = Idf(df >= 0 ? df : static_cast<double>(list.size()));
    ScoredList out;
    out.reserve(list.size());
    for (const auto& o : list) out.push_back({o.doc, Bm25(idf, o.frequency, o.doc_length)});
    return out;
  }

  // One word, in the literals `only` (ascending) or all.
  Result<std::optional<ScoredList>> EvalWord(const std::string& word,
                                             const std::vector<TermId>* only = nullptr) {
    bool stop = false;
    SEXTANT_ASSIGN_OR_RETURN(auto list, TermOccurrences(word, false, &stop, only));
    if (stop) return std::optional<ScoredList>();
    SEXTANT_ASSIGN_OR_RETURN(double df, WordFrequency(word));
    return std::optional<ScoredList>(Score(list, std::max(df, static_cast<double>(list.size()))));
  }

  Result<std::optional<ScoredList>> EvalWords(const text::TextQuery& q) {
    if (q.words.size() == 1) return EvalWord(q.words[0].first);
    // A phrase: every non-stop word at its offset from the first. The rarest word's postings
    // are read whole; a much more frequent one is looked up in those literals only.
    std::vector<std::pair<double, size_t>> order;  // (literals, index in q.words)
    for (size_t i = 0; i < q.words.size(); ++i) {
      if (Variants(q.words[i].first).empty()) continue;
      SEXTANT_ASSIGN_OR_RETURN(double f, WordFrequency(q.words[i].first));
      order.emplace_back(f, i);
    }
    std::stable_sort(order.begin(), order.end());
    std::vector<std::vector<Occurrences>> lists;
    std::vector<uint32_t> offsets;
    std::vector<TermId> docs;
    for (const auto& [frequency, index] : order) {
      const auto& [word, position] = q.words[index];
      const bool look_up =
          !lists.empty() && frequency > kLookupRatio * static_cast<double>(lists[0].size());
      if (look_up && docs.empty()) {
        for (const auto& o : lists[0]) docs.push_back(o.doc);
      }
      bool stop = false;
      SEXTANT_ASSIGN_OR_RETURN(auto list,
                               TermOccurrences(word, true, &stop, look_up ? &docs : nullptr));
      lists.push_back(std::move(list));
      offsets.push_back(position);
    }
    if (lists.empty()) return std::optional<ScoredList>();
    std::vector<size_t> at(lists.size(), 0);
    std::vector<Occurrences> matches;
    for (const auto& first : lists[0]) {
      bool in_all = true;
      for (size_t i = 1; i < lists.size() && in_all; ++i) {
        auto& list = lists[i];
        while (at[i] < list.size() && list[at[i]].doc < first.doc) ++at[i];
        in_all = at[i] < list.size() && list[at[i]].doc == first.doc;
      }
      if (!in_all) continue;
      uint32_t count = 0;
      for (uint32_t p : first.positions) {
        if (p < offsets[0]) continue;
        const uint32_t start = p - offsets[0];
        bool all = true;
        for (size_t i = 1; i < lists.size() && all; ++i) {
          const auto& pos = lists[i][at[i]].positions;
          all = std::binary_search(pos.begin(), pos.end(), start + offsets[i]);
        }
        if (all) ++count;
      }
      if (count > 0) matches.push_back({first.doc, first.doc_length, {}, count});
    }
    return std::optional<ScoredList>(Score(matches));
  }

  Result<std::optional<ScoredList>> EvalPrefix(const std::string& prefix) {
    std::vector<std::string> starts{prefix};
    for (const auto& lang : languages_) {
      std::string stem = analyzer_.TermOf(prefix, lang);
      if (!stem.empty() && std::find(starts.begin(), starts.end(), stem) == starts.end()) {
        starts.push_back(std::move(stem));
      }
    }
    // A shorter start covers the longer ones it begins.
    std::sort(starts.begin(), starts.end());
    std::vector<std::string> kept;
    for (auto& s : starts) {
      if (kept.empty() || s.compare(0, kept.back().size(), kept.back()) != 0) kept.push_back(s);
    }
    std::vector<Occurrences> list;
    for (const auto& start : kept) {
      result_->prefixes.push_back(start);
      SEXTANT_RETURN_IF_ERROR(ReadPostings(start, false, &list));
    }
    MergeByDoc(&list);
    return std::optional<ScoredList>(Score(list));
  }

  static ScoredList Intersect(const ScoredList& a, const ScoredList& b) {
    ScoredList out;
    for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
      if (a[i].doc < b[j].doc) {
        ++i;
      } else if (b[j].doc < a[i].doc) {
        ++j;
      } else {
        out.push_back({a[i].doc, a[i].score + b[j].score});
        ++i;
        ++j;
      }
    }
    return out;
  }
  static ScoredList Union(const ScoredList& a, const ScoredList& b) {
    ScoredList out;
    size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
      if (j == b.size() || (i < a.size() && a[i].doc < b[j].doc)) {
        out.push_back(a[i++]);
      } else if (i == a.size() || b[j].doc < a[i].doc) {
        out.push_back(b[j++]);
      } else {
        out.push_back({a[i].doc, a[i].score + b[j].score});
        ++i;
        ++j;
      }
    }
    return out;
  }
  static ScoredList Subtract(const ScoredList& a, const ScoredList& b) {
    ScoredList out;
    size_t j = 0;
    for (const auto& s : a) {
      while (j < b.size() && b[j].doc < s.doc) ++j;
      if (j < b.size() && b[j].doc == s.doc) continue;
      out.push_back(s);
    }
    return out;
  }

  const Store& store_;
  const TextSearchBudget& budget_;
  TextSearchResult* result_;
  rocksdb::ReadOptions ro_;
  std::unique_ptr<rocksdb::Iterator> postings_;
  text::Analyzer analyzer_;
  std::vector<std::string> languages_;
  double documents_ = 0;
  double average_length_ = 1;
};

}  // namespace

Status TextIndexUsable(const Store& store) {
  if (!store.text_index_ready()) {
    return Status::Unsupported(
        "the text index of store '" + store.path() +
        "' is incomplete (a rebuild was interrupted); open the store for writing to finish it "
        "(for example: sextant text-index " +
        store.path() + " --rebuild)");
  }
  if (!store.text_config()->enabled) {
    return Status::Unsupported("the text index of store '" + store.path() +
                               "' is off (sextant text-index " + store.path() +
                               " --all turns it on)");
  }
  return Status::OK();
}

Result<TextSearchResult> SearchText(const Store& store, const rocksdb::Snapshot* snapshot,
                                    const text::TextQuery& query, size_t limit,
                                    const TextSearchBudget& budget) {
  SEXTANT_RETURN_IF_ERROR(TextIndexUsable(store));
  TextSearchResult result;
  TextEvaluator evaluator(store, snapshot, budget, &result);
  SEXTANT_RETURN_IF_ERROR(evaluator.Init());
  SEXTANT_ASSIGN_OR_RETURN(auto list, evaluator.Eval(query));
  if (!list) return result;
  auto better = [](const Scored& a, const Scored& b) {
    return a.score != b.score ? a.score > b.score : a.doc < b.doc;
  };
  if (limit > 0 && limit < list->size()) {
    std::partial_sort(list->begin(), list->begin() + static_cast<std::ptrdiff_t>(limit),
                      list->end(), better);
    list->resize(limit);
  } else {
    std::sort(list->begin(), list->end(), better);
  }
  result.hits.reserve(list->size());
  for (const auto& s : *list) result.hits.push_back({s.doc, s.score});
  return result;
}

double EstimateTextMatches(const Store& store, const rocksdb::Snapshot* snapshot,
                           const text::TextQuery& query, double* documents_out) {
  using Kind = text::TextQuery::Kind;
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot;
  auto frequency = [&](const std::string& word) {
    std::string value;
    const auto s = store.db()->Get(ro, store.text_stats(), text_keys::DocFrequency(word), &value);
    return s.ok() && value.size() == 8 ? static_cast<double>(stats_keys::DecodeValue(value.data()))
                                       : 0.0;
  };
  std::string value;
  double documents = 1000;
  if (store.db()->Get(ro, store.text_stats(), text_keys::DocCount(), &value).ok() &&
      value.size() == 8) {
    documents = static_cast<double>(stats_keys::DecodeValue(value.data()));
  }
  if (documents_out != nullptr) *documents_out = std::max(1.0, documents);
  std::function<double(const text::TextQuery&)> estimate = [&](const text::TextQuery& q) {
    switch (q.kind) {
      case Kind::kWords: {
        // The unstemmed word's frequency, or a guess when only its stems are indexed.
        double least = documents;
        for (const auto& [w, pos] : q.words) {
          const double f = frequency(w);
          least = std::min(least, f > 0 ? f : documents * 0.01);
        }
        return q.words.size() > 1 ? least / 2 : least;
      }
      case Kind::kPrefix: return documents * 0.05;
      case Kind::kNot: return documents;
      case Kind::kOr: {
        double sum = 0;
        for (const auto& c : q.children) sum += estimate(c);
        return std::min(sum, documents);
      }
      case Kind::kAnd: {
        double least = documents;
        for (const auto& c : q.children) {
          if (c.kind != Kind::kNot) least = std::min(least, estimate(c));
        }
        return least;
      }
    }
    return documents;
  };
  return std::max(1.0, estimate(query));
}

}  // namespace sextant::storage
