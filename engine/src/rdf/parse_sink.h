// What the RDF/XML and JSON-LD parsers share with the loader: handing over statements, counting
// them, reporting progress, and turning an error into a strict-mode SyntaxError or a lenient-mode
// diagnostic.
#pragma once

#include <cstdint>
#include <string>

#include "rdf/byte_input.h"
#include "rdf/parser.h"

namespace sextant::rdf {

class ParseSink {
 public:
  ParseSink(const ParseOptions& options, const ByteInput& input, const QuadHandler& on_quad,
            const DiagnosticHandler& on_error)
      : options_(options), input_(input), on_quad_(on_quad), on_error_(on_error) {}

  // Hands a statement to the caller; a non-OK status ends parsing.
  Status Emit(const QuadView& quad) {
    if (on_quad_) SEXTANT_RETURN_IF_ERROR(on_quad_(quad));
    ++stats_.statements;
    if (options_.progress && options_.progress_every != 0 &&
        stats_.statements >= next_progress_ + options_.progress_every) {
      next_progress_ = stats_.statements;
      options_.progress(LoadProgress{bytes_, input_.total_bytes(), stats_.statements});
    }
    return Status::OK();
  }

  // Strict mode: the SyntaxError that ends parsing. Lenient mode: OK, the error counted as one
  // skipped statement (the caller skips it).
  Status Report(uint64_t line, uint64_t column, std::string message) {
    LoadDiagnostic diag;
    diag.source = options_.source_name;
    diag.line = line;
    diag.column = column;
    diag.message = std::move(message);
    if (on_error_) on_error_(diag);
    if (!options_.lenient) {
      return Status::SyntaxError(diag.message, diag.source, diag.line, diag.column);
    }
    ++stats_.skipped;
    return Status::OK();
  }

  void set_bytes(uint64_t bytes) { bytes_ = bytes; }
  bool lenient() const { return options_.lenient; }

  ParseStats Finish() {
    stats_.bytes = bytes_;
    if (options_.progress) {
      options_.progress(LoadProgress{bytes_, input_.total_bytes(), stats_.statements});
    }
    return stats_;
  }

 private:
  const ParseOptions& options_;
  const ByteInput& input_;
  const QuadHandler& on_quad_;
  const DiagnosticHandler& on_error_;
  ParseStats stats_;
  uint64_t bytes_ = 0;
  uint64_t next_progress_ = 0;
};

}  // namespace sextant::rdf
