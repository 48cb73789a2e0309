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
        for (const auto& child : q.children) {
          if (child.kind == Kind::kNot) {
            excluded.push_back(&child.children[0]);
            continue;
          }
          SEXTANT_ASSIGN_OR_RETURN(auto list, Eval(child));
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

  // Reads the postings under `prefix` (a whole term's prefix, or any prefix of terms) and
  // appends them to out, in key order.
  Status ReadPostings(const std::string& prefix, bool with_positions,
                      std::vector<Occurrences>* out) {
    text_keys::PostingValue v;
    for (postings_->Seek(prefix); postings_->Valid() && postings_->key().starts_with(prefix);
         postings_->Next()) {
      if (!text_keys::DecodePosting(postings_->value().ToStringView(), &v)) {
        return Status::Corruption("text index: malformed posting");
      }
      Occurrences o{
          text_keys::DocOfPosting(postings_->key().ToStringView()), v.doc_length, {}, v.frequency};
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
      SEXTANT_RETURN_IF_ERROR(Tick(out->size() * sizeof(Occurrences)));
    }
    return FromRocks(postings_->status(), "text index: reading postings");
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

  Result<std::vector<Occurrences>> TermOccurrences(const std::string& word, bool with_positions,
                                                   bool* stop) {
    std::vector<Occurrences> list;
    const auto variants = Variants(word);
    *stop = variants.empty();
    for (const auto& term : variants) {
      result_->terms.insert(term);
      SEXTANT_RETURN_IF_ERROR(ReadPostings(text_keys::TermPrefix(term), with_positions, &list));
    }
    if (variants.size() > 1) MergeByDoc(&list);
    return list;
  }

  double Idf(size_t df) const {
    const double d = static_cast<double>(df);
    return std::log(1 + (documents_ - d + 0.5) / (d + 0.5));
  }
  double Bm25(double idf, uint32_t frequency, uint32_t length) const {
    const double tf = frequency;
    return idf * tf * (kK1 + 1) / (tf + kK1 * (1 - kB + kB * length / average_length_));
  }

  ScoredList Score(const std::vector<Occurrences>& list) const {
    const double idf = Idf(list.size());
    ScoredList out;
    out.reserve(list.size());
    for (const auto& o : list) out.push_back({o.doc, Bm25(idf, o.frequency, o.doc_length)});
    return out;
  }

  Result<std::optional<ScoredList>> EvalWords(const text::TextQuery& q) {
    if (q.words.size() == 1) {
      bool stop = false;
      SEXTANT_ASSIGN_OR_RETURN(auto list, TermOccurrences(q.words[0].first, false, &stop));
      if (stop) return std::optional<ScoredList>();
      return std::optional<ScoredList>(Score(list));
    }
    // A phrase: every non-stop word at its offset from the first.
    std::vector<std::vector<Occurrences>> lists;
    std::vector<uint32_t> offsets;
    for (const auto& [word, position] : q.words) {
      bool stop = false;
      SEXTANT_ASSIGN_OR_RETURN(auto list, TermOccurrences(word, true, &stop));
      if (stop) continue;
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
