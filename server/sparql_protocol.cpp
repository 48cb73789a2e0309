#include "server/sparql_protocol.h"

#include <ostream>
#include <sstream>

#include "server/content_negotiation.h"
#include "server/rdf_response.h"
#include "sextant/error_format.h"
#include "sextant/query.h"
#include "sextant/result_writer.h"

namespace sextant::server {
namespace {

constexpr std::string_view kFormType = "application/x-www-form-urlencoded";
constexpr std::string_view kQueryType = "application/sparql-query";
constexpr std::string_view kUpdateType = "application/sparql-update";

std::optional<Dataset> DatasetFrom(const Params& params, std::string_view default_name,
                                   std::string_view named_name) {
  Dataset d{ParamValues(params, default_name), ParamValues(params, named_name)};
  if (d.default_graphs.empty() && d.named_graphs.empty()) return std::nullopt;
  return d;
}

QueryOptions OptionsFor(const ServiceContext& ctx, const Request& req, std::string source) {
  QueryOptions o;
  o.timeout = ctx.config.timeout;
  o.allow_file_load = false;
  o.service.enabled = !ctx.config.service_allow.empty();
  o.service.allowed_prefixes = ctx.config.service_allow;
  o.service.endpoint_aliases = ctx.config.service_aliases;
  o.source_name = std::move(source);
  // The protocol lets the service pick the base IRI; the endpoint's own IRI is the natural one.
  o.base_iri = BaseUrl(req) + "/sparql";
  return o;
}

// The request's `default-graph` parameter (union|standard) over the server's --default-graph;
// the refusal when it names neither.
std::optional<Response> TakeDefaultGraph(const ServiceContext& ctx, const Request& req,
                                         const Params& params, QueryOptions* options) {
  options->default_graph = ctx.config.default_graph;
  const auto values = ParamValues(params, "default-graph");
  if (values.empty()) return std::nullopt;
  const auto mode = values.size() == 1 ? DefaultGraphFromName(values[0]) : std::nullopt;
  if (!mode) {
    return ErrorResponse(req, http::status::bad_request,
                         "the 'default-graph' parameter is 'union' (every graph) or 'standard' "
                         "(the unnamed graph only), given once");
  }
  options->default_graph = *mode;
  return std::nullopt;
}

Response SelectOrAsk(const Request& req, QueryCursor& cursor, CappedBody& body) {
  const auto& offers = ResultOffers();
  const auto chosen = Negotiate(req[http::field::accept], MediaTypesOf(offers));
  if (!chosen) return NotAcceptable(req, MediaTypesOf(offers));
  std::ostream out(&body);
  auto writer = MakeResultWriter(offers[*chosen].format, out);
  const Status s = WriteResults(cursor, *writer);
  // The body is built before anything is sent, so an error half-way still gets a proper status.
  if (body.exceeded()) return EngineError(req, body.TooLarge(), {});
  if (!s.ok()) return EngineError(req, s, {});
  return MakeResponse(req, http::status::ok,
                      std::string(offers[*chosen].media_type) + "; charset=utf-8", body.Take());
}

Response RunQuery(ServiceContext& ctx, const Request& req, const std::string& text,
                  const Params& params, std::atomic<bool>* stop) {
  QueryOptions options = OptionsFor(ctx, req, "query");
  options.dataset = DatasetFrom(params, "default-graph-uri", "named-graph-uri");
  if (auto refused = TakeDefaultGraph(ctx, req, params, &options)) return std::move(*refused);
  // A body outgrowing its cap stops the query that fills it.
  CappedBody body(ctx.config.max_response_bytes, &ctx.response_bytes, stop);
  options.interrupt = body.stop();
  auto cursor = ctx.db->Query(text, options);
  if (!cursor.ok()) return EngineError(req, cursor.status(), text);
  QueryCursor& c = **cursor;
  if (c.explain_requested()) {
    if (c.analyze_requested()) {
      while (c.Next()) {
      }
      if (!c.status().ok()) return EngineError(req, c.status(), text);
    }
    return MakeResponse(req, http::status::ok, "text/plain; charset=utf-8",
                        c.Explain(c.analyze_requested()));
  }
  if (c.form() == QueryForm::kSelect || c.form() == QueryForm::kAsk)
    return SelectOrAsk(req, c, body);
  const auto chosen = ChooseRdfFormat(req);
  if (!chosen) return NotAcceptable(req, MediaTypesOf(RdfOffers()));
  return RdfResponse(req, *chosen, body, [&](QuadWriter& writer) -> Status {
    while (c.Next()) SEXTANT_RETURN_IF_ERROR(writer.Write(c.triple()));
    return c.status();
  });
}

Response RunUpdate(ServiceContext& ctx, const Request& req, const std::string& text,
                   const Params& params, const std::atomic<bool>* stop) {
  if (auto refused = RefuseWrite(ctx, req)) return std::move(*refused);
  QueryOptions options = OptionsFor(ctx, req, "update");
  options.interrupt = stop;
  options.dataset = DatasetFrom(params, "using-graph-uri", "using-named-graph-uri");
  if (auto refused = TakeDefaultGraph(ctx, req, params, &options)) return std::move(*refused);
  Result<UpdateStats> stats = Status::Internal("not run");
  {
    WriteLock lock(ctx);
    if (!lock.owns_lock()) return WriteLock::Busy(req);
    options.timeout = lock.remaining();
    stats = ctx.db->Update(text, options);
  }
  if (!stats.ok()) return EngineError(req, stats.status(), text);
  std::ostringstream body;
  body << stats->inserted << " quads inserted, " << stats->deleted << " deleted ("
       << stats->operations << (stats->operations == 1 ? " operation)" : " operations)") << "\n";
  return MakeResponse(req, http::status::ok, "text/plain; charset=utf-8", body.str());
}

// Exactly one query or one update per request (SPARQL 1.1 Protocol 2.1 and 2.2).
Response RunOne(ServiceContext& ctx, const Request& req, const Params& params,
                std::atomic<bool>* stop) {
  const auto queries = ParamValues(params, "query");
  const auto updates = ParamValues(params, "update");
  if (queries.size() + updates.size() != 1) {
    return ErrorResponse(
        req, http::status::bad_request,
        queries.empty() && updates.empty()
            ? "the request has no 'query' or 'update' parameter"
            : "the request must carry exactly one 'query' or one 'update' parameter");
  }
  if (!queries.empty()) return RunQuery(ctx, req, queries[0], params, stop);
  return RunUpdate(ctx, req, updates[0], params, stop);
}

Response HandlePost(ServiceContext& ctx, const Request& req, const Target& target) {
  const std::string content_type(req[http::field::content_type]);
  const std::string media = MediaType(content_type);
  const std::string charset = Charset(content_type);
  if (!charset.empty() && charset != "utf-8" && charset != "utf8" && charset != "us-ascii") {
    return ErrorResponse(req, http::status::unsupported_media_type,
                         "SPARQL text must be UTF-8, not " + charset);
  }
  if (media == kFormType) {
    // Parameters may also come in the URL; the body's come first.
    Params params = ParseForm(req.body());
    params.insert(params.end(), target.params.begin(), target.params.end());
    return RunOne(ctx, req, params, target.stop);
  }
  if (media == kQueryType) return RunQuery(ctx, req, req.body(), target.params, target.stop);
  if (media == kUpdateType) return RunUpdate(ctx, req, req.body(), target.params, target.stop);
  return ErrorResponse(req, http::status::unsupported_media_type,
                       "POST to /sparql needs Content-Type application/x-www-form-urlencoded, "
                       "application/sparql-query or application/sparql-update");
}

}  // namespace

Response EngineError(const Request& req, const Status& status, std::string_view text) {
  std::string body = status.ToString() + "\n";
  if (status.code() == StatusCode::kSyntaxError && !text.empty())
    body += "\n" + FormatSyntaxError(text, status) + "\n";
  if (status.code() == StatusCode::kTimeout)
    body += "the request ran longer than the server's --timeout-ms\n";
  return ErrorResponse(req, HttpStatusFor(status), body);
}

Response HandleSparql(ServiceContext& ctx, const Request& req, const Target& target) {
  if (req.method() == http::verb::post) return HandlePost(ctx, req, target);
  if (req.method() != http::verb::get && req.method() != http::verb::head) {
    Response res =
        ErrorResponse(req, http::status::method_not_allowed, "/sparql accepts GET and POST");
    res.set(http::field::allow, "GET, HEAD, POST, OPTIONS");
    return res;
  }
  if (HasParam(target.params, "update")) {
    return ErrorResponse(req, http::status::bad_request, "updates must be sent with POST");
  }
  if (!HasParam(target.params, "query")) return ServiceDescription(ctx, req);
  return RunOne(ctx, req, target.params, target.stop);
}

}  // namespace sextant::server
