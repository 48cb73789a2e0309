#include "rdf/rdfxml_writer.h"

#include <cctype>
#include <map>
#include <string>

namespace sextant::rdf {
namespace {

constexpr const char* kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
// RDF 1.2 features (base directions, triple terms) are announced by rdf:version where used.
constexpr const char* kRdf12 = " rdf:version=\"1.2\"";

std::string Escape(const std::string& text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += attribute ? "&quot;" : "\""; break;
      case '\r': out += "&#13;"; break;
      default: out += c;
    }
  }
  return out;
}

// XML 1.0 has no way to write these, not even as character references.
bool XmlCanCarry(const std::string& text) {
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

bool NameStartChar(unsigned char c) {
  return std::isalpha(c) || c == '_' || c >= 0x80;
}
bool NameChar(unsigned char c) {
  return NameStartChar(c) || std::isdigit(c) || c == '-' || c == '.';
}

// The longest NCName suffix of the IRI is the local name; RDF/XML cannot write predicates
// that end in something else (a '/' or a digit-led segment).
bool SplitPredicate(const std::string& iri, std::string* ns, std::string* local) {
  size_t start = iri.size();
  while (start > 0 && NameChar(static_cast<unsigned char>(iri[start - 1]))) --start;
  while (start < iri.size() && !NameStartChar(static_cast<unsigned char>(iri[start]))) ++start;
  if (start == 0 || start >= iri.size()) return false;
  *ns = iri.substr(0, start);
  *local = iri.substr(start);
  return true;
}

class RdfXmlWriter : public QuadWriter {
 public:
  explicit RdfXmlWriter(std::ostream& out) : out_(out) {
    out_ << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rdf:RDF xmlns:rdf=\"" << kRdf << "\">\n";
  }

  Status Write(const Quad& quad) override {
    SEXTANT_RETURN_IF_ERROR(CheckWritable(quad.subject, quad.predicate, quad.object));
    if (!(quad.subject == subject_)) {
      if (open_) out_ << "  </rdf:Description>\n";
      OpenDescription(quad.subject, "  ");
      subject_ = quad.subject;
      open_ = true;
    }
    WriteProperty(quad.predicate, quad.object, "    ");
    return Status::OK();
  }

  Status Finish() override {
    if (open_) out_ << "  </rdf:Description>\n";
    out_ << "</rdf:RDF>\n";
    out_.flush();
    return out_ ? Status::OK() : Status::IOError("cannot write RDF/XML");
  }

 private:
  // rdf:nodeID must be an NCName; our labels may not be, so they are renamed consistently.
  std::string NodeId(const std::string& label) {
    auto [it, added] = node_ids_.emplace(label, "b" + std::to_string(node_ids_.size()));
    return it->second;
  }

  // Everything Write would find unwritable, checked before any output (nested triple terms too).
  Status CheckWritable(const Term& s, const Term& p, const Term& o) {
    if (s.is_triple()) {
      return Status::Unsupported("RDF/XML cannot write a triple term as a subject " +
                                 s.ToNTriples() + "; ask for N-Triples or Turtle");
    }
    for (const Term* t : {&s, &o}) {
      if (!t->is_triple() && !XmlCanCarry(t->value())) {
        return Status::Unsupported("RDF/XML (XML 1.0) cannot carry the control characters in " +
                                   t->ToNTriples() + "; ask for N-Triples or Turtle");
      }
    }
    std::string ns, local;
    if (!SplitPredicate(p.value(), &ns, &local)) {
      return Status::Unsupported("RDF/XML cannot write the predicate " + p.ToNTriples() +
                                 "; ask for Turtle or N-Triples");
    }
    if (!o.is_triple()) return Status::OK();
    return CheckWritable(o.part(0), o.part(1), o.part(2));
  }

  void OpenDescription(const Term& subject, const char* indent) {
    out_ << indent << "<rdf:Description "
         << (subject.is_blank() ? "rdf:nodeID=\"" + Escape(NodeId(subject.value()), true)
                                : "rdf:about=\"" + Escape(subject.value(), true))
         << "\">\n";
  }

  // One property element; a triple term object nests its statement (rdf:parseType="Triple").
  void WriteProperty(const Term& predicate, const Term& o, const std::string& indent) {
    std::string ns, local;
    SplitPredicate(predicate.value(), &ns, &local);
    out_ << indent << "<p:" << local << " xmlns:p=\"" << Escape(ns, true) << "\"";
    if (o.is_iri()) {
      out_ << " rdf:resource=\"" << Escape(o.value(), true) << "\"/>\n";
    } else if (o.is_blank()) {
      out_ << " rdf:nodeID=\"" << Escape(NodeId(o.value()), true) << "\"/>\n";
    } else if (o.is_triple()) {
      out_ << kRdf12 << " rdf:parseType=\"Triple\">\n";
      const std::string inner = indent + "  ";
      OpenDescription(o.part(0), inner.c_str());
      WriteProperty(o.part(1), o.part(2), inner + "  ");
      out_ << inner << "</rdf:Description>\n" << indent << "</p:" << local << ">\n";
    } else {
      if (!o.language().empty()) {
        if (o.direction() != Direction::kNone) {
          out_ << kRdf12 << " xmlns:its=\"http://www.w3.org/2005/11/its\" its:dir=\""
               << DirectionName(o.direction()) << "\"";
        }
        out_ << " xml:lang=\"" << Escape(o.language(), true) << "\"";
      } else if (!o.datatype().empty() &&
                 o.datatype() != "http://www.w3.org/2001/XMLSchema#string") {
        out_ << " rdf:datatype=\"" << Escape(o.datatype(), true) << "\"";
      }
      out_ << ">" << Escape(o.value(), false) << "</p:" << local << ">\n";
    }
  }

  std::ostream& out_;
  Term subject_;
  bool open_ = false;
  std::map<std::string, std::string> node_ids_;
};

}  // namespace

std::unique_ptr<QuadWriter> MakeRdfXmlWriter(std::ostream& out) {
  return std::make_unique<RdfXmlWriter>(out);
}

}  // namespace sextant::rdf
