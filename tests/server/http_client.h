// A small blocking HTTP client for the server tests (Boost.Beast), one connection per request.
#pragma once

#include <boost/beast/http.hpp>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace sextant::testing {

struct HttpReply {
  int status = 0;  // 0 when the connection failed
  std::string body;
  boost::beast::http::fields headers;
  std::string error;  // why status is 0
  std::string Header(boost::beast::http::field f) const { return std::string(headers[f]); }
  std::string ContentType() const { return Header(boost::beast::http::field::content_type); }
};

struct HttpRequest {
  boost::beast::http::verb method = boost::beast::http::verb::get;
  std::string target = "/";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

HttpReply Send(uint16_t port, const HttpRequest& request);
HttpReply Get(uint16_t port, const std::string& target, const std::string& accept = {});
HttpReply Post(uint16_t port, const std::string& target, const std::string& content_type,
               const std::string& body,
               std::vector<std::pair<std::string, std::string>> headers = {});
// Percent-encodes everything but unreserved characters (for query strings and form bodies).
std::string UrlEncode(const std::string& text);

}  // namespace sextant::testing
