// The SPARQL 1.1 Protocol at /sparql: queries (GET, url-encoded POST, direct POST), updates
// (POST), and the service description (GET without a query).
#pragma once

#include "server/service_context.h"
#include "server/url.h"

namespace sextant::server {

Response HandleSparql(ServiceContext& ctx, const Request& req, const Target& target);

// The sd:Service description of this endpoint, in the format the Accept header asks for.
Response ServiceDescription(const ServiceContext& ctx, const Request& req);

// Error response for a failed query or update; syntax errors show line, column and a caret.
Response EngineError(const Request& req, const Status& status, std::string_view text);

}  // namespace sextant::server
