#include "rdf/parser.h"

#include <serd/serd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <utility>

#include "rdf/byte_input.h"
#include "rdf/iri.h"
#include "rdf/rdfxml_parser.h"
#include "rdf/statement_scanner.h"
#include "sextant/utf8.h"

namespace sextant::rdf {

namespace {

// serd is fed one byte per read call (page size 1): then the last byte handed over is exactly
// serd's current position, which gives exact error positions, lets the UTF-8 check stop serd at
// the bad byte, and lets lenient mode resynchronise without serd's private skip functions.
constexpr size_t kBlockSize = 1u << 16;
// N-Triples/N-Quads lines handed to serd in one call on the fast path.
constexpr size_t kMaxFastLines = 64;
// Lenient mode holds back a statement's quads until the statement parsed completely; a TriG
// graph block is one serd chunk, so past this many quads they are released early.
constexpr size_t kMaxHeldQuads = 1u << 16;
// serd follows nested '[' and '(' by recursion, a few hundred bytes of stack per level: without
// a limit a small file of brackets overflows the stack. No real data nests anywhere near this.
constexpr uint32_t kMaxNesting = 1000;

SerdSyntax ToSerdSyntax(RdfFormat format) {
  switch (format) {
    case RdfFormat::kNTriples: return SERD_NTRIPLES;
    case RdfFormat::kNQuads: return SERD_NQUADS;
    case RdfFormat::kTurtle: return SERD_TURTLE;
    case RdfFormat::kTriG: return SERD_TRIG;
    case RdfFormat::kRdfXml: break;  // parsed by rdfxml_parser
  }
  return SERD_NTRIPLES;
}

bool IsLineBased(RdfFormat format) {
  return format == RdfFormat::kNTriples || format == RdfFormat::kNQuads;
}

std::string_view NodeText(const SerdNode* node) {
  return {reinterpret_cast<const char*>(node->buf), node->n_bytes};
}

// serd's messages end with a newline and are terse; say what was expected where we can.
std::string CleanSerdMessage(std::string msg) {
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == '\r' || msg.back() == ' ')) {
    msg.pop_back();
  }
  static const std::pair<const char*, const char*> kRewrites[] = {
      {"bad verb", "expected a predicate (IRI, prefixed name or 'a')"},
      {"bad subject", "expected a subject (IRI, prefixed name or blank node)"},
      {"bad object", "expected an object (IRI, blank node or literal)"},
      {"expected `.'", "expected '.' at the end of the statement"},
      {"missing IRI scheme", "relative IRI: N-Triples and N-Quads need absolute IRIs"},
  };
  // serd reads the end of input as the byte value -1 and complains about that "character".
  if (msg.find("%FFFFFFFF") != std::string::npos || msg.find("`\xFF'") != std::string::npos) {
    return "unexpected end of input";
  }
  for (const auto& [from, to] : kRewrites) {
    if (msg == from) return to;
  }
  // serd quotes `like this'; plain quotes read better.
  for (char& c : msg) {
    if (c == '`') c = '\'';
  }
  if (msg == "unexpected ' '") return "unexpected space";
  return msg;
}

struct Position {
  uint64_t line = 1;
  uint64_t column = 1;
};

class Parser {
 public:
  Parser(const ParseOptions& options, ByteInput& input, const QuadHandler& on_quad,
         const DiagnosticHandler& on_error)
      : options_(options),
        input_(input),
        on_quad_(on_quad),
        on_error_(on_error),
        base_(options.base_iri),
        buffer_(new char[kBlockSize]) {}

  ~Parser() {
    if (reader_ != nullptr) serd_reader_free(reader_);
  }

  Result<ParseStats> Run();

 private:
  // --- byte level ---------------------------------------------------------------------------
  // Next raw byte from the input; false at the end.
  bool Fetch(unsigned char* c);
  // Next raw byte without consuming it; false at the end.
  bool Peek(unsigned char* c);
  void Track(unsigned char c);
  Position Here() const;
  Position AfterLast() const;
  size_t DeliverByte(void* buf);
  // False (and the input marked bad) once brackets nest deeper than kMaxNesting.
  bool NestingOk();
  // Drops input up to a point where parsing can resume (lenient mode).
  void SkipBadStatement();

