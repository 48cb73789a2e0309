// The full-text property function (docs/SEARCH.md): `?lit sx:matches "text"`, with
// `?lit sx:score ?score` and `?lit sx:snippet ?snippet` beside it in the same basic graph
// pattern. The search runs once per query on the text index; each input row then either
// takes every matching literal (best first) or, when ?lit is already bound, is kept only if
// its literal matches. Score and snippet are computed for the rows that come out.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "query/operator.h"
#include "query/ops_scan.h"
#include "query/query_context.h"
#include "text/analyzer.h"
#include "text/text_query.h"

namespace sextant::query {

// The property function's IRIs (namespace urn:sextant:).
inline constexpr std::string_view kTextMatchesIri = "urn:sextant:matches";
inline constexpr std::string_view kTextScoreIri = "urn:sextant:score";
inline constexpr std::string_view kTextSnippetIri = "urn:sextant:snippet";

class TextMatchOp : public Operator {
 public:
  // `score_slot`, `snippet_slot`: -1 when the pattern does not ask for them.
  TextMatchOp(OperatorPtr child, PatternTerm literal, int score_slot, int snippet_slot,
              text::TextQuery query, QueryContext* qc, std::string text);
  ~TextMatchOp() override;
  std::string Describe() const override { return "TextSearch " + text_; }
  std::vector<const Operator*> children() const override { return {child_.get()}; }
  std::string AnalyzeNote() const override;

 protected:
  bool DoNext(RowBatch& out) override;

 private:
  struct Hit;
  bool Search();
  // Binds the hit's literal, score and snippet into row_; false when the row disagrees.
  bool Bind(size_t hit);

  OperatorPtr child_;
  PatternTerm literal_;
  int score_slot_;
  int snippet_slot_;
  text::TextQuery query_;
  QueryContext* qc_;
  std::string text_;
  RowBatch in_;
  size_t in_pos_ = 0;
  size_t hit_pos_ = 0;  // next hit for an input row whose literal is unbound
  std::vector<TermId> row_;
  bool searched_ = false;
  bool child_done_ = false;
  std::vector<Hit> hits_;  // best first
  std::unordered_map<TermId, size_t> hit_of_;
  std::set<std::string> highlight_terms_;  // what snippets highlight
  std::vector<std::string> highlight_prefixes_;
  std::unique_ptr<text::Analyzer> analyzer_;  // for snippets, made on first use
  std::string untagged_language_;
  uint64_t postings_read_ = 0;
};

}  // namespace sextant::query
