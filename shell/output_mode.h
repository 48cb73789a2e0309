// The shell's output modes (`.mode`, `--mode`): the text ones render through the engine's table
// renderer (sextant/text_table.h), the machine ones through its result writers.
#pragma once

#include <optional>
#include <string>

#include "sextant/text_table.h"

namespace sextant::shell {

enum class OutputMode { kBox, kTable, kCsv, kTsv, kJson, kMarkdown, kLine };

std::optional<OutputMode> OutputModeFromName(const std::string& name);
const char* OutputModeName(OutputMode mode);
bool IsTextMode(OutputMode mode);  // box, table, markdown, line

// The frame a text mode draws (kAscii for the machine modes, which never reach the renderer).
TableFrame FrameOf(OutputMode mode);

}  // namespace sextant::shell
