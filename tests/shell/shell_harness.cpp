#include "shell_harness.h"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <thread>

namespace sextant::shelltest {
namespace {

std::vector<char*> CStrings(std::vector<std::string>& v) {
  std::vector<char*> out;
  for (auto& s : v) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// Removes CSI/OSC escape sequences and BEL so tests match on the visible text.
std::string StripEscapes(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\x1b' && i + 1 < s.size()) {
      if (s[i + 1] == '[') {
        i += 2;
        while (i < s.size() && !(s[i] >= '@' && s[i] <= '~')) ++i;
      } else if (s[i + 1] == ']') {
        while (i < s.size() && s[i] != '\x07') ++i;
      } else {
        ++i;
      }
      continue;
    }
    if (c == '\x07' || c == '\r') continue;
    out += c;
  }
  return out;
}

}  // namespace

std::string SextantBinary() {
  return (testing::BinaryDir() / "shell" / "sextant").string();
}

RunResult RunSextant(const std::vector<std::string>& args, const std::string& input,
                     const testing::TempDir& dir, const std::vector<std::string>& env) {
  RunResult r;
  const std::string in_file = dir.Sub("stdin.txt"), out_file = dir.Sub("stdout.txt"),
                    err_file = dir.Sub("stderr.txt");
  testing::WriteFile(in_file, input);
  const pid_t pid = fork();
  if (pid == 0) {
    const int in = open(in_file.c_str(), O_RDONLY);
    const int out = open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    setenv("HOME", dir.Sub("home").c_str(), 1);
    unsetenv("NO_COLOR");
    for (const auto& e : env) putenv(strdup(e.c_str()));
    std::vector<std::string> argv = {SextantBinary()};
    argv.insert(argv.end(), args.begin(), args.end());
    auto cargv = CStrings(argv);
    execv(cargv[0], cargv.data());
    _exit(127);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = testing::ReadFile(out_file);
  r.err = testing::ReadFile(err_file);
  return r;
}

PtySession::PtySession(const std::vector<std::string>& args, const std::vector<std::string>& env) {
  struct winsize ws {};
  ws.ws_row = 40;
  ws.ws_col = 200;
  pid_ = forkpty(&fd_, nullptr, nullptr, &ws);
  if (pid_ == 0) {
    setenv("TERM", "xterm", 1);
    unsetenv("NO_COLOR");
    for (const auto& e : env) putenv(strdup(e.c_str()));
    std::vector<std::string> argv = {SextantBinary()};
    argv.insert(argv.end(), args.begin(), args.end());
    auto cargv = CStrings(argv);
    execv(cargv[0], cargv.data());
    _exit(127);
  }
}

PtySession::~PtySession() {
  if (pid_ > 0 && !exited_) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  if (fd_ >= 0) close(fd_);
}

void PtySession::Send(const std::string& keys) {
  // libedit prints the prompt a moment before it puts the terminal in raw mode; a Ctrl-D typed in
  // that window is taken by the line discipline as a cooked-mode EOF and lost. People do not type
  // that fast after a prompt; the test waits the moment out.
  if (!keys.empty() && (keys[0] == '\x04' || keys[0] == '\x03')) {
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
  }
  size_t off = 0;
  while (off < keys.size()) {
    const ssize_t n = write(fd_, keys.data() + off, keys.size() - off);
    if (n <= 0) return;
    off += static_cast<size_t>(n);
  }
}

void PtySession::Pump(int timeout_ms) {
  struct pollfd p {
    fd_, POLLIN, 0
  };
  if (poll(&p, 1, timeout_ms) <= 0) return;
  char buf[4096];
  const ssize_t n = read(fd_, buf, sizeof buf);
  if (n > 0) {
    raw_.append(buf, static_cast<size_t>(n));
    clean_ = StripEscapes(raw_);
  }
}

bool PtySession::WaitFor(const std::string& needle, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    const size_t at = clean_.find(needle, consumed_);
    if (at != std::string::npos) {
      consumed_ = at + needle.size();
      return true;
    }
    if (std::chrono::steady_clock::now() >= deadline) return false;
    Pump(20);
  }
}

bool PtySession::alive() {
  if (exited_) return false;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) == pid_) {
    exited_ = true;
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return false;
  }
  return true;
}

int PtySession::WaitExit(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (alive()) {
    if (std::chrono::steady_clock::now() >= deadline) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
      exited_ = true;
      return -1;
    }
    Pump(20);
  }
  return status_;
}

}  // namespace sextant::shelltest
