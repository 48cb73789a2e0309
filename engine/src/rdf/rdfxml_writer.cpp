#include "rdf/rdfxml_writer.h"

#include <cctype>
#include <map>
#include <string>

namespace sextant::rdf {
namespace {

constexpr const char* kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

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
    for (const Term* t : {&quad.subject, &quad.object}) {
      if (!XmlCanCarry(t->value())) {
        return Status::Unsupported("RDF/XML (XML 1.0) cannot carry the control characters in " +
                                   t->ToNTriples() + "; ask for N-Triples or Turtle");
      }
    }
    std::string ns, local;
    if (!SplitPredicate(quad.predicate.value(), &ns, &local)) {
      return Status::Unsupported("RDF/XML cannot write the predicate " +
                                 quad.predicate.ToNTriples() + "; ask for Turtle or N-Triples");
    }
    if (!(quad.subject == subject_)) {
      if (open_) out_ << "  </rdf:Description>\n";
      out_ << "  <rdf:Description "
           << (quad.subject.is_blank()
                   ? "rdf:nodeID=\"" + Escape(NodeId(quad.subject.value()), true)
                   : "rdf:about=\"" + Escape(quad.subject.value(), true))
           << "\">\n";
      subject_ = quad.subject;
      open_ = true;
    }
    out_ << "    <p:" << local << " xmlns:p=\"" << Escape(ns, true) << "\"";
    const Term& o = quad.object;
    if (o.is_iri()) {
      out_ << " rdf:resource=\"" << Escape(o.value(), true) << "\"/>\n";
    } else if (o.is_blank()) {
      out_ << " rdf:nodeID=\"" << Escape(NodeId(o.value()), true) << "\"/>\n";
    } else {
      if (!o.language().empty()) {
        out_ << " xml:lang=\"" << Escape(o.language(), true) << "\"";
      } else if (!o.datatype().empty() &&
                 o.datatype() != "http://www.w3.org/2001/XMLSchema#string") {
        out_ << " rdf:datatype=\"" << Escape(o.datatype(), true) << "\"";
      }
      out_ << ">" << Escape(o.value(), false) << "</p:" << local << ">\n";
    }
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