  // --- serd callbacks -----------------------------------------------------------------------
  static size_t SerdRead(void* buf, size_t size, size_t nmemb, void* stream);
  static int SerdStreamError(void* stream);
  static SerdStatus OnError(void* handle, const SerdError* error);
  static SerdStatus OnBase(void* handle, const SerdNode* uri);
  static SerdStatus OnPrefix(void* handle, const SerdNode* name, const SerdNode* uri);
  static SerdStatus OnStatement(void* handle, SerdStatementFlags flags, const SerdNode* graph,
                                const SerdNode* subject, const SerdNode* predicate,
                                const SerdNode* object, const SerdNode* datatype,
                                const SerdNode* lang);

  // --- terms --------------------------------------------------------------------------------
  // Fills `view` from `node`, using `storage` for text that must be built; false (with
  // sink_error_ set) when the node is invalid.
  bool MakeIri(const SerdNode* node, std::string& storage, std::string_view* out);
  bool MakeTerm(const SerdNode* node, std::string& storage, TermView* view);
  bool CheckText(std::string_view text, const char* what);
  bool CheckIri(std::string_view iri);
  bool Fail(std::string message);
  SerdStatus Deliver(const QuadView& quad);
  Status Emit(const QuadView& quad);
  Status FlushHeld();
  void MaybeReportProgress();

  void StartStream();
  // N-Triples/N-Quads fast path: hands serd whole lines as one page instead of byte by byte.
  enum class FastLine { kDone, kSlow };
  Result<FastLine> TryFastLine();
  static size_t SerdReadLine(void* buf, size_t size, size_t nmemb, void* stream);
  Result<ParseStats> RunLines();
  Result<ParseStats> RunChunks();
  // Reports an error of the current statement; true when parsing may go on (lenient mode).
  Status ReportError(Position pos_if_serd);
  Result<ParseStats> Finish();

  const ParseOptions& options_;
  ByteInput& input_;
  const QuadHandler& on_quad_;
  const DiagnosticHandler& on_error_;
  SerdReader* reader_ = nullptr;

  std::string base_;
  std::unordered_map<std::string, std::string> prefixes_;

  // Input buffer and position of the last byte consumed.
  std::unique_ptr<char[]> buffer_;
  size_t buf_pos_ = 0;
  size_t buf_len_ = 0;
  bool input_done_ = false;
  bool at_start_ = true;
  uint64_t bytes_ = 0;
  uint64_t line_ = 1;
  uint64_t col_ = 0;  // column of the last consumed character; 0 before the first on a line
  bool after_newline_ = false;
  bool delivered_any_ = false;
  unsigned char last_ = 0;
  Utf8Stream utf8_;
  // N-Triples/N-Quads: each line is handed to serd as a document of its own, so an error never
  // reaches into the next line and lenient mode resumes exactly at the next line.
  bool line_mode_ = false;
  // Turtle/TriG: follows the text for the nesting limit and, in lenient mode, to find statement
  // and block ends after an error.
  bool scan_ = false;
  StatementScanner scanner_;
  bool line_ended_ = false;
  // Set when the input itself is bad (invalid UTF-8): serd is then shown the end of input.
  bool input_bad_ = false;
  std::string input_error_;
  Position input_error_pos_;

  // Errors seen during the current chunk.
  std::string serd_error_;
  std::string sink_error_;
  Status handler_status_;

  // The lines TryFastLine hands serd, and how often serd asked for input: a second request
  // means serd read past the last byte, i.e. it consumed every line.
  std::string_view fast_line_;
  int fast_reads_ = 0;
  // False while serd parses a fast line without a backslash: everything serd hands over then
  // is raw input, which it checked itself (and the line is printable ASCII), so the checks for
  // what only escapes can produce are skipped.
  bool escapes_possible_ = true;
  // After a failed attempt at several lines, how many of them are retried one by one.
  size_t retry_singly_ = 0;
  // Statements serd delivered during the current fast attempt.
  size_t fast_statements_ = 0;
  // Bytes of the lines serd is parsing on the fast path, for progress reports from inside.
  size_t fast_pending_ = 0;
  // Statements a failed fast attempt already emitted (strict mode): the byte-by-byte
  // re-parse of the same line skips them instead of emitting them twice.
  uint64_t suppress_ = 0;

