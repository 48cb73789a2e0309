// The SPARQL 1.1 Protocol / Graph Store Protocol HTTP server behind `sextant serve`.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sextant/database.h"
#include "sextant/status.h"

namespace sextant::server {

struct ServerConfig {
  std::string bind = "127.0.0.1";
  uint16_t port = 7171;  // 0: an ephemeral port, see Server::port()
  // Refuses updates and Graph Store writes with 403.
  bool read_only = false;
  // When set, writes need "Authorization: Bearer <token>"; queries stay open. Without it, writes
  // are taken only from clients that are not web pages of another origin (Origin and
  // Sec-Fetch-Site are checked), so a page the user visits cannot change the store.
  std::string token;
  // Origins ("https://app.example:8443") whose web pages may read results (CORS); "*" lets every
  // page read. Empty: no page of another origin may read anything. Writes from another origin
  // always need the token, whatever this list says.
  std::vector<std::string> cors_origins;
  // Host header names answered besides IP addresses and "localhost" (a request naming any other
  // host is refused, which defeats DNS rebinding); "*" answers any name.
  std::vector<std::string> allowed_hosts;
  uint64_t max_request_bytes = 16ull << 20;
  // A response body larger than this is not sent: the query that fills it is stopped and the
  // client gets 503 (bodies are built whole before sending, so this bounds their memory).
  uint64_t max_response_bytes = 256ull << 20;
  // The bodies of all responses being built or sent at once: past it, a query filling another
  // one is stopped and its client gets 503 (busy), so many large responses together stay
  // bounded too.
  uint64_t max_total_response_bytes = 1ull << 30;
  // For reading a request and for running a query or update.
  std::chrono::milliseconds timeout{30'000};
  // Requests run to the end at once (regular lanes, request_lanes.h); more wait their turn.
  // Also the number of event-loop threads: a connection stays on the one that accepted it (the
  // one with the fewest open connections then).
  int max_concurrent = 8;
  // While every regular lane is busy, this many express lanes try waiting reads within
  // `express_slice` each, so a short query is not stuck behind long ones; a read that outlives
  // its slice is stopped and waits for a regular lane. So at most max_concurrent + express_lanes
  // requests run at once.
  int express_lanes = 2;
  std::chrono::milliseconds express_slice{250};
  // Open connections at most; a connection beyond it is closed as soon as it is accepted, so
  // descriptors stay for the store and the connections already open.
  int max_connections = 512;
  // Serve the workbench from this directory instead of the copy built into the binary.
  std::string assets_dir;
  // The default graph of requests without a `default-graph` parameter.
  DefaultGraph default_graph = DefaultGraph::kUnion;
  // SERVICE may call only endpoints whose IRI starts with one of these; none: SERVICE is
  // refused (501), so a public endpoint never makes requests to arbitrary URLs.
  std::vector<std::string> service_allow;
  // SERVICE endpoint IRIs reached at another URL (--service-alias IRI=URL).
  std::map<std::string, std::string> service_aliases;
};

class Server {
 public:
  // Binds and starts the worker threads. `db` must outlive the server.
  static Result<std::unique_ptr<Server>> Start(Database* db, const ServerConfig& config);
  virtual ~Server() = default;
  // The bound port (the real one when the config asked for 0).
  virtual uint16_t port() const = 0;
  // Stops accepting, closes connections and joins the workers. Safe to call twice.
  virtual void Stop() = 0;
  // Blocks until Stop() (from another thread or a signal handler thread).
  virtual void Wait() = 0;
};

}  // namespace sextant::server
