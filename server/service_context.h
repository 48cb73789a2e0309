// What every request handler shares: the store, the configuration and the writer lock.
#pragma once

#include <mutex>
#include <optional>

#include "server/http_types.h"
#include "server/server.h"

namespace sextant::server {

struct ServiceContext {
  Database* db = nullptr;
  ServerConfig config;
  // Writers queue here instead of getting the engine's Busy: one write at a time, readers
  // never wait for it (they run on snapshots).
  std::mutex write_mutex;
};

// nullopt when the request may write; otherwise the refusal (403 read-only, 401 token).
std::optional<Response> RefuseWrite(const ServiceContext& ctx, const Request& req);

}  // namespace sextant::server
