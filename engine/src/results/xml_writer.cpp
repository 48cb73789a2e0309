// application/sparql-results+xml (SPARQL Query Results XML Format).
#include "results/writers.h"

namespace sextant::results {

namespace {

void AppendXmlEscaped(std::string& out, std::string_view s) {
  for (const char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\r': out += "&#13;"; break;  // a raw CR would be normalised away by XML parsers
      default: out += ch;
    }
  }
}

class XmlWriter : public ResultWriter {
 public:
  explicit XmlWriter(std::ostream& out) : out_(out) {}

  Status Begin(const std::vector<std::string>& vars) override {
    vars_ = vars;
    std::string s = kHeader;
    s += "  <head>\n";
    for (const std::string& v : vars) {
      s += "    <variable name=\"";
      AppendXmlEscaped(s, v);
      s += "\"/>\n";
    }
    s += "  </head>\n  <results>\n";
    out_ << s;
    return StreamStatus(out_);
  }

  Status Row(const std::vector<std::optional<Term>>& row) override {
    std::string s = "    <result>\n";
    for (size_t i = 0; i < row.size() && i < vars_.size(); ++i) {
      if (!row[i]) continue;
      const Term& t = *row[i];
      s += "      <binding name=\"";
      AppendXmlEscaped(s, vars_[i]);
      s += "\">";
      AppendTerm(s, t);
      s += "</binding>\n";
    }
    s += "    </result>\n";
    out_ << s;
    return StreamStatus(out_);
  }

  Status End() override {
    out_ << "  </results>\n</sparql>\n";
    out_.flush();
    return StreamStatus(out_);
  }

  Status Boolean(bool value) override {
    out_ << kHeader << "  <head/>\n  <boolean>" << (value ? "true" : "false")
         << "</boolean>\n</sparql>\n";
    out_.flush();
    return StreamStatus(out_);
  }

 private:
  // A triple term (SPARQL 1.2) nests its three parts in <triple>.
  static void AppendTerm(std::string& s, const Term& t) {
    switch (t.kind()) {
      case TermKind::kIri:
        s += "<uri>";
        AppendXmlEscaped(s, t.value());
        s += "</uri>";
        break;
      case TermKind::kBlank:
        s += "<bnode>";
        AppendXmlEscaped(s, t.value());
        s += "</bnode>";
        break;
      case TermKind::kTriple:
        s += "<triple><subject>";
        AppendTerm(s, t.subject());
        s += "</subject><predicate>";
        AppendTerm(s, t.predicate());
        s += "</predicate><object>";
        AppendTerm(s, t.object());
        s += "</object></triple>";
        break;
      default:
        s += "<literal";
        if (!t.language().empty()) {
          s += " xml:lang=\"";
          AppendXmlEscaped(s, t.language());
          s += "\"";
          if (t.direction() != Direction::kNone) {
            // Declared here, not on <sparql>, so output without directions stays as it was.
            s += " xmlns:its=\"http://www.w3.org/2005/11/its\" its:dir=\"";
            s += DirectionName(t.direction());
            s += "\"";
          }
        } else if (t.datatype() != vocab::kXsdString) {
          s += " datatype=\"";
          AppendXmlEscaped(s, t.datatype());
          s += "\"";
        }
        s += ">";
        AppendXmlEscaped(s, t.value());
        s += "</literal>";
        break;
    }
  }

  static constexpr const char* kHeader =
      "<?xml version=\"1.0\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n";
  std::ostream& out_;
  std::vector<std::string> vars_;
};

}  // namespace

std::unique_ptr<ResultWriter> MakeXmlWriter(std::ostream& out) {
  return std::make_unique<XmlWriter>(out);
}

}  // namespace sextant::results
