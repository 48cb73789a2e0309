#include "rdf/turtle_parser.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/iri_resolve.h"
#include "base/ntriples_escape.h"
#include "rdf/ntriples_line.h"
#include "rdf/statement_scanner.h"
#include "rdf/text_runs.h"
#include "sextant/utf8.h"

namespace sextant::rdf {

namespace {

constexpr size_t kBlockSize = 1u << 16;
// Lenient mode holds back a statement's quads until it parsed completely; past this many (a
// huge TriG block) they are released early.
constexpr size_t kMaxHeldQuads = 1u << 16;
// '[', '(', '<<' and '{|' are followed by recursion: without a limit a small file of brackets
// would overflow the stack. No real data nests anywhere near this.
constexpr uint32_t kMaxNesting = 1000;

struct Position {
  uint64_t line = 1;
  uint64_t column = 1;
};

bool IsDigit(int c) {
  return c >= '0' && c <= '9';
}
bool IsAlpha(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsHex(int c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
int HexValue(int c) {
  return IsDigit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : c - 'A' + 10;
}

// PN_CHARS_BASE of the Turtle grammar, for a decoded code point.
bool IsPnCharsBase(uint32_t cp) {
  if (cp < 0x80) return IsAlpha(static_cast<int>(cp));
  return (cp >= 0xC0 && cp <= 0xD6) || (cp >= 0xD8 && cp <= 0xF6) || (cp >= 0xF8 && cp <= 0x2FF) ||
         (cp >= 0x370 && cp <= 0x37D) || (cp >= 0x37F && cp <= 0x1FFF) ||
         (cp >= 0x200C && cp <= 0x200D) || (cp >= 0x2070 && cp <= 0x218F) ||
         (cp >= 0x2C00 && cp <= 0x2FEF) || (cp >= 0x3001 && cp <= 0xD7FF) ||
         (cp >= 0xF900 && cp <= 0xFDCF) || (cp >= 0xFDF0 && cp <= 0xFFFD) ||
         (cp >= 0x10000 && cp <= 0xEFFFF);
}
bool IsPnCharsU(uint32_t cp) {
  return IsPnCharsBase(cp) || cp == '_';
}
// PN_CHARS: PN_CHARS_U, '-', digits, U+00B7, U+0300..U+036F, U+203F..U+2040.
bool IsPnChars(uint32_t cp) {
  return IsPnCharsU(cp) || cp == '-' || (cp >= '0' && cp <= '9') || cp == 0xB7 ||
         (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x203F && cp <= 0x2040);
}

TermView LiteralOf(std::string_view lexical, std::string_view datatype) {
  TermView v;
  v.kind = TermKind::kLiteral;
  v.value = lexical;
  v.datatype = datatype;
  return v;
}

TermView IriOf(std::string_view iri) {
  TermView v;
  v.kind = TermKind::kIri;
  v.value = iri;
  return v;
}

std::string RdfIri(const char* local) {
  return std::string(vocab::kRdf) + local;
}

class TurtleReader {
 public:
  TurtleReader(ByteInput& input, const ParseOptions& options, const QuadHandler& on_quad,
               const DiagnosticHandler& on_error)
      : input_(input),
        options_(options),
        on_quad_(on_quad),
        on_error_(on_error),
        base_(options.base_iri),
        line_based_(options.format == RdfFormat::kNTriples || options.format == RdfFormat::kNQuads),
        trig_(options.format == RdfFormat::kTriG),
        quads_(options.format == RdfFormat::kNQuads),
        buffer_(new char[kBlockSize]),
        common_line_(options.blank_prefix, quads_),
        rdf_first_(Term::Iri(RdfIri("first"))),
        rdf_rest_(Term::Iri(RdfIri("rest"))),
        rdf_nil_(Term::Iri(RdfIri("nil"))),
        rdf_type_(Term::Iri(RdfIri("type"))),
        rdf_reifies_(Term::Iri(std::string(vocab::kRdfReifies))) {}

  Result<ParseStats> Run();

 private:
  // --- input --------------------------------------------------------------------------------
  // The byte `ahead` positions past the next one, or -1 past the end of input.
  int Peek(size_t ahead = 0) {
    if (pos_ + ahead < len_) return static_cast<unsigned char>(buffer_[pos_ + ahead]);
    return Fill(ahead);
  }
  int Fill(size_t ahead);
  // Consumes the next byte (which must exist), checking UTF-8 and following lines and columns.
  // False (with the error recorded) when the byte breaks UTF-8.
  bool Advance();
  Position Next() const;
  // The length of the run (text_runs.h) at the input position within the buffer; 0 while the
  // UTF-8 check is inside a character, so that the next byte goes through Advance().
  size_t RunHere(size_t (*run)(const char*, const char*)) const {
    if (!utf8_.Idle() || !checking_) return 0;
    return run(buffer_.get() + pos_, buffer_.get() + len_);
  }
  // Consumes `n` run bytes found by RunHere, appending them to `out` when given: one position
  // update for all of them.
  void ConsumeRun(size_t n, std::string* out);
  // Consumes the white space at the input position within the buffer (line ends too, but not
  // in the line formats) as Advance() would, in one loop; false when there is none or the
  // UTF-8 check is inside a character.
  bool ConsumeSpace();
  bool AtEnd() { return Peek() < 0; }

  // --- errors -------------------------------------------------------------------------------
  bool Fail(std::string message) { return FailAt(std::move(message), Next()); }
  bool FailAt(std::string message, Position pos);
  bool Expect(char c, const char* what);
  bool UnexpectedHere(const char* expected);
  Status Report();
  void Recover();

  // --- white space and tokens ---------------------------------------------------------------
  // Skips spaces, comments and (except in line formats) line ends; false on bad UTF-8 in a
  // comment.
  bool SkipWs();
  bool SkipComment();
  bool ReadIriRef(std::string* out);
  bool ReadUchar(std::string* out, const char* what);
  bool ReadString(std::string* out);
  bool ReadLangDir(std::string* lang, Direction* dir);
  bool ReadBlankLabel(std::string* out);
  // One code point of a name at the input position (without consuming it): its value and its
  // length in bytes; false when the bytes there are not one.
  bool PeekCodePoint(size_t ahead, uint32_t* cp, size_t* len);
  bool TakeBytes(size_t n, std::string* out);
  bool ReadPrefixName(std::string* out);
  bool ReadLocalName(std::string* out);
  bool ReadNumber(TermView* out);
  bool StartsKeyword(const char* word);
  // '[' followed by white space and ']': an empty blank node, not a property list.
  bool AnonAhead() {
    size_t i = 1;
    while (Peek(i) == ' ' || Peek(i) == '\t' || Peek(i) == '\n' || Peek(i) == '\r') ++i;
    return Peek(i) == ']';
  }
  // '+', '-' or '.' that starts a number (a digit follows, possibly after a '.').
  bool StartsNumber() {
    const int c = Peek();
    if (c == '.') return IsDigit(Peek(1));
    if (c != '+' && c != '-') return false;
    return IsDigit(Peek(1)) || (Peek(1) == '.' && IsDigit(Peek(2)));
  }

  // --- terms --------------------------------------------------------------------------------
  bool Iri(Term* out);  // IRIREF or prefixed name
  // The text of an IRIREF (resolved against the base) or a prefixed name (expanded).
  bool IriText(std::string* text);
  bool Resolve(std::string* text, Position at);
  bool Blank(Term* out);  // BLANK_NODE_LABEL or []
  Term FreshBlank();
  bool Literal(Term* out);
  // The literal as a view of the reader's own strings, valid until the next literal.
  bool LiteralView(TermView* out);
  bool Subject(Term* out);
  // Points `*out` at the predicate: rdf:type, one seen before, or `storage`.
  bool Verb(Term* storage, const Term** out);
  // Parses an object and emits (s p object), then its annotations.
  bool ObjectAndAnnotations(const Term& s, const Term& p);
  // An IRI or literal object (the usual case) is left in object_view_ with `*simple` set,
  // not made into a Term; any other object is put in `*out`.
  bool Object(const Term& s, const Term& p, Term* out, bool* simple);
  bool Annotations(const Term& s, const Term& p, const Term& o);
  // With `s` and `p`, (s p head) goes out as soon as the head is known, before the items.
  bool Collection(Term* out, const Term* s = nullptr, const Term* p = nullptr);
  bool PropertyListBody(const Term& subject);  // after '[': predicateObjectList? ']'
  bool PredicateObjectList(const Term& subject);
  bool ObjectList(const Term& s, const Term& p);
  bool TripleTerm(Term* out);
  bool CloseTripleTerm(Term s, Term p, Term o, Term* out);
  bool ReifiedTriple(Term* out);
  bool Reifier(Term* out);
  bool Enter();
  void Leave() { --nesting_; }

  // --- statements ---------------------------------------------------------------------------
  // A whole line of the common form read at once (see NTriplesLine); false, with nothing
  // consumed, when the general path has to read it.
  bool CommonLine();
  bool LineStatement();
  bool LineTerm(Term* out, bool allow_literal, bool allow_triple);
  bool TurtleStatement();
  bool Directive(bool* handled);
  bool Triples(bool* is_graph);
  bool WrappedGraph();

  bool Emit(const Term& s, const Term& p, const Term& o) { return EmitView(s, p, TermView::Of(o)); }
  bool EmitView(const Term& s, const Term& p, const TermView& o);
  Status Deliver(const QuadView& v);
  Status FlushHeld();

  ByteInput& input_;
  const ParseOptions& options_;
  const QuadHandler& on_quad_;
  const DiagnosticHandler& on_error_;
  std::string base_;
  std::unordered_map<std::string, std::string> prefixes_;
  const bool line_based_;
  const bool trig_;
  const bool quads_;

  std::unique_ptr<char[]> buffer_;
  NTriplesLine common_line_;
  size_t pos_ = 0;
  size_t len_ = 0;
  bool input_done_ = false;
  bool at_start_ = true;
  uint64_t bytes_ = 0;
  uint64_t line_ = 1;
  uint64_t col_ = 0;  // column of the last consumed character; 0 before the first of a line
  bool after_newline_ = false;
  Utf8Stream utf8_;
  bool checking_ = true;  // off while lenient recovery skips text
  StatementScanner scanner_;

  std::string error_;
  Position error_pos_;
  Status handler_status_;

  Term graph_;
  uint32_t block_depth_ = 0;  // the scanner's depth inside the current TriG block, 0 outside
  uint32_t nesting_ = 0;
  uint64_t anon_ = 0;
  std::vector<Quad> held_;
  ParseStats stats_;
  uint64_t next_progress_ = 0;

  const Term rdf_first_, rdf_rest_, rdf_nil_, rdf_type_, rdf_reifies_;

  // Reused text of the terms that are handed on as views (no allocation per term).
  std::string object_text_, lexical_, language_, datatype_, verb_text_;
  TermView object_view_;
  // Predicates seen so far; the map never erases, so pointers to its Terms stay valid. Capped:
  // past the cap a predicate is made afresh each time.
  std::unordered_map<std::string, Term> verbs_;
};

int TurtleReader::Fill(size_t ahead) {
  if (input_done_) return -1;
  // Keep the unread bytes and read more behind them.
  if (pos_ > 0) {
    std::memmove(buffer_.get(), buffer_.get() + pos_, len_ - pos_);
    len_ -= pos_;
    pos_ = 0;
  }
  while (len_ <= ahead && !input_done_) {
    size_t n = input_.Read(buffer_.get() + len_, kBlockSize - len_);
    if (n == 0) {
      input_done_ = true;
      break;
    }
    if (at_start_) {
      at_start_ = false;
      // A UTF-8 byte order mark carries no content; dropping it keeps columns honest.
      if (len_ == 0 && n >= 3 && std::memcmp(buffer_.get(), "\xEF\xBB\xBF", 3) == 0) {
        std::memmove(buffer_.get(), buffer_.get() + 3, n - 3);
        n -= 3;
        bytes_ += 3;
      }
    }
    len_ += n;
    if (len_ == kBlockSize) break;
  }
  if (ahead < len_) return static_cast<unsigned char>(buffer_[ahead]);
  return -1;
}

bool TurtleReader::Advance() {
  const auto c = static_cast<unsigned char>(buffer_[pos_]);
  const Position here = Next();
  ++pos_;
  ++bytes_;
  if (after_newline_) {
    ++line_;
    col_ = 0;
    after_newline_ = false;
  }
  if ((c & 0xC0) != 0x80) ++col_;
  after_newline_ = c == '\n';
  if (!line_based_) scanner_.Feed(c);
  if (!checking_) return true;
  if (c >= 0x80 || !utf8_.Idle()) {
    if (const Utf8Problem p = utf8_.Feed(c); p != Utf8Problem::kNone) {
      return FailAt(p == Utf8Problem::kSurrogate ? "invalid UTF-8: encoded surrogate code point"
                                                 : "invalid UTF-8 byte sequence",
                    here);
    }
  }
  return true;
}

void TurtleReader::ConsumeRun(size_t n, std::string* out) {
  const char* p = buffer_.get() + pos_;
  if (out != nullptr) out->append(p, n);
  if (after_newline_) {
    ++line_;
    col_ = 0;
    after_newline_ = false;
  }
  if (!line_based_) scanner_.FeedRun(p, n);
  pos_ += n;
  bytes_ += n;
  col_ += n;
}

bool TurtleReader::ConsumeSpace() {
  if (!utf8_.Idle() || !checking_) return false;
  const char* start = buffer_.get() + pos_;
  const char* end = buffer_.get() + len_;
  const char* p = start;
  for (; p != end; ++p) {
    const char c = *p;
    if (c != ' ' && c != '\t' && (line_based_ || (c != '\n' && c != '\r'))) break;
    if (after_newline_) {
      ++line_;
      col_ = 0;
    }
    ++col_;
    after_newline_ = c == '\n';
  }
  const auto n = static_cast<size_t>(p - start);
  if (!line_based_) scanner_.FeedSpace(start, n);
  pos_ += n;
  bytes_ += n;
  return n > 0;
}

Position TurtleReader::Next() const {
  if (after_newline_) return {line_ + 1, 1};
  return {line_, col_ + 1};
}

bool TurtleReader::FailAt(std::string message, Position pos) {
  if (error_.empty()) {
    error_ = std::move(message);
    error_pos_ = pos;
  }
  return false;
}

bool TurtleReader::UnexpectedHere(const char* expected) {
  const int c = Peek();
  if (c < 0) return Fail("unexpected end of input");
  std::string got;
  if (c == '\n' || c == '\r') {
    got = "end of line";
  } else if (c == ' ' || c == '\t') {
    got = "space";
  } else if (c < 0x20 || c >= 0x80) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "byte 0x%02X", c);
    got = hex;
  } else {
    got = std::string("'") + static_cast<char>(c) + "'";
  }
  return Fail("unexpected " + got + ": expected " + expected);
}

bool TurtleReader::Expect(char c, const char* what) {
  if (Peek() != static_cast<unsigned char>(c)) return UnexpectedHere(what);
  return Advance();
}

Status TurtleReader::Report() {
  LoadDiagnostic diag;
  diag.source = options_.source_name;
  diag.message = error_.empty() ? "syntax error" : error_;
  diag.line = error_pos_.line;
  diag.column = error_pos_.column;
  error_.clear();
  if (on_error_) on_error_(diag);
  if (!options_.lenient) {
    return Status::SyntaxError(diag.message, diag.source, diag.line, diag.column);
  }
  ++stats_.skipped;
  held_.clear();
  return Status::OK();
}

// Lenient mode: drops input up to where parsing can resume.
void TurtleReader::Recover() {
  checking_ = false;
  if (line_based_) {
    while (!AtEnd()) {
      const int c = Peek();
      Advance();
      if (c == '\n') break;
    }
  } else if (block_depth_ > 0) {
    // Inside a TriG graph block: resuming mid-block would put the block's remaining
    // statements into the default graph, so the rest of the block goes.
    while (!AtEnd() && scanner_.depth() >= block_depth_) Advance();
  } else {
    // Resume after the next '.' that ends a statement (outside strings, IRIs and comments).
    while (!AtEnd()) {
      const int c = Peek();
      const bool code = scanner_.InCode();
      Advance();
      if (c == '.' && code && scanner_.InCode()) {
        const int next = Peek();
        if (next < 0 || next == ' ' || next == '\t' || next == '\n' || next == '\r') break;
      }
    }
  }
  checking_ = true;
  utf8_ = Utf8Stream();
  graph_ = Term::DefaultGraph();
  block_depth_ = 0;
  nesting_ = 0;
}

bool TurtleReader::SkipComment() {
  while (!AtEnd()) {
    const int c = Peek();
    if (c == '\n' || c == '\r') return true;
    if (!Advance()) return false;
  }
  return true;
}

bool TurtleReader::SkipWs() {
  for (;;) {
    const int c = Peek();
    if (c == ' ' || c == '\t' || (!line_based_ && (c == '\n' || c == '\r'))) {
      if (!ConsumeSpace()) Advance();
    } else if (c == '#') {
      if (!SkipComment()) return false;
    } else {
      return true;
    }
  }
}

bool TurtleReader::ReadUchar(std::string* out, const char* what) {
  const Position at = Next();
  Advance();  // the backslash
  const int kind = Peek();
  if (kind != 'u' && kind != 'U') return UnexpectedHere("'u' or 'U' after '\\'");
  Advance();
  const int digits = kind == 'u' ? 4 : 8;
  uint32_t cp = 0;
  for (int i = 0; i < digits; ++i) {
    const int h = Peek();
    if (!IsHex(h)) return UnexpectedHere("a hexadecimal digit");
    cp = (cp << 4) | static_cast<uint32_t>(HexValue(h));
    Advance();
  }
  if (cp >= 0xD800 && cp <= 0xDFFF) {
    return FailAt(std::string("invalid ") + what +
                      ": \\u escape names a lone surrogate (U+D800..U+DFFF is not a character)",
                  at);
  }
  if (cp > 0x10FFFF) {
    return FailAt(std::string("invalid ") + what + ": escape names a code point past U+10FFFF", at);
  }
  AppendUtf8(*out, cp);
  return true;
}

bool TurtleReader::ReadIriRef(std::string* out) {
  out->clear();
  Advance();  // '<'
  for (;;) {
    if (const size_t n = RunHere(IriRun)) ConsumeRun(n, out);
    const int c = Peek();
    if (c < 0) return Fail("unexpected end of input");
    if (c == '>') return Advance();
    if (c == '\\') {
      const size_t before = out->size();
      if (!ReadUchar(out, "IRI")) return false;
      const auto u = static_cast<unsigned char>((*out)[before]);
      if (out->size() == before + 1 && (u <= 0x20 || std::strchr("<>\"{}|^`\\", u) != nullptr)) {
        char msg[64];
        std::snprintf(msg, sizeof msg, "character U+%04X is not allowed in an IRI", u);
        return Fail(msg);
      }
      continue;
    }
    if (c <= 0x20 || c == '<' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' ||
        c == '`') {
      if (c == ' ') return Fail("unexpected space in IRI (write it as %20)");
      char msg[64];
      std::snprintf(msg, sizeof msg, "character U+%04X is not allowed in an IRI", c);
      return Fail(msg);
    }
    out->push_back(static_cast<char>(c));
    if (!Advance()) return false;
  }
}

bool TurtleReader::ReadString(std::string* out) {
  out->clear();
  const int quote = Peek();
  const bool long_form = !line_based_ && Peek(1) == quote && Peek(2) == quote;
  if (long_form) {
    Advance();
    Advance();
    Advance();
  } else {
    Advance();
  }
  for (;;) {
    if (const size_t n = RunHere(StringRun)) ConsumeRun(n, out);
    const int c = Peek();
    if (c < 0) return Fail("unexpected end of input");
    if (c == quote) {
      if (!long_form) return Advance();
      // The first three quotes in a row end the string: a long string never ends with a quote
      // of its own (""""x"""" is not a string).
      if (Peek(1) == quote && Peek(2) == quote) {
        Advance();
        Advance();
        return Advance();
      }
      out->push_back(static_cast<char>(c));
      Advance();
      continue;
    }
    if (c == '\\') {
      const int e = Peek(1);
      if (e == 'u' || e == 'U') {
        if (!ReadUchar(out, "literal")) return false;
        continue;
      }
      const int v = EcharValue(e);
      if (v < 0) {
        Advance();
        return UnexpectedHere("an escape (\\t \\b \\n \\r \\f \\\" \\' \\\\ \\u \\U)");
      }
      Advance();
      Advance();
      out->push_back(static_cast<char>(v));
      continue;
    }
    if (!long_form && (c == '\n' || c == '\r')) {
      return Fail("line end inside a string (use \\n or a \"\"\"long string\"\"\")");
    }
    out->push_back(static_cast<char>(c));
    if (!Advance()) return false;
  }
}

bool TurtleReader::ReadLangDir(std::string* lang, Direction* dir) {
  Advance();  // '@'
  lang->clear();
  *dir = Direction::kNone;
  if (!IsAlpha(Peek())) return UnexpectedHere("a language tag after '@'");
  const Position tag_at = Next();
  while (IsAlpha(Peek())) {
    lang->push_back(static_cast<char>(Peek()));
    Advance();
  }
  // BCP 47 subtags are at most 8 characters long.
  if (lang->size() > 8) return FailAt("language subtag '" + *lang + "' is longer than 8", tag_at);
  while (Peek() == '-') {
    if (Peek(1) == '-') {
      Advance();
      Advance();
      const Position at = Next();
      std::string d;
      while (IsAlpha(Peek())) {
        d.push_back(static_cast<char>(Peek()));
        Advance();
      }
      const auto parsed = DirectionFromName(d);
      if (!parsed) return FailAt("invalid base direction '" + d + "' (expected ltr or rtl)", at);
      *dir = *parsed;
      return true;
    }
    if (!IsAlpha(Peek(1)) && !IsDigit(Peek(1))) {
      Advance();
      return UnexpectedHere("a language subtag after '-'");
    }
    lang->push_back('-');
    Advance();
    const Position sub_at = Next();
    size_t sub = 0;
    while (IsAlpha(Peek()) || IsDigit(Peek())) {
      lang->push_back(static_cast<char>(Peek()));
      Advance();
      ++sub;
    }
    if (sub > 8) return FailAt("language subtag longer than 8 characters", sub_at);
  }
  return true;
}

bool TurtleReader::PeekCodePoint(size_t ahead, uint32_t* cp, size_t* len) {
  const int c = Peek(ahead);
  if (c < 0) return false;
  if (c < 0x80) {
    *cp = static_cast<uint32_t>(c);
    *len = 1;
    return true;
  }
  size_t n = 0;
  uint32_t v = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    v = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    v = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    v = c & 0x07;
  } else {
    return false;
  }
  for (size_t i = 1; i < n; ++i) {
    const int d = Peek(ahead + i);
    if (d < 0 || (d & 0xC0) != 0x80) return false;
    v = (v << 6) | static_cast<uint32_t>(d & 0x3F);
  }
  *cp = v;
  *len = n;
  return true;
}

bool TurtleReader::TakeBytes(size_t n, std::string* out) {
  for (size_t i = 0; i < n; ++i) {
    out->push_back(static_cast<char>(Peek()));
    if (!Advance()) return false;
  }
  return true;
}

// PN_PREFIX (possibly empty); stops before ':'.
bool TurtleReader::ReadPrefixName(std::string* out) {
  out->clear();
  uint32_t cp = 0;
  size_t n = 0;
  if (!PeekCodePoint(0, &cp, &n) || !IsPnCharsBase(cp)) return true;
  if (!TakeBytes(n, out)) return false;
  for (;;) {
    if (const size_t run = RunHere(NameRun)) ConsumeRun(run, out);
    if (PeekCodePoint(0, &cp, &n) && IsPnChars(cp)) {
      if (!TakeBytes(n, out)) return false;
      continue;
    }
    // Dots belong to the name only when a name character follows them.
    size_t dots = 0;
    while (Peek(dots) == '.') ++dots;
    if (dots == 0 || !PeekCodePoint(dots, &cp, &n) || !IsPnChars(cp)) return true;
    if (!TakeBytes(dots, out)) return false;
  }
}

bool TurtleReader::ReadLocalName(std::string* out) {
  auto local_char = [&](size_t ahead, bool first, size_t* len) {
    uint32_t cp = 0;
    const int c = Peek(ahead);
    if (c == ':') {
      *len = 1;
      return true;
    }
    if (c == '%') {
      *len = 3;
      return IsHex(Peek(ahead + 1)) && IsHex(Peek(ahead + 2));
    }
    if (c == '\\') {
      *len = 2;
      const int e = Peek(ahead + 1);
      return e >= 0 && std::strchr("_~.-!$&'()*+,;=/?#@%", e) != nullptr;
    }
    if (!PeekCodePoint(ahead, &cp, len)) return false;
    return first ? (IsPnCharsU(cp) || IsDigit(static_cast<int>(cp))) : IsPnChars(cp);
  };
  auto take = [&](size_t len) {
    if (Peek() == '\\') {
      Advance();
      out->push_back(static_cast<char>(Peek()));
      return Advance();
    }
    return TakeBytes(len, out);
  };
  size_t n = 0;
  if (!local_char(0, true, &n)) {
    if (Peek() == '\\') {
      Advance();
      return UnexpectedHere("an escapable character after '\\' in a local name");
    }
    return true;
  }
  if (!take(n)) return false;
  for (;;) {
    if (const size_t run = RunHere(NameRun)) ConsumeRun(run, out);
    if (local_char(0, false, &n)) {
      if (!take(n)) return false;
      continue;
    }
    if (Peek() == '\\') {
      Advance();
      return UnexpectedHere("an escapable character after '\\' in a local name");
    }
    size_t dots = 0;
    while (Peek(dots) == '.') ++dots;
    if (dots == 0 || !local_char(dots, false, &n)) return true;
    if (!TakeBytes(dots, out)) return false;
  }
}

bool TurtleReader::Resolve(std::string* text, Position at) {
  if (HasScheme(*text)) return true;
  if (line_based_) {
    return FailAt("relative IRI <" + *text + "> (N-Triples and N-Quads need absolute IRIs)", at);
  }
  if (!base_.empty()) *text = ResolveIri(base_, *text);
  return true;
}

bool TurtleReader::IriText(std::string* text) {
  const Position at = Next();
  if (Peek() == '<') return ReadIriRef(text) && Resolve(text, at);
  std::string prefix;
  if (!ReadPrefixName(&prefix)) return false;
  if (Peek() != ':') {
    if (prefix.empty()) return UnexpectedHere("an IRI or prefixed name");
    return FailAt("unexpected word '" + prefix + "': expected an IRI or prefixed name", at);
  }
  Advance();
  const auto it = prefixes_.find(prefix);
  if (it == prefixes_.end()) return FailAt("undefined prefix '" + prefix + ":'", at);
  text->assign(it->second);
  return ReadLocalName(text);
}

bool TurtleReader::Iri(Term* out) {
  std::string text;
  if (!IriText(&text)) return false;
  *out = Term::Iri(std::move(text));
  return true;
}

bool TurtleReader::ReadBlankLabel(std::string* out) {
  Advance();  // '_'
  if (Peek() != ':') return UnexpectedHere("':' after '_' (a blank node is _:label)");
  Advance();
  out->assign(options_.blank_prefix);
  uint32_t cp = 0;
  size_t n = 0;
  if (!PeekCodePoint(0, &cp, &n) || !(IsPnCharsU(cp) || IsDigit(static_cast<int>(cp)))) {
    return UnexpectedHere("a blank node label after '_:'");
  }
  if (!TakeBytes(n, out)) return false;
  for (;;) {
    if (const size_t run = RunHere(NameRun)) ConsumeRun(run, out);
    if (PeekCodePoint(0, &cp, &n) && IsPnChars(cp)) {
      if (!TakeBytes(n, out)) return false;
      continue;
    }
    size_t dots = 0;
    while (Peek(dots) == '.') ++dots;
    if (dots == 0 || !PeekCodePoint(dots, &cp, &n) || !IsPnChars(cp)) return true;
    if (!TakeBytes(dots, out)) return false;
  }
}

Term TurtleReader::FreshBlank() {
  return Term::Blank(options_.blank_prefix + "_g" + std::to_string(++anon_));
}

bool TurtleReader::Blank(Term* out) {
  if (Peek() == '[') {  // ANON: '[' WS* ']'
    Advance();
    if (!SkipWs()) return false;
    if (!Expect(']', "']' (an empty blank node [])")) return false;
    *out = FreshBlank();
    return true;
  }
  std::string label;
  if (!ReadBlankLabel(&label)) return false;
  *out = Term::Blank(std::move(label));
  return true;
}

bool TurtleReader::ReadNumber(TermView* out) {
  std::string& text = lexical_;
  text.clear();
  if (Peek() == '+' || Peek() == '-') {
    text.push_back(static_cast<char>(Peek()));
    Advance();
  }
  bool digits_before = false;
  while (IsDigit(Peek())) {
    digits_before = true;
    text.push_back(static_cast<char>(Peek()));
    Advance();
  }
  bool dot = false;
  bool digits_after = false;
  auto exponent_ahead = [&](size_t at) {
    const int e = Peek(at);
    if (e != 'e' && e != 'E') return false;
    size_t i = at + 1;
    if (Peek(i) == '+' || Peek(i) == '-') ++i;
    return IsDigit(Peek(i));
  };
  if (Peek() == '.' && (IsDigit(Peek(1)) || (digits_before && exponent_ahead(1)))) {
    dot = true;
    text.push_back('.');
    Advance();
    while (IsDigit(Peek())) {
      digits_after = true;
      text.push_back(static_cast<char>(Peek()));
      Advance();
    }
  }
  if (!digits_before && !digits_after) return UnexpectedHere("a number");
  std::string_view datatype = dot ? vocab::kXsdDecimal : vocab::kXsdInteger;
  if (Peek() == 'e' || Peek() == 'E') {
    if (!exponent_ahead(0)) {
      Advance();
      return UnexpectedHere("digits of the exponent");
    }
    text.push_back(static_cast<char>(Peek()));
    Advance();
    if (Peek() == '+' || Peek() == '-') {
      text.push_back(static_cast<char>(Peek()));
      Advance();
    }
    while (IsDigit(Peek())) {
      text.push_back(static_cast<char>(Peek()));
      Advance();
    }
    datatype = vocab::kXsdDouble;
  }
  *out = LiteralOf(text, datatype);
  return true;
}

bool TurtleReader::Literal(Term* out) {
  TermView view;
  if (!LiteralView(&view)) return false;
  *out = view.ToTerm();
  return true;
}

bool TurtleReader::LiteralView(TermView* out) {
  const int c = Peek();
  if (c == '"' || (c == '\'' && !line_based_)) {
    if (!ReadString(&lexical_)) return false;
    *out = LiteralOf(lexical_, vocab::kXsdString);
    // RDF 1.2 allows white space between a string and its tag or datatype.
    size_t gap = 0;
    while (Peek(gap) == ' ' || Peek(gap) == '\t') ++gap;
    if (gap > 0 && (Peek(gap) == '@' || (Peek(gap) == '^' && Peek(gap + 1) == '^'))) {
      for (size_t i = 0; i < gap; ++i) Advance();
    }
    if (Peek() == '@') {
      if (!ReadLangDir(&language_, &out->direction)) return false;
      // Tags compare case-insensitively; the store keeps them in lower case (as Term does).
      for (char& l : language_) {
        if (l >= 'A' && l <= 'Z') l = static_cast<char>(l - 'A' + 'a');
      }
      out->language = language_;
      out->datatype =
          out->direction == Direction::kNone ? vocab::kRdfLangString : vocab::kRdfDirLangString;
      return true;
    }
    if (Peek() == '^' && Peek(1) == '^') {
      Advance();
      Advance();
      if (!SkipWs()) return false;  // RDF 1.2 (and Turtle always) allows it after '^^' too
      if (line_based_ && Peek() != '<') return UnexpectedHere("a datatype IRI after '^^'");
      const Position at = Next();
      if (!IriText(&datatype_)) return false;
      if (datatype_ == vocab::kRdfLangString || datatype_ == vocab::kRdfDirLangString) {
        return FailAt("a language-tagged string is written \"...\"@tag, not with datatype <" +
                          datatype_ + ">",
                      at);
      }
      out->datatype = datatype_;
      return true;
    }
    if (Peek() == '^') {
      Advance();
      return UnexpectedHere("'^' (a datatype is written ^^<iri>)");
    }
    return true;
  }
  if (line_based_) return UnexpectedHere("a literal");
  if (IsDigit(c) || c == '+' || c == '-' || c == '.') return ReadNumber(out);
  if (StartsKeyword("true") || StartsKeyword("false")) {
    const bool value = Peek() == 't';
    for (size_t i = 0; i < (value ? 4u : 5u); ++i) Advance();
    lexical_.assign(value ? "true" : "false");
    *out = LiteralOf(lexical_, vocab::kXsdBoolean);
    return true;
  }
  return UnexpectedHere("a literal");
}

// True when `word` is at the input and not followed by a name character (so "a" in "ab:c" is
// not the keyword).
bool TurtleReader::StartsKeyword(const char* word) {
  const size_t n = std::strlen(word);
  for (size_t i = 0; i < n; ++i) {
    const int c = Peek(i);
    if (c < 0 || std::tolower(c) != word[i]) return false;
  }
  uint32_t cp = 0;
  size_t len = 0;
  if (Peek(n) == ':') return false;
  if (PeekCodePoint(n, &cp, &len) && IsPnChars(cp)) return false;
  return true;
}

bool TurtleReader::Enter() {
  if (++nesting_ <= kMaxNesting) return true;
  return Fail("too deeply nested: more than " + std::to_string(kMaxNesting) +
              " levels of '[', '(', '<<' and '{|'");
}

bool TurtleReader::Collection(Term* out, const Term* s, const Term* p) {
  if (!Enter()) return false;
  Advance();  // '('
  if (!SkipWs()) return false;
  Term head = rdf_nil_;
  Term previous;
  while (Peek() != ')') {
    if (AtEnd()) return Fail("unexpected end of input");
    Term node = FreshBlank();
    if (previous.is_default_graph()) {
      head = node;
      if (s != nullptr && !Emit(*s, *p, head)) return false;
    } else if (!Emit(previous, rdf_rest_, node)) {
      return false;
    }
    Term item;
    bool simple = false;
    if (!Object(node, rdf_first_, &item, &simple)) return false;
    previous = std::move(node);
    if (!SkipWs()) return false;
  }
  Advance();
  if (!previous.is_default_graph() && !Emit(previous, rdf_rest_, rdf_nil_)) return false;
  if (previous.is_default_graph() && s != nullptr && !Emit(*s, *p, head)) return false;
  Leave();
  *out = std::move(head);
  return true;
}

bool TurtleReader::Subject(Term* out) {
  const int c = Peek();
  if (c == '<' && Peek(1) == '<') {
    if (Peek(2) == '(') return Fail("a triple term <<( ... )>> cannot be a subject");
    return ReifiedTriple(out);
  }
  if (c == '<') return Iri(out);
  if (c == '_' || (c == '[' && !line_based_)) return Blank(out);
  if (c == '(' && !line_based_) return Collection(out);
  if (c == '"' || c == '\'' || IsDigit(c) || c == '+' || c == '-') {
    return Fail("a literal cannot be a subject");
  }
  return Iri(out);
}

bool TurtleReader::Verb(Term* storage, const Term** out) {
  if (Peek() == 'a') {
    uint32_t cp = 0;
    size_t n = 0;
    const bool name_follows = Peek(1) == ':' || (PeekCodePoint(1, &cp, &n) && IsPnChars(cp)) ||
                              (Peek(1) == '.' && PeekCodePoint(2, &cp, &n) && IsPnChars(cp));
    if (!name_follows) {
      Advance();
      *out = &rdf_type_;
      return true;
    }
  }
  if (Peek() == '_' || Peek() == '[') return Fail("a blank node cannot be a predicate");
  if (Peek() == '"' || Peek() == '\'') return Fail("a literal cannot be a predicate");
  if (Peek() != '<' && Peek() != ':') {
    uint32_t cp = 0;
    size_t n = 0;
    if (!PeekCodePoint(0, &cp, &n) || !IsPnCharsBase(cp)) {
      return UnexpectedHere("a predicate (IRI, prefixed name or 'a')");
    }
  }
  if (Peek() == '<' && Peek(1) == '<') return Fail("a triple term cannot be a predicate");
  if (!IriText(&verb_text_)) return false;
  // Data uses few predicates, each many times: one Term each, not one per statement.
  constexpr size_t kMaxVerbs = 4096;
  if (const auto it = verbs_.find(verb_text_); it != verbs_.end()) {
    *out = &it->second;
  } else if (verbs_.size() < kMaxVerbs) {
    *out = &verbs_.emplace(verb_text_, Term::Iri(verb_text_)).first->second;
  } else {
    *storage = Term::Iri(verb_text_);
    *out = storage;
  }
  return true;
}

bool TurtleReader::TripleTerm(Term* out) {
  if (!Enter()) return false;
  Advance();
  Advance();
  Advance();  // '<<('
  if (!SkipWs()) return false;
  Term s, p, o;
  if (line_based_) {
    if (!LineTerm(&s, false, false) || !SkipWs()) return false;
    if (Peek() != '<') return UnexpectedHere("a predicate IRI");
    if (!LineTerm(&p, false, false) || !SkipWs()) return false;
    if (!LineTerm(&o, true, true) || !SkipWs()) return false;
    return CloseTripleTerm(std::move(s), std::move(p), std::move(o), out);
  }
  if (Peek() == '<' && Peek(1) == '<') {
    return Fail("the subject of a triple term is an IRI or blank node");
  }
  if (Peek() == '(' || Peek() == '"' || Peek() == '\'') {
    return Fail("the subject of a triple term is an IRI or blank node");
  }
  if (Peek() == '[') {
    if (!AnonAhead()) return Fail("a triple term cannot hold a blank node property list");
    if (!Blank(&s)) return false;
  } else if (!Subject(&s)) {
    return false;
  }
  const Term* verb = nullptr;
  if (!SkipWs() || !Verb(&p, &verb) || !SkipWs()) return false;
  if (verb != &p) p = *verb;
  const int c = Peek();
  if (c == '<' && Peek(1) == '<' && Peek(2) != '(') {
    return Fail("a triple term holds triple terms <<( ... )>>, not reified triples");
  }
  if (c == '[' && !AnonAhead()) return Fail("a triple term cannot hold a blank node property list");
  if (c == '(') return Fail("a triple term cannot hold a collection");
  if (c == '<' && Peek(1) == '<') {
    if (!TripleTerm(&o)) return false;
  } else if (c == '[') {
    if (!Blank(&o)) return false;
  } else if (c == '<' || c == '_') {
    if (!Subject(&o)) return false;
  } else if (c == '"' || c == '\'' || IsDigit(c) || StartsNumber() || StartsKeyword("true") ||
             StartsKeyword("false")) {
    if (!Literal(&o)) return false;
  } else if (!Iri(&o)) {
    return false;
  }
  if (!SkipWs()) return false;
  return CloseTripleTerm(std::move(s), std::move(p), std::move(o), out);
}

bool TurtleReader::CloseTripleTerm(Term s, Term p, Term o, Term* out) {
  if (!(Peek() == ')' && Peek(1) == '>' && Peek(2) == '>')) {
    return UnexpectedHere("')>>' to close the triple term");
  }
  Advance();
  Advance();
  Advance();
  Leave();
  *out = Term::Triple(std::move(s), std::move(p), std::move(o));
  return true;
}

bool TurtleReader::Reifier(Term* out) {
  Advance();  // '~'
  if (!SkipWs()) return false;
  const int c = Peek();
  if (c == '<' && Peek(1) != '<') return Iri(out);
  if (c == '_' || (c == '[' && AnonAhead())) return Blank(out);
  uint32_t cp = 0;
  size_t n = 0;
  if (c == ':' || (PeekCodePoint(0, &cp, &n) && IsPnCharsBase(cp))) return Iri(out);
  *out = FreshBlank();  // '~' alone: a fresh reifier
  return true;
}

bool TurtleReader::ReifiedTriple(Term* out) {
  if (!Enter()) return false;
  Advance();
  Advance();  // '<<'
  if (!SkipWs()) return false;
  Term s, p, o;
  const int c = Peek();
  if (c == '<' && Peek(1) == '<') {
    if (Peek(2) == '(') return Fail("a triple term <<( ... )>> cannot be a subject");
    if (!ReifiedTriple(&s)) return false;
  } else if (c == '[') {
    if (!AnonAhead()) return Fail("a reified triple cannot hold a blank node property list");
    if (!Blank(&s)) return false;
  } else if (c == '(') {
    return Fail("a reified triple cannot hold a collection");
  } else if (!Subject(&s)) {
    return false;
  }
  const Term* verb = nullptr;
  if (!SkipWs() || !Verb(&p, &verb) || !SkipWs()) return false;
  if (verb != &p) p = *verb;
  const int d = Peek();
  if (d == '<' && Peek(1) == '<') {
    if (!(Peek(2) == '(' ? TripleTerm(&o) : ReifiedTriple(&o))) return false;
  } else if (d == '[') {
    if (!AnonAhead()) return Fail("a reified triple cannot hold a blank node property list");
    if (!Blank(&o)) return false;
  } else if (d == '(') {
    return Fail("a reified triple cannot hold a collection");
  } else if (d == '<' || d == '_') {
    if (!Subject(&o)) return false;
  } else if (d == '"' || d == '\'' || IsDigit(d) || StartsNumber() || StartsKeyword("true") ||
             StartsKeyword("false")) {
    if (!Literal(&o)) return false;
  } else if (!Iri(&o)) {
    return false;
  }
  if (!SkipWs()) return false;
  Term reifier;
  if (Peek() == '~') {
    if (!Reifier(&reifier) || !SkipWs()) return false;
  } else {
    reifier = FreshBlank();
  }
  if (!(Peek() == '>' && Peek(1) == '>')) return UnexpectedHere("'>>' to close the reified triple");
  Advance();
  Advance();
  Leave();
  if (!Emit(reifier, rdf_reifies_, Term::Triple(std::move(s), std::move(p), std::move(o)))) {
    return false;
  }
  *out = std::move(reifier);
  return true;
}

bool TurtleReader::Object(const Term& s, const Term& p, Term* out, bool* simple) {
  *simple = false;
  const int c = Peek();
  if (c == '<' && Peek(1) == '<') {
    if (Peek(2) == '(') {
      if (!TripleTerm(out)) return false;
    } else if (!ReifiedTriple(out)) {
      return false;
    }
    return Emit(s, p, *out);
  }
  if (c == '[') {
    if (AnonAhead()) {
      if (!Blank(out)) return false;
      return Emit(s, p, *out);
    }
    // The statement goes out before the ones inside the brackets, as they are read.
    if (!Enter()) return false;
    Advance();
    *out = FreshBlank();
    if (!Emit(s, p, *out)) return false;
    if (!PropertyListBody(*out)) return false;
    Leave();
    return true;
  }
  if (c == '(') return Collection(out, &s, &p);
  if (c == '_') return Blank(out) && Emit(s, p, *out);
  if (c == '"' || c == '\'' || IsDigit(c) || StartsNumber() || StartsKeyword("true") ||
      StartsKeyword("false")) {
    if (!LiteralView(&object_view_)) return false;
  } else {
    uint32_t cp = 0;
    size_t n = 0;
    if (c != '<' && c != ':' && (!PeekCodePoint(0, &cp, &n) || !IsPnCharsBase(cp))) {
      return UnexpectedHere("an object (IRI, blank node, literal or triple term)");
    }
    if (!IriText(&object_text_)) return false;
    object_view_ = IriOf(object_text_);
  }
  *simple = true;
  return EmitView(s, p, object_view_);
}

bool TurtleReader::Annotations(const Term& s, const Term& p, const Term& o) {
  std::optional<Term> reifier;  // the last '~' not yet used by a block
  for (;;) {
    if (!SkipWs()) return false;
    if (Peek() == '~') {
      Term r;
      if (!Reifier(&r)) return false;
      if (!Emit(r, rdf_reifies_, Term::Triple(s, p, o))) return false;
      reifier = std::move(r);
      continue;
    }
    if (Peek() == '{' && Peek(1) == '|') {
      if (!Enter()) return false;
      Advance();
      Advance();
      Term r;
      if (reifier) {
        r = std::move(*reifier);
        reifier.reset();
      } else {
        r = FreshBlank();
        if (!Emit(r, rdf_reifies_, Term::Triple(s, p, o))) return false;
      }
      if (!SkipWs()) return false;
      if (!PredicateObjectList(r)) return false;
      if (!SkipWs()) return false;
      if (!(Peek() == '|' && Peek(1) == '}')) return UnexpectedHere("'|}' to close the annotation");
      Advance();
      Advance();
      Leave();
      continue;
    }
    return true;
  }
}

bool TurtleReader::ObjectAndAnnotations(const Term& s, const Term& p) {
  Term o;
  bool simple = false;
  if (!Object(s, p, &o, &simple)) return false;
  if (!SkipWs()) return false;
  const bool annotated = Peek() == '~' || (Peek() == '{' && Peek(1) == '|');
  if (!annotated) return true;
  // The object's view is still intact: nothing was parsed since.
  if (simple) o = object_view_.ToTerm();
  return Annotations(s, p, o);
}

bool TurtleReader::ObjectList(const Term& s, const Term& p) {
  for (;;) {
    if (!ObjectAndAnnotations(s, p)) return false;
    if (!SkipWs()) return false;
    if (Peek() != ',') return true;
    Advance();
    if (!SkipWs()) return false;
  }
}

bool TurtleReader::PredicateObjectList(const Term& subject) {
  for (;;) {
    Term storage;
    const Term* p = nullptr;
    if (!Verb(&storage, &p) || !SkipWs()) return false;
    if (!ObjectList(subject, *p)) return false;
    if (!SkipWs()) return false;
    if (Peek() != ';') return true;
    while (Peek() == ';') {
      Advance();
      if (!SkipWs()) return false;
    }
    const int c = Peek();
    // A trailing ';' before the end of the list.
    if (c == '.' || c == ']' || c == '}' || c == '|' || c < 0) return true;
  }
}

bool TurtleReader::PropertyListBody(const Term& subject) {
  if (!SkipWs()) return false;
  if (!PredicateObjectList(subject) || !SkipWs()) return false;
  return Expect(']', "']' to close the blank node");
}

bool TurtleReader::EmitView(const Term& s, const Term& p, const TermView& o) {
  if (options_.lenient) {
    held_.push_back(Quad{s, p, o.ToTerm(), graph_});
    if (held_.size() < kMaxHeldQuads) return true;
    handler_status_ = FlushHeld();
  } else {
    handler_status_ = Deliver({TermView::Of(s), TermView::Of(p), o, TermView::Of(graph_)});
  }
  if (handler_status_.ok()) return true;
  return FailAt("handler", Next());
}

Status TurtleReader::Deliver(const QuadView& v) {
  if (on_quad_) SEXTANT_RETURN_IF_ERROR(on_quad_(v));
  ++stats_.statements;
  if (options_.progress && options_.progress_every != 0 &&
      stats_.statements >= next_progress_ + options_.progress_every) {
    next_progress_ = stats_.statements;
    options_.progress(LoadProgress{bytes_, input_.total_bytes(), stats_.statements});
  }
  return Status::OK();
}

Status TurtleReader::FlushHeld() {
  for (const Quad& q : held_) {
    Status st = Deliver({TermView::Of(q.subject), TermView::Of(q.predicate), TermView::Of(q.object),
                         TermView::Of(q.graph)});
    if (!st.ok()) {
      held_.clear();
      return st;
    }
  }
  held_.clear();
  return Status::OK();
}

// --- N-Triples and N-Quads -------------------------------------------------------------------

bool TurtleReader::CommonLine() {
  if (!utf8_.Idle() || !error_.empty()) return false;
  const void* newline = std::memchr(buffer_.get() + pos_, '\n', len_ - pos_);
  // Bring the rest of the line into the buffer (a line longer than the buffer goes the general
  // way).
  while (newline == nullptr && !input_done_ && len_ - pos_ < kBlockSize) {
    const size_t have = len_ - pos_;
    Fill(have);
    newline = std::memchr(buffer_.get() + pos_ + have, '\n', len_ - pos_ - have);
  }
  if (newline == nullptr && !input_done_) return false;
  const size_t line_end =
      newline != nullptr ? static_cast<size_t>(static_cast<const char*>(newline) - buffer_.get())
                         : len_;
  const std::string_view line(buffer_.get() + pos_, line_end - pos_);
  QuadView quad;
  if (!common_line_.Parse(line, &quad)) return false;
  // Where Advance() would have left the position after the same bytes.
  if (after_newline_) {
    ++line_;
    col_ = 0;
    after_newline_ = false;
  }
  if (newline != nullptr) {
    after_newline_ = true;
  } else {
    col_ += Utf8Length(line);
  }
  const size_t consumed = line.size() + (newline != nullptr ? 1 : 0);
  pos_ += consumed;
  bytes_ += consumed;
  // The views point into the buffer, which stays as it is until the next read.
  handler_status_ = Deliver(quad);
  return true;
}

bool TurtleReader::LineTerm(Term* out, bool allow_literal, bool allow_triple) {
  const int c = Peek();
  if (c == '<' && Peek(1) == '<') {
    if (!allow_triple) return Fail("a triple term can only be an object");
    if (Peek(2) != '(') return Fail("N-Triples writes triple terms as <<( s p o )>>");
    return TripleTerm(out);
  }
  if (c == '<') return Iri(out);
  if (c == '_') return Blank(out);
  if (c == '"') {
    if (!allow_literal) return Fail("a literal cannot be here");
    return Literal(out);
  }
  return UnexpectedHere(allow_literal ? "an IRI, blank node, literal or triple term"
                                      : "an IRI or blank node");
}

bool TurtleReader::LineStatement() {
  Term s, p, o;
  if (!LineTerm(&s, false, false) || !SkipWs()) return false;
  if (Peek() != '<') return UnexpectedHere("a predicate IRI");
  if (!LineTerm(&p, false, false) || !SkipWs()) return false;
  if (!LineTerm(&o, true, true) || !SkipWs()) return false;
  if (quads_ && Peek() != '.') {
    if (!LineTerm(&graph_, false, false) || !SkipWs()) return false;
  }
  if (Peek() != '.') return UnexpectedHere("'.' at the end of the statement");
  Advance();
  // Another statement may follow on the same line (the loop parses it next).
  return Emit(s, p, o);
}

// --- Turtle and TriG -----------------------------------------------------------------------

bool TurtleReader::Directive(bool* handled) {
  *handled = true;
  const bool at = Peek() == '@';
  if (at) Advance();
  auto word = [&](const char* w) {
    if (at) {
      for (size_t i = 0; w[i] != 0; ++i) {
        if (Peek(i) != std::tolower(w[i])) return false;
      }
      const int next = Peek(std::strlen(w));
      return !IsAlpha(next) && !IsDigit(next);
    }
    return StartsKeyword(w);
  };
  auto skip = [&](const char* w) {
    for (size_t i = 0; w[i] != 0; ++i) Advance();
  };
  auto end_dot = [&]() {
    if (!at) return true;
    if (!SkipWs()) return false;
    return Expect('.', "'.' after the directive");
  };
  if (word("prefix")) {
    skip("prefix");
    if (!SkipWs()) return false;
    std::string name;
    if (!ReadPrefixName(&name)) return false;
    if (!Expect(':', "a prefix name ending in ':'")) return false;
    if (!SkipWs()) return false;
    if (Peek() != '<') return UnexpectedHere("the prefix's IRI in <...>");
    std::string iri;
    if (!IriText(&iri)) return false;
    prefixes_[name] = std::move(iri);
    return end_dot();
  }
  if (word("base")) {
    skip("base");
    if (!SkipWs()) return false;
    if (Peek() != '<') return UnexpectedHere("the base IRI in <...>");
    std::string iri;
    if (!IriText(&iri)) return false;
    base_ = std::move(iri);
    return end_dot();
  }
  if (word("version")) {
    skip("version");
    if (!SkipWs()) return false;
    const int q = Peek();
    if ((q != '"' && q != '\'') || (Peek(1) == q && Peek(2) == q)) {
      return UnexpectedHere("a version string such as \"1.2\"");
    }
    std::string version;
    if (!ReadString(&version)) return false;
    return end_dot();
  }
  if (at) return UnexpectedHere("prefix, base or version after '@'");
  *handled = false;
  return true;
}

bool TurtleReader::WrappedGraph() {
  Advance();  // '{'
  block_depth_ = scanner_.depth();
  for (;;) {
    if (!SkipWs()) return false;
    if (Peek() == '}') break;
    if (AtEnd()) return Fail("unexpected end of input");
    bool is_graph = false;
    if (!Triples(&is_graph)) return false;
    if (is_graph) return Fail("graph blocks do not nest");
    if (!SkipWs()) return false;
    if (Peek() == '.') {
      Advance();
      continue;
    }
    if (Peek() != '}') return UnexpectedHere("'.' or '}'");
  }
  Advance();
  block_depth_ = 0;
  graph_ = Term::DefaultGraph();
  return true;
}

// triples, or (TriG) a graph block named by what was read as the subject.
bool TurtleReader::Triples(bool* is_graph) {
  *is_graph = false;
  const int c = Peek();
  const bool reified = c == '<' && Peek(1) == '<';
  Term subject;
  bool need_list = true;
  if (c == '[') {
    if (!AnonAhead()) {
      if (!Enter()) return false;
      Advance();
      subject = FreshBlank();
      if (!PropertyListBody(subject)) return false;
      Leave();
      need_list = false;
    } else if (!Blank(&subject)) {
      return false;
    }
  } else if (c == '<' && Peek(1) == '<') {
    if (Peek(2) == '(') return Fail("a triple term <<( ... )>> cannot be a subject");
    if (!ReifiedTriple(&subject)) return false;
    need_list = false;
  } else if (c == '(') {
    if (!Collection(&subject)) return false;
  } else if (!Subject(&subject)) {
    return false;
  }
  if (!SkipWs()) return false;
  if (trig_ && Peek() == '{' && Peek(1) != '|' && !subject.is_literal()) {
    if (!graph_.is_default_graph()) return Fail("graph blocks do not nest");
    if (c == '(' || (c == '[' && !need_list) || reified) {
      return Fail("a graph name is an IRI or blank node");
    }
    graph_ = subject;
    *is_graph = true;
    return WrappedGraph();
  }
  if (!need_list) {
    const int d = Peek();
    if (d == '.' || d == '}' || d < 0) return true;
  }
  return PredicateObjectList(subject);
}

bool TurtleReader::TurtleStatement() {
  bool handled = false;
  if (!Directive(&handled)) return false;
  if (handled) return true;
  if (trig_ && StartsKeyword("graph")) {
    for (int i = 0; i < 5; ++i) Advance();
    if (!SkipWs()) return false;
    Term name;
    const int c = Peek();
    if (c == '_' || c == '[') {
      if (!Blank(&name)) return false;
    } else if (!Iri(&name)) {
      return false;
    }
    if (!SkipWs()) return false;
    if (Peek() != '{') return UnexpectedHere("'{' after the graph name");
    graph_ = name;
    return WrappedGraph();
  }
  if (trig_ && Peek() == '{') return WrappedGraph();
  bool is_graph = false;
  if (!Triples(&is_graph)) return false;
  if (is_graph) return true;
  if (!SkipWs()) return false;
  return Expect('.', "'.' at the end of the statement");
}

Result<ParseStats> TurtleReader::Run() {
  for (;;) {
    if (!SkipWs() || !error_.empty()) {
      SEXTANT_RETURN_IF_ERROR(Report());
      Recover();
      continue;
    }
    if (line_based_) {
      const int c = Peek();
      if (c == '\n' || c == '\r') {
        Advance();
        continue;
      }
    }
    if (AtEnd()) break;
    graph_ = Term::DefaultGraph();
    if (line_based_ && CommonLine()) {
      if (!handler_status_.ok()) return handler_status_;
      continue;
    }
    // An error recorded where a byte was consumed without checking the result (bad UTF-8 right
    // before a delimiter) fails the statement too.
    const bool ok = (line_based_ ? LineStatement() : TurtleStatement()) && error_.empty();
    if (!handler_status_.ok()) return handler_status_;
    if (Status io = input_.error(); !io.ok()) return io;
    if (ok) {
      if (options_.lenient) SEXTANT_RETURN_IF_ERROR(FlushHeld());
      continue;
    }
    SEXTANT_RETURN_IF_ERROR(Report());
    Recover();
  }
  if (Status io = input_.error(); !io.ok()) return io;
  if (!utf8_.Idle()) {
    error_ = "invalid UTF-8: input ends inside a multi-byte character";
    error_pos_ = Next();
    SEXTANT_RETURN_IF_ERROR(Report());
  }
  stats_.bytes = bytes_;
  if (options_.progress) {
    options_.progress(LoadProgress{bytes_, input_.total_bytes(), stats_.statements});
  }
  return stats_;
}

}  // namespace

Result<ParseStats> ParseTurtleFamily(ByteInput& input, const ParseOptions& options,
                                     const QuadHandler& on_quad,
                                     const DiagnosticHandler& on_error) {
  TurtleReader reader(input, options, on_quad, on_error);
  return reader.Run();
}

}  // namespace sextant::rdf
