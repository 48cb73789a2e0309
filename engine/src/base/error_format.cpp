#include "sextant/error_format.h"

#include <cstdint>
#include <string>

#include "sextant/utf8.h"

namespace sextant {

std::string FormatSyntaxError(std::string_view text, const Status& error) {
  if (error.line() == 0) return error.message();
  // Find the line.
  size_t start = 0;
  for (uint64_t l = 1; l < error.line() && start != std::string_view::npos; ++l) {
    start = text.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start == std::string_view::npos) start = text.size();
  size_t end = text.find('\n', start);
  std::string_view line = text.substr(start, end == std::string_view::npos ? end : end - start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  // Columns count code points; tabs are kept so the caret lines up in a terminal.
  std::string pad;
  uint64_t col = 1;
  for (size_t i = 0; i < line.size() && col < error.column(); ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (IsUtf8Continuation(c)) continue;
    pad += c == '\t' ? '\t' : ' ';
    ++col;
  }
  while (col < error.column()) {  // past the end (end of input)
    pad += ' ';
    ++col;
  }
  std::string location = error.source().empty() ? "" : error.source() + ":";
  location += std::to_string(error.line()) + ":" + std::to_string(error.column());
  return std::string(line) + "\n" + pad + "^\n" + location + ": " + error.message();
}

}  // namespace sextant
