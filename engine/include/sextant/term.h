// RDF terms and quads as plain values. Identity is lexical: a term is given back exactly as it
// was stored ("01"^^xsd:integer stays "01"). RDF 1.2 triple terms are terms like the others.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "sextant/export.h"

namespace sextant {

namespace vocab {
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kXsdString = "http://www.w3.org/2001/XMLSchema#string";
inline constexpr std::string_view kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";
inline constexpr std::string_view kXsdDecimal = "http://www.w3.org/2001/XMLSchema#decimal";
inline constexpr std::string_view kXsdDouble = "http://www.w3.org/2001/XMLSchema#double";
inline constexpr std::string_view kXsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean";
inline constexpr std::string_view kXsdDate = "http://www.w3.org/2001/XMLSchema#date";
inline constexpr std::string_view kXsdDateTime = "http://www.w3.org/2001/XMLSchema#dateTime";
inline constexpr std::string_view kRdfLangString =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
inline constexpr std::string_view kRdfDirLangString =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString";
inline constexpr std::string_view kRdfReifies =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies";
}  // namespace vocab

enum class TermKind : uint8_t {
  kDefaultGraph = 0,  // only meaningful in the graph position of a quad
  kIri = 1,
  kBlank = 2,
  kLiteral = 3,
  kTriple = 4,  // an RDF 1.2 triple term, <<( subject predicate object )>>
};

// Base direction of a language-tagged literal (RDF 1.2, "..."@ar--rtl); kNone for every literal
// without one and every other term.
enum class Direction : uint8_t { kNone = 0, kLtr = 1, kRtl = 2 };
// "ltr", "rtl", or "" for kNone.
inline std::string_view DirectionName(Direction direction) {
  switch (direction) {
    case Direction::kLtr: return "ltr";
    case Direction::kRtl: return "rtl";
    case Direction::kNone: break;
  }
  return "";
}
// kLtr for "ltr", kRtl for "rtl" (exactly: directions are lower case), nullopt otherwise.
inline std::optional<Direction> DirectionFromName(std::string_view name) {
  if (name == "ltr") return Direction::kLtr;
  if (name == "rtl") return Direction::kRtl;
  return std::nullopt;
}

class Term {
 public:
  Term() = default;  // the default graph

  static Term Iri(std::string iri) { return Term(TermKind::kIri, std::move(iri), {}, {}); }
  static Term Blank(std::string label) { return Term(TermKind::kBlank, std::move(label), {}, {}); }
  // A literal with datatype xsd:string.
  static Term Literal(std::string lexical) {
    return Term(TermKind::kLiteral, std::move(lexical), std::string(vocab::kXsdString), {});
  }
  static Term TypedLiteral(std::string lexical, std::string datatype) {
    return Term(TermKind::kLiteral, std::move(lexical), std::move(datatype), {});
  }
  // A language-tagged literal: datatype rdf:langString, or rdf:dirLangString with a direction.
  // Language tags compare case-insensitively, so the tag is kept in lower case.
  static Term LangLiteral(std::string lexical, std::string language,
                          Direction direction = Direction::kNone) {
    for (char& c : language) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    Term t(TermKind::kLiteral, std::move(lexical),
           std::string(direction == Direction::kNone ? vocab::kRdfLangString
                                                     : vocab::kRdfDirLangString),
           std::move(language));
    t.direction_ = direction;
    return t;
  }
  // A triple term. Its parts are shared, not copied, when the term is copied. RDF 1.2 allows
  // an IRI or blank node as subject, an IRI as predicate, and any term but the default graph
  // as object; the database refuses a quad holding a triple term that breaks this.
  static Term Triple(Term subject, Term predicate, Term object);
  static Term DefaultGraph() { return Term(); }

  TermKind kind() const { return kind_; }
  bool is_iri() const { return kind_ == TermKind::kIri; }
  bool is_blank() const { return kind_ == TermKind::kBlank; }
  bool is_literal() const { return kind_ == TermKind::kLiteral; }
  bool is_triple() const { return kind_ == TermKind::kTriple; }
  bool is_default_graph() const { return kind_ == TermKind::kDefaultGraph; }

