// RDF terms and quads as plain values. Identity is lexical: a term is given back exactly as it
// was stored ("01"^^xsd:integer stays "01").
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

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
}  // namespace vocab

enum class TermKind : uint8_t {
  kDefaultGraph = 0,  // only meaningful in the graph position of a quad
  kIri = 1,
  kBlank = 2,
  kLiteral = 3,
};

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
  static Term LangLiteral(std::string lexical, std::string language) {
    return Term(TermKind::kLiteral, std::move(lexical), std::string(vocab::kRdfLangString),
                std::move(language));
  }
  static Term DefaultGraph() { return Term(); }

  TermKind kind() const { return kind_; }
  bool is_iri() const { return kind_ == TermKind::kIri; }
  bool is_blank() const { return kind_ == TermKind::kBlank; }
  bool is_literal() const { return kind_ == TermKind::kLiteral; }
  bool is_default_graph() const { return kind_ == TermKind::kDefaultGraph; }

  // IRI text, blank node label (without "_:"), or literal lexical form.
  const std::string& value() const { return value_; }
  // Literal datatype IRI (xsd:string for simple literals, rdf:langString with a language); empty
  // for non-literals.
  const std::string& datatype() const { return datatype_; }
  // Language tag of a language-tagged literal, empty otherwise.
  const std::string& language() const { return language_; }

  // N-Triples form: <iri>, _:label, "lex", "lex"@en, "lex"^^<dt>; empty for the default graph.
  std::string ToNTriples() const;

  friend bool operator==(const Term& a, const Term& b) {
    return a.kind_ == b.kind_ && a.value_ == b.value_ && a.datatype_ == b.datatype_ &&
           a.language_ == b.language_;
  }
  friend bool operator!=(const Term& a, const Term& b) { return !(a == b); }
  // A total order (kind, value, datatype, language) for sorting and maps, not SPARQL's ORDER BY.
  friend bool operator<(const Term& a, const Term& b);

 private:
  Term(TermKind kind, std::string value, std::string datatype, std::string language)
      : kind_(kind),
        value_(std::move(value)),
        datatype_(std::move(datatype)),
        language_(std::move(language)) {}

  TermKind kind_ = TermKind::kDefaultGraph;
  std::string value_;
  std::string datatype_;
  std::string language_;
};

struct Quad {
  Term subject;
  Term predicate;
  Term object;
  Term graph;  // Term::DefaultGraph() for the default graph

  friend bool operator==(const Quad& a, const Quad& b) {
    return a.subject == b.subject && a.predicate == b.predicate && a.object == b.object &&
           a.graph == b.graph;
  }
  friend bool operator<(const Quad& a, const Quad& b);
  // One N-Quads line without the trailing newline.
  std::string ToNQuads() const;
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
  size_t operator()(const Term& t) const;
};

}  // namespace sextant
