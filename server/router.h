// Maps a request to its handler, adds the CORS headers, and turns any escaping exception into
// a 500 so one bad request never takes the server down.
#pragma once

#include <atomic>

#include "server/service_context.h"

namespace sextant::server {

// `stop`: the request's stop flag, raised when its answer is no longer wanted (the client left,
// an express slice ended, the server stops); queries and writes end early when it is.
Response Route(ServiceContext& ctx, const Request& req, std::atomic<bool>* stop = nullptr);

// Whether the request asks to change the store: such a request never gets a wildcard CORS
// header, and is never stopped to be run again.
bool AsksToWrite(const Request& req);

}  // namespace sextant::server
