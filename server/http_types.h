// The request and response types every handler shares, and helpers to build responses.
#pragma once

#include <boost/beast/http.hpp>
#include <string>
#include <string_view>

#include "sextant/status.h"

namespace sextant::server {

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

Response MakeResponse(const Request& req, http::status status, std::string_view content_type,
                      std::string body);
// A plain-text error body ending in a newline, which is what curl users and YASGUI show.
Response ErrorResponse(const Request& req, http::status status, std::string_view message);
// The HTTP status for an engine error (syntax errors and bad arguments are the client's fault,
// timeouts and busy stores are temporary).
http::status HttpStatusFor(const Status& status);

}  // namespace sextant::server

namespace sextant::server {

// "http://host:port" as the client addressed us (the Host header), for IRIs we hand out: the
// service description's endpoint, the base IRI of queries, graphs created by POST.
std::string BaseUrl(const Request& req);

}  // namespace sextant::server
