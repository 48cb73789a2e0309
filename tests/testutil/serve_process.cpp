#include "testutil/serve_process.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

namespace sextant::testing {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> ReadProc(pid_t pid, const std::string& file) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/" + file);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::string SextantPath() {
  return std::string(SEXTANT_BINARY_DIR) + "/shell/sextant";
}

std::unique_ptr<ServeProcess> ServeProcess::Start(const std::string& db,
                                                  const std::vector<std::string>& args,
                                                  const ServeLimits& limits,
                                                  const std::vector<std::string>& wrapper,
                                                  const std::vector<std::string>& global,
                                                  std::string* output) {
  std::vector<std::string> argv = wrapper;
  argv.push_back(SextantPath());
  argv.insert(argv.end(), global.begin(), global.end());
  argv.insert(argv.end(), {"serve", db});
  if (std::find(args.begin(), args.end(), "--port") == args.end()) {
    argv.insert(argv.end(), {"--port", "0"});
  }
  argv.insert(argv.end(), args.begin(), args.end());
  std::unique_ptr<ServeProcess> p(new ServeProcess());
  p->wrapped_ = !wrapper.empty();
  p->stderr_path_ = db + ".serve-stderr";
  int out[2];
  if (::pipe(out) != 0) return nullptr;
  std::vector<char*> cargs;
  for (auto& a : argv) cargs.push_back(a.data());
  cargs.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) return nullptr;
  if (pid == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    const int err = ::open(p->stderr_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (err >= 0) ::dup2(err, STDERR_FILENO);
    // Only the standard streams: the test's own descriptors must not count against the limit.
    for (int fd = 3; fd < 1024; ++fd) ::close(fd);
    if (limits.max_open_files > 0) {
      rlimit rl{static_cast<rlim_t>(limits.max_open_files),
                static_cast<rlim_t>(limits.max_open_files)};
      ::setrlimit(RLIMIT_NOFILE, &rl);
    }
    ::execvp(cargs[0], cargs.data());
    ::_exit(127);
  }
  ::close(out[1]);
  p->pid_ = pid;
  // The startup line names the port.
  std::string printed;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  const std::regex port_re("http://[^ ]*:(\\d+)/");
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd pfd{out[0], POLLIN, 0};
    if (::poll(&pfd, 1, 100) <= 0) continue;
    char buf[512];
    const ssize_t n = ::read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    printed.append(buf, static_cast<size_t>(n));
    std::smatch m;
    if (printed.find('\n') != std::string::npos && std::regex_search(printed, m, port_re)) {
      p->port_ = static_cast<uint16_t>(std::stoi(m[1].str()));
      break;
    }
  }
  // Kept open: a closed pipe would kill the server with SIGPIPE at its next line (its stop line,
  // a warning); what it prints after startup stays far below the pipe's buffer.
  p->stdout_fd_ = out[0];
  if (output != nullptr) *output = printed + p->Stderr();
  if (p->port_ == 0) {
    p->Stop(SIGKILL, 2000);
    return nullptr;
  }
  return p;
}

ServeProcess::~ServeProcess() {
  if (!reaped_) Stop(SIGKILL, 5000);
  if (stdout_fd_ >= 0) ::close(stdout_fd_);
  std::error_code ec;
  fs::remove(stderr_path_, ec);
}

pid_t ServeProcess::ServerPid() const {
  if (!wrapped_) return pid_;
  // Under a wrapper (strace) the server is the wrapper's child.
  const auto children = ReadProc(pid_, "task/" + std::to_string(pid_) + "/children");
  if (!children || children->empty()) return -1;
  return static_cast<pid_t>(std::stol(*children));
}

std::optional<long> ServeProcess::RssKib() const {
  const auto status = ReadProc(ServerPid(), "status");
  if (!status) return std::nullopt;
  const size_t at = status->find("VmRSS:");
  if (at == std::string::npos) return std::nullopt;
  return std::stol(status->substr(at + 6));
}

std::optional<int> ServeProcess::OpenFds() const {
  std::error_code ec;
  int n = 0;
  for (fs::directory_iterator it("/proc/" + std::to_string(ServerPid()) + "/fd", ec), end;
       !ec && it != end; it.increment(ec)) {
    ++n;
  }
  if (ec) return std::nullopt;
  return n;
}

std::optional<double> ServeProcess::CpuSeconds() const {
  const auto stat = ReadProc(ServerPid(), "stat");
  if (!stat) return std::nullopt;
  // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
  std::istringstream in(stat->substr(stat->rfind(')') + 2));
  std::string field;
  double ticks = 0;
  for (int i = 3; i <= 15 && in >> field; ++i) {
    if (i >= 14) ticks += std::stod(field);
  }
  return ticks / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

bool ServeProcess::Alive() const {
  if (reaped_) return false;
  int status = 0;
  return ::waitpid(pid_, &status, WNOHANG) == 0;
}

std::optional<int> ServeProcess::Stop(int sig, int timeout_ms) {
  if (reaped_) return std::nullopt;
  // Never kill(-1): under a wrapper whose child is gone or not yet started, ServerPid() is -1,
  // and kill(-1, sig) signals every process the user may signal (it took whole test machines
  // down). Then the wrapper itself gets the signal.
  const pid_t target = wrapped_ ? ServerPid() : pid_;
  ::kill(target > 0 ? target : pid_, sig);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      reaped_ = true;
      return status;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ::kill(pid_, SIGKILL);
  if (const pid_t child = ServerPid(); child > 0) ::kill(child, SIGKILL);
  ::waitpid(pid_, &status, 0);
  reaped_ = true;
  return std::nullopt;
}

std::string ServeProcess::Stderr() const {
  std::ifstream in(stderr_path_);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string ServeProcess::endpoint() const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/sparql";
}

uint16_t FreeLoopbackPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  uint16_t port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    socklen_t len = sizeof addr;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
      port = ntohs(addr.sin_port);
    }
  }
  ::close(fd);
  return port;
}

int LoadWithCli(const std::string& db, const std::vector<std::string>& files) {
  std::string cmd = SextantPath() + " load " + db;
  for (const auto& f : files) cmd += " '" + f + "'";
  const int status = std::system((cmd + " >/dev/null 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace sextant::testing
