#include "output_mode.h"

namespace sextant::shell {

std::optional<OutputMode> OutputModeFromName(const std::string& name) {
  if (name == "box") return OutputMode::kBox;
  if (name == "table") return OutputMode::kTable;
  if (name == "csv") return OutputMode::kCsv;
  if (name == "tsv" || name == "tabs") return OutputMode::kTsv;
  if (name == "json") return OutputMode::kJson;
  if (name == "markdown" || name == "md") return OutputMode::kMarkdown;
  if (name == "line") return OutputMode::kLine;
  return std::nullopt;
}

const char* OutputModeName(OutputMode mode) {
  switch (mode) {
    case OutputMode::kBox: return "box";
    case OutputMode::kTable: return "table";
    case OutputMode::kCsv: return "csv";
    case OutputMode::kTsv: return "tsv";
    case OutputMode::kJson: return "json";
    case OutputMode::kMarkdown: return "markdown";
    case OutputMode::kLine: return "line";
  }
  return "?";
}

bool IsTextMode(OutputMode mode) {
  return mode == OutputMode::kBox || mode == OutputMode::kTable || mode == OutputMode::kMarkdown ||
         mode == OutputMode::kLine;
}

TableFrame FrameOf(OutputMode mode) {
  switch (mode) {
    case OutputMode::kBox: return TableFrame::kBox;
    case OutputMode::kMarkdown: return TableFrame::kMarkdown;
    case OutputMode::kLine: return TableFrame::kLine;
    default: return TableFrame::kAscii;
  }
}

}  // namespace sextant::shell
