#include "server/server.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <condition_variable>
#include <iostream>
#include <optional>
#include <thread>
#include <vector>

#include "server/http_session.h"
#include "server/request_lanes.h"
#include "server/request_watch.h"
#include "server/service_context.h"

namespace sextant::server {
namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;

// Each worker thread runs an io_context of its own, and a connection lives on one worker from
// accept to close. Sharing one io_context among all threads cost two to four thread hand-offs
// per request (the thread that saw the socket become ready was rarely the one that ran its
// handler), which on LUBM's short queries added more latency than the query itself. The price
// is that a connection waits for its own worker, so new connections go to the worker with the
// fewest open connections.
struct Worker {
  std::atomic<int> connections{0};  // declared first: outlives the sessions the io_context owns
  net::io_context ioc{1};
  net::executor_work_guard<net::io_context::executor_type> work = net::make_work_guard(ioc);
  std::thread thread;
};

class ServerImpl : public Server {
 public:
  ServerImpl(Database* db, const ServerConfig& config) : acceptor_(accept_ioc_) {
    ctx_.db = db;
    ctx_.config = config;
    if (ctx_.config.max_concurrent < 1) ctx_.config.max_concurrent = 1;
    ctx_.watch = &watch_;
    ctx_.response_bytes.set_max(ctx_.config.max_total_response_bytes);
  }
  ~ServerImpl() override { Stop(); }

  Status Listen() {
    boost::system::error_code ec;
    const auto address = net::ip::make_address(ctx_.config.bind, ec);
    if (ec) return Status::InvalidArgument("not an IP address: '" + ctx_.config.bind + "'");
    const tcp::endpoint endpoint(address, ctx_.config.port);
    const std::string where = ctx_.config.bind + ":" + std::to_string(ctx_.config.port);
    if (acceptor_.open(endpoint.protocol(), ec); ec)
      return Status::IOError("cannot open a socket: " + ec.message());
    acceptor_.set_option(net::socket_base::reuse_address(true), ec);
    if (acceptor_.bind(endpoint, ec); ec)
      return Status::IOError("cannot listen on " + where + ": " + ec.message());
    if (acceptor_.listen(net::socket_base::max_listen_connections, ec); ec) {
      return Status::IOError("cannot listen on " + where + ": " + ec.message());
    }
    port_ = acceptor_.local_endpoint(ec).port();
    lanes_.emplace(ctx_.config.max_concurrent, std::max(0, ctx_.config.express_lanes),
                   ctx_.config.express_slice);
    ctx_.lanes = &*lanes_;
    for (int i = 0; i < ctx_.config.max_concurrent; ++i) {
      auto& w = *workers_.emplace_back(std::make_unique<Worker>());
      // Asio makes an io_context's reactor (epoll and eventfd descriptors) with its first
      // socket; made then, when descriptors had run out, it failed and the server never
      // accepted again. Made now, a lack of descriptors fails the start instead.
      try {
        tcp::socket reactor_now(w.ioc);
      } catch (const std::exception& e) {
        return Status::IOError(std::string("cannot start a worker: ") + e.what());
      }
      w.thread = std::thread([&w] { Run(w.ioc); });
    }
    Accept();
    accept_thread_ = std::thread([this] { Run(accept_ioc_); });
    return Status::OK();
  }

  uint16_t port() const override { return port_; }

  void Stop() override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stopped_) return;
      stopped_ = true;
    }
    accept_ioc_.stop();
    if (accept_thread_.joinable()) accept_thread_.join();
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    // Running requests stop early; their answers go to event loops about to stop.
    watch_.Shutdown();
    if (lanes_) lanes_->Stop();
    for (auto& w : workers_) w->ioc.stop();
    for (auto& w : workers_) {
      if (w->thread.joinable()) w->thread.join();
    }
    cv_.notify_all();
  }

  void Wait() override {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return stopped_; });
  }

 private:
  void Accept() {
    acceptor_.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
      if (!acceptor_.is_open()) return;
      if (ec) {
        // Out of descriptors (EMFILE) and the like: the pending connection stays queued, so
        // accepting again at once would spin. Wait, longer while it lasts, then try again.
        backoff_ = std::min(
            backoff_ == std::chrono::milliseconds(0) ? std::chrono::milliseconds(5) : backoff_ * 2,
            std::chrono::milliseconds(500));
        retry_.expires_after(backoff_);
        retry_.async_wait([this](boost::system::error_code) { Accept(); });
        return;
      }
      backoff_ = std::chrono::milliseconds(0);
      try {
        Hand(std::move(socket));
      } catch (const std::exception& e) {
        std::cerr << "sextant serve: dropped a connection: " << e.what() << "\n";
      }
      Accept();
    });
  }

  int OpenConnections() const {
    int n = 0;
    for (const auto& w : workers_) n += w->connections.load(std::memory_order_relaxed);
    return n;
  }

  // Moves an accepted connection to the least loaded worker's io_context.
  void Hand(tcp::socket socket) {
    if (OpenConnections() >= ctx_.config.max_connections) return;  // closed by `socket`
    Worker* w = workers_.front().get();
    for (auto& candidate : workers_) {
      if (candidate->connections.load(std::memory_order_relaxed) <
          w->connections.load(std::memory_order_relaxed)) {
        w = candidate.get();
      }
    }
    boost::system::error_code ec;
    // Replies are written whole; without this a small reply can wait on the client's delayed
    // ACK (Nagle).
    socket.set_option(tcp::no_delay(true), ec);
    const auto protocol = socket.local_endpoint(ec).protocol();
    if (ec) return;  // the peer is already gone
    const auto fd = socket.release(ec);
    if (ec) return;
    tcp::socket moved(w->ioc);
    if (moved.assign(protocol, fd, ec); ec) {
      ::close(fd);
      return;
    }
    w->connections.fetch_add(1, std::memory_order_relaxed);
    net::post(w->ioc, [this, w, s = std::move(moved)]() mutable {
      StartSession(std::move(s), ctx_, &w->connections);
    });
  }

  static void Run(net::io_context& ioc) {
    // Handlers catch their own errors; this keeps a worker alive if something slips through.
    for (;;) {
      try {
        ioc.run();
        return;
      } catch (const std::exception& e) {
        std::cerr << "sextant serve: " << e.what() << "\n";
      }
    }
  }

  ServiceContext ctx_;  // outlives the io_contexts, whose pending handlers refer to it
  RequestWatch watch_;
  std::vector<std::unique_ptr<Worker>> workers_;
  // After the workers: joined (and its waiting sessions released) before they go.
  std::optional<RequestLanes> lanes_;
  net::io_context accept_ioc_{1};
  tcp::acceptor acceptor_;
  net::steady_timer retry_{accept_ioc_};  // accept back-off
  std::chrono::milliseconds backoff_{0};
  std::thread accept_thread_;
  uint16_t port_ = 0;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopped_ = false;
};

}  // namespace

Result<std::unique_ptr<Server>> Server::Start(Database* db, const ServerConfig& config) {
  auto server = std::make_unique<ServerImpl>(db, config);
  SEXTANT_RETURN_IF_ERROR(server->Listen());
  return std::unique_ptr<Server>(std::move(server));
}

}  // namespace sextant::server
