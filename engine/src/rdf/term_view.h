// Non-owning views of terms and quads, used on hot paths (parsing, encoding) to avoid copies.
#pragma once

#include <string_view>

#include "sextant/term.h"

namespace sextant::rdf {

struct TermView {
  TermKind kind = TermKind::kDefaultGraph;
  std::string_view value;     // IRI, blank label (no "_:"), or lexical form
  std::string_view datatype;  // literals only: never empty (xsd:string / rdf:langString)
  std::string_view language;  // language-tagged literals only
  Direction direction = Direction::kNone;
  // Triple terms: either three views (subject, predicate, object), as a parser makes them, or
  // the Term viewed, as Of() makes them. Part() hides which.
  const TermView* parts = nullptr;
  const Term* triple = nullptr;

  TermView Part(int i) const { return parts != nullptr ? parts[i] : Of(triple->part(i)); }

  static TermView Of(const Term& t) {
    TermView v{t.kind(), t.value(), t.datatype(), t.language(), t.direction()};
    if (t.is_triple()) v.triple = &t;
    return v;
  }
  Term ToTerm() const {
    switch (kind) {
      case TermKind::kIri: return Term::Iri(std::string(value));
      case TermKind::kBlank: return Term::Blank(std::string(value));
      case TermKind::kLiteral:
        if (!language.empty()) {
          return Term::LangLiteral(std::string(value), std::string(language), direction);
        }
        return Term::TypedLiteral(std::string(value), std::string(datatype));
      case TermKind::kTriple:
        if (triple != nullptr) return *triple;
        return Term::Triple(Part(0).ToTerm(), Part(1).ToTerm(), Part(2).ToTerm());
      case TermKind::kDefaultGraph: break;
    }
    return Term::DefaultGraph();
  }
};

struct QuadView {
  TermView subject, predicate, object, graph;
  Quad ToQuad() const {
    return {subject.ToTerm(), predicate.ToTerm(), object.ToTerm(), graph.ToTerm()};
  }
};

}  // namespace sextant::rdf
