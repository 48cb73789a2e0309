// Converting terms between sextant_term and sextant::Term.
#include <string>

#include "capi/capi_internal.h"

namespace sextant::capi {
namespace {

std::string Str(const char* s) {
  return s ? std::string(s) : std::string();
}

}  // namespace

Status TermFromC(const sextant_term* in, const char* what, Term& out) {
  if (!in) return Status::InvalidArgument(std::string(what) + " is NULL");
  if (!in->value) return Status::InvalidArgument(std::string(what) + " has a NULL value");
  std::string datatype = Str(in->datatype);
  std::string language = Str(in->language);
  switch (in->kind) {
    case SEXTANT_TERM_IRI: out = Term::Iri(in->value); return Status::OK();
    case SEXTANT_TERM_BLANK: out = Term::Blank(in->value); return Status::OK();
    case SEXTANT_TERM_LITERAL:
      if (!language.empty()) {
        if (!datatype.empty() && datatype != vocab::kRdfLangString) {
          return Status::InvalidArgument(
              std::string(what) + ": a literal with a language tag has datatype rdf:langString");
        }
        out = Term::LangLiteral(in->value, std::move(language));
      } else if (datatype == vocab::kRdfLangString) {
        return Status::InvalidArgument(std::string(what) + ": rdf:langString needs a language tag");
      } else {
        out = datatype.empty() ? Term::Literal(in->value)
                               : Term::TypedLiteral(in->value, std::move(datatype));
      }
      return Status::OK();
    default: break;  // SEXTANT_TERM_UNBOUND or not a kind
  }
  return Status::InvalidArgument(std::string(what) + " has kind " + std::to_string(in->kind) +
                                 ", expected an IRI, blank node or literal");
}

Status GraphFromC(const sextant_term* in, Term& out) {
  if (!in || in->kind == SEXTANT_TERM_UNBOUND) {
    out = Term::DefaultGraph();
    return Status::OK();
  }
  if (in->kind == SEXTANT_TERM_LITERAL) {
    return Status::InvalidArgument("a graph name cannot be a literal");
  }
  return TermFromC(in, "graph", out);
}

void TermToC(const Term* term, sextant_term& out) {
  static const std::string empty;
  if (!term || term->is_default_graph()) {
    out = {SEXTANT_TERM_UNBOUND, empty.c_str(), 0, empty.c_str(), empty.c_str()};
    return;
  }
  out.kind = static_cast<sextant_term_kind>(term->kind());
  out.value = term->value().c_str();
  out.value_len = term->value().size();
  out.datatype = term->datatype().c_str();
  out.language = term->language().c_str();
}

}  // namespace sextant::capi