  // Statements held back in lenient mode until their chunk is complete.
  std::vector<Quad> held_;
  std::string s_buf_, p_buf_, o_buf_, g_buf_, dt_buf_;

  ParseStats stats_;
  uint64_t next_progress_ = 0;
};

bool Parser::Fetch(unsigned char* c) {
  if (!Peek(c)) return false;
  ++buf_pos_;
  Track(*c);
  return true;
}

bool Parser::Peek(unsigned char* c) {
  while (buf_pos_ == buf_len_) {
    if (input_done_) return false;
    buf_len_ = input_.Read(buffer_.get(), kBlockSize);
    buf_pos_ = 0;
    if (buf_len_ == 0) {
      input_done_ = true;
      return false;
    }
    if (at_start_) {
      at_start_ = false;
      // A UTF-8 byte order mark carries no content; dropping it keeps columns honest.
      if (buf_len_ >= 3 && std::memcmp(buffer_.get(), "\xEF\xBB\xBF", 3) == 0) {
        buf_pos_ = 3;
        bytes_ += 3;
      }
    }
  }
  *c = static_cast<unsigned char>(buffer_[buf_pos_]);
  return true;
}

void Parser::Track(unsigned char c) {
  ++bytes_;
  if (after_newline_) {
    ++line_;
    col_ = 0;
    after_newline_ = false;
  }
  if ((c & 0xC0) != 0x80) ++col_;
  after_newline_ = c == '\n';
  last_ = c;
  if (scan_) scanner_.Feed(c);
}

Position Parser::Here() const {
  if (!delivered_any_ && bytes_ == 0) return {1, 1};
  return {line_, col_ == 0 ? 1 : col_};
}

Position Parser::AfterLast() const {
  if (bytes_ == 0) return {1, 1};
  if (after_newline_) return {line_ + 1, 1};
  return {line_, col_ + 1};
}

size_t Parser::DeliverByte(void* buf) {
  if (input_bad_ || line_ended_) return 0;
  // Fast path for the common case (an ASCII byte in the middle of a line): serd calls this once
  // per byte, so it must stay cheap.
  if (buf_pos_ < buf_len_ && !after_newline_ && utf8_.Idle()) {
    const auto c = static_cast<unsigned char>(buffer_[buf_pos_]);
    if (c < 0x80 && c != '\n') {
      ++buf_pos_;
      ++bytes_;
      ++col_;
      last_ = c;
      delivered_any_ = true;
      if (scan_) {
        scanner_.Feed(c);
        if (!NestingOk()) return 0;
      }
      *static_cast<unsigned char*>(buf) = c;
      return 1;
    }
  }
  if (line_mode_ && delivered_any_ && last_ == '\n') {
    line_ended_ = true;
    return 0;
  }
  unsigned char c = 0;
  if (!Fetch(&c)) {
    if (utf8_.Incomplete()) {
      input_bad_ = true;
      input_error_ = "invalid UTF-8: input ends inside a multi-byte character";
      input_error_pos_ = Here();
    }
    return 0;
  }
  delivered_any_ = true;
  // Each N-Triples/N-Quads line is a serd document of its own, and serd skips a byte order
  // mark at a document start: without this, a BOM at the start of any line would be accepted.
  if (line_mode_ && col_ == 1 && c == 0xEF) {
    input_bad_ = true;
    input_error_ = "unexpected byte order mark or non-ASCII character at the start of a line";
    input_error_pos_ = Here();
    return 0;
  }
  if (const Utf8Problem p = utf8_.Feed(c); p != Utf8Problem::kNone) {
    input_bad_ = true;
    input_error_ = p == Utf8Problem::kSurrogate ? "invalid UTF-8: encoded surrogate code point"
                                                : "invalid UTF-8 byte sequence";
    input_error_pos_ = Here();
    return 0;
  }
  if (!NestingOk()) return 0;
  *static_cast<unsigned char*>(buf) = c;
  return 1;
}

bool Parser::NestingOk() {
  if (scanner_.nesting() <= kMaxNesting) return true;
  input_bad_ = true;
  input_error_ =
      "too deeply nested: more than " + std::to_string(kMaxNesting) + " levels of '[' and '('";
  input_error_pos_ = Here();
  return false;
}

