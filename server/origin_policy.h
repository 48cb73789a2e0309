// Which requests the server answers, and what web pages of other origins may see or do: the
// Host header is checked (DNS rebinding), writes from other origins need the token, and CORS
// headers are given only to the origins the configuration names.
#pragma once

#include <optional>
#include <string_view>

#include "server/service_context.h"

namespace sextant::server {

// A malformed Host header (400) or one naming a host this server does not answer to (403).
std::optional<Response> RefuseHost(const ServiceContext& ctx, const Request& req);

// True for a request a browser sent on behalf of a page of another origin (Sec-Fetch-Site says
// so, or Origin differs from Host, or is "null").
bool FromOtherOrigin(const Request& req);

// The CORS headers for the request's Origin, if the configuration lets that origin read
// (`writes`: never "*", only the named origin echoed).
void AddCorsHeaders(const ServiceContext& ctx, const Request& req, bool writes, Response& res);

// The answer to an OPTIONS preflight (no CORS headers for an origin that may not read).
Response Preflight(const ServiceContext& ctx, const Request& req);

// "host", "host:port", "[v6]" or "[v6]:port" with nothing else in it.
bool WellFormedHost(std::string_view host);

}  // namespace sextant::server
