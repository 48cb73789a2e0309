#include "server/router.h"

#include <exception>

#include "server/graph_store.h"
#include "server/search_endpoint.h"
#include "server/sparql_protocol.h"
#include "server/static_assets.h"
#include "server/url.h"

namespace sextant::server {
namespace {

// Browser tools (YASGUI and friends) call the endpoint from other origins.
void AddCors(Response& res) {
  res.set(http::field::access_control_allow_origin, "*");
  res.set(http::field::access_control_expose_headers, "Location, Content-Type");
}

Response Preflight(const Request& req) {
  Response res = MakeResponse(req, http::status::no_content, {}, {});
  res.set(http::field::access_control_allow_methods, "GET, HEAD, POST, PUT, DELETE, OPTIONS");
  res.set(http::field::access_control_allow_headers, "Content-Type, Accept, Authorization");
  res.set(http::field::access_control_max_age, "86400");
  return res;
}

Response Dispatch(ServiceContext& ctx, const Request& req) {
  const Target target = ParseTarget(req.target());
  if (req.method() == http::verb::options) return Preflight(req);
  if (target.path == "/sparql" || target.path == "/sparql/") return HandleSparql(ctx, req, target);
  if (target.path == "/search") return HandleSearch(ctx, req, target);
  if (target.path.starts_with(kGraphStorePrefix) || target.path == "/sparql-graph") {
    Target gsp = target;
    if (gsp.path == "/sparql-graph") gsp.path = kGraphStoreService;
    return HandleGraphStore(ctx, req, gsp);
  }
  return HandleStatic(ctx, req, target);
}

}  // namespace

Response Route(ServiceContext& ctx, const Request& req) {
  Response res;
  try {
    res = Dispatch(ctx, req);
  } catch (const std::exception& e) {
    res = ErrorResponse(req, http::status::internal_server_error,
                        std::string("internal error: ") + e.what());
  }
  AddCors(res);
  if (req.method() == http::verb::head) {
    // HEAD answers with GET's headers, Content-Length included, and no body.
    const size_t length = res.body().size();
    res.body().clear();
    res.content_length(length);
  }
  return res;
}

}  // namespace sextant::server
