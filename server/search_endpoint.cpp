#include "server/search_endpoint.h"

#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "server/sparql_protocol.h"
#include "sextant/result_writer.h"

namespace sextant::server {
namespace {

constexpr size_t kMaxSearchRows = 1000;

}  // namespace

Response HandleSearch(ServiceContext& ctx, const Request& req, const Target& target) {
  if (req.method() != http::verb::get && req.method() != http::verb::head) {
    Response res = ErrorResponse(req, http::status::method_not_allowed, "/search accepts GET");
    res.set(http::field::allow, "GET, HEAD");
    return res;
  }
  const auto text = ParamValues(target.params, "q");
  if (text.size() != 1) {
    return ErrorResponse(req, http::status::bad_request, "give the search text once, as q=TEXT");
  }
  SearchOptions options;
  options.timeout = ctx.config.timeout;
  options.limit = 100;
  const auto limit = ParamValues(target.params, "limit");
  if (!limit.empty()) {
    char* end = nullptr;
    const unsigned long long n = std::strtoull(limit[0].c_str(), &end, 10);
    if (limit[0].empty() || *end != '\0' || n == 0 || n > kMaxSearchRows) {
      return ErrorResponse(req, http::status::bad_request,
                           "limit must be a number from 1 to " + std::to_string(kMaxSearchRows));
    }
    options.limit = static_cast<size_t>(n);
  }
  options.interrupt = target.stop;
  auto hits = ctx.db->Search(text[0], options);
  if (!hits.ok()) return EngineError(req, hits.status(), text[0]);
  std::ostringstream out;
  auto writer = MakeResultWriter(ResultFormat::kJson, out);
  Status s = writer->Begin({"subject", "predicate", "literal", "graph", "score", "snippet"});
  for (const auto& hit : *hits) {
    char score[32];
    std::snprintf(score, sizeof score, "%.4f", hit.score);
    if (!s.ok()) break;
    s = writer->Row({hit.subject, hit.predicate, hit.literal,
                     hit.graph.is_default_graph() ? std::optional<Term>() : hit.graph,
                     Term::TypedLiteral(score, std::string(vocab::kXsdDecimal)),
                     Term::Literal(hit.snippet)});
  }
  if (s.ok()) s = writer->End();
  if (!s.ok()) return EngineError(req, s, {});
  return MakeResponse(req, http::status::ok, "application/sparql-results+json; charset=utf-8",
                      std::move(out).str());
}

}  // namespace sextant::server
