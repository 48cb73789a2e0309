#include "sextant/term.h"

#include <tuple>

#include "base/ntriples_escape.h"

namespace sextant {

namespace {

void AppendNTriples(std::string& out, const Term& t) {
  switch (t.kind()) {
    case TermKind::kDefaultGraph: break;
    case TermKind::kIri: AppendNTriplesIri(out, t.value()); break;
    case TermKind::kBlank:
      out += "_:";
      out += t.value();
      break;
    case TermKind::kLiteral:
      AppendNTriplesString(out, t.value());
      if (!t.language().empty()) {
        out += '@';
        out += t.language();
        if (t.direction() != Direction::kNone) {
          out += "--";
          out += DirectionName(t.direction());
        }
      } else if (t.datatype() != vocab::kXsdString) {
        out += "^^";
        AppendNTriplesIri(out, t.datatype());
      }
      break;
    case TermKind::kTriple:
      out += "<<( ";
      for (int i = 0; i < 3; ++i) {
        AppendNTriples(out, t.part(i));
        out += ' ';
      }
      out += ")>>";
      break;
  }
}

}  // namespace

std::string Term::ToNTriples() const {
  std::string out;
  AppendNTriples(out, *this);
  return out;
}

bool operator<(const Term& a, const Term& b) {
  if (std::tie(a.kind_, a.value_, a.datatype_, a.language_, a.direction_) !=
      std::tie(b.kind_, b.value_, b.datatype_, b.language_, b.direction_)) {
    return std::tie(a.kind_, a.value_, a.datatype_, a.language_, a.direction_) <
           std::tie(b.kind_, b.value_, b.datatype_, b.language_, b.direction_);
  }
  for (int i = 0; i < 3; ++i) {
    if (a.part(i) != b.part(i)) return a.part(i) < b.part(i);
  }
  return false;
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
  auto mix = [](size_t h, size_t v) {
    return h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
  };
  size_t h = std::hash<std::string>()(t.value());
  h = mix(h, std::hash<std::string>()(t.datatype()));
  h = mix(h, std::hash<std::string>()(t.language()));
  h = mix(h, static_cast<size_t>(t.direction()));
  if (t.is_triple()) {
    for (int i = 0; i < 3; ++i) h = mix(h, (*this)(t.part(i)));
  }
  return h ^ static_cast<size_t>(t.kind());
}

}  // namespace sextant
