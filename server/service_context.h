// What every request handler shares: the store, the configuration and the writer lock.
#pragma once

#include <algorithm>
#include <chrono>
#include <mutex>
#include <optional>

#include "server/capped_body.h"
#include "server/http_types.h"
#include "server/server.h"

namespace sextant::server {

class RequestLanes;
class RequestWatch;

struct ServiceContext {
  Database* db = nullptr;
  ServerConfig config;
  // Where requests run and what stops them (request_lanes.h, request_watch.h); the server's.
  RequestLanes* lanes = nullptr;
  RequestWatch* watch = nullptr;
  // Bytes of the response bodies built or sent now (--max-total-response-bytes).
  mutable ResponseBytes response_bytes;
  // Writers queue here instead of getting the engine's Busy: one write at a time, readers
  // never wait for it (they run on snapshots). A writer waits at most its time limit.
  std::timed_mutex write_mutex;
};

// nullopt when the request may write; otherwise the refusal (403 read-only or another origin,
// 401 token).
std::optional<Response> RefuseWrite(const ServiceContext& ctx, const Request& req);

// The writer lock of one request and the time its write may still take: the request's time
// limit covers the wait for the lock and the write together.
class WriteLock {
 public:
  explicit WriteLock(ServiceContext& ctx)
      : start_(std::chrono::steady_clock::now()),
        timeout_(ctx.config.timeout),
        // A system_clock deadline: for steady_clock libstdc++ waits in pthread_mutex_clocklock,
        // which ThreadSanitizer (clang 14) does not see, so it reported every unlock as one of
        // an unlocked mutex. The wait is the same length either way.
        lock_(ctx.write_mutex, std::chrono::system_clock::now() + timeout_) {}
  bool owns_lock() const { return lock_.owns_lock(); }
  // What is left of the time limit (at least 1 ms, so it still means "limited").
  std::chrono::milliseconds remaining() const {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        start_ + timeout_ - std::chrono::steady_clock::now());
    return std::max(left, std::chrono::milliseconds(1));
  }
  // The 503 for a writer that waited its whole time limit for another one.
  static Response Busy(const Request& req);

 private:
  std::chrono::steady_clock::time_point start_;
  std::chrono::milliseconds timeout_;
  std::unique_lock<std::timed_mutex> lock_;
};

}  // namespace sextant::server
