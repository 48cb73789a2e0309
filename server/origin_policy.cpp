#include "server/origin_policy.h"

#include <arpa/inet.h>

#include <algorithm>
#include <boost/beast/core/string.hpp>
#include <string>

namespace sextant::server {
namespace {

namespace beast = boost::beast;

struct HostPort {
  std::string_view host;  // without brackets for IPv6
  bool ipv6 = false;
};

std::optional<HostPort> SplitHost(std::string_view h) {
  if (h.empty()) return std::nullopt;
  auto port_ok = [](std::string_view p) {
    return !p.empty() && p.size() <= 5 &&
           std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (h.front() == '[') {
    const size_t close = h.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    const std::string_view rest = h.substr(close + 1);
    if (!rest.empty() && (rest.front() != ':' || !port_ok(rest.substr(1)))) return std::nullopt;
    const std::string addr(h.substr(1, close - 1));
    in6_addr a6{};
    if (inet_pton(AF_INET6, addr.c_str(), &a6) != 1) return std::nullopt;
    return HostPort{h.substr(1, close - 1), true};
  }
  const size_t colon = h.rfind(':');
  std::string_view name = h;
  if (colon != std::string_view::npos) {
    if (!port_ok(h.substr(colon + 1))) return std::nullopt;
    name = h.substr(0, colon);
  }
  // RFC 3986 reg-name without percent-encoding and sub-delims: what DNS names use.
  const bool ok = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
  });
  if (!ok) return std::nullopt;
  return HostPort{name, false};
}

bool IsIpv4Literal(std::string_view name) {
  const std::string s(name);
  in_addr a{};
  return inet_pton(AF_INET, s.c_str(), &a) == 1;
}

// A name DNS rebinding cannot point at us: an address, or localhost (which resolvers keep for
// the loopback interface, RFC 6761).
bool RebindProof(const HostPort& hp) {
  if (hp.ipv6 || IsIpv4Literal(hp.host)) return true;
  std::string lower(hp.host);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  });
  if (!lower.empty() && lower.back() == '.') lower.pop_back();
  return lower == "localhost" || lower.ends_with(".localhost");
}

bool Listed(const std::vector<std::string>& list, std::string_view value) {
  return std::any_of(list.begin(), list.end(), [&](const std::string& entry) {
    return entry == "*" || beast::iequals(entry, value);
  });
}

// "scheme://authority" -> "authority".
std::string_view AuthorityOf(std::string_view origin) {
  const size_t sep = origin.find("://");
  return sep == std::string_view::npos ? std::string_view() : origin.substr(sep + 3);
}

}  // namespace

bool WellFormedHost(std::string_view host) {
  return SplitHost(host).has_value();
}

std::optional<Response> RefuseHost(const ServiceContext& ctx, const Request& req) {
  const auto it = req.find(http::field::host);
  if (it == req.end()) return std::nullopt;  // HTTP/1.0 clients send none
  const std::string_view host = it->value();
  const auto hp = SplitHost(host);
  if (!hp) {
    return ErrorResponse(req, http::status::bad_request,
                         "malformed Host header: expected host or host:port");
  }
  if (RebindProof(*hp) || Listed(ctx.config.allowed_hosts, hp->host)) return std::nullopt;
  return ErrorResponse(req, http::status::forbidden,
                       "this server does not answer to the host name '" + std::string(hp->host) +
                           "' (a guard against DNS rebinding); start it with --allow-host " +
                           std::string(hp->host) + " to accept it");
}

bool FromOtherOrigin(const Request& req) {
  const std::string_view site = req["Sec-Fetch-Site"];
  if (!site.empty() && !beast::iequals(site, "same-origin") && !beast::iequals(site, "none")) {
    return true;
  }
  const auto origin = req.find(http::field::origin);
  if (origin == req.end()) return false;  // not a browser, or a same-origin GET
  const std::string_view authority = AuthorityOf(origin->value());
  return authority.empty() || !beast::iequals(authority, req[http::field::host]);
}

void AddCorsHeaders(const ServiceContext& ctx, const Request& req, bool writes, Response& res) {
  const auto origin = req.find(http::field::origin);
  if (origin == req.end()) return;
  res.set(http::field::vary, "Origin");
  if (!FromOtherOrigin(req) || !Listed(ctx.config.cors_origins, origin->value())) return;
  const auto& origins = ctx.config.cors_origins;
  const bool any = std::find(origins.begin(), origins.end(), "*") != origins.end();
  res.set(http::field::access_control_allow_origin,
          any && !writes ? std::string_view("*") : std::string_view(origin->value()));
  res.set(http::field::access_control_expose_headers, "Location, Content-Type");
}

Response Preflight(const ServiceContext& ctx, const Request& req) {
  Response res = MakeResponse(req, http::status::no_content, {}, {});
  const auto origin = req.find(http::field::origin);
  if (origin == req.end() || !Listed(ctx.config.cors_origins, origin->value())) return res;
  res.set(http::field::access_control_allow_origin, origin->value());
  res.set(http::field::vary, "Origin");
  res.set(http::field::access_control_allow_methods, "GET, HEAD, POST, PUT, DELETE, OPTIONS");
  res.set(http::field::access_control_allow_headers, "Content-Type, Accept, Authorization");
  res.set(http::field::access_control_max_age, "86400");
  return res;
}

}  // namespace sextant::server
