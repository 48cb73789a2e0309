#include <algorithm>
#include <optional>

#include "base/ntriples_escape.h"
#include "rdf/jsonld_writer.h"
#include "rdf/rdfxml_writer.h"
#include "sextant/rdf_writer.h"

namespace sextant::rdf {

namespace {

constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

Status StreamStatus(const std::ostream& out) {
  return out ? Status::OK() : Status::IOError("error writing RDF output");
}

bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// PN_PREFIX, restricted to ASCII (enough for names people give prefixes).
bool IsPrefixName(std::string_view s) {
  if (s.empty()) return true;
  if (!IsAsciiAlpha(s.front()) || s.back() == '.') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return IsAsciiAlpha(c) || IsDigit(c) || c == '_' || c == '-' || c == '.';
  });
}

// A conservative PN_LOCAL: ASCII letters, digits, '_', '-' and inner '.', so no escaping is
// ever needed; anything else is written as a full IRI.
bool IsSafeLocal(std::string_view s) {
  if (s.empty()) return true;
  const char first = s.front();
  if (!(IsAsciiAlpha(first) || IsDigit(first) || first == '_')) return false;
  if (s.back() == '.') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return IsAsciiAlpha(c) || IsDigit(c) || c == '_' || c == '-' || c == '.';
  });
}

size_t SkipDigits(std::string_view s, size_t i) {
  while (i < s.size() && IsDigit(s[i])) ++i;
  return i;
}

size_t SkipSign(std::string_view s) {
  return !s.empty() && (s[0] == '+' || s[0] == '-') ? 1 : 0;
}

// Turtle's INTEGER, DECIMAL and DOUBLE tokens: a literal whose lexical form matches reads back
// bare with the same lexical form and datatype.
bool IsTurtleInteger(std::string_view s) {
  const size_t i = SkipSign(s);
  return i < s.size() && SkipDigits(s, i) == s.size();
}

bool IsTurtleDecimal(std::string_view s) {
  size_t i = SkipDigits(s, SkipSign(s));
  if (i >= s.size() || s[i] != '.') return false;
  const size_t frac = i + 1;
  return frac < s.size() && SkipDigits(s, frac) == s.size();
}

bool IsTurtleDouble(std::string_view s) {
  size_t i = SkipSign(s);
  const size_t int_end = SkipDigits(s, i);
  bool digits = int_end > i;
  i = int_end;
  if (i < s.size() && s[i] == '.') {
    const size_t frac_end = SkipDigits(s, i + 1);
    digits = digits || frac_end > i + 1;
    i = frac_end;
  }
  if (!digits || i >= s.size() || (s[i] != 'e' && s[i] != 'E')) return false;
  ++i;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  return i < s.size() && SkipDigits(s, i) == s.size();
}

bool IsBlankLabelChar(unsigned char c) {
  return IsAsciiAlpha(static_cast<char>(c)) || IsDigit(static_cast<char>(c)) || c == '_' ||
         c == '-' || c == '.' || c >= 0x80;
}

