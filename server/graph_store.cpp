#include "server/graph_store.h"

#include <atomic>
#include <chrono>

#include "server/content_negotiation.h"
#include "server/rdf_response.h"
#include "server/sparql_protocol.h"

namespace sextant::server {
namespace {

struct GraphRef {
  Term graph;  // Term::DefaultGraph() for the default graph
  bool is_default = false;
};

// A named graph the request names, if the store could keep its name (an absolute IRI without
// spaces, '>' and the like: a name no dump could write back must not get in).
std::optional<GraphRef> NamedGraph(std::string iri, std::string* error) {
  Term graph = Term::Iri(std::move(iri));
  if (auto problem = TermProblem(graph)) {
    *error = "not a graph name the store can keep: " + *problem;
    return std::nullopt;
  }
  return GraphRef{std::move(graph), false};
}

// nullopt with `error` set when the request names no graph, names it twice, or names it with
// something that is not an IRI.
std::optional<GraphRef> ResolveGraph(const Request& req, const Target& target, std::string* error) {
  if (target.path != kGraphStoreService) return NamedGraph(BaseUrl(req) + target.path, error);
  const auto graphs = ParamValues(target.params, "graph");
  const bool want_default =
      HasParam(target.params, "default") || (graphs.size() == 1 && graphs[0] == "default");
  if (want_default && (graphs.empty() || graphs[0] == "default") && graphs.size() <= 1) {
    return GraphRef{Term::DefaultGraph(), true};
  }
  if (graphs.size() == 1 && !want_default && !graphs[0].empty()) {
    return NamedGraph(graphs[0], error);
  }
  *error = graphs.empty() ? "name a graph with ?graph=IRI or ?default" : "name exactly one graph";
  return std::nullopt;
}

Result<bool> GraphExists(const ServiceContext& ctx, const GraphRef& ref) {
  if (ref.is_default) return true;  // the default graph always exists, possibly empty
  QuadPattern p;
  p.graph = ref.graph;
  auto it = ctx.db->Match(p);
  const bool found = it->Valid();
  SEXTANT_RETURN_IF_ERROR(it->status());
  return found;
}

Response Get(const ServiceContext& ctx, const Request& req, const GraphRef& ref,
             std::atomic<bool>* stop) {
  auto exists = GraphExists(ctx, ref);
  if (!exists.ok()) return EngineError(req, exists.status(), {});
  if (!*exists)
    return ErrorResponse(req, http::status::not_found, "no graph " + ref.graph.ToNTriples());
  const auto chosen = ChooseRdfFormat(req);
  if (!chosen) return NotAcceptable(req, MediaTypesOf(RdfOffers()));
  // One snapshot for the whole graph, so a concurrent PUT is seen entirely or not at all.
  const auto snapshot = ctx.db->GetSnapshot();
  QuadPattern p;
  p.graph = ref.graph;
  CappedBody body(ctx.config.max_response_bytes, &ctx.response_bytes, stop);
  return RdfResponse(req, *chosen, body, [&](QuadWriter& writer) -> Status {
    auto it = snapshot->Match(p);
    for (; it->Valid(); it->Next()) SEXTANT_RETURN_IF_ERROR(writer.Write(it->quad()));
    return it->status();
  });
}

std::string NewGraphName() {
  static std::atomic<uint64_t> counter{0};
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return "g" + std::to_string(std::chrono::duration_cast<std::chrono::microseconds>(now).count()) +
         "-" + std::to_string(counter++);
}

// PUT (replace) and POST (merge): the body is parsed by the engine in one transaction.
Response Write(ServiceContext& ctx, const Request& req, const GraphRef& ref, bool replace,
               bool created_by_post, const std::atomic<bool>* stop) {
  const std::string media = MediaType(req[http::field::content_type]);
  const auto format = RdfFormatForMediaType(media);
  if (!format) {
    return ErrorResponse(
        req, http::status::unsupported_media_type,
        "the body must be Turtle, N-Triples, N-Quads or TriG (got '" + media + "')");
  }
  LoadOptions options;
  options.format = *format;
  if (!ref.is_default) options.graph = ref.graph;
  // The request writes one graph: a quad naming another is refused, never written there.
  options.single_graph = true;
  options.base_iri =
      ref.is_default ? BaseUrl(req) + std::string(kGraphStoreService) : ref.graph.value();
  options.replace_graph = replace;
  options.interrupt = stop;
  bool existed = false;
  Result<LoadStats> loaded = Status::Internal("not run");
  {
    WriteLock lock(ctx);
    if (!lock.owns_lock()) return WriteLock::Busy(req);
    options.timeout = lock.remaining();
    auto exists = GraphExists(ctx, ref);
    if (!exists.ok()) return EngineError(req, exists.status(), {});
    existed = *exists;
    loaded = ctx.db->LoadString(req.body(), options);
  }
  if (!loaded.ok()) return EngineError(req, loaded.status(), req.body());
  if (existed) return MakeResponse(req, http::status::no_content, {}, {});
  Response res = MakeResponse(req, http::status::created, "text/plain; charset=utf-8",
                              "created " + ref.graph.ToNTriples() + "\n");
  if (created_by_post) res.set(http::field::location, ref.graph.value());
  return res;
}

Response Delete(ServiceContext& ctx, const Request& req, const GraphRef& ref) {
  LoadOptions options;
  if (!ref.is_default) options.graph = ref.graph;
  options.replace_graph = true;  // replacing with nothing empties the graph atomically
  WriteLock lock(ctx);
  if (!lock.owns_lock()) return WriteLock::Busy(req);
  options.timeout = lock.remaining();
  auto exists = GraphExists(ctx, ref);
  if (!exists.ok()) return EngineError(req, exists.status(), {});
  if (!*exists)
    return ErrorResponse(req, http::status::not_found, "no graph " + ref.graph.ToNTriples());
  auto done = ctx.db->LoadString("", options);
  if (!done.ok()) return EngineError(req, done.status(), {});
  return MakeResponse(req, http::status::no_content, {}, {});
}

}  // namespace

Response HandleGraphStore(ServiceContext& ctx, const Request& req, const Target& target) {
  const http::verb method = req.method();
  if (method != http::verb::get && method != http::verb::head && method != http::verb::put &&
      method != http::verb::post && method != http::verb::delete_) {
    Response res = ErrorResponse(req, http::status::method_not_allowed,
                                 "the Graph Store accepts GET, HEAD, PUT, POST, DELETE");
    res.set(http::field::allow, "GET, HEAD, PUT, POST, DELETE, OPTIONS");
    return res;
  }
  const bool writes =
      method == http::verb::put || method == http::verb::post || method == http::verb::delete_;
  if (writes) {
    if (auto refused = RefuseWrite(ctx, req)) return std::move(*refused);
  }
  // POST to the store itself creates a graph with a name of our choosing (GSP 5.5).
  const bool creates =
      method == http::verb::post && target.path == kGraphStoreService && target.params.empty();
  std::string error;
  std::optional<GraphRef> ref =
      creates ? GraphRef{Term::Iri(BaseUrl(req) + std::string(kGraphStorePrefix) + NewGraphName()),
                         false}
              : ResolveGraph(req, target, &error);
  if (!ref) return ErrorResponse(req, http::status::bad_request, error);
  switch (method) {
    case http::verb::put: return Write(ctx, req, *ref, /*replace=*/true, false, target.stop);
    case http::verb::post: return Write(ctx, req, *ref, /*replace=*/false, creates, target.stop);
    case http::verb::delete_: return Delete(ctx, req, *ref);
    default: return Get(ctx, req, *ref, target.stop);
  }
}

}  // namespace sextant::server
