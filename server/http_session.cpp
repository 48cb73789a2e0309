#include "server/http_session.h"

#include <algorithm>
#include <atomic>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <iostream>
#include <memory>
#include <optional>

#include "server/request_lanes.h"
#include "server/request_watch.h"
#include "server/router.h"

namespace sextant::server {
namespace {

namespace beast = boost::beast;
using tcp = boost::asio::ip::tcp;

constexpr uint32_t kHeaderLimit = 64 * 1024;

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, ServiceContext& ctx, std::atomic<int>* open_count)
      : stream_(std::move(socket)), ctx_(ctx), open_count_(open_count) {}
  ~Session() {
    if (open_count_ != nullptr) open_count_->fetch_sub(1, std::memory_order_relaxed);
  }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  void ReadHeader() {
    parser_.emplace();
    parser_->header_limit(kHeaderLimit);
    parser_->body_limit(ctx_.config.max_request_bytes);
    stream_.expires_after(ctx_.config.timeout);
    http::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, size_t) { self->OnHeader(ec); });
  }

 private:
  void OnHeader(beast::error_code ec) {
    if (ec) return OnReadError(ec);
    const auto& header = parser_->get();
    // Refuse a too-large body before the client sends it.
    if (parser_->content_length() && *parser_->content_length() > ctx_.config.max_request_bytes) {
      return OnReadError(http::error::body_limit);
    }
    if (beast::iequals(header[http::field::expect], "100-continue")) {
      http::response<http::empty_body> cont{http::status::continue_, header.version()};
      beast::error_code ignored;
      http::write(stream_, cont, ignored);
    }
    http::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, size_t) { self->OnRead(ec); });
  }

  void OnRead(beast::error_code ec) {
    if (ec) return OnReadError(ec);
    req_ = parser_->release();
    // The read timer must not cut off a long query; Send sets the write timer.
    stream_.expires_never();
    // The request runs on a lane thread; this event loop stays free for other connections.
    ctx_.lanes->Submit(
        {.restartable = !AsksToWrite(req_),
         .run = [self = shared_from_this()](bool express) { return self->Run(express); }});
  }

  // On a lane thread, while nothing else touches the connection. False when an express slice
  // ended before the answer: the request runs again on a regular lane.
  bool Run(bool express) {
    std::atomic<bool> stop{false};
    std::optional<RequestWatch::Clock::time_point> slice_end;
    if (express) slice_end = RequestWatch::Clock::now() + ctx_.lanes->slice();
    const uint64_t watch = ctx_.watch->Watch(stream_.socket().native_handle(), &stop, slice_end);
    Response res;
    bool close = false;
    // Route catches everything; this guard is for allocation failures while building the reply.
    try {
      res = Route(ctx_, req_, &stop);
    } catch (const std::exception& e) {
      res = ErrorResponse(req_, http::status::internal_server_error, e.what());
      close = true;
    }
    const RequestWatch::Stopped why = ctx_.watch->Unwatch(watch);
    if (why == RequestWatch::Stopped::kSliceEnded && res.result_int() >= 300) return false;
    if (why == RequestWatch::Stopped::kClientLeft) {
      std::cerr << "sextant serve: stopped " << req_.method_string() << " " << Path(req_)
                << ": the client closed its connection\n";
    }
    boost::asio::post(stream_.get_executor(),
                      [self = shared_from_this(), res = std::move(res), close]() mutable {
                        self->Send(std::move(res), close);
                      });
    return true;
  }

  // The request's path without its query string (which may hold data), for the log.
  static std::string_view Path(const Request& req) {
    const std::string_view target = req.target();
    return target.substr(0, std::min(target.find('?'), size_t{200}));
  }

  void OnReadError(beast::error_code ec) {
    Request req;
    req.version(11);
    if (ec == http::error::body_limit) {
      return Send(ErrorResponse(req, http::status::payload_too_large,
                                "the request is larger than the server's limit of " +
                                    std::to_string(ctx_.config.max_request_bytes) +
                                    " bytes (--max-request-bytes)"),
                  true);
    }
    if (ec == http::error::header_limit) {
      return Send(ErrorResponse(req, http::status::request_header_fields_too_large,
                                "the request headers are too large"),
                  true);
    }
    if (ec.category() == http::make_error_code(http::error::bad_method).category() &&
        ec != http::error::end_of_stream && ec != http::error::partial_message) {
      return Send(
          ErrorResponse(req, http::status::bad_request, "malformed HTTP request: " + ec.message()),
          true);
    }
    Close();  // end of stream, timeout, reset: nobody to answer
  }

  void Send(Response res, bool close = false) {
    if (close) res.keep_alive(false);
    res_ = std::make_shared<Response>(std::move(res));
    // Counted against --max-total-response-bytes until written (a slow reader holds it).
    sending_ = res_->body().size();
    ctx_.response_bytes.Take(sending_);
    stream_.expires_after(ctx_.config.timeout);
    http::async_write(stream_, *res_, [self = shared_from_this()](beast::error_code ec, size_t) {
      self->ctx_.response_bytes.Give(self->sending_);
      self->sending_ = 0;
      if (ec || !self->res_->keep_alive()) return self->Close();
      self->ReadHeader();
    });
  }

  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.socket().close(ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  ServiceContext& ctx_;
  std::optional<http::request_parser<http::string_body>> parser_;
  Request req_;
  std::shared_ptr<Response> res_;
  uint64_t sending_ = 0;  // bytes of res_ counted in ctx_.response_bytes
  std::atomic<int>* open_count_;
};

}  // namespace

void StartSession(tcp::socket socket, ServiceContext& ctx, std::atomic<int>* open_count) {
  std::make_shared<Session>(std::move(socket), ctx, open_count)->ReadHeader();
}

}  // namespace sextant::server
