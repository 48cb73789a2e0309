// `--format table`: the shell's `.mode table` (sextant/text_table.h), so a result printed by
// `sextant query` and by the shell reads the same. Rows are buffered to size the columns.
#include <memory>

#include "results/writers.h"
#include "sextant/text_table.h"

namespace sextant::results {
namespace {

class TableWriter : public ResultWriter {
 public:
  explicit TableWriter(std::ostream& out) : out_(out) {}

  Status Begin(const std::vector<std::string>& vars) override {
    columns_ = vars;
    rows_.clear();
    return Status::OK();
  }

  Status Row(const std::vector<std::optional<Term>>& row) override {
    rows_.push_back(row);
    return Status::OK();
  }

  Status End() override {
    RenderTable(MakeTextTable(columns_, rows_, {}), TableStyle{TableFrame::kAscii}, out_);
    out_ << RowCountLine(rows_.size()) << "\n";
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
  std::ostream& out_;
  std::vector<std::string> columns_;
  std::vector<std::vector<std::optional<Term>>> rows_;
};

}  // namespace

std::unique_ptr<ResultWriter> MakeTableWriter(std::ostream& out) {
  return std::make_unique<TableWriter>(out);
}

}  // namespace sextant::results