void Parser::SkipBadStatement() {
  unsigned char c = 0;
  if (IsLineBased(options_.format)) {
    if (last_ == '\n' && !input_bad_) return;
    while (Fetch(&c)) {
      if (c == '\n') return;
    }
    return;
  }
  // Turtle/TriG: resume after the next '.' that ends a statement (followed by white space).
  auto ends_statement = [&]() {
    unsigned char next = 0;
    return !Peek(&next) || next == ' ' || next == '\t' || next == '\n' || next == '\r';
  };
  if (scanner_.depth() > 0) {
    // Inside a TriG graph block: resuming mid-block would put the block's remaining
    // statements into the default graph, so the rest of the block goes.
    while (scanner_.depth() > 0 && Fetch(&c)) {
    }
    return;
  }
  if (!input_bad_ && scanner_.InCode()) {
    if (last_ == '}') return;  // the error closed a block
    if (last_ == '.' && ends_statement()) return;
  }
  while (Fetch(&c)) {
    if (c == '.' && scanner_.InCode() && ends_statement()) return;
  }
}

size_t Parser::SerdRead(void* buf, size_t size, size_t nmemb, void* stream) {
  if (size * nmemb == 0) return 0;
  return static_cast<Parser*>(stream)->DeliverByte(buf);
}

int Parser::SerdStreamError(void* stream) {
  return static_cast<Parser*>(stream)->input_.error().ok() ? 0 : 1;
}

SerdStatus Parser::OnError(void* handle, const SerdError* error) {
  auto* self = static_cast<Parser*>(handle);
  if (!self->serd_error_.empty()) return SERD_SUCCESS;
  char buf[512];
  va_list args;
  va_copy(args, *error->args);
  std::vsnprintf(buf, sizeof buf, error->fmt, args);
  va_end(args);
  self->serd_error_ = CleanSerdMessage(buf);
  return SERD_SUCCESS;
}

bool Parser::Fail(std::string message) {
  if (sink_error_.empty()) sink_error_ = std::move(message);
  return false;
}

bool Parser::CheckText(std::string_view text, const char* what) {
  if (!escapes_possible_) return true;
  // The raw input was validated byte by byte; only escapes can produce bad sequences (encoded
  // surrogates, code points past U+10FFFF), and those all start with a byte >= 0xED.
  const bool suspicious = std::any_of(
      text.begin(), text.end(), [](char ch) { return static_cast<unsigned char>(ch) >= 0xED; });
  if (!suspicious) return true;
  const Utf8Check check = CheckUtf8(text);
  if (check.problem == Utf8Problem::kNone) return true;
  if (check.problem == Utf8Problem::kSurrogate) {
    return Fail(std::string("invalid ") + what +
                ": \\u escape names a lone surrogate (U+D800..U+DFFF is not a character)");
  }
  return Fail(std::string("invalid UTF-8 in ") + what);
}

bool Parser::MakeIri(const SerdNode* node, std::string& storage, std::string_view* out) {
  const std::string_view text = NodeText(node);
  if (node->type == SERD_CURIE) {
    const size_t colon = text.find(':');
    const std::string prefix(text.substr(0, colon == std::string_view::npos ? 0 : colon));
    const auto it = prefixes_.find(prefix);
    if (colon == std::string_view::npos || it == prefixes_.end()) {
      return Fail("undefined prefix '" + prefix + ":'");
    }
    storage.assign(it->second);
    storage.append(text.substr(colon + 1));
  } else if (HasScheme(text)) {
    // Absolute IRIs are kept exactly as written (no normalisation), straight from serd's buffer.
    if (!CheckIri(text)) return false;
    *out = text;
    return true;
  } else {
    if (IsLineBased(options_.format)) {
      return Fail("relative IRI <" + std::string(text) +
                  "> (N-Triples and N-Quads need absolute IRIs)");
    }
    storage = base_.empty() ? std::string(text) : ResolveIri(base_, text);
  }
  if (!CheckIri(storage)) return false;
  *out = storage;
  return true;
}

