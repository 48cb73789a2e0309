#include "server/http_session.h"

#include <atomic>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <memory>
#include <optional>

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
    const Request req = parser_->release();
    // Route catches everything; this guard is for allocation failures while building the reply.
    try {
      // The write timer must not cut off a long query: it restarts after the handler.
      stream_.expires_never();
      Send(Route(ctx_, req));
    } catch (const std::exception& e) {
      Send(ErrorResponse(req, http::status::internal_server_error, e.what()), /*close=*/true);
    }
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
    stream_.expires_after(ctx_.config.timeout);
    http::async_write(stream_, *res_, [self = shared_from_this()](beast::error_code ec, size_t) {
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
  std::shared_ptr<Response> res_;
  std::atomic<int>* open_count_;
};

}  // namespace

void StartSession(tcp::socket socket, ServiceContext& ctx, std::atomic<int>* open_count) {
  std::make_shared<Session>(std::move(socket), ctx, open_count)->ReadHeader();
}

}  // namespace sextant::server
