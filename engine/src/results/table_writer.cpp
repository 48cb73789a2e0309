// An aligned text table for people. Rows are buffered to size the columns; cells show terms in
// Turtle form, unbound cells stay empty. Widths count terminal columns (wide East Asian
// characters take two).
#include <algorithm>

#include "results/writers.h"
#include "sextant/utf8.h"

namespace sextant::results {

namespace {

bool IsWide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) ||
         (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
         (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
         (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1faff) ||
         (c >= 0x20000 && c <= 0x3fffd);
}

size_t DisplayWidth(std::string_view s) {
  size_t w = 0;
  for (size_t i = 0, len = 1; i < s.size(); i += len) w += IsWide(DecodeUtf8At(s, i, &len)) ? 2 : 1;
  return w;
}

class TableWriter : public ResultWriter {
 public:
  explicit TableWriter(std::ostream& out) : out_(out) {}

  Status Begin(const std::vector<std::string>& vars) override {
    header_.clear();
    for (const std::string& v : vars) header_.push_back("?" + v);
    return Status::OK();
  }

  Status Row(const std::vector<std::optional<Term>>& row) override {
    std::vector<std::string> cells;
    cells.reserve(row.size());
    for (const auto& t : row) cells.push_back(t ? TurtleTerm(*t) : std::string());
    rows_.push_back(std::move(cells));
    return Status::OK();
  }

  Status End() override {
    std::vector<size_t> widths(header_.size());
    for (size_t i = 0; i < header_.size(); ++i) widths[i] = DisplayWidth(header_[i]);
    for (const auto& r : rows_) {
      for (size_t i = 0; i < r.size() && i < widths.size(); ++i) {
        widths[i] = std::max(widths[i], DisplayWidth(r[i]));
      }
    }
    std::string s;
    WriteLine(s, header_, widths);
    for (size_t i = 0; i < widths.size(); ++i) {
      if (i) s += "-+-";
      s.append(widths[i], '-');
    }
    s += '\n';
    for (const auto& r : rows_) WriteLine(s, r, widths);
    s += "(" + std::to_string(rows_.size()) + (rows_.size() == 1 ? " row)\n" : " rows)\n");
    out_ << s;
    out_.flush();
    rows_.clear();
    return StreamStatus(out_);
  }

  Status Boolean(bool value) override {
    out_ << (value ? "true" : "false") << "\n";
    out_.flush();
    return StreamStatus(out_);
  }

 private:
  static void WriteLine(std::string& s, const std::vector<std::string>& cells,
                        const std::vector<size_t>& widths) {
    std::string line;
    for (size_t i = 0; i < widths.size(); ++i) {
      if (i) line += " | ";
      const std::string& c = i < cells.size() ? cells[i] : std::string();
      line += c;
      line.append(widths[i] - std::min(widths[i], DisplayWidth(c)), ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();  // no trailing blanks
    s += line + '\n';
  }

  std::ostream& out_;
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace

std::unique_ptr<ResultWriter> MakeTableWriter(std::ostream& out) {
  return std::make_unique<TableWriter>(out);
}

}  // namespace sextant::results