bool Parser::CheckIri(std::string_view iri) {
  // IRIREF excludes these; serd rejects them written raw but not when they come from a \u
  // escape.
  if (!escapes_possible_) return true;
  static const auto kForbidden = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c <= 0x20; ++c) t[static_cast<size_t>(c)] = true;
    for (const unsigned char c : std::string_view("<>\"{}|^`\\")) t[c] = true;
    return t;
  }();
  for (const char ch : iri) {
    const auto c = static_cast<unsigned char>(ch);
    if (kForbidden[c]) {
      char msg[64];
      std::snprintf(msg, sizeof msg, "character U+%04X is not allowed in an IRI", c);
      return Fail(msg);
    }
  }
  return CheckText(iri, "IRI");
}

bool Parser::MakeTerm(const SerdNode* node, std::string& storage, TermView* view) {
  switch (node->type) {
    case SERD_URI:
    case SERD_CURIE: view->kind = TermKind::kIri; return MakeIri(node, storage, &view->value);
    case SERD_BLANK: {
      view->kind = TermKind::kBlank;
      std::string_view label = NodeText(node);
      storage.assign(options_.blank_prefix);
      if (!IsLineBased(options_.format) && label.size() >= 2 &&
          std::isdigit(static_cast<unsigned char>(label[1]))) {
        // serd names anonymous nodes b1, b2, ... and renames a document's own _:b1 to B1 to
        // avoid clashing with them; undo that so labels survive a round trip, and move the
        // generated names out of the way instead.
        const bool generated = label[0] == 'b' && label.substr(1).find_first_not_of("0123456789") ==
                                                      std::string_view::npos;
        if (generated) {
          storage += "_g";
          storage.append(label.substr(1));
        } else if (label[0] == 'B') {
          storage += 'b';
          storage.append(label.substr(1));
        } else {
          storage.append(label);
        }
      } else {
        storage.append(label);
      }
      view->value = storage;
      return CheckText(storage, "blank node label");
    }
    default: return Fail("unexpected node type from serd");
  }
}

SerdStatus Parser::OnBase(void* handle, const SerdNode* uri) {
  auto* self = static_cast<Parser*>(handle);
  self->base_ = ResolveIri(self->base_, NodeText(uri));
  return SERD_SUCCESS;
}

SerdStatus Parser::OnPrefix(void* handle, const SerdNode* name, const SerdNode* uri) {
  auto* self = static_cast<Parser*>(handle);
  std::string iri;
  std::string_view resolved;
  if (!self->MakeIri(uri, iri, &resolved)) return SERD_ERR_BAD_SYNTAX;
  self->prefixes_[std::string(NodeText(name))] = std::string(resolved);
  return SERD_SUCCESS;
}

SerdStatus Parser::OnStatement(void* handle, SerdStatementFlags /*flags*/, const SerdNode* graph,
                               const SerdNode* subject, const SerdNode* predicate,
                               const SerdNode* object, const SerdNode* datatype,
                               const SerdNode* lang) {
  auto* self = static_cast<Parser*>(handle);
  QuadView q;
  if (!self->MakeTerm(subject, self->s_buf_, &q.subject)) return SERD_ERR_BAD_SYNTAX;
  if (predicate->type == SERD_BLANK) {
    self->Fail("a blank node cannot be a predicate");
    return SERD_ERR_BAD_SYNTAX;
  }
  if (!self->MakeTerm(predicate, self->p_buf_, &q.predicate)) return SERD_ERR_BAD_SYNTAX;
  if (object->type == SERD_LITERAL) {
    q.object.kind = TermKind::kLiteral;
    q.object.value = NodeText(object);
    if (!self->CheckText(q.object.value, "literal")) return SERD_ERR_BAD_SYNTAX;
    if (lang != nullptr && lang->n_bytes > 0) {
      q.object.language = NodeText(lang);
      q.object.datatype = vocab::kRdfLangString;
    } else if (datatype != nullptr) {
      if (!self->MakeIri(datatype, self->dt_buf_, &q.object.datatype)) return SERD_ERR_BAD_SYNTAX;
    } else {
      q.object.datatype = vocab::kXsdString;
    }
  } else if (!self->MakeTerm(object, self->o_buf_, &q.object)) {
    return SERD_ERR_BAD_SYNTAX;
  }
  if (graph != nullptr && graph->n_bytes > 0) {
    if (!self->MakeTerm(graph, self->g_buf_, &q.graph)) return SERD_ERR_BAD_SYNTAX;
  } else {
    q.graph.kind = TermKind::kDefaultGraph;
  }
  return self->Deliver(q);
}

