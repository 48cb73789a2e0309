// Who may write: a read-only server refuses everyone, a token server wants the bearer token, and
// a web page of another origin may write only with the token.
#include <boost/beast/core/string.hpp>

#include "server/origin_policy.h"
#include "server/service_context.h"

namespace sextant::server {
namespace {

// Compares without an early exit so response times do not leak how much of a guess was right
// (the length is not a secret worth hiding).
bool SameSecret(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned diff = 0;
  for (size_t i = 0; i < a.size(); ++i)
    diff |= static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i]);
  return diff == 0;
}

// The credentials of "Authorization: Bearer <token>"; the scheme name is case-insensitive
// (RFC 9110 11.1). nullopt when the header is missing or uses another scheme.
std::optional<std::string_view> BearerToken(const Request& req) {
  const auto it = req.find(http::field::authorization);
  if (it == req.end()) return std::nullopt;
  std::string_view given = it->value();
  constexpr std::string_view kBearer = "bearer";
  if (given.size() <= kBearer.size() ||
      !boost::beast::iequals(given.substr(0, kBearer.size()), kBearer) ||
      (given[kBearer.size()] != ' ' && given[kBearer.size()] != '\t')) {
    return std::nullopt;
  }
  given.remove_prefix(kBearer.size());
  while (!given.empty() && (given.front() == ' ' || given.front() == '\t')) given.remove_prefix(1);
  while (!given.empty() && (given.back() == ' ' || given.back() == '\t')) given.remove_suffix(1);
  return given;
}

}  // namespace

std::optional<Response> RefuseWrite(const ServiceContext& ctx, const Request& req) {
  if (ctx.config.read_only) {
    return ErrorResponse(req, http::status::forbidden,
                         "this endpoint is read-only: updates are refused");
  }
  const auto given = BearerToken(req);
  if (ctx.config.token.empty()) {
    if (!FromOtherOrigin(req)) return std::nullopt;
    return ErrorResponse(req, http::status::forbidden,
                         "writes from a web page of another origin are refused (Origin: " +
                             std::string(req[http::field::origin]) +
                             "); start the server with --token T and send \"Authorization: Bearer "
                             "T\" to allow them");
  }
  if (given && SameSecret(*given, ctx.config.token)) return std::nullopt;
  Response res = ErrorResponse(req, http::status::unauthorized,
                               given ? "the bearer token is not valid for updates"
                                     : "updates need an \"Authorization: Bearer <token>\" header");
  res.set(http::field::www_authenticate,
          given ? R"(Bearer realm="sextant", error="invalid_token")" : R"(Bearer realm="sextant")");
  return res;
}

Response WriteLock::Busy(const Request& req) {
  return ErrorResponse(req, http::status::service_unavailable,
                       "another write held the store for the whole of this request's time limit "
                       "(--timeout-ms); try again");
}

}  // namespace sextant::server
