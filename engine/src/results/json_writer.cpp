// application/sparql-results+json (SPARQL 1.1 Query Results JSON Format).
#include "base/json_escape.h"
#include "results/writers.h"

namespace sextant::results {

namespace {

class JsonWriter : public ResultWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}

  Status Begin(const std::vector<std::string>& vars) override {
    vars_ = vars;
    std::string s = "{\n  \"head\": {\n    \"vars\": [";
    for (size_t i = 0; i < vars.size(); ++i) {
      if (i) s += ", ";
      AppendJsonString(s, vars[i]);
    }
    s += "]\n  },\n  \"results\": {\n    \"bindings\": [";
    out_ << s;
    return StreamStatus(out_);
  }

  Status Row(const std::vector<std::optional<Term>>& row) override {
    std::string s = first_ ? "\n      {" : ",\n      {";
    first_ = false;
    bool first_binding = true;
    for (size_t i = 0; i < row.size() && i < vars_.size(); ++i) {
      if (!row[i]) continue;
      s += first_binding ? "\n        " : ",\n        ";
      first_binding = false;
      AppendJsonString(s, vars_[i]);
      s += ": ";
      AppendTerm(s, *row[i]);
    }
    s += first_binding ? "}" : "\n      }";
    out_ << s;
    return StreamStatus(out_);
  }

  Status End() override {
    out_ << (first_ ? "]\n  }\n}\n" : "\n    ]\n  }\n}\n");
    out_.flush();
    return StreamStatus(out_);
  }

  Status Boolean(bool value) override {
    out_ << "{\n  \"head\": {},\n  \"boolean\": " << (value ? "true" : "false") << "\n}\n";
    out_.flush();
    return StreamStatus(out_);
  }

 private:
  static void AppendTerm(std::string& s, const Term& t) {
    if (t.is_triple()) {
      // SPARQL 1.2 JSON results: {"type": "triple", "value": {"subject": ..., ...}}.
      s += "{\"type\": \"triple\", \"value\": {\"subject\": ";
      AppendTerm(s, t.subject());
      s += ", \"predicate\": ";
      AppendTerm(s, t.predicate());
      s += ", \"object\": ";
      AppendTerm(s, t.object());
      s += "}}";
      return;
    }
    s += "{\"type\": ";
    switch (t.kind()) {
      case TermKind::kIri: s += "\"uri\""; break;
      case TermKind::kBlank: s += "\"bnode\""; break;
      default: s += "\"literal\""; break;
    }
    s += ", \"value\": ";
    AppendJsonString(s, t.value());
    if (t.is_literal()) {
      if (!t.language().empty()) {
        s += ", \"xml:lang\": ";
        AppendJsonString(s, t.language());
        if (t.direction() != Direction::kNone) {
          s += ", \"its:dir\": ";
          AppendJsonString(s, DirectionName(t.direction()));
        }
      } else if (t.datatype() != vocab::kXsdString) {
        s += ", \"datatype\": ";
        AppendJsonString(s, t.datatype());
      }
    }
    s += "}";
  }

  std::ostream& out_;
  std::vector<std::string> vars_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<ResultWriter> MakeJsonWriter(std::ostream& out) {
  return std::make_unique<JsonWriter>(out);
}

}  // namespace sextant::results
