#include "server/router.h"

#include <exception>

#include "server/conflicts_endpoint.h"
#include "server/content_negotiation.h"
#include "server/graph_store.h"
#include "server/origin_policy.h"
#include "server/search_endpoint.h"
#include "server/sparql_protocol.h"
#include "server/static_assets.h"
#include "server/url.h"

namespace sextant::server {
namespace {

bool IsSparqlPath(std::string_view path) {
  return path == "/sparql" || path == "/sparql/";
}
bool IsGraphStorePath(std::string_view path) {
  return path.starts_with(kGraphStorePrefix) || path == "/sparql-graph";
}

// Whether the request asks to change the store (its response then never gets a wildcard CORS
// header).
bool AsksToWrite(const Request& req, const Target& target) {
  const http::verb m = req.method();
  if (IsGraphStorePath(target.path)) {
    return m == http::verb::put || m == http::verb::post || m == http::verb::delete_;
  }
  if (!IsSparqlPath(target.path) || m != http::verb::post) return false;
  const std::string media = MediaType(req[http::field::content_type]);
  if (media == "application/sparql-update") return true;
  return media == "application/x-www-form-urlencoded" &&
         (HasParam(ParseForm(req.body()), "update") || HasParam(target.params, "update"));
}

Response Dispatch(ServiceContext& ctx, const Request& req, const Target& target) {
  if (auto refused = RefuseHost(ctx, req)) return std::move(*refused);
  if (req.method() == http::verb::options) return Preflight(ctx, req);
  if (IsSparqlPath(target.path)) return HandleSparql(ctx, req, target);
  if (target.path == "/search") return HandleSearch(ctx, req, target);
  if (target.path == "/conflicts") return HandleConflicts(ctx, req, target);
  if (IsGraphStorePath(target.path)) {
    Target gsp = target;
    if (gsp.path == "/sparql-graph") gsp.path = kGraphStoreService;
    return HandleGraphStore(ctx, req, gsp);
  }
  return HandleStatic(ctx, req, target);
}

}  // namespace

Response Route(ServiceContext& ctx, const Request& req, std::atomic<bool>* stop) {
  Response res;
  Target target = ParseTarget(req.target());
  target.stop = stop;
  try {
    res = Dispatch(ctx, req, target);
  } catch (const std::exception& e) {
    res = ErrorResponse(req, http::status::internal_server_error,
                        std::string("internal error: ") + e.what());
  }
  if (req.method() != http::verb::options) AddCorsHeaders(ctx, req, AsksToWrite(req, target), res);
  if (req.method() == http::verb::head) {
    // HEAD answers with GET's headers, Content-Length included, and no body.
    const size_t length = res.body().size();
    res.body().clear();
    res.content_length(length);
  }
  return res;
}

bool AsksToWrite(const Request& req) {
  return AsksToWrite(req, ParseTarget(req.target()));
}

}  // namespace sextant::server
