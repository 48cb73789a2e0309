#include "rdf/parser.h"

#include <memory>
#include <utility>

#include "rdf/byte_input.h"
#include "rdf/iri.h"
#include "rdf/jsonld_parser.h"
#include "rdf/rdfxml_parser.h"
#include "rdf/turtle_parser.h"

namespace sextant::rdf {

namespace {

// Every format's parser behind the one entry point.
Result<ParseStats> ParseInput(ByteInput& input, const ParseOptions& options,
                              const QuadHandler& on_quad, const DiagnosticHandler& on_error) {
  switch (options.format) {
    case RdfFormat::kRdfXml: return ParseRdfXml(input, options, on_quad, on_error);
    case RdfFormat::kJsonLd: return ParseJsonLd(input, options, on_quad, on_error);
    case RdfFormat::kNTriples:
    case RdfFormat::kNQuads:
    case RdfFormat::kTurtle:
    case RdfFormat::kTriG: break;
  }
  return ParseTurtleFamily(input, options, on_quad, on_error);
}

}  // namespace

Result<ParseStats> ParseFile(const std::string& path, const ParseOptions& options,
                             const QuadHandler& on_quad, const DiagnosticHandler& on_error) {
  SEXTANT_ASSIGN_OR_RETURN(std::unique_ptr<ByteInput> input, ByteInput::OpenFile(path));
  ParseOptions opts = options;
  if (opts.source_name.empty()) opts.source_name = path == "-" ? "<stdin>" : path;
  if (opts.base_iri.empty() && path != "-") opts.base_iri = FileIri(path);
  return ParseInput(*input, opts, on_quad, on_error);
}

Result<ParseStats> ParseString(std::string_view text, const ParseOptions& options,
                               const QuadHandler& on_quad, const DiagnosticHandler& on_error) {
  std::unique_ptr<ByteInput> input = ByteInput::OpenString(text);
  ParseOptions opts = options;
  if (opts.source_name.empty()) opts.source_name = "<string>";
  return ParseInput(*input, opts, on_quad, on_error);
}

namespace {
QuadHandler Collect(std::vector<Quad>& out) {
  return [&out](const QuadView& q) {
    out.push_back(q.ToQuad());
    return Status::OK();
  };
}
}  // namespace

Result<std::vector<Quad>> ParseFileToQuads(const std::string& path, const ParseOptions& options) {
  std::vector<Quad> quads;
  SEXTANT_RETURN_IF_ERROR(ParseFile(path, options, Collect(quads), nullptr).status());
  return quads;
}

Result<std::vector<Quad>> ParseStringToQuads(std::string_view text, const ParseOptions& options) {
  std::vector<Quad> quads;
  SEXTANT_RETURN_IF_ERROR(ParseString(text, options, Collect(quads), nullptr).status());
  return quads;
}

}  // namespace sextant::rdf
