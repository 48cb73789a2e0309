// Conflicts between sources (docs/CONFLICTS.md): the subject/property pairs on which named
// graphs, read as sources, disagree. An analyst's view of a store that keeps each source in
// its own graph: where the sources differ, what each one says, and the passage it says it in.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sextant/export.h"
#include "sextant/status.h"
#include "sextant/term.h"

namespace sextant {

class Database;

namespace vocab {
inline constexpr std::string_view kOwlFunctionalProperty =
    "http://www.w3.org/2002/07/owl#FunctionalProperty";
inline constexpr std::string_view kOwlNegativePropertyAssertion =
    "http://www.w3.org/2002/07/owl#NegativePropertyAssertion";
inline constexpr std::string_view kShMaxCount = "http://www.w3.org/ns/shacl#maxCount";
inline constexpr std::string_view kShPath = "http://www.w3.org/ns/shacl#path";
}  // namespace vocab

enum class ConflictKind : uint8_t {
  // Sources give different numbers (every value is a numeric literal).
  kNumbers,
  // Sources give different values of a functional property: one declared
  // owl:FunctionalProperty, or the sh:path of a property shape with sh:maxCount 1.
  kFunctional,
  // One source asserts the fact, another denies it with an owl:NegativePropertyAssertion.
  kDenied,
};

// "numbers", "functional", "denied".
SEXTANT_API std::string_view ConflictKindName(ConflictKind kind);

// One source's side of a conflict.
struct ConflictSide {
  Term graph;  // the source: a named graph (Term::DefaultGraph() for the default graph)
  Term value;  // the object the source states (or, for kDenied with `denies`, denies)
  bool denies = false;
  // What the source graph says of itself (subject: the graph IRI, in the graph): dct:title or
  // rdfs:label, dct:publisher, dct:date, dct:source. Empty when it says nothing.
  std::string title, publisher, date, url;
  // The passages that attest the fact in this graph: the quote literals of the nodes that
  // reify it (rdf:Statement with rdf:subject/predicate/object, or an RDF 1.2 reifier with
  // rdf:reifies), or of the nodes that point at such a node.
  std::vector<std::string> quotes;
};

struct Conflict {
  Term subject, predicate;
  ConflictKind kind = ConflictKind::kNumbers;
  bool functional = false;  // the property is declared functional (whatever the kind)
  // One side per (source, value), sources in graph order.
  std::vector<ConflictSide> sides;
};

struct ConflictOptions {
  // Conflicts kept in the report (0 = all); the rest are counted in conflicts_omitted.
  uint64_t max_conflicts = 1000;
  // 0 = no timeout; beyond it the search ends with kTimeout.
  std::chrono::milliseconds timeout{0};
  // Set to true from any thread to stop the search (kInterrupted).
  const std::atomic<bool>* interrupt = nullptr;
  // Only pairs with this subject / this property.
  std::optional<Term> subject, predicate;
  // Predicates whose literal values on an evidence node are its quote.
  std::vector<std::string> quote_predicates = {"http://sextant.local/quote"};
};

struct ConflictReport {
  std::vector<Conflict> conflicts;  // by subject, then property
  uint64_t conflicts_omitted = 0;
  uint64_t quads_read = 0;
  uint64_t functional_properties = 0;  // declared in the store, by either means
  uint64_t denials = 0;                // owl:NegativePropertyAssertion nodes read
};

// Reads the store on one snapshot. Every named graph is a source, and so is the default graph;
// the derived graph (rules) and the shapes graph are not sources. Two sources disagree on a
// subject/property pair when the sets of values they give differ and the pair is numeric or
// functional, or when one asserts a triple another denies.
SEXTANT_API Result<ConflictReport> FindConflicts(const Database& db,
                                                 const ConflictOptions& options = {});

// The report as result rows, one per side: subject, property, kind, says ("states" or
// "denies"), value, source, title, date, url, quote (the quotes joined by " / "); empty texts
// and the default graph as unbound cells. What the command line, the shell and the server
// print.
SEXTANT_API const std::vector<std::string>& ConflictColumns();
SEXTANT_API std::vector<std::vector<std::optional<Term>>> ConflictRows(
    const ConflictReport& report);

}  // namespace sextant
