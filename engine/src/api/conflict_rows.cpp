// ConflictRows: the one tabular form of a conflict report, shared by every front end.
#include "sextant/conflicts.h"

namespace sextant {
namespace {

std::optional<Term> ConflictTextCell(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return Term::Literal(text);
}

}  // namespace

const std::vector<std::string>& ConflictColumns() {
  static const std::vector<std::string> columns = {"subject", "property", "kind", "says", "value",
                                                   "source",  "title",    "date", "url",  "quote"};
  return columns;
}

std::vector<std::vector<std::optional<Term>>> ConflictRows(const ConflictReport& report) {
  std::vector<std::vector<std::optional<Term>>> rows;
  for (const auto& c : report.conflicts) {
    for (const auto& side : c.sides) {
      std::string quotes;
      for (const auto& q : side.quotes) quotes += (quotes.empty() ? "" : " / ") + q;
      rows.push_back({c.subject, c.predicate, Term::Literal(std::string(ConflictKindName(c.kind))),
                      Term::Literal(side.denies ? "denies" : "states"), side.value,
                      side.graph.is_default_graph() ? std::optional<Term>() : side.graph,
                      ConflictTextCell(side.title), ConflictTextCell(side.date),
                      side.url.empty() ? std::optional<Term>() : Term::Iri(side.url),
                      ConflictTextCell(quotes)});
    }
  }
  return rows;
}

}  // namespace sextant