  // IRI text, blank node label (without "_:"), or literal lexical form; empty for triple terms.
  const std::string& value() const { return value_; }
  // Literal datatype IRI (xsd:string for simple literals, rdf:langString with a language,
  // rdf:dirLangString with a language and a direction); empty for non-literals.
  const std::string& datatype() const { return datatype_; }
  // Language tag of a language-tagged literal, empty otherwise.
  const std::string& language() const { return language_; }
  // Base direction of a language-tagged literal.
  Direction direction() const { return direction_; }

  // The parts of a triple term; for any other term, the default graph term.
  const Term& subject() const;
  const Term& predicate() const;
  const Term& object() const;
  // Part i (0 subject, 1 predicate, 2 object) of a triple term.
  const Term& part(int i) const;

  // N-Triples form: <iri>, _:label, "lex", "lex"@en, "lex"@ar--rtl, "lex"^^<dt>,
  // <<( s p o )>>; empty for the default graph.
  SEXTANT_API std::string ToNTriples() const;

  friend bool operator==(const Term& a, const Term& b) {
    return a.kind_ == b.kind_ && a.value_ == b.value_ && a.datatype_ == b.datatype_ &&
           a.language_ == b.language_ && a.direction_ == b.direction_ &&
           (a.parts_ == b.parts_ || PartsEqual(a, b));
  }
  friend bool operator!=(const Term& a, const Term& b) { return !(a == b); }
  // A total order (kind, value, datatype, language, direction, parts) for sorting and maps,
  // not SPARQL's ORDER BY.
  SEXTANT_API friend bool operator<(const Term& a, const Term& b);

 private:
  struct Parts;
  Term(TermKind kind, std::string value, std::string datatype, std::string language)
      : kind_(kind),
        value_(std::move(value)),
        datatype_(std::move(datatype)),
        language_(std::move(language)) {}
  static bool PartsEqual(const Term& a, const Term& b);

  TermKind kind_ = TermKind::kDefaultGraph;
  Direction direction_ = Direction::kNone;
  std::string value_;
  std::string datatype_;
  std::string language_;
  // Triple terms only: subject, predicate, object. Immutable once made, so sharing is safe.
  std::shared_ptr<const Parts> parts_;
};

struct Term::Parts {
  Term terms[3];
};

inline Term Term::Triple(Term subject, Term predicate, Term object) {
  Term t;
  t.kind_ = TermKind::kTriple;
  t.parts_ = std::make_shared<const Parts>(
      Parts{{std::move(subject), std::move(predicate), std::move(object)}});
  return t;
}

inline const Term& Term::part(int i) const {
  if (parts_ == nullptr || i < 0 || i > 2) {
    static const Term kNone;
    return kNone;
  }
  return parts_->terms[i];
}
inline const Term& Term::subject() const {
  return part(0);
}
inline const Term& Term::predicate() const {
  return part(1);
}
inline const Term& Term::object() const {
  return part(2);
}

inline bool Term::PartsEqual(const Term& a, const Term& b) {
  if (a.parts_ == nullptr || b.parts_ == nullptr) return false;
  for (int i = 0; i < 3; ++i) {
    if (a.parts_->terms[i] != b.parts_->terms[i]) return false;
  }
  return true;
}

struct Quad {
  Term subject;
  Term predicate;
  Term object;
  Term graph;  // Term::DefaultGraph() for the default graph

  friend bool operator==(const Quad& a, const Quad& b) {
    return a.subject == b.subject && a.predicate == b.predicate && a.object == b.object &&
           a.graph == b.graph;
  }
  SEXTANT_API friend bool operator<(const Quad& a, const Quad& b);
  // One N-Quads line without the trailing newline.
  SEXTANT_API std::string ToNQuads() const;
};

// A scan pattern: an unset position matches anything. An unset graph matches every graph,
// including the default graph; Term::DefaultGraph() matches only the default graph.
struct QuadPattern {
  std::optional<Term> subject;
  std::optional<Term> predicate;
  std::optional<Term> object;
  std::optional<Term> graph;
};

struct TermHash {
  SEXTANT_API size_t operator()(const Term& t) const;
};

// Why the store could not keep `term`, or nullopt when it can: an IRI must be absolute and free
// of the characters IRIs forbid (space, <, >, ", {, }, |, ^, `, \), a language tag well-formed,
// all text UTF-8. Every write checks this and fails with InvalidArgument; callers that take
// terms from outside (request parameters) can ask first for a message of their own.
SEXTANT_API std::optional<std::string> TermProblem(const Term& term);

}  // namespace sextant
