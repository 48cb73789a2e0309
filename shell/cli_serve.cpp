// `sextant serve DB [--port N] [--bind ADDR] [--read-only] [--token T] ...`: the SPARQL 1.1
// Protocol endpoint, the Graph Store Protocol and the workbench over HTTP, until SIGINT/SIGTERM.
#include <boost/asio/ip/address.hpp>
#include <csignal>
#include <cstdlib>
#include <iostream>

#include "cli_commands.h"
#include "server/server.h"

namespace sextant::cli {
namespace {

constexpr const char* kServeUsage =
    "usage: sextant serve DB [--port N] [--bind ADDR] [--read-only] [--token T] "
    "[--max-request-bytes N] [--max-response-bytes N] [--max-connections N]\n"
    "                        [--max-total-response-bytes N]\n"
    "                        [--timeout-ms N] [--max-concurrent N] [--assets DIR]\n"
    "                        [--default-graph union|standard]\n"
    "                        [--cors-origin ORIGIN|*]... [--allow-host NAME|*]... "
    "[--allow-anonymous-writes]\n"
    "                        [--service-allow PREFIX]... [--service-alias IRI=URL]...";

// Loopback addresses reach only this machine; anything else (0.0.0.0, a LAN address) lets
// other machines in. (Not an address at all is the server's error to report.)
bool ReachableFromOtherMachines(const std::string& bind) {
  boost::system::error_code ec;
  const auto address = boost::asio::ip::make_address(bind, ec);
  return !ec && !address.is_loopback();
}

bool ParseNumber(const std::string& text, uint64_t max, uint64_t* out) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 19)
    return false;
  *out = std::strtoull(text.c_str(), nullptr, 10);
  return *out <= max;
}

}  // namespace

int RunServe(Args args) {
  server::ServerConfig config;
  std::string port, bind, token, max_bytes, max_response, max_total, timeout, concurrent,
      connections, assets;
  const bool has_port = args.TakeValue("--port", &port);
  if (args.TakeValue("--bind", &bind)) config.bind = bind;
  config.read_only = args.TakeFlag("--read-only");
  const bool has_token = args.TakeValue("--token", &token);
  const bool has_max_bytes = args.TakeValue("--max-request-bytes", &max_bytes);
  const bool has_max_response = args.TakeValue("--max-response-bytes", &max_response);
  const bool has_max_total = args.TakeValue("--max-total-response-bytes", &max_total);
  const bool has_timeout = args.TakeValue("--timeout-ms", &timeout);
  const bool has_concurrent = args.TakeValue("--max-concurrent", &concurrent);
  const bool has_connections = args.TakeValue("--max-connections", &connections);
  if (args.TakeValue("--assets", &assets)) config.assets_dir = assets;
  if (int rc = TakeDefaultGraph(args, &config.default_graph); rc != kExitOk) return rc;
  for (std::string v; args.TakeValue("--cors-origin", &v);) config.cors_origins.push_back(v);
  for (std::string v; args.TakeValue("--allow-host", &v);) config.allowed_hosts.push_back(v);
  const bool anonymous_writes = args.TakeFlag("--allow-anonymous-writes");
  // Repeatable: each names an endpoint prefix SERVICE may call.
  for (std::string prefix; args.TakeValue("--service-allow", &prefix);) {
    if (prefix.find("://") == std::string::npos) {
      return UsageError("--service-allow needs an endpoint prefix such as https://example.org/");
    }
    config.service_allow.push_back(prefix);
  }
  for (std::string alias; args.TakeValue("--service-alias", &alias);) {
    // The IRI may hold '=' itself: the URL is what follows "=http".
    const size_t eq = alias.find("=http");
    if (eq == std::string::npos || eq == 0) {
      return UsageError("--service-alias needs IRI=URL (an http:// or https:// URL)");
    }
    config.service_aliases[alias.substr(0, eq)] = alias.substr(eq + 1);
  }
  if (!args.error().empty()) return UsageError(args.error());
  if (!args.Unknown().empty()) return UsageError("unknown option " + args.Unknown() + " for serve");
  if (args.rest().size() != 1) return UsageError(kServeUsage);
  uint64_t n = 0;
  if (has_port) {
    if (!ParseNumber(port, 65535, &n)) return UsageError("--port needs a number from 0 to 65535");
    config.port = static_cast<uint16_t>(n);
  }
  if (has_token) {
    if (token.empty()) return UsageError("--token needs a non-empty token");
    config.token = token;
  }
  if (has_max_bytes) {
    if (!ParseNumber(max_bytes, UINT64_MAX, &n) || n == 0)
      return UsageError("--max-request-bytes needs a positive number");
    config.max_request_bytes = n;
  }
  if (has_max_response) {
    if (!ParseNumber(max_response, UINT64_MAX, &n) || n == 0)
      return UsageError("--max-response-bytes needs a positive number");
    config.max_response_bytes = n;
  }
  if (has_max_total) {
    if (!ParseNumber(max_total, UINT64_MAX, &n) || n == 0)
      return UsageError("--max-total-response-bytes needs a positive number");
    config.max_total_response_bytes = n;
  }
  if (has_timeout) {
    if (!ParseNumber(timeout, 1ull << 40, &n) || n == 0)
      return UsageError("--timeout-ms needs a positive number");
    config.timeout = std::chrono::milliseconds(n);
  }
  if (has_concurrent) {
    if (!ParseNumber(concurrent, 1024, &n) || n == 0)
      return UsageError("--max-concurrent needs a number from 1 to 1024");
    config.max_concurrent = static_cast<int>(n);
  }
  if (has_connections) {
    if (!ParseNumber(connections, 1'000'000, &n) || n == 0)
      return UsageError("--max-connections needs a number from 1 to 1000000");
    config.max_connections = static_cast<int>(n);
  }

  if (ReachableFromOtherMachines(config.bind) && config.token.empty() && !config.read_only &&
      !anonymous_writes) {
    return UsageError("--bind " + config.bind +
                      " lets other machines reach the server, and without a token anyone of them "
                      "could change the store: give --token T (writes then need \"Authorization: "
                      "Bearer T\"), or --read-only, or --allow-anonymous-writes if that is what "
                      "you want");
  }

  auto db = OpenStore(args.rest()[0], config.read_only, !config.read_only);
  if (!db.ok()) return Fail(db.status());

  // Blocked before the workers start so they inherit the mask and only this thread sees them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto server = server::Server::Start(db->get(), config);
  if (!server.ok()) return Fail(server.status());
  std::cout << "sextant: serving " << args.rest()[0] << " at http://" << config.bind << ":"
            << (*server)->port() << "/ (SPARQL endpoint /sparql"
            << (config.read_only ? ", read-only" : "") << "); Ctrl-C stops" << std::endl;
  int sig = 0;
  sigwait(&signals, &sig);
  std::cout << "sextant: stopping" << std::endl;
  (*server)->Stop();
  return config.read_only ? kExitOk : CloseAfterWrites(**db);
}

}  // namespace sextant::cli
