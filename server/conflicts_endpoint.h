// GET /conflicts[?subject=IRI][&property=IRI][&limit=N]: where the store's sources (named
// graphs) disagree (docs/CONFLICTS.md), as SPARQL JSON results with the variables of
// sextant::ConflictColumns(), one row per source and value. Read-only; the server's timeout
// applies, and at most 1,000 conflicts come back.
#pragma once

#include "server/http_types.h"
#include "server/service_context.h"
#include "server/url.h"

namespace sextant::server {

Response HandleConflicts(ServiceContext& ctx, const Request& req, const Target& target);

}  // namespace sextant::server
