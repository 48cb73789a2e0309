#include "process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>

#include "testutil/test_util.h"

namespace sextant::reliability {
namespace {

void RedirectTo(const std::string& path, int target_fd) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd >= 0) {
    ::dup2(fd, target_fd);
    ::close(fd);
  }
}

}  // namespace

std::optional<ChildProcess> ChildProcess::Start(const std::vector<std::string>& argv,
                                                const std::string& stderr_path,
                                                const std::string& stdout_path) {
  int pipe_fds[2] = {-1, -1};
  if (stdout_path.empty() && ::pipe(pipe_fds) != 0) return std::nullopt;
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) return std::nullopt;
  if (pid == 0) {
    if (stdout_path.empty()) {
      ::dup2(pipe_fds[1], STDOUT_FILENO);
      ::close(pipe_fds[0]);
      ::close(pipe_fds[1]);
    } else {
      RedirectTo(stdout_path, STDOUT_FILENO);
    }
    if (!stderr_path.empty()) RedirectTo(stderr_path, STDERR_FILENO);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ChildProcess child;
  child.pid_ = pid;
  // /proc/PID/status names the program by the first 15 bytes of its file name.
  child.program_ = argv[0].substr(argv[0].find_last_of('/') + 1).substr(0, 15);
  if (stdout_path.empty()) {
    ::close(pipe_fds[1]);
    child.out_fd_ = pipe_fds[0];
  }
  return child;
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(other.pid_),
      program_(std::move(other.program_)),
      peak_rss_kib_(other.peak_rss_kib_),
      out_fd_(other.out_fd_),
      buffer_(std::move(other.buffer_)),
      waited_(other.waited_) {
  other.pid_ = -1;
  other.out_fd_ = -1;
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0 && !waited_) {
    Kill(SIGKILL);
    Wait();
  }
  if (out_fd_ >= 0) ::close(out_fd_);
}

std::optional<std::string> ChildProcess::ReadLine(int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    const auto nl = buffer_.find('\n');
    if (nl != std::string::npos) {
      std::string line = buffer_.substr(0, nl);
      buffer_.erase(0, nl + 1);
      return line;
    }
    if (out_fd_ < 0) return std::nullopt;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return std::nullopt;
    pollfd pfd{out_fd_, POLLIN, 0};
    SampleMemory();
    if (::poll(&pfd, 1, static_cast<int>(std::min<long>(left.count(), 20))) < 0)
      return std::nullopt;
    if ((pfd.revents & (POLLIN | POLLHUP)) == 0) continue;
    char buf[4096];
    const ssize_t n = ::read(out_fd_, buf, sizeof buf);
    if (n <= 0) {
      ::close(out_fd_);
      out_fd_ = -1;
      continue;
    }
    buffer_.append(buf, static_cast<size_t>(n));
  }
}

std::pair<uint64_t, uint64_t> ChildProcess::DrainLines() {
  uint64_t lines = static_cast<uint64_t>(std::count(buffer_.begin(), buffer_.end(), '\n'));
  uint64_t bytes = buffer_.size();
  buffer_.clear();
  char buf[1 << 16];
  uint64_t reads = 0;
  while (out_fd_ >= 0) {
    if (++reads % 64 == 0) SampleMemory();
    const ssize_t n = ::read(out_fd_, buf, sizeof buf);
    if (n <= 0) {
      ::close(out_fd_);
      out_fd_ = -1;
      break;
    }
    bytes += static_cast<uint64_t>(n);
    lines += static_cast<uint64_t>(std::count(buf, buf + n, '\n'));
  }
  return {lines, bytes};
}

void ChildProcess::SampleMemory() {
  std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
  std::string line, name;
  long hwm = 0;
  while (std::getline(status, line)) {
    if (line.rfind("Name:", 0) == 0) name = line.substr(5);
    if (line.rfind("VmHWM:", 0) == 0) hwm = std::atol(line.c_str() + 6);
  }
  // Before exec the child is still a copy of the test process: ignore those samples.
  if (name.find(program_) != std::string::npos) peak_rss_kib_ = std::max(peak_rss_kib_, hwm);
}

void ChildProcess::Kill(int sig) {
  if (pid_ > 0 && !waited_) ::kill(pid_, sig);
}

ExitInfo ChildProcess::Wait() {
  ExitInfo info;
  if (pid_ <= 0 || waited_) return info;
  int status = 0;
  rusage usage{};
  // The child's ru_maxrss includes the parent's memory it inherited between fork and exec, so
  // the peak is sampled from /proc while it runs (VmHWM of the executed program only).
  for (;;) {
    const pid_t r = ::wait4(pid_, &status, WNOHANG, &usage);
    if (r == pid_) break;
    if (r < 0) return info;
    SampleMemory();
    ::usleep(2000);
  }
  waited_ = true;
  info.max_rss_kib = peak_rss_kib_;
  if (WIFEXITED(status)) info.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) info.signal = WTERMSIG(status);
  return info;
}

ExitInfo RunProcess(const std::vector<std::string>& argv, const std::string& stdout_path,
                    const std::string& stderr_path) {
  auto child =
      ChildProcess::Start(argv, stderr_path, stdout_path.empty() ? "/dev/null" : stdout_path);
  if (!child) return {};
  return child->Wait();
}

std::string SextantBinary() {
  return (sextant::testing::BinaryDir() / "shell" / "sextant").string();
}
std::string CrashWriterBinary() {
  return (sextant::testing::BinaryDir() / "tests" / "crash_writer").string();
}

}  // namespace sextant::reliability