// Labels our parser produces are always valid; one made through the API might not be (a space,
// a leading '-'). Those are hex-encoded so the output still parses.
void AppendBlank(std::string& out, std::string_view label) {
  out += "_:";
  const bool valid = !label.empty() && label.front() != '-' && label.front() != '.' &&
                     label.back() != '.' && std::all_of(label.begin(), label.end(), [](char c) {
                       return IsBlankLabelChar(static_cast<unsigned char>(c));
                     });
  if (valid) {
    out.append(label);
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out += "hex_";
  for (const char ch : label) {
    const auto c = static_cast<unsigned char>(ch);
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
}

void AppendLanguage(std::string& out, const Term& t) {
  out += '@';
  out += t.language();
  if (t.direction() != Direction::kNone) {
    out += "--";
    out += DirectionName(t.direction());
  }
}

void AppendLineTerm(std::string& out, const Term& t) {
  if (t.is_blank()) {
    AppendBlank(out, t.value());
  } else if (t.is_triple()) {
    out += "<<( ";
    for (int i = 0; i < 3; ++i) {
      AppendLineTerm(out, t.part(i));
      out += ' ';
    }
    out += ")>>";
  } else {
    out += t.ToNTriples();
  }
}

class LineWriter final : public QuadWriter {
 public:
  LineWriter(std::ostream& out, bool quads) : out_(out), quads_(quads) {}
  Status Write(const Quad& q) override {
    line_.clear();
    AppendLineTerm(line_, q.subject);
    line_ += ' ';
    AppendLineTerm(line_, q.predicate);
    line_ += ' ';
    AppendLineTerm(line_, q.object);
    if (quads_ && !q.graph.is_default_graph()) {
      line_ += ' ';
      AppendLineTerm(line_, q.graph);
    }
    line_ += " .\n";
    out_ << line_;
    return StreamStatus(out_);
  }
  Status Finish() override {
    out_.flush();
    return StreamStatus(out_);
  }

 private:
  std::ostream& out_;
  bool quads_;
  std::string line_;
};

class TurtleWriter final : public QuadWriter {
 public:
  TurtleWriter(std::ostream& out, bool trig,
               std::vector<std::pair<std::string, std::string>> prefixes)
      : out_(out), trig_(trig) {
    for (auto& prefix : prefixes) {
      if (IsPrefixName(prefix.first) && !prefix.second.empty()) {
        prefixes_.push_back(std::move(prefix));
      }
    }
    // Matching tries the longest namespace first so the most specific prefix wins; the header
    // keeps the caller's order.
    by_length_ = prefixes_;
    std::stable_sort(by_length_.begin(), by_length_.end(), [](const auto& a, const auto& b) {
      return a.second.size() > b.second.size();
    });
  }

  Status Write(const Quad& q) override {
    buf_.clear();
    WriteHeaderOnce();
    const bool new_graph = trig_ && (!graph_ || *graph_ != q.graph);
    if (new_graph) {
      CloseSubject();
      if (graph_) buf_ += "}\n";
      graph_ = q.graph;
      if (!q.graph.is_default_graph()) {
        AppendTerm(q.graph, false);
        buf_ += ' ';
      }
      buf_ += "{\n";
    }
    const std::string_view indent = trig_ ? "  " : "";
    if (subject_ && *subject_ == q.subject) {
      if (predicate_ && *predicate_ == q.predicate) {
        buf_ += ", ";
      } else {
        buf_ += " ;\n";
        buf_ += indent;
        buf_ += "    ";
        AppendTerm(q.predicate, true);
        buf_ += ' ';
      }
    } else {
      CloseSubject();
      buf_ += indent;
      AppendTerm(q.subject, false);
      buf_ += ' ';
      AppendTerm(q.predicate, true);
      buf_ += ' ';
    }
    AppendTerm(q.object, false);
    subject_ = q.subject;
    predicate_ = q.predicate;
    out_ << buf_;
    return StreamStatus(out_);
  }

  Status Finish() override {
    buf_.clear();
    WriteHeaderOnce();
    CloseSubject();
    if (graph_) buf_ += "}\n";
    graph_.reset();
    out_ << buf_;
    out_.flush();
    return StreamStatus(out_);
  }

 private:
  void WriteHeaderOnce() {
    if (header_written_) return;
    header_written_ = true;
    for (const auto& [name, ns] : prefixes_) {
      buf_ += "@prefix ";
      buf_ += name;
      buf_ += ": ";
      AppendNTriplesIri(buf_, ns);
      buf_ += " .\n";
    }
    if (!prefixes_.empty()) buf_ += '\n';
  }

  void CloseSubject() {
    if (!subject_) return;
    buf_ += " .\n";
    subject_.reset();
    predicate_.reset();
  }

  void AppendIri(const std::string& iri) {
    for (const auto& [name, ns] : by_length_) {
      if (iri.size() >= ns.size() && iri.compare(0, ns.size(), ns) == 0) {
        const std::string_view local = std::string_view(iri).substr(ns.size());
        if (IsSafeLocal(local)) {
          buf_ += name;
          buf_ += ':';
          buf_ += local;
          return;
        }
      }
    }
    AppendNTriplesIri(buf_, iri);
  }

  void AppendTerm(const Term& t, bool predicate_position) {
    switch (t.kind()) {
      case TermKind::kIri:
        if (predicate_position && t.value() == kRdfType) {
          buf_ += 'a';
        } else {
          AppendIri(t.value());
        }
        return;
      case TermKind::kBlank: AppendBlank(buf_, t.value()); return;
      case TermKind::kLiteral: AppendLiteral(t); return;
      case TermKind::kTriple:
        buf_ += "<<( ";
        for (int i = 0; i < 3; ++i) {
          AppendTerm(t.part(i), i == 1);
          buf_ += ' ';
        }
        buf_ += ")>>";
        return;
      case TermKind::kDefaultGraph: return;
    }
  }

  void AppendLiteral(const Term& t) {
    const std::string& dt = t.datatype();
    const std::string& lex = t.value();
    // Bare forms read back with exactly this lexical form and datatype.
    if ((dt == vocab::kXsdInteger && IsTurtleInteger(lex)) ||
        (dt == vocab::kXsdDecimal && IsTurtleDecimal(lex)) ||
        (dt == vocab::kXsdDouble && IsTurtleDouble(lex)) ||
        (dt == vocab::kXsdBoolean && (lex == "true" || lex == "false"))) {
      buf_ += lex;
      return;
    }
    AppendNTriplesString(buf_, lex);
    if (!t.language().empty()) {
      AppendLanguage(buf_, t);
    } else if (dt != vocab::kXsdString && !dt.empty()) {
      buf_ += "^^";
      AppendIri(dt);
    }
  }

  std::ostream& out_;
  bool trig_;
  std::vector<std::pair<std::string, std::string>> prefixes_;
  std::vector<std::pair<std::string, std::string>> by_length_;
  bool header_written_ = false;
  std::optional<Term> graph_;
  std::optional<Term> subject_;
  std::optional<Term> predicate_;
  std::string buf_;
};

}  // namespace

}  // namespace sextant::rdf

namespace sextant {

std::vector<std::pair<std::string, std::string>> CommonPrefixes() {
  return {{"rdf", std::string(vocab::kRdf)},
          {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
          {"xsd", std::string(vocab::kXsd)},
          {"owl", "http://www.w3.org/2002/07/owl#"}};
}

std::unique_ptr<QuadWriter> MakeQuadWriter(
    RdfFormat format, std::ostream& out,
    std::vector<std::pair<std::string, std::string>> prefixes) {
  switch (format) {
    case RdfFormat::kNTriples: return std::make_unique<rdf::LineWriter>(out, false);
    case RdfFormat::kNQuads: return std::make_unique<rdf::LineWriter>(out, true);
    case RdfFormat::kTurtle:
      return std::make_unique<rdf::TurtleWriter>(out, false, std::move(prefixes));
    case RdfFormat::kTriG:
      return std::make_unique<rdf::TurtleWriter>(out, true, std::move(prefixes));
    case RdfFormat::kRdfXml: return rdf::MakeRdfXmlWriter(out);
    case RdfFormat::kJsonLd: return rdf::MakeJsonLdPrefixWriter(out, prefixes);
  }
  return nullptr;
}

}  // namespace sextant
