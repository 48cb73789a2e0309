// Real child processes for the crash and resource tests: start, read output lines, kill -9,
// and collect exit status with peak memory.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sextant::reliability {

struct ExitInfo {
  int exit_code = -1;  // -1 when killed by a signal
  int signal = 0;
  long max_rss_kib = 0;
};

class ChildProcess {
 public:
  // Starts argv[0] with the given arguments; stdout is a pipe read by ReadLine(), stderr goes
  // to `stderr_path` (or is inherited when empty), stdout to `stdout_path` when set instead.
  static std::optional<ChildProcess> Start(const std::vector<std::string>& argv,
                                           const std::string& stderr_path = "",
                                           const std::string& stdout_path = "");
  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&&) = delete;
  ~ChildProcess();

  // Next line of stdout, or nullopt at end of output or after timeout_ms without a full line.
  std::optional<std::string> ReadLine(int timeout_ms);
  // Reads stdout to its end, returning the number of lines and bytes seen.
  std::pair<uint64_t, uint64_t> DrainLines();
  void Kill(int sig);
  ExitInfo Wait();

 private:
  ChildProcess() = default;
  void SampleMemory();

  pid_t pid_ = -1;
  std::string program_;
  long peak_rss_kib_ = 0;
  int out_fd_ = -1;
  std::string buffer_;
  bool waited_ = false;
};

// Runs a command to completion.
ExitInfo RunProcess(const std::vector<std::string>& argv, const std::string& stdout_path,
                    const std::string& stderr_path);

// The sextant executable and the crash writer built next to the tests.
std::string SextantBinary();
std::string CrashWriterBinary();

}  // namespace sextant::reliability
