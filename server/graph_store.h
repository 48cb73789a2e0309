// The SPARQL 1.1 Graph Store HTTP Protocol under /rdf-graphs/: GET, HEAD, PUT, POST and DELETE
// of one graph, named indirectly (/rdf-graphs/service?graph=IRI, ?default) or directly
// (/rdf-graphs/NAME is the graph <http://HOST/rdf-graphs/NAME>).
#pragma once

#include "server/service_context.h"
#include "server/url.h"

namespace sextant::server {

inline constexpr std::string_view kGraphStorePrefix = "/rdf-graphs/";
inline constexpr std::string_view kGraphStoreService = "/rdf-graphs/service";

Response HandleGraphStore(ServiceContext& ctx, const Request& req, const Target& target);

}  // namespace sextant::server
