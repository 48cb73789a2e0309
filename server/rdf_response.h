// Writing quads as a negotiated RDF response (CONSTRUCT, DESCRIBE, Graph Store GET, the
// service description).
#pragma once

#include <functional>
#include <optional>

#include "server/capped_body.h"
#include "server/http_types.h"
#include "sextant/rdf_writer.h"

namespace sextant::server {

// The RDF format the client accepts, with its media type; nullopt: answer 406.
struct ChosenRdfFormat {
  RdfFormat format;
  std::string_view media_type;
};
std::optional<ChosenRdfFormat> ChooseRdfFormat(const Request& req);

Response NotAcceptable(const Request& req, const std::vector<std::string_view>& offers);

// Runs `emit` with a writer for the chosen format into `body` and returns the body, or the
// error (also when the body outgrew its cap).
Response RdfResponse(const Request& req, const ChosenRdfFormat& chosen, CappedBody& body,
                     const std::function<Status(QuadWriter&)>& emit);

}  // namespace sextant::server
