#include "http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>

#include "server/url.h"

namespace sextant::testing {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

HttpReply Send(uint16_t port, const HttpRequest& request) {
  HttpReply reply;
  try {
    boost::asio::io_context ioc;
    beast::tcp_stream stream(ioc);
    stream.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
    http::request<http::string_body> req{request.method, request.target, 11};
    req.set(http::field::host, "127.0.0.1:" + std::to_string(port));
    for (const auto& [name, value] : request.headers) req.set(name, value);
    req.body() = request.body;
    if (!request.body.empty() || request.method == http::verb::post ||
        request.method == http::verb::put) {
      req.prepare_payload();
    }
    http::write(stream, req);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(1ull << 30);
    if (request.method == http::verb::head) parser.skip(true);
    http::read(stream, buffer, parser);
    auto res = parser.release();
    reply.status = static_cast<int>(res.result_int());
    reply.body = std::move(res.body());
    for (const auto& f : res) reply.headers.set(f.name_string(), f.value());
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  } catch (const std::exception& e) {
    reply.status = 0;
    reply.error = e.what();
  }
  return reply;
}

HttpReply Get(uint16_t port, const std::string& target, const std::string& accept) {
  HttpRequest r;
  r.target = target;
  if (!accept.empty()) r.headers.emplace_back("Accept", accept);
  return Send(port, r);
}

HttpReply Post(uint16_t port, const std::string& target, const std::string& content_type,
               const std::string& body, std::vector<std::pair<std::string, std::string>> headers) {
  HttpRequest r;
  r.method = http::verb::post;
  r.target = target;
  r.body = body;
  r.headers = std::move(headers);
  if (!content_type.empty()) r.headers.emplace_back("Content-Type", content_type);
  return Send(port, r);
}

std::string UrlEncode(const std::string& text) {
  return server::PercentEncode(text);
}

}  // namespace sextant::testing
