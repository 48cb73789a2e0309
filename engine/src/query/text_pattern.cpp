#include "query/text_pattern.h"

#include <string>
#include <string_view>

#include "query/ops_text.h"
#include "storage/text_search.h"
#include "text/analyzer.h"

namespace sextant::query {
namespace {

bool PredicateIs(const ast::TriplePattern& t, std::string_view iri) {
  const auto* term = std::get_if<Term>(&t.predicate);
  return term != nullptr && term->is_iri() && term->value() == iri;
}

bool SameTerm(const PatternTerm& a, const PatternTerm& b) {
  return a.slot == b.slot && a.constant == b.constant;
}

std::string AtLine(const ast::TriplePattern& t) {
  return " (line " + std::to_string(t.pos.line) + ")";
}

}  // namespace

bool IsTextSearchPattern(const ast::TriplePattern& t) {
  return PredicateIs(t, kTextMatchesIri);
}

bool IsTextSearchExtra(const ast::TriplePattern& t) {
  return PredicateIs(t, kTextScoreIri) || PredicateIs(t, kTextSnippetIri);
}

Status AddTextSearch(const ast::TriplePattern& t, VarTable& vars, QueryContext* qc, Bgp* out) {
  BgpItem item;
  item.terms[0] = PatternTermOf(t.subject, vars, qc, &out->triple_terms);
  for (const BgpItem& other : out->items) {
    if (other.text_query && SameTerm(other.terms[0], item.terms[0])) {
      return Status::InvalidArgument("two sx:matches on " + ast::ToString(t.subject) +
                                     " in one group: combine the search texts into one (AND, "
                                     "OR, NOT)" +
                                     AtLine(t));
    }
  }
  const auto* text = std::get_if<Term>(&t.object);
  if (text == nullptr || !text->is_literal()) {
    return Status::InvalidArgument(
        "sx:matches takes the search text as a literal, as in ?lit sx:matches \"polonez "
        "missile\"" +
        AtLine(t));
  }
  text::Analyzer analyzer;
  auto query = text::ParseTextQuery(text->value(), &analyzer);
  if (!query.ok()) {
    return Status::InvalidArgument("sx:matches " + ast::ToString(*text) + AtLine(t) + ": " +
                                   query.status().message());
  }
  item.text_matches =
      storage::EstimateTextMatches(*qc->store, qc->snapshot, *query, &item.text_documents);
  item.text = ast::ToString(t.subject) + " sx:matches " + ast::ToString(*text) + " [" +
              query->ToString() + "]";
  item.text_query = std::move(*query);
  out->items.push_back(std::move(item));
  return Status::OK();
}

void TakeTextSearchExtraSlots(const ast::TriplePattern& t, VarTable& vars, QueryContext* qc,
                              Bgp* out) {
  PatternTermOf(t.subject, vars, qc, &out->triple_terms);
  if (const auto* v = std::get_if<ast::Variable>(&t.object)) vars.Slot(v->name);
}

Status AttachTextSearchExtras(const std::vector<const ast::TriplePattern*>& triples, VarTable& vars,
                              QueryContext* qc, Bgp* out) {
  for (const ast::TriplePattern* tp : triples) {
    const ast::TriplePattern& t = *tp;
    if (!IsTextSearchExtra(t)) continue;
    const bool score = PredicateIs(t, kTextScoreIri);
    const std::string name = score ? "sx:score" : "sx:snippet";
    const auto* var = std::get_if<ast::Variable>(&t.object);
    const PatternTerm subject = PatternTermOf(t.subject, vars, qc, &out->triple_terms);
    BgpItem* search = nullptr;
    for (BgpItem& item : out->items) {
      if (item.text_query && SameTerm(item.terms[0], subject)) search = &item;
    }
    int* slot = search == nullptr ? nullptr : score ? &search->score_slot : &search->snippet_slot;
    if (var == nullptr || slot == nullptr || *slot >= 0) {
      return Status::InvalidArgument(name + " binds one variable of a text search on the same " +
                                     "subject in the same group, as in ?lit sx:matches \"text\" " +
                                     "; " + name + " ?v" + AtLine(t));
    }
    *slot = vars.Slot(var->name);
    search->text += " ; " + name + " " + ast::ToString(t.object);
  }
  return Status::OK();
}

}  // namespace sextant::query
