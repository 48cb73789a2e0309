#include "sextant/term.h"

#include <tuple>

#include "base/ntriples_escape.h"

namespace sextant {

std::string Term::ToNTriples() const {
  std::string out;
  switch (kind_) {
    case TermKind::kDefaultGraph: break;
    case TermKind::kIri: AppendNTriplesIri(out, value_); break;
    case TermKind::kBlank:
      out += "_:";
      out += value_;
      break;
    case TermKind::kLiteral:
      AppendNTriplesString(out, value_);
      if (!language_.empty()) {
        out += '@';
        out += language_;
      } else if (datatype_ != vocab::kXsdString) {
        out += "^^";
        AppendNTriplesIri(out, datatype_);
      }
      break;
  }
  return out;
}

bool operator<(const Term& a, const Term& b) {
  return std::tie(a.kind_, a.value_, a.datatype_, a.language_) <
         std::tie(b.kind_, b.value_, b.datatype_, b.language_);
}

bool operator<(const Quad& a, const Quad& b) {
  return std::tie(a.subject, a.predicate, a.object, a.graph) <
         std::tie(b.subject, b.predicate, b.object, b.graph);
}

std::string Quad::ToNQuads() const {
  std::string out = subject.ToNTriples();
  out += ' ';
  out += predicate.ToNTriples();
  out += ' ';
  out += object.ToNTriples();
  if (!graph.is_default_graph()) {
    out += ' ';
    out += graph.ToNTriples();
  }
  out += " .";
  return out;
}

size_t TermHash::operator()(const Term& t) const {
  size_t h = std::hash<std::string>()(t.value());
  h ^= std::hash<std::string>()(t.datatype()) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h ^= std::hash<std::string>()(t.language()) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h ^ static_cast<size_t>(t.kind());
}

}  // namespace sextant
