// SPARQL 1.1 Query Results CSV and TSV formats. CSV loses term types (IRIs bare, literals as
// their lexical form) and follows RFC 4180 (CRLF, quoting); TSV keeps full terms in Turtle
// syntax and ends lines with LF.
#include "results/writers.h"

namespace sextant::results {

namespace {

void AppendCsvField(std::string& out, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

class CsvWriter : public ResultWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}

  Status Begin(const std::vector<std::string>& vars) override {
    std::string s;
    for (size_t i = 0; i < vars.size(); ++i) {
      if (i) s += ',';
      AppendCsvField(s, vars[i]);
    }
    s += "\r\n";
    out_ << s;
    return StreamStatus(out_);
  }

  Status Row(const std::vector<std::optional<Term>>& row) override {
    std::string& s = line_;  // reused: its buffer outlives the row
    s.clear();
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) s += ',';
      if (!row[i]) continue;
      if (row[i]->is_blank()) {
        s += "_:";
        s += row[i]->value();
      } else if (row[i]->is_triple()) {
        AppendCsvField(s, row[i]->ToNTriples());  // SPARQL 1.2: <<( s p o )>>
      } else {
        AppendCsvField(s, row[i]->value());
      }
    }
    s += "\r\n";
    out_ << s;
    return StreamStatus(out_);
  }

  Status End() override {
    out_.flush();
    return StreamStatus(out_);
  }

  Status Boolean(bool value) override {
    out_ << "_askResult\r\n" << (value ? "true" : "false") << "\r\n";
    out_.flush();
    return StreamStatus(out_);
  }

 private:
  std::ostream& out_;
  std::string line_;
};

class TsvWriter : public ResultWriter {
 public:
  explicit TsvWriter(std::ostream& out) : out_(out) {}

  Status Begin(const std::vector<std::string>& vars) override {
    std::string s;
    for (size_t i = 0; i < vars.size(); ++i) {
      if (i) s += '\t';
      s += '?' + vars[i];
    }
    s += '\n';
    out_ << s;
    return StreamStatus(out_);
  }

  Status Row(const std::vector<std::optional<Term>>& row) override {
    std::string& s = line_;  // reused: its buffer outlives the row
    s.clear();
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) s += '\t';
      if (row[i]) s += TurtleTerm(*row[i]);  // N-Triples escapes tabs and newlines
    }
    s += '\n';
    out_ << s;
    return StreamStatus(out_);
  }

  Status End() override {
    out_.flush();
    return StreamStatus(out_);
  }

  Status Boolean(bool value) override {
    out_ << "?_askResult\n" << (value ? "true" : "false") << "\n";
    out_.flush();
    return StreamStatus(out_);
  }

 private:
  std::ostream& out_;
  std::string line_;
};

}  // namespace

std::unique_ptr<ResultWriter> MakeCsvWriter(std::ostream& out) {
  return std::make_unique<CsvWriter>(out);
}
std::unique_ptr<ResultWriter> MakeTsvWriter(std::ostream& out) {
  return std::make_unique<TsvWriter>(out);
}

}  // namespace sextant::results
