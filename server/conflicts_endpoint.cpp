#include "server/conflicts_endpoint.h"

#include <cstdlib>
#include <sstream>

#include "server/sparql_protocol.h"
#include "sextant/conflicts.h"
#include "sextant/result_writer.h"

namespace sextant::server {
namespace {

constexpr uint64_t kMaxConflicts = 1000;

}  // namespace

Response HandleConflicts(ServiceContext& ctx, const Request& req, const Target& target) {
  if (req.method() != http::verb::get && req.method() != http::verb::head) {
    Response res = ErrorResponse(req, http::status::method_not_allowed, "/conflicts accepts GET");
    res.set(http::field::allow, "GET, HEAD");
    return res;
  }
  ConflictOptions options;
  options.timeout = ctx.config.timeout;
  options.interrupt = target.stop;
  options.max_conflicts = kMaxConflicts;
  const auto subject = ParamValues(target.params, "subject");
  const auto property = ParamValues(target.params, "property");
  const auto limit = ParamValues(target.params, "limit");
  if (subject.size() > 1 || property.size() > 1 || limit.size() > 1) {
    return ErrorResponse(req, http::status::bad_request,
                         "give subject, property and limit at most once each");
  }
  if (!subject.empty()) options.subject = Term::Iri(subject[0]);
  if (!property.empty()) options.predicate = Term::Iri(property[0]);
  if (!limit.empty()) {
    char* end = nullptr;
    const unsigned long long n = std::strtoull(limit[0].c_str(), &end, 10);
    if (limit[0].empty() || *end != '\0' || n == 0 || n > kMaxConflicts) {
      return ErrorResponse(req, http::status::bad_request,
                           "limit must be a number from 1 to " + std::to_string(kMaxConflicts));
    }
    options.max_conflicts = n;
  }
  auto report = FindConflicts(*ctx.db, options);
  if (!report.ok()) return EngineError(req, report.status(), {});
  std::ostringstream out;
  auto writer = MakeResultWriter(ResultFormat::kJson, out);
  Status s = writer->Begin(ConflictColumns());
  for (const auto& row : ConflictRows(*report)) {
    if (!s.ok()) break;
    s = writer->Row(row);
  }
  if (s.ok()) s = writer->End();
  if (!s.ok()) return EngineError(req, s, {});
  return MakeResponse(req, http::status::ok, "application/sparql-results+json; charset=utf-8",
                      std::move(out).str());
}

}  // namespace sextant::server
