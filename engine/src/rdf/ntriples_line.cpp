#include "rdf/ntriples_line.h"

#include <algorithm>
#include <cstdint>

#include "base/iri_resolve.h"
#include "base/ntriples_escape.h"
#include "rdf/text_runs.h"
#include "sextant/utf8.h"

namespace sextant::rdf {

namespace {

bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsAsciiDigit(char c) {
  return c >= '0' && c <= '9';
}
// The ASCII characters of PN_CHARS (labels with other characters go the general way).
bool IsLabelChar(char c) {
  return IsAsciiAlpha(c) || IsAsciiDigit(c) || c == '_' || c == '-';
}
int HexDigit(char c) {
  if (IsAsciiDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

NTriplesLine::NTriplesLine(std::string_view blank_prefix, bool quads)
    : blank_prefix_(blank_prefix), quads_(quads) {}

void NTriplesLine::SkipBlanks() {
  while (p_ != end_ && (*p_ == ' ' || *p_ == '\t')) ++p_;
}

bool NTriplesLine::IriRef(TermView* out) {
  const char* start = ++p_;  // past '<'
  bool high = false;
  for (;;) {
    p_ += IriRun(p_, end_);
    if (p_ == end_) return false;
    const auto c = static_cast<unsigned char>(*p_);
    if (c == '>') break;
    if (c >= 0x80) {
      high = true;
    } else if (c != '\'') {
      return false;  // an escape or a character IRIs do not allow
    }
    ++p_;
  }
  const std::string_view iri(start, static_cast<size_t>(p_ - start));
  ++p_;
  if (high && CheckUtf8(iri).problem != Utf8Problem::kNone) return false;
  if (!HasScheme(iri)) return false;
  *out = TermView{};
  out->kind = TermKind::kIri;
  out->value = iri;
  return true;
}

bool NTriplesLine::BlankLabel(std::string& scratch, TermView* out) {
  if (end_ - p_ < 3 || p_[1] != ':') return false;
  p_ += 2;
  const char* start = p_;
  if (!IsLabelChar(*p_) || *p_ == '-') return false;
  while (p_ != end_ && (IsLabelChar(*p_) || *p_ == '.')) ++p_;
  // A non-ASCII character may continue the label: the general reader decides.
  if (p_ != end_ && static_cast<unsigned char>(*p_) >= 0x80) return false;
  // Dots belong to the label only between its characters.
  while (p_[-1] == '.') --p_;
  scratch.assign(blank_prefix_);
  scratch.append(start, static_cast<size_t>(p_ - start));
  *out = TermView{};
  out->kind = TermKind::kBlank;
  out->value = scratch;
  return true;
}

// The text between the quotes, escapes decoded; p_ ends past the closing quote.
bool NTriplesLine::StringBody(std::string_view* out) {
  const char* start = ++p_;  // past '"'
  bool high = false;
  bool escaped = false;
  const char* run = start;  // start of the bytes not yet copied to lexical_
  for (;;) {
    p_ += StringRun(p_, end_);
    if (p_ == end_) return false;
    const auto c = static_cast<unsigned char>(*p_);
    if (c == '"') break;
    if (c >= 0x80 || c == '\'' || c == '<' || c == '>') {
      high |= c >= 0x80;
      ++p_;
      continue;
    }
    if (c != '\\') return false;  // a line end
    // An escape: from here on the text is decoded into lexical_.
    if (!escaped) {
      escaped = true;
      lexical_.clear();
    }
    lexical_.append(run, static_cast<size_t>(p_ - run));
    if (end_ - p_ < 2) return false;
    const char e = p_[1];
    if (e == 'u' || e == 'U') {
      const int digits = e == 'u' ? 4 : 8;
      if (end_ - p_ < 2 + digits) return false;
      uint32_t cp = 0;
      for (int i = 0; i < digits; ++i) {
        const int h = HexDigit(p_[2 + i]);
        if (h < 0) return false;
        cp = (cp << 4) | static_cast<uint32_t>(h);
      }
      if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return false;
      AppendUtf8(lexical_, cp);
      p_ += 2 + digits;
    } else {
      const int v = EcharValue(e);
      if (v < 0) return false;
      lexical_.push_back(static_cast<char>(v));
      p_ += 2;
    }
    run = p_;
  }
  // Escapes are ASCII, so checking the raw bytes checks the text's own characters.
  if (high && CheckUtf8(std::string_view(start, static_cast<size_t>(p_ - start))).problem !=
                  Utf8Problem::kNone) {
    return false;
  }
  if (escaped) {
    lexical_.append(run, static_cast<size_t>(p_ - run));
    *out = lexical_;
  } else {
    *out = std::string_view(start, static_cast<size_t>(p_ - start));
  }
  ++p_;  // the closing quote
  return true;
}

// '@' language ('-' subtag)* ('--' direction)?; subtags of at most 8 characters.
bool NTriplesLine::LanguageTag(TermView* out) {
  const char* start = ++p_;  // past '@'
  bool upper = false;
  const char* sub = p_;
  while (p_ != end_ && IsAsciiAlpha(*p_)) upper |= *p_++ <= 'Z';
  if (p_ == sub || p_ - sub > 8) return false;
  const char* tag_end = p_;
  Direction direction = Direction::kNone;
  while (p_ != end_ && *p_ == '-') {
    if (end_ - p_ >= 2 && p_[1] == '-') {
      const std::string_view name(p_ + 2, std::min<size_t>(3, static_cast<size_t>(end_ - p_ - 2)));
      const auto parsed = DirectionFromName(name);
      if (!parsed || (p_ + 5 != end_ && IsAsciiAlpha(p_[5]))) return false;
      direction = *parsed;
      p_ += 5;
      break;
    }
    sub = ++p_;
    while (p_ != end_ && (IsAsciiAlpha(*p_) || IsAsciiDigit(*p_))) {
      upper |= *p_ >= 'A' && *p_ <= 'Z';
      ++p_;
    }
    if (p_ == sub || p_ - sub > 8) return false;
    tag_end = p_;
  }
  std::string_view tag(start, static_cast<size_t>(tag_end - start));
  if (upper) {
    language_.assign(tag);
    for (char& c : language_) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    tag = language_;
  }
  out->language = tag;
  out->direction = direction;
  out->datatype = direction == Direction::kNone ? vocab::kRdfLangString : vocab::kRdfDirLangString;
  return true;
}

bool NTriplesLine::Literal(TermView* out) {
  std::string_view text;
  if (!StringBody(&text)) return false;
  *out = TermView{};
  out->kind = TermKind::kLiteral;
  out->value = text;
  out->datatype = vocab::kXsdString;
  // RDF 1.2 allows white space between a string and its tag or datatype.
  const char* after = p_;
  SkipBlanks();
  if (p_ != end_ && *p_ == '@') return LanguageTag(out);
  if (end_ - p_ >= 2 && p_[0] == '^' && p_[1] == '^') {
    p_ += 2;
    SkipBlanks();
    TermView datatype;
    if (p_ == end_ || *p_ != '<' || !IriRef(&datatype)) return false;
    // rdf:langString and rdf:dirLangString as datatypes are errors the general reader reports.
    if (datatype.value == vocab::kRdfLangString || datatype.value == vocab::kRdfDirLangString) {
      return false;
    }
    out->datatype = datatype.value;
    return true;
  }
  p_ = after;
  return p_ == end_ || *p_ != '^';
}

bool NTriplesLine::Parse(std::string_view line, QuadView* out) {
  p_ = line.data();
  end_ = p_ + line.size();
  // A '\r' before the '\n' ends the line as well.
  if (p_ != end_ && end_[-1] == '\r') --end_;
  if (p_ == end_) return false;
  if (*p_ == '<') {
    if (!IriRef(&out->subject)) return false;
  } else if (*p_ != '_' || !BlankLabel(subject_label_, &out->subject)) {
    return false;
  }
  SkipBlanks();
  if (p_ == end_ || *p_ != '<' || !IriRef(&out->predicate)) return false;
  SkipBlanks();
  if (p_ == end_) return false;
  if (*p_ == '<') {
    if (!IriRef(&out->object)) return false;
  } else if (*p_ == '_') {
    if (!BlankLabel(object_label_, &out->object)) return false;
  } else if (*p_ != '"' || !Literal(&out->object)) {
    return false;
  }
  SkipBlanks();
  out->graph = TermView{};
  if (quads_ && p_ != end_ && *p_ != '.') {
    if (*p_ == '<') {
      if (!IriRef(&out->graph)) return false;
    } else if (*p_ != '_' || !BlankLabel(graph_label_, &out->graph)) {
      return false;
    }
    SkipBlanks();
  }
  if (p_ == end_ || *p_ != '.') return false;
  ++p_;
  SkipBlanks();
  return p_ == end_;
}

}  // namespace sextant::rdf
