// RDF targets: the engine's streaming Turtle-family parser (UTF-8 checks, term building, prefix
// and base handling, RDF 1.2 syntax, lenient recovery), each input in strict and in lenient mode.
// The two modes must agree: lenient recovery is our own code and the likeliest place for bugs.
#include <serd/serd.h>

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

// serd reading the whole text at once, without our byte feed: how many statements it accepts,
// or -1 when it reports an error.
long SerdAlone(std::string_view text, RdfFormat format) {
  static constexpr SerdSyntax kSyntax[] = {SERD_NTRIPLES, SERD_NQUADS, SERD_TURTLE, SERD_TRIG};
  struct Count {
    long statements = 0;
    bool error = false;
  } count;
  auto on_statement = [](void* handle, SerdStatementFlags, const SerdNode*, const SerdNode*,
                         const SerdNode*, const SerdNode*, const SerdNode*, const SerdNode*) {
    ++static_cast<Count*>(handle)->statements;
    return SERD_SUCCESS;
  };
  auto on_error = [](void* handle, const SerdError*) {
    static_cast<Count*>(handle)->error = true;
    return SERD_SUCCESS;
  };
  SerdReader* reader = serd_reader_new(kSyntax[static_cast<int>(format)], &count, nullptr, nullptr,
                                       nullptr, on_statement, nullptr);
  serd_reader_set_strict(reader, true);
  serd_reader_set_error_sink(reader, on_error, &count);
  const std::string copy(text);  // serd wants a terminating NUL
  const SerdStatus status =
      serd_reader_read_string(reader, reinterpret_cast<const uint8_t*>(copy.c_str()));
  serd_reader_free(reader);
  return count.error || status > SERD_FAILURE ? -1 : count.statements;
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
    // A second reader as a cross-check: where serd (which knows RDF 1.1 only) also accepts
    // the text, it reads as many statements. serd stops at a NUL byte, rejects empty text and
    // does not skip a byte order mark.
    std::string_view plain = text;
    if (plain.starts_with("\xEF\xBB\xBF")) plain.remove_prefix(3);
    if (plain.empty() || plain.find('\0') != std::string_view::npos) return Status::OK();
    const long serd_count = SerdAlone(plain, format);
    if (serd_count >= 0 && serd_count != static_cast<long>(strict.quads.size())) {
      return Status::Internal("accepted, but serd alone reads " + std::to_string(serd_count) +
                              " statements, not " + std::to_string(strict.quads.size()));
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
