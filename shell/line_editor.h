// Line editing for the REPL on libedit (BSD licensed; GNU readline is GPL): history kept in a
// file, tab completion, and Ctrl-C that abandons the line being typed.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sextant::shell {

// Candidates for the word being completed: (whole line so far, offset of the word, the word).
using Completer = std::function<std::vector<std::string>(const std::string& line, size_t start,
                                                         const std::string& word)>;

class LineEditor {
 public:
  // `history_path` empty: no history file.
  LineEditor(std::string history_path, Completer completer);
  ~LineEditor();
  LineEditor(const LineEditor&) = delete;
  LineEditor& operator=(const LineEditor&) = delete;

  // The next line; nullopt at end of input (Ctrl-D). *cancelled is set when Ctrl-C abandoned the
  // line (the returned text is then meaningless).
  std::optional<std::string> ReadLine(const std::string& prompt, bool* cancelled);
  // Adds an entry to the history and saves the file, so a crash loses nothing.
  void AddHistory(const std::string& entry);

 private:
  std::string history_path_;
};

// ~/.sextant_history, or empty when HOME is unset.
std::string DefaultHistoryPath();

}  // namespace sextant::shell