SerdStatus Parser::Deliver(const QuadView& quad) {
  ++fast_statements_;
  if (options_.lenient) {
    held_.push_back(quad.ToQuad());
    if (held_.size() < kMaxHeldQuads) return SERD_SUCCESS;
    handler_status_ = FlushHeld();
  } else {
    handler_status_ = Emit(quad);
  }
  return handler_status_.ok() ? SERD_SUCCESS : SERD_ERR_INTERNAL;
}

Status Parser::Emit(const QuadView& quad) {
  if (suppress_ > 0) {
    --suppress_;
    return Status::OK();
  }
  SEXTANT_RETURN_IF_ERROR(on_quad_ ? on_quad_(quad) : Status::OK());
  ++stats_.statements;
  MaybeReportProgress();
  return Status::OK();
}

Status Parser::FlushHeld() {
  for (const Quad& q : held_) {
    const QuadView v{TermView::Of(q.subject), TermView::Of(q.predicate), TermView::Of(q.object),
                     TermView::Of(q.graph)};
    Status st = Emit(v);
    if (!st.ok()) {
      held_.clear();
      return st;
    }
  }
  held_.clear();
  return Status::OK();
}

void Parser::MaybeReportProgress() {
  if (!options_.progress || options_.progress_every == 0) return;
  if (stats_.statements < next_progress_ + options_.progress_every) return;
  next_progress_ = stats_.statements;
  options_.progress(LoadProgress{bytes_ + fast_pending_, input_.total_bytes(), stats_.statements});
}

void Parser::StartStream() {
  const std::string& name = options_.source_name;
  serd_reader_start_source_stream(reader_, &Parser::SerdRead, &Parser::SerdStreamError, this,
                                  reinterpret_cast<const uint8_t*>(name.c_str()), 1);
}

Result<ParseStats> Parser::Run() {
  reader_ = serd_reader_new(ToSerdSyntax(options_.format), this, nullptr, &Parser::OnBase,
                            &Parser::OnPrefix, &Parser::OnStatement, nullptr);
  if (reader_ == nullptr) return Status::Internal("cannot create serd reader");
  // serd's lax mode silently repairs bad input; we want every problem reported.
  serd_reader_set_strict(reader_, true);
  serd_reader_set_error_sink(reader_, &Parser::OnError, this);
  // serd_reader_read_chunk parses N-Quads with its Turtle rules, so line formats go through
  // serd_reader_read_source, one line at a time.
  return IsLineBased(options_.format) ? RunLines() : RunChunks();
}

Status Parser::ReportError(Position serd_pos) {
  LoadDiagnostic diag;
  diag.source = options_.source_name;
  Position pos;
  if (input_bad_) {
    diag.message = input_error_;
    pos = input_error_pos_;
  } else if (!sink_error_.empty()) {
    diag.message = sink_error_;
    pos = Here();
  } else {
    diag.message = serd_error_.empty() ? "syntax error" : serd_error_;
    pos = serd_pos;
  }
  diag.line = pos.line;
  diag.column = pos.column;
  if (on_error_) on_error_(diag);
  if (!options_.lenient) {
    return Status::SyntaxError(diag.message, diag.source, diag.line, diag.column);
  }
  ++stats_.skipped;
  held_.clear();
  return Status::OK();
}

namespace {

// Length of the line at the start of `text` including its '\n' when the line is complete and
// plain: printable ASCII, tab and carriage return only. 0 otherwise (no newline in `text`, or a
// byte that needs the byte-by-byte path: non-ASCII, which needs UTF-8 checks, or another
// control character). Eight bytes at a time: this runs over every byte of the input.
size_t CleanLineLength(const char* text, size_t n) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w = 0;
    std::memcpy(&w, text + i, 8);
    // High bit set in a lane whose byte is >= 0x80 or < 0x20.
    if (((w | ((w - kOnes * 0x20) & ~w)) & kHigh) != 0) break;
  }
  for (; i < n; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') return i + 1;
    if (c >= 0x80 || (c < 0x20 && c != '\t' && c != '\r')) return 0;
  }
  return 0;
}

