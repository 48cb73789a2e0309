#include "storage/term_check.h"

#include "rdf/iri.h"
#include "sextant/utf8.h"

namespace sextant::storage {
namespace {

// Long terms are cut in messages; the problem is named separately.
std::string Shown(std::string_view text) {
  constexpr size_t kMax = 80;
  return text.size() <= kMax ? std::string(text) : std::string(text.substr(0, kMax)) + "...";
}

Status Refuse(std::string_view what, std::string_view text, const std::string& problem) {
  return Status::InvalidArgument("cannot store " + std::string(what) + " '" + Shown(text) +
                                 "': " + problem);
}

bool IsUtf8(std::string_view text) {
  return CheckUtf8(text).problem == Utf8Problem::kNone;
}

Status CheckIri(std::string_view what, std::string_view iri) {
  if (auto problem = rdf::IriProblem(iri)) return Refuse(what, iri, *problem);
  if (!IsUtf8(iri)) return Refuse(what, iri, "it is not valid UTF-8");
  return Status::OK();
}

// What every RDF syntax can write after '@': letters, then '-'-separated letters and digits.
bool WellFormedLanguageTag(std::string_view tag) {
  bool first_part = true;
  size_t part_length = 0;
  for (const char c : tag) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool digit = c >= '0' && c <= '9';
    if (c == '-') {
      if (part_length == 0) return false;
      first_part = false;
      part_length = 0;
    } else if (letter || (digit && !first_part)) {
      ++part_length;
    } else {
      return false;
    }
  }
  return part_length > 0;
}

}  // namespace

Status CheckStorable(const rdf::TermView& t) {
  switch (t.kind) {
    case TermKind::kDefaultGraph: return Status::OK();
    case TermKind::kTriple:
      for (int k = 0; k < 3; ++k) SEXTANT_RETURN_IF_ERROR(CheckStorable(t.Part(k)));
      return Status::OK();
    case TermKind::kIri: return CheckIri("the IRI", t.value);
    case TermKind::kBlank:
      if (t.value.empty()) {
        return Status::InvalidArgument("cannot store a blank node without a label");
      }
      return Status::OK();
    case TermKind::kLiteral:
      if (!IsUtf8(t.value)) return Refuse("the literal", t.value, "it is not valid UTF-8");
      if (!t.language.empty() && !WellFormedLanguageTag(t.language)) {
        return Refuse("the language tag", t.language,
                      "a tag is letters, then '-'-separated letters and digits (en, en-GB)");
      }
      if (t.datatype.empty()) return Status::OK();  // xsd:string
      return CheckIri("the datatype IRI", t.datatype);
  }
  return Status::OK();
}

Status CheckStorable(const rdf::QuadView& q) {
  SEXTANT_RETURN_IF_ERROR(CheckStorable(q.subject));
  SEXTANT_RETURN_IF_ERROR(CheckStorable(q.predicate));
  SEXTANT_RETURN_IF_ERROR(CheckStorable(q.object));
  return CheckStorable(q.graph);
}

}  // namespace sextant::storage

namespace sextant {

std::optional<std::string> TermProblem(const Term& term) {
  const Status s = storage::CheckStorable(rdf::TermView::Of(term));
  if (s.ok()) return std::nullopt;
  return s.message();
}

}  // namespace sextant
