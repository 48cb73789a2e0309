// Who may write: a read-only server refuses everyone, a token server wants the bearer token.
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

}  // namespace

std::optional<Response> RefuseWrite(const ServiceContext& ctx, const Request& req) {
  if (ctx.config.read_only) {
    return ErrorResponse(req, http::status::forbidden,
                         "this endpoint is read-only: updates are refused");
  }
  if (ctx.config.token.empty()) return std::nullopt;
  const auto it = req.find(http::field::authorization);
  std::string_view given = it == req.end() ? std::string_view() : std::string_view(it->value());
  constexpr std::string_view kBearer = "Bearer ";
  const bool has_bearer =
      given.size() > kBearer.size() && given.substr(0, kBearer.size()) == kBearer;
  if (has_bearer && SameSecret(given.substr(kBearer.size()), ctx.config.token)) return std::nullopt;
  Response res =
      ErrorResponse(req, http::status::unauthorized,
                    has_bearer ? "the bearer token is not valid for updates"
                               : "updates need an \"Authorization: Bearer <token>\" header");
  res.set(http::field::www_authenticate, has_bearer
                                             ? R"(Bearer realm="sextant", error="invalid_token")"
                                             : R"(Bearer realm="sextant")");
  return res;
}

}  // namespace sextant::server
