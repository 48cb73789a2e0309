#include "line_editor.h"

#include <editline/readline.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "session.h"
#include "sextant/utf8.h"

namespace sextant::shell {
namespace {

Completer* g_completer = nullptr;
bool g_cancelled = false;
std::vector<std::string> g_candidates;
size_t g_next = 0;

// libedit reads through this so that Ctrl-C (SIGINT, whose handler is installed without
// SA_RESTART) interrupts the read: the line is then ended and marked cancelled. Bytes are decoded
// from UTF-8 here because libedit takes each returned int as one character.
int ReadChar(FILE* /*stream*/) {
  auto read_byte = [](unsigned char* b) -> int {
    while (true) {
      const ssize_t n = read(STDIN_FILENO, b, 1);
      if (n == 1) return 1;
      if (n == 0) return 0;
      if (errno == EINTR) {
        if (g_interrupted.exchange(false)) return -2;
        continue;
      }
      return 0;
    }
  };
  unsigned char b0;
  const int r = read_byte(&b0);
  if (r == -2) {
    g_cancelled = true;
    std::fputs("^C", stdout);
    std::fflush(stdout);
    return '\n';
  }
  if (r == 0) return EOF;
  Utf8Stream utf8;
  for (unsigned char b = b0;;) {
    if (utf8.Feed(b) != Utf8Problem::kNone) return 0xFFFD;
    if (utf8.Idle()) return static_cast<int>(utf8.code_point());
    if (read_byte(&b) != 1) return 0xFFFD;
  }
}

char* NextCandidate(const char* /*text*/, int state) {
  if (state == 0) g_next = 0;
  if (g_next >= g_candidates.size()) return nullptr;
  return strdup(g_candidates[g_next++].c_str());
}

char** Attempt(const char* text, int start, int /*end*/) {
  rl_attempted_completion_over = 1;  // never fall back to file names
  if (g_completer == nullptr) return nullptr;
  const std::string line(rl_line_buffer != nullptr ? rl_line_buffer : "");
  g_candidates = (*g_completer)(line, static_cast<size_t>(start), text);
  if (g_candidates.empty()) return nullptr;
  // A prefix name ("geo:") or an open IRI is not finished: no space after it.
  const bool open =
      g_candidates.size() == 1 && !g_candidates[0].empty() && g_candidates[0].back() == ':';
  rl_completion_append_character = open ? '\0' : ' ';
  return rl_completion_matches(text, NextCandidate);
}

// Characters that end a word for completion. ':' '<' '/' '#' '?' '.' are part of words: prefixed
// names, IRIs, variables.
char kBreaks[] = " \t\n(){}[],;=!+*|&\"'^";

}  // namespace

std::string DefaultHistoryPath() {
  const char* home = std::getenv("HOME");
  if (home == nullptr || *home == '\0') return {};
  return std::string(home) + "/.sextant_history";
}

LineEditor::LineEditor(std::string history_path, Completer completer)
    : history_path_(std::move(history_path)) {
  static Completer holder;
  holder = std::move(completer);
  g_completer = &holder;
  rl_readline_name = "sextant";
  rl_catch_signals = 0;
  rl_getc_function = ReadChar;
  rl_attempted_completion_function = Attempt;
  rl_basic_word_break_characters = kBreaks;
  rl_completer_word_break_characters = kBreaks;
  using_history();
  stifle_history(2000);
  if (!history_path_.empty()) read_history(history_path_.c_str());
}

LineEditor::~LineEditor() {
  if (!history_path_.empty()) write_history(history_path_.c_str());
  g_completer = nullptr;
}

std::optional<std::string> LineEditor::ReadLine(const std::string& prompt, bool* cancelled) {
  g_cancelled = false;
  g_interrupted.store(false);
  char* line = readline(prompt.c_str());
  *cancelled = g_cancelled;
  if (line == nullptr) return std::nullopt;
  std::string s(line);
  std::free(line);
  return s;
}

void LineEditor::AddHistory(const std::string& entry) {
  if (entry.find_first_not_of(" \t\n") == std::string::npos) return;
  add_history(entry.c_str());
  if (!history_path_.empty()) write_history(history_path_.c_str());
}

}  // namespace sextant::shell
