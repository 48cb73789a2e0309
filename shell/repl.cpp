#include "repl.h"

#include <clocale>
#include <cstring>
#include <iostream>

#include "completion.h"
#include "line_editor.h"
#include "statement_buffer.h"

namespace sextant::shell {

namespace {

// libedit edits wide characters and converts lines with the C library's multibyte functions: in
// the "C" locale every non-ASCII key would come out as an escape. Store text is UTF-8, so fall
// back to C.UTF-8 when the environment names no UTF-8 locale.
void UseUtf8Locale() {
  const char* set = std::setlocale(LC_CTYPE, "");
  if (set == nullptr ||
      (std::strstr(set, "UTF-8") == nullptr && std::strstr(set, "utf8") == nullptr)) {
    if (std::setlocale(LC_CTYPE, "C.UTF-8") == nullptr) std::setlocale(LC_CTYPE, "C.utf8");
  }
}

}  // namespace

int RunRepl(Session& session) {
  UseUtf8Locale();
  InstallSigintHandler(/*restart=*/false);
  std::cout << session.Banner() << std::flush;
  LineEditor editor(DefaultHistoryPath(),
                    [&session](const std::string& line, size_t start, const std::string& word) {
                      return CompletionCandidates(session, line, start, word);
                    });
  StatementBuffer buffer;
  std::string statement_lines;  // the pending statement as typed, for the history
  while (!session.quit_requested()) {
    bool cancelled = false;
    auto line = editor.ReadLine(buffer.pending() ? "   ...> " : "sextant> ", &cancelled);
    if (!line) {
      std::cout << "\n";
      break;
    }
    if (cancelled) {
      // Ctrl-C abandons the line, and a statement being continued with it.
      buffer.Clear();
      statement_lines.clear();
      continue;
    }
    const size_t first = line->find_first_not_of(" \t");
    if (!buffer.pending() && first != std::string::npos && (*line)[first] == '.') {
      buffer.Clear();
      statement_lines.clear();
      editor.AddHistory(*line);
      session.Execute(*line);
      continue;
    }
    if (!statement_lines.empty()) statement_lines += '\n';
    statement_lines += *line;
    auto done = buffer.AddLine(*line);
    if (!done.empty() || !buffer.pending()) {
      // One history entry per statement; its lines joined with spaces unless a '#' comment
      // would then swallow the rest.
      std::string entry = statement_lines;
      if (entry.find('#') == std::string::npos) {
        for (char& c : entry) {
          if (c == '\n') c = ' ';
        }
      }
      editor.AddHistory(entry);
      statement_lines.clear();
    }
    for (const auto& stmt : done) {
      session.Execute(stmt);
      if (session.quit_requested()) break;
    }
  }
  return 0;
}

}  // namespace sextant::shell
