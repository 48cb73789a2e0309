// GET /search?q=TEXT[&limit=N]: full-text search over the store's literals (docs/SEARCH.md),
// answered as SPARQL JSON results with the variables subject, predicate, literal, graph,
// score and snippet (an HTML fragment, escaped, matches in <b>), best first. Read-only; the
// server's timeout applies, and at most 1,000 facts come back.
#pragma once

#include "server/http_types.h"
#include "server/service_context.h"
#include "server/url.h"

namespace sextant::server {

Response HandleSearch(ServiceContext& ctx, const Request& req, const Target& target);

}  // namespace sextant::server
