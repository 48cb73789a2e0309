// RDF targets: the engine's streaming parser (byte feed, UTF-8 checks, term building, prefix
// and base handling, lenient recovery) on serd, each input in strict and in lenient mode. The
// two modes must agree: lenient recovery is our own code and the likeliest place for bugs.
#include <string>
#include <vector>

#include "fuzz_targets.h"
#include "rdf/parser.h"

namespace sextant::fuzz {
namespace {

struct Outcome {
  Result<rdf::ParseStats> stats = Status::Internal("not run");
  std::vector<Quad> quads;
  std::vector<LoadDiagnostic> diagnostics;
};

Outcome RunParser(std::string_view text, RdfFormat format, bool lenient) {
  rdf::ParseOptions options;
  options.format = format;
  options.lenient = lenient;
  options.base_iri = "http://example.org/dir/base#frag";
  options.blank_prefix = "x";
  // Often enough that small inputs reach the progress path too.
  options.progress_every = 3;
  uint64_t last_bytes = 0;
  bool progress_ok = true;
  options.progress = [&](const LoadProgress& p) {
    progress_ok = progress_ok && p.bytes_read >= last_bytes && p.bytes_read <= text.size();
    last_bytes = p.bytes_read;
  };
  Outcome out;
  out.stats = rdf::ParseString(
      text, options,
      [&](const rdf::QuadView& q) {
        out.quads.push_back(q.ToQuad());
        return Status::OK();
      },
      [&](const LoadDiagnostic& d) { out.diagnostics.push_back(d); });
  if (!progress_ok && out.stats.ok()) out.stats = Status::Internal("progress went backwards");
  return out;
}

bool ValidPosition(uint64_t line, uint64_t column) {
  return line >= 1 && column >= 1;
}

Status CheckRdf(std::string_view text, RdfFormat format) {
  const Outcome strict = RunParser(text, format, /*lenient=*/false);
  const Outcome lenient = RunParser(text, format, /*lenient=*/true);
  if (IsBug(strict.stats.status())) return strict.stats.status();
  if (IsBug(lenient.stats.status())) return lenient.stats.status();

  if (!lenient.stats.ok()) {
    return Status::Internal("lenient parsing failed: " + lenient.stats.status().ToString());
  }
  if (lenient.diagnostics.size() != lenient.stats->skipped) {
    return Status::Internal("lenient: diagnostics and skipped statements differ");
  }
  for (const LoadDiagnostic& d : lenient.diagnostics) {
    if (!ValidPosition(d.line, d.column)) return Status::Internal("lenient: bad position");
  }
  if (strict.stats.ok()) {
    if (lenient.stats->skipped != 0 || lenient.quads != strict.quads) {
      return Status::Internal("strict accepts the input but lenient reads it differently");
    }
    return Status::OK();
  }
  const Status error = strict.stats.status();
  if (error.code() != StatusCode::kSyntaxError) {
    return Status::Internal("strict: unexpected error " + error.ToString());
  }
  if (!ValidPosition(error.line(), error.column()) || strict.diagnostics.size() != 1 ||
      strict.diagnostics[0].line != error.line() ||
      strict.diagnostics[0].column != error.column()) {
    return Status::Internal("strict: error and diagnostic disagree: " + error.ToString());
  }
  if (lenient.stats->skipped == 0) {
    return Status::Internal("strict rejects the input but lenient skips nothing: " +
                            error.ToString());
  }
  return error;
}

// Each target covers a format and its superset (N-Quads, TriG); a bug in the first ends it.
Status CheckFormats(std::string_view input, RdfFormat first, RdfFormat second) {
  const Status status = CheckRdf(input, first);
  if (IsBug(status)) return status;
  return CheckRdf(input, second);
}

}  // namespace

Status FuzzNTriples(std::string_view input) {
  return CheckFormats(input, RdfFormat::kNTriples, RdfFormat::kNQuads);
}

Status FuzzTurtle(std::string_view input) {
  return CheckFormats(input, RdfFormat::kTurtle, RdfFormat::kTriG);
}

}  // namespace sextant::fuzz
