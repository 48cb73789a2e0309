#include "query/ops_text.h"

#include "query/value.h"
#include "storage/text_search.h"
#include "text/snippet.h"

namespace sextant::query {

struct TextMatchOp::Hit {
  TermId literal = kNoId;
  double score = 0;
  TermId score_id = kNoId;    // made on first use
  TermId snippet_id = kNoId;  // made on first use
};

TextMatchOp::TextMatchOp(OperatorPtr child, PatternTerm literal, int score_slot, int snippet_slot,
                         text::TextQuery query, QueryContext* qc, std::string text)
    : Operator(child->control(), child->width()),
      child_(std::move(child)),
      literal_(literal),
      score_slot_(score_slot),
      snippet_slot_(snippet_slot),
      query_(std::move(query)),
      qc_(qc),
      text_(std::move(text)),
      in_(width()),
      row_(width()) {}

TextMatchOp::~TextMatchOp() = default;

std::string TextMatchOp::AnalyzeNote() const {
  if (!searched_) return {};
  return std::to_string(hits_.size()) + " matching literals, " + std::to_string(postings_read_) +
         " postings read";
}

bool TextMatchOp::Search() {
  searched_ = true;
  if (qc_->txn != nullptr && (qc_->txn->inserted() > 0 || qc_->txn->removed() > 0)) {
    // The index entries of a transaction's changes are made when it commits.
    control_->status = Status::Unsupported(
        "sx:matches reads the committed text index, and this request already changed facts: "
        "run the search in a request of its own");
    return false;
  }
  QueryControl* control = control_;
  const storage::TextSearchBudget budget = [control](uint64_t bytes) {
    if (!control->Check()) return control->status;
    if (control->memory_bytes + bytes > control->max_memory_bytes) {
      return Status::ResourceExhausted("the text search exceeded the query's memory budget of " +
                                       std::to_string(control->max_memory_bytes >> 20) +
                                       " MiB (narrow the search terms)");
    }
    return Status::OK();
  };
  auto found = storage::SearchText(*qc_->store, qc_->snapshot, query_, 0, budget);
  if (!found.ok()) {
    control_->status = found.status();
    return false;
  }
  postings_read_ = found->postings_read;
  if (!control_->Reserve(found->hits.size(), 3)) return false;
  hits_.reserve(found->hits.size());
  for (const auto& h : found->hits) {
    hit_of_.emplace(h.literal, hits_.size());
    hits_.push_back({h.literal, h.score});
  }
  highlight_terms_ = std::move(found->terms);
  highlight_prefixes_ = std::move(found->prefixes);
  untagged_language_ = qc_->store->text_config()->untagged_language;
  return true;
}

bool TextMatchOp::Bind(size_t index) {
  Hit& hit = hits_[index];
  auto bind = [this](int slot, TermId value) {
    if (slot < 0) return true;
    TermId& cell = row_[static_cast<size_t>(slot)];
    if (cell == kNoId) cell = value;
    return cell == value;
  };
  if (literal_.is_var() && !bind(literal_.slot, hit.literal)) return false;
  if (score_slot_ >= 0) {
    if (hit.score_id == kNoId) {
      hit.score_id = qc_->terms.Intern(
          Term::TypedLiteral(FormatDouble(hit.score), std::string(vocab::kXsdDouble)));
    }
    if (!bind(score_slot_, hit.score_id)) return false;
  }
  if (snippet_slot_ >= 0) {
    if (hit.snippet_id == kNoId) {
      auto literal = qc_->terms.Decode(hit.literal);
      if (!literal.ok()) {
        control_->status = literal.status();
        return false;
      }
      const Term& t = **literal;
      const std::string lang =
          t.language().empty() ? untagged_language_ : text::LanguageOf(t.language());
      if (!analyzer_) analyzer_ = std::make_unique<text::Analyzer>();
      hit.snippet_id = qc_->terms.Intern(Term::Literal(
          text::Snippet(analyzer_.get(), t.value(), lang, highlight_terms_, highlight_prefixes_)));
    }
    if (!bind(snippet_slot_, hit.snippet_id)) return false;
  }
  return true;
}

bool TextMatchOp::DoNext(RowBatch& out) {
  if (!searched_ && !Search()) return false;
  while (!out.full()) {
    if (in_pos_ >= in_.size()) {
      if (child_done_ || !child_->Next(in_)) {
        child_done_ = true;  // never asked again once exhausted
        return !out.empty();
      }
      in_pos_ = 0;
      hit_pos_ = 0;
    }
    const TermId* in = in_.row(in_pos_);
    const TermId bound = literal_.is_var() ? in[literal_.slot] : literal_.constant;
    if (bound != kNoId) {
      // A check: the row's literal matches or the row goes.
      const auto it = hit_of_.find(bound);
      if (it != hit_of_.end()) {
        std::copy(in, in + width(), row_.begin());
        if (Bind(it->second)) out.Add(row_.data());
        if (!control_->status.ok()) return false;
      }
      ++in_pos_;
      continue;
    }
    // Every matching literal, best first, resumed across batches.
    for (; hit_pos_ < hits_.size() && !out.full(); ++hit_pos_) {
      std::copy(in, in + width(), row_.begin());
      if (Bind(hit_pos_)) out.Add(row_.data());
      if (!control_->status.ok()) return false;
    }
    if (hit_pos_ >= hits_.size()) {
      ++in_pos_;
      hit_pos_ = 0;
    }
  }
  return true;
}

}  // namespace sextant::query
