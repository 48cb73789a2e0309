// Converting terms between sextant_term and sextant::Term.
#include <string>

#include "capi/capi_internal.h"

namespace sextant::capi {
namespace {

std::string Str(const char* s) {
  return s ? std::string(s) : std::string();
}

// Deeper nesting than any real data has; bounds the recursion a hostile caller could ask for.
constexpr int kMaxTripleNesting = 100;

Status TermFromCAt(const sextant_term* in, const std::string& what, Term& out, int depth) {
  if (!in) return Status::InvalidArgument(what + " is NULL");
  if (in->kind == SEXTANT_TERM_TRIPLE) {
    if (!in->triple) return Status::InvalidArgument(what + " is a triple term with NULL parts");
    if (depth >= kMaxTripleNesting) {
      return Status::InvalidArgument(what + ": triple terms nested more than " +
                                     std::to_string(kMaxTripleNesting) + " deep");
    }
    Term parts[3];
    static const char* const kNames[] = {"subject", "predicate", "object"};
    for (int i = 0; i < 3; ++i) {
      SEXTANT_RETURN_IF_ERROR(
          TermFromCAt(&in->triple[i], what + "'s " + kNames[i], parts[i], depth + 1));
    }
    out = Term::Triple(std::move(parts[0]), std::move(parts[1]), std::move(parts[2]));
    return Status::OK();
  }
  if (!in->value) return Status::InvalidArgument(what + " has a NULL value");
  std::string datatype = Str(in->datatype);
  std::string language = Str(in->language);
  const std::string direction_name = Str(in->direction);
  Direction direction = Direction::kNone;
  if (!direction_name.empty()) {
    const auto d = DirectionFromName(direction_name);
    if (!d) {
      return Status::InvalidArgument(what + " has direction '" + direction_name +
                                     "', expected \"ltr\" or \"rtl\"");
    }
    if (in->kind != SEXTANT_TERM_LITERAL || language.empty()) {
      return Status::InvalidArgument(what + ": only a literal with a language tag has a direction");
    }
    direction = *d;
  }
  switch (in->kind) {
    case SEXTANT_TERM_IRI: out = Term::Iri(in->value); return Status::OK();
    case SEXTANT_TERM_BLANK: out = Term::Blank(in->value); return Status::OK();
    case SEXTANT_TERM_LITERAL: {
      const std::string_view expected =
          direction == Direction::kNone ? vocab::kRdfLangString : vocab::kRdfDirLangString;
      if (!language.empty()) {
        if (!datatype.empty() && datatype != expected) {
          return Status::InvalidArgument(what + ": a literal with a language tag has datatype " +
                                         (direction == Direction::kNone
                                              ? "rdf:langString"
                                              : "rdf:dirLangString (it has a direction)"));
        }
        out = Term::LangLiteral(in->value, std::move(language), direction);
      } else if (datatype == vocab::kRdfLangString || datatype == vocab::kRdfDirLangString) {
        return Status::InvalidArgument(what + ": " + datatype + " needs a language tag");
      } else {
        out = datatype.empty() ? Term::Literal(in->value)
                               : Term::TypedLiteral(in->value, std::move(datatype));
      }
      return Status::OK();
    }
    default: break;  // SEXTANT_TERM_UNBOUND or not a kind
  }
  return Status::InvalidArgument(what + " has kind " + std::to_string(in->kind) +
                                 ", expected an IRI, blank node, literal or triple term");
}

}  // namespace

Status TermFromC(const sextant_term* in, const char* what, Term& out) {
  return TermFromCAt(in, what, out, 0);
}

Status GraphFromC(const sextant_term* in, Term& out) {
  if (!in || in->kind == SEXTANT_TERM_UNBOUND) {
    out = Term::DefaultGraph();
    return Status::OK();
  }
  if (in->kind == SEXTANT_TERM_LITERAL || in->kind == SEXTANT_TERM_TRIPLE) {
    return Status::InvalidArgument("a graph name must be an IRI or blank node");
  }
  return TermFromC(in, "graph", out);
}

void TermToC(const Term* term, sextant_term& out, TermScratch& scratch) {
  static const std::string empty;
  out = {SEXTANT_TERM_UNBOUND, empty.c_str(), 0,      empty.c_str(),
         empty.c_str(),        empty.c_str(), nullptr};
  if (!term || term->is_default_graph()) return;
  out.kind = static_cast<sextant_term_kind>(term->kind());
  out.datatype = term->datatype().c_str();
  out.language = term->language().c_str();
  out.direction = DirectionName(term->direction()).data();  // static NUL-terminated text
  if (term->is_triple()) {
    const std::string& text = scratch.texts.emplace_back(term->ToNTriples());
    out.value = text.c_str();
    out.value_len = text.size();
    auto& parts = scratch.parts.emplace_back();
    for (int i = 0; i < 3; ++i) TermToC(&term->part(i), parts[i], scratch);
    out.triple = parts.data();
    return;
  }
  out.value = term->value().c_str();
  out.value_len = term->value().size();
}

}  // namespace sextant::capi
