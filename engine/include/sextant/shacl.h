// SHACL validation (W3C Shapes Constraint Language, Core and SPARQL): validation reports, and
// shapes the store enforces on every commit. See docs/SHACL.md.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "sextant/export.h"
#include "sextant/rdf_format.h"
#include "sextant/status.h"
#include "sextant/term.h"

namespace sextant {

// The named graph holding the shapes the store enforces. Its triples are shapes, not data:
// validation never reads them as data, and every commit is checked against them.
inline constexpr std::string_view kShapesGraphIri = "urn:sextant:shapes";

// One sh:ValidationResult.
struct ValidationResult {
  Term focus_node;
  // sh:resultPath: an IRI, or a blank node described by `path_triples` (the result's own copy
  // of its shape's path, SHACL 3.6.2.4).
  std::optional<Term> path;
  std::vector<Quad> path_triples;
  std::string path_text;  // the path in SPARQL syntax ("" when there is none)
  std::optional<Term> value;
  Term source_shape;  // an IRI or a blank node of the shapes graph
  Term source_constraint_component;
  std::optional<Term> source_constraint;  // the sh:sparql node, for SPARQL constraints
  Term severity;                          // sh:Violation, sh:Warning, sh:Info or another IRI
  std::vector<Term> messages;             // sh:resultMessage values
  // Where the offending fact is stated (Sextant's addition, not in the Turtle report): the
  // graphs of the triple (focus, path, value) for a one-step path; otherwise the graphs that
  // make the focus node a target. Term::DefaultGraph() is the default graph.
  std::vector<Term> source_graphs;
};

// One sh:ValidationReport.
struct ValidationReport {
  bool conforms = true;
  std::vector<ValidationResult> results;
  // Results beyond ValidateOptions::max_results were counted, not kept.
  uint64_t results_omitted = 0;
  uint64_t focus_nodes = 0;  // focus nodes validated (targets, not nested checks)
  // What the shapes graph says of the blank source shapes and source constraints results refer
  // to: WriteValidationReport writes them so the report is complete RDF.
  std::vector<Quad> shape_triples;
};

struct ValidateOptions {
  // Validate only this graph (Term::DefaultGraph() for the default graph); unset: the union of
  // every graph but the shapes graph, derived facts included.
  std::optional<Term> graph;
  // Shapes text: Turtle unless set (TriG, N-Triples, N-Quads also read; graph names ignored).
  std::optional<RdfFormat> format;
  std::string source_name;  // named in errors ("shapes.ttl")
  std::string base_iri;
  // Results kept in the report (0 = no limit); the rest are counted in results_omitted.
  uint64_t max_results = 0;
  // Limits of the validation (and, for EnforceShapes, of the commit that validates the whole
  // store): the time (0 = none; kTimeout), a flag that stops it from another thread
  // (kInterrupted), and the memory the SPARQL of the shapes may hold (0 = the query engine's
  // default; kResourceExhausted), as in QueryOptions.
  std::chrono::milliseconds timeout{0};
  const std::atomic<bool>* interrupt = nullptr;
  uint64_t max_memory_bytes = 0;
};

// One shape of the enforced shapes, as `Database::ListShapes` reports it.
struct ShapeInfo {
  Term shape;
  bool property_shape = false;
  std::string path_text;             // property shapes: sh:path in SPARQL syntax
  std::vector<std::string> targets;  // "class ex:C", "node ex:n", "subjectsOf ex:p", ...
  size_t constraints = 0;            // constraint components used directly by the shape
  bool deactivated = false;
};

// The report as a table: one line per result with focus node, path, value, severity, source
// graph and message, then a summary line. IRIs are shortened with `prefixes` (name, IRI).
SEXTANT_API std::string FormatValidationTable(
    const ValidationReport& report,
    const std::vector<std::pair<std::string, std::string>>& prefixes = {});

// The standard validation report (sh:ValidationReport) as Turtle or another RDF format.
SEXTANT_API Status WriteValidationReport(const ValidationReport& report, std::ostream& out,
                                         RdfFormat format = RdfFormat::kTurtle);

}  // namespace sextant
