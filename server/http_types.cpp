#include "server/http_types.h"

#include "server/origin_policy.h"

namespace sextant::server {

Response MakeResponse(const Request& req, http::status status, std::string_view content_type,
                      std::string body) {
  Response res{status, req.version()};
  res.set(http::field::server, "sextant");
  if (!content_type.empty()) res.set(http::field::content_type, content_type);
  res.keep_alive(req.keep_alive());
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

Response ErrorResponse(const Request& req, http::status status, std::string_view message) {
  std::string body(message);
  if (body.empty() || body.back() != '\n') body += '\n';
  return MakeResponse(req, status, "text/plain; charset=utf-8", std::move(body));
}

http::status HttpStatusFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: return http::status::ok;
    case StatusCode::kSyntaxError:
    case StatusCode::kInvalidArgument:
    case StatusCode::kNotFound: return http::status::bad_request;
    case StatusCode::kUnsupported: return http::status::not_implemented;
    // The request is well-formed but its result would break an enforced shape.
    case StatusCode::kConstraintViolation: return http::status::conflict;
    case StatusCode::kTimeout:
    case StatusCode::kInterrupted:
    case StatusCode::kResourceExhausted:
    case StatusCode::kBusy:
    case StatusCode::kLocked: return http::status::service_unavailable;
    default: return http::status::internal_server_error;
  }
}

}  // namespace sextant::server

namespace sextant::server {

std::string BaseUrl(const Request& req) {
  const auto host = req.find(http::field::host);
  // RefuseHost turned malformed ones away already; this keeps any other caller safe too, since
  // the result ends up in IRIs the store keeps.
  if (host == req.end() || !WellFormedHost(host->value())) return "http://localhost";
  return "http://" + std::string(host->value());
}

}  // namespace sextant::server
