// Running the real `sextant` binary from tests: through pipes (scripts, exit codes) and through a
// pseudo-terminal (line editing, completion, history, Ctrl-C).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

#include "testutil/test_util.h"

namespace sextant::shelltest {

std::string SextantBinary();

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs sextant with `args` (not shell-quoted: each element is one argument), `input` on stdin,
// and extra environment variables ("NAME=value"). HOME points into `dir`.
RunResult RunSextant(const std::vector<std::string>& args, const std::string& input,
                     const testing::TempDir& dir, const std::vector<std::string>& env = {});

// sextant on a pseudo-terminal: its stdin, stdout and stderr are the terminal.
class PtySession {
 public:
  PtySession(const std::vector<std::string>& args, const std::vector<std::string>& env);
  ~PtySession();
  bool started() const { return pid_ > 0; }
  void Send(const std::string& keys);
  // Reads until `needle` appears in the output after the last consumed position (escape
  // sequences removed); consumes through it. False on timeout or end of output.
  bool WaitFor(const std::string& needle,
               std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // Everything read so far, escape sequences removed.
  const std::string& output() const { return clean_; }
  const std::string& raw() const { return raw_; }
  // Waits for the process to exit; its exit code, or -1 (after killing it) on timeout.
  int WaitExit(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  bool alive();

 private:
  void Pump(int timeout_ms);
  pid_t pid_ = -1;
  int fd_ = -1;
  int status_ = -1;
  bool exited_ = false;
  std::string raw_;
  std::string clean_;
  size_t consumed_ = 0;
};

}  // namespace sextant::shelltest