// True when the line (with its '\n') ends with '.' and optional spaces, tabs or '\r'.
bool EndsWithDot(const char* line, size_t n) {
  for (size_t i = n - 1; i-- > 0;) {
    const char c = line[i];
    if (c == '.') return true;
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return false;
}

}  // namespace

size_t Parser::SerdReadLine(void* buf, size_t size, size_t nmemb, void* stream) {
  auto* self = static_cast<Parser*>(stream);
  if (self->fast_reads_++ > 0 || size * nmemb < self->fast_line_.size()) return 0;
  std::memcpy(buf, self->fast_line_.data(), self->fast_line_.size());
  return self->fast_line_.size();
}

Result<Parser::FastLine> Parser::TryFastLine() {
  if (!utf8_.Idle()) return FastLine::kSlow;
  // Several lines at once: serd sets up (and allocates a page for) a source per call.
  const char* const start = buffer_.get() + buf_pos_;
  const size_t avail = buf_len_ - buf_pos_;
  const size_t max_lines = retry_singly_ > 0 ? 1 : kMaxFastLines;
  if (retry_singly_ > 0) --retry_singly_;
  size_t len = 0;
  size_t last_len = 0;
  size_t lines = 0;
  while (lines < max_lines) {
    const size_t n = CleanLineLength(start + len, avail - len);
    if (n == 0) break;
    // serd reads several lines as one document, where a statement may span lines or share
    // one. Lines that end with '.' and hold one statement each (counted below) rule both out;
    // any other line goes alone.
    if (!EndsWithDot(start + len, n)) {
      if (lines == 0) {
        len = last_len = n;
        lines = 1;
      }
      break;
    }
    len += n;
    last_len = n;
    ++lines;
  }
  if (lines == 0) return FastLine::kSlow;
  fast_line_ = std::string_view(start, len);
  fast_reads_ = 0;
  const uint64_t emitted_before = stats_.statements;
  const uint64_t suppress_before = suppress_;
  fast_statements_ = 0;
  escapes_possible_ = std::memchr(start, '\\', len) != nullptr;
  fast_pending_ = len;
  // The page is exactly the lines, so serd asks for more input only after their last byte.
  const SerdStatus st =
      serd_reader_read_source(reader_, &Parser::SerdReadLine, &Parser::SerdStreamError, this,
                              reinterpret_cast<const uint8_t*>(options_.source_name.c_str()), len);
  escapes_possible_ = true;
  fast_pending_ = 0;
  if (!handler_status_.ok()) return handler_status_;
  if (fast_reads_ < 2 || !serd_error_.empty() || !sink_error_.empty() || st > SERD_FAILURE ||
      (lines > 1 && fast_statements_ != lines)) {
    serd_error_.clear();
    sink_error_.clear();
    held_.clear();
    // Statements of these lines that already reached the handler (strict mode), counted or
    // suppressed: the next attempt at the same lines skips them instead of emitting them twice.
    suppress_ = (stats_.statements - emitted_before) + (suppress_before - suppress_);
    if (lines > 1) {
      // One of the lines is wrong: take them one at a time to find which.
      retry_singly_ = lines;
      return TryFastLine();
    }
    // Something is wrong with this line: the byte-by-byte path parses it again to report
    // exactly what and where.
    return FastLine::kSlow;
  }
  // Account for the lines as Fetch would have, byte by byte.
  if (after_newline_) ++line_;
  line_ += lines - 1;
  col_ = last_len;
  bytes_ += len;
  buf_pos_ += len;
  last_ = '\n';
  after_newline_ = true;
  delivered_any_ = true;
  if (options_.lenient) SEXTANT_RETURN_IF_ERROR(FlushHeld());
  return FastLine::kDone;
}

