#include "server/server.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/strand.hpp>
#include <condition_variable>
#include <iostream>
#include <thread>
#include <vector>

#include "server/http_session.h"
#include "server/service_context.h"

namespace sextant::server {
namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;

class ServerImpl : public Server {
 public:
  // The acceptor lives on a strand: its accept handler and Stop's close never run at once.
  ServerImpl(Database* db, const ServerConfig& config) : acceptor_(net::make_strand(ioc_)) {
    ctx_.db = db;
    ctx_.config = config;
    if (ctx_.config.max_concurrent < 1) ctx_.config.max_concurrent = 1;
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
    Accept();
    for (int i = 0; i < ctx_.config.max_concurrent; ++i)
      threads_.emplace_back([this] { RunWorker(); });
    return Status::OK();
  }

  uint16_t port() const override { return port_; }

  void Stop() override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stopped_) return;
      stopped_ = true;
    }
    net::post(acceptor_.get_executor(), [this] {
      boost::system::error_code ignored;
      acceptor_.close(ignored);
    });
    ioc_.stop();
    for (auto& t : threads_) {
      if (t.joinable()) t.join();
    }
    cv_.notify_all();
  }

  void Wait() override {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return stopped_; });
  }

 private:
  void Accept() {
    // Each connection gets a strand: its handlers never run on two threads at once.
    acceptor_.async_accept(net::make_strand(ioc_),
                           [this](boost::system::error_code ec, tcp::socket socket) {
                             if (!acceptor_.is_open()) return;
                             if (!ec) {
                               // Replies are written whole; without this a small reply can wait
                               // on the client's delayed ACK (Nagle).
                               boost::system::error_code ignored;
                               socket.set_option(tcp::no_delay(true), ignored);
                               StartSession(std::move(socket), ctx_);
                             }
                             Accept();
                           });
  }

  void RunWorker() {
    // Handlers catch their own errors; this keeps a worker alive if something slips through.
    for (;;) {
      try {
        ioc_.run();
        return;
      } catch (const std::exception& e) {
        std::cerr << "sextant serve: " << e.what() << "\n";
      }
    }
  }

  ServiceContext ctx_;  // outlives the io_context, whose pending handlers refer to it
  net::io_context ioc_;
  tcp::acceptor acceptor_;
  std::vector<std::thread> threads_;
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
