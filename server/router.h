// Maps a request to its handler, adds the CORS headers, and turns any escaping exception into
// a 500 so one bad request never takes the server down.
#pragma once

#include "server/service_context.h"

namespace sextant::server {

Response Route(ServiceContext& ctx, const Request& req);

}  // namespace sextant::server
