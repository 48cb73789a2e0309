// Streaming RDF parsing with positioned errors: N-Triples, N-Quads, Turtle and TriG (RDF 1.2
// included), RDF/XML (rdfxml_parser) and JSON-LD (jsonld_parser) behind the same entry points.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/term_view.h"
#include "sextant/loader.h"
#include "sextant/rdf_format.h"
#include "sextant/status.h"

namespace sextant::rdf {

// JSON-LD only.
struct JsonLdReadOptions {
  JsonLdContextOptions contexts;
  // A context applied before the document's own (the API's expandContext): a URL or file IRI.
  std::string expand_context;
  // How base directions become RDF: "i18n-datatype", "compound-literal", or empty (dropped).
  std::string rdf_direction;
  // With rdf_direction empty: a base direction on a language-tagged string becomes RDF 1.2's
  // directional language-tagged literal (the store keeps those) instead of being dropped.
  bool keep_direction = false;
  bool json_ld_10 = false;  // processingMode json-ld-1.0
};

struct ParseOptions {
  RdfFormat format = RdfFormat::kNTriples;
  // Name used in error messages ("file.ttl"; "<string>" for in-memory text).
  std::string source_name;
  // Base IRI for resolving relative IRIs. ParseFile defaults it to the file's file:// IRI;
  // ParseString without a base leaves relative IRIs as written.
  std::string base_iri;
  // See LoadOptions::lenient.
  bool lenient = false;
  // Prepended to every blank node label, so labels from different loads never collide. Labels
  // written in the document are kept; anonymous nodes ([] and lists) are named "_g<N>".
  std::string blank_prefix;
  // How often (in statements) the progress callback runs.
  uint64_t progress_every = 1u << 16;
  std::function<void(const LoadProgress&)> progress;
  JsonLdReadOptions jsonld;
};

struct ParseStats {
  uint64_t statements = 0;
  uint64_t skipped = 0;
  uint64_t bytes = 0;
};

// Receives each statement; the views are valid only during the call. A non-OK status stops
// parsing and is returned from Parse*.
using QuadHandler = std::function<Status(const QuadView&)>;
// Receives each error: in strict mode only the first (which then ends parsing with a
// SyntaxError status carrying the same position), in lenient mode each skipped statement.
// Positions are 1-based; columns count characters (a BOM is not counted) and point where the
// parser noticed the problem, or just past the last character for a premature end of input.
// Lenient recovery: N-Triples/N-Quads skip the line; Turtle/TriG skip to the next '.' that ends
// a statement, and an error inside a TriG graph block drops that whole block (so no statement
// is ever put into the wrong graph).
using DiagnosticHandler = std::function<void(const LoadDiagnostic&)>;

// Reads a file ("-" for stdin); ".gz" files are decompressed transparently.
Result<ParseStats> ParseFile(const std::string& path, const ParseOptions& options,
                             const QuadHandler& on_quad, const DiagnosticHandler& on_error);
Result<ParseStats> ParseString(std::string_view text, const ParseOptions& options,
                               const QuadHandler& on_quad, const DiagnosticHandler& on_error);

// Whole-input conveniences for tests and manifests (strict unless options say otherwise).
Result<std::vector<Quad>> ParseFileToQuads(const std::string& path, const ParseOptions& options);
Result<std::vector<Quad>> ParseStringToQuads(std::string_view text, const ParseOptions& options);

}  // namespace sextant::rdf