Result<ParseStats> Parser::RunLines() {
  line_mode_ = true;
  const std::string& name = options_.source_name;
  unsigned char c = 0;
  while (Peek(&c)) {
    serd_error_.clear();
    sink_error_.clear();
    SEXTANT_ASSIGN_OR_RETURN(const FastLine fast, TryFastLine());
    if (fast == FastLine::kDone) continue;
    line_ended_ = false;
    delivered_any_ = false;
    const SerdStatus st =
        serd_reader_read_source(reader_, &Parser::SerdRead, &Parser::SerdStreamError, this,
                                reinterpret_cast<const uint8_t*>(name.c_str()), 1);
    suppress_ = 0;
    if (!handler_status_.ok()) return handler_status_;
    if (Status io = input_.error(); !io.ok()) return io;
    // serd's N-Quads reader stops without a word where no statement can start (a line beginning
    // with a literal, text after the '.'): a line it did not read to the end is an error.
    const bool stopped_early = !line_ended_ && !input_done_ && !input_bad_;
    // serd returns a soft failure for some errors (e.g. "bad literal"), so its message counts.
    if (!input_bad_ && sink_error_.empty() && serd_error_.empty() && st <= SERD_FAILURE &&
        !stopped_early) {
      if (options_.lenient) SEXTANT_RETURN_IF_ERROR(FlushHeld());
      continue;
    }
    if (stopped_early && serd_error_.empty() && sink_error_.empty()) {
      serd_error_ = "expected a statement (subject, predicate, object, optional graph, '.')";
    }
    // An error at the end of the line is reported on the line, not at the start of the next.
    const bool at_line_end = line_ended_ || input_done_;
    const Position pos = line_ended_ ? Here() : (input_done_ ? AfterLast() : Here());
    if (at_line_end && serd_error_ == "unexpected end of file") {
      serd_error_ = "statement ends early (expected '.' at the end of the line)";
    }
    SEXTANT_RETURN_IF_ERROR(ReportError(pos));
    if (last_ != '\n' || input_bad_) {
      while (Fetch(&c) && c != '\n') {
      }
    }
    input_bad_ = false;
    utf8_ = Utf8Stream();
  }
  return Finish();
}

Result<ParseStats> Parser::RunChunks() {
  scan_ = true;
  StartStream();
  uint64_t stalls = 0;
  for (;;) {
    serd_error_.clear();
    sink_error_.clear();
    const uint64_t before = bytes_;
    const SerdStatus st = serd_reader_read_chunk(reader_);
    if (!handler_status_.ok()) return handler_status_;
    if (Status io = input_.error(); !io.ok()) return io;

    // serd returns a soft failure for some errors (e.g. "bad literal"), so its message counts.
    if (!input_bad_ && sink_error_.empty() && serd_error_.empty() && st <= SERD_FAILURE) {
      if (options_.lenient) SEXTANT_RETURN_IF_ERROR(FlushHeld());
      if (st == SERD_FAILURE) {
        // serd reports the end of input as a soft failure.
        if (input_done_ || ++stalls > 2) break;
      }
      if (bytes_ != before) stalls = 0;
      continue;
    }
    SEXTANT_RETURN_IF_ERROR(ReportError(input_done_ ? AfterLast() : Here()));
    // Resynchronise: drop serd's state for the broken statement and restart after it.
    serd_reader_end_stream(reader_);
    SkipBadStatement();
    scanner_.ResetNesting();  // parsing resumes at the top level
    input_bad_ = false;
    utf8_ = Utf8Stream();
    unsigned char c = 0;
    if (!Peek(&c)) return Finish();
    StartStream();
  }
  serd_reader_end_stream(reader_);
  return Finish();
}

Result<ParseStats> Parser::Finish() {
  stats_.bytes = bytes_;
  if (options_.progress) {
    options_.progress(LoadProgress{bytes_, input_.total_bytes(), stats_.statements});
  }
  return stats_;
}

// Every format's parser behind the one entry point.
Result<ParseStats> ParseInput(ByteInput& input, const ParseOptions& options,
                              const QuadHandler& on_quad, const DiagnosticHandler& on_error) {
  switch (options.format) {
    case RdfFormat::kRdfXml: return ParseRdfXml(input, options, on_quad, on_error);
    case RdfFormat::kNTriples:
    case RdfFormat::kNQuads:
    case RdfFormat::kTurtle:
    case RdfFormat::kTriG: break;
  }
  Parser parser(options, input, on_quad, on_error);
  return parser.Run();
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
