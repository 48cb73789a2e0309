// `sextant serve` as a real child process for the tests that need a whole process: exit codes,
// signals, resource limits (open files), memory and file-descriptor counts over time, and
// separate servers on loopback (federation, the W3C SERVICE suite). No GoogleTest here, so the
// W3C runner links it too.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sextant::testing {

struct ServeLimits {
  long max_open_files = 0;  // RLIMIT_NOFILE of the child; 0 keeps the parent's
};

class ServeProcess {
 public:
  // Runs `[wrapper...] sextant [global...] serve DB --port 0 [args...]` (no `--port 0` when
  // `args` names a port) and waits (up to 10 s) for its startup line. nullptr when it exited or
  // never printed one; `output` then holds what it printed.
  static std::unique_ptr<ServeProcess> Start(const std::string& db,
                                             const std::vector<std::string>& args,
                                             const ServeLimits& limits = {},
                                             const std::vector<std::string>& wrapper = {},
                                             const std::vector<std::string>& global = {},
                                             std::string* output = nullptr);
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  uint16_t port() const { return port_; }
  // http://127.0.0.1:PORT/sparql
  std::string endpoint() const;
  pid_t pid() const { return pid_; }
  // Resident memory and open descriptors of the server (the sextant process itself, also when
  // started under a wrapper). nullopt once it is gone.
  std::optional<long> RssKib() const;
  std::optional<int> OpenFds() const;
  // CPU time (user + system) the server has used, in seconds.
  std::optional<double> CpuSeconds() const;
  bool Alive() const;
  // Sends `sig` and waits up to `timeout_ms`; the exit status as waitpid reports it, or nullopt
  // when it did not exit in time (it is then killed).
  std::optional<int> Stop(int sig, int timeout_ms);
  // Everything the server wrote to stderr so far.
  std::string Stderr() const;

 private:
  ServeProcess() = default;
  pid_t ServerPid() const;

  pid_t pid_ = -1;
  uint16_t port_ = 0;
  std::string stderr_path_;
  int stdout_fd_ = -1;
  bool wrapped_ = false;
  bool reaped_ = false;
};

// The sextant executable of this build.
std::string SextantPath();

// Loads `files` (by extension) into a new store at `db` with `sextant load`; its exit code.
int LoadWithCli(const std::string& db, const std::vector<std::string>& files);

// A loopback TCP port that was free a moment ago (for servers that must know each other's
// addresses before they start).
uint16_t FreeLoopbackPort();

}  // namespace sextant::testing
