// A blocking HTTP/1.1 client for SERVICE requests (Boost.Beast; https through OpenSSL). It
// gives up at a deadline or when the query's interrupt flag is set, and never holds a response
// body larger than its limit.
#pragma once

#include <atomic>
#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "sextant/status.h"

namespace sextant::federation {

struct HttpRequest {
  std::string method = "POST";
  std::string url;  // http:// or https://
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

struct HttpResponse {
  int status = 0;
  std::string content_type;
  std::string location;  // of a redirect
  std::string body;
};

struct HttpLimits {
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  const std::atomic<bool>* interrupt = nullptr;
  uint64_t max_body_bytes = uint64_t{256} << 20;
};

// One request, one response (no redirects followed). Errors: InvalidArgument for a URL that is
// not http(s), IOError for connection and protocol failures, Timeout at the deadline,
// Interrupted, ResourceExhausted for a body over the limit. Messages name the URL.
Result<HttpResponse> HttpFetch(const HttpRequest& request, const HttpLimits& limits);

}  // namespace sextant::federation
