// Load test of `sextant serve` on loopback: N concurrent keep-alive clients run a set of SPARQL
// queries (the LUBM ones) round robin for a fixed time, then report requests per second, the
// latency percentiles and the errors.
//
//   serve_bench STORE QUERY_DIR [--seconds 60] [--clients 16] [--server-threads 16]
//   serve_bench --port N QUERY_DIR [...]      (against a server that is already running)
//
// With STORE the server runs in this process (same code as `sextant serve`), still over TCP.
#include <algorithm>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "server/server.h"
#include "server/url.h"
#include "sextant/database.h"

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;
using Clock = std::chrono::steady_clock;

struct NamedQuery {
  std::string name;
  std::string target;  // "/sparql?query=..."
};

std::vector<NamedQuery> ReadQueries(const std::string& dir) {
  std::vector<NamedQuery> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".rq") continue;
    std::ifstream in(e.path());
    std::stringstream text;
    text << in.rdbuf();
    out.push_back(
        {e.path().stem().string(), "/sparql?query=" + sextant::server::PercentEncode(text.str())});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

// One keep-alive connection; reconnects after an error.
class Client {
 public:
  explicit Client(uint16_t port) : port_(port) {}

  // The HTTP status, or 0 when the exchange failed.
  int Run(const std::string& target) {
    try {
      if (!stream_) {
        stream_.emplace(ioc_);
        stream_->connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port_));
      }
      http::request<http::empty_body> req{http::verb::get, target, 11};
      req.set(http::field::host, "127.0.0.1");
      req.set(http::field::accept, "application/sparql-results+json");
      req.keep_alive(true);
      http::write(*stream_, req);
      http::response_parser<http::string_body> parser;
      parser.body_limit(1ull << 30);
      http::read(*stream_, buffer_, parser);
      const int status = static_cast<int>(parser.get().result_int());
      if (!parser.get().keep_alive()) stream_.reset();
      return status;
    } catch (const std::exception&) {
      stream_.reset();
      buffer_.clear();
      return 0;
    }
  }

 private:
  uint16_t port_;
  boost::asio::io_context ioc_;
  std::optional<beast::tcp_stream> stream_;
  beast::flat_buffer buffer_;
};

struct Sample {
  uint32_t query;
  double ms;
};

double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const size_t i =
      std::min(sorted.size() - 1, static_cast<size_t>(p * static_cast<double>(sorted.size())));
  return sorted[i];
}

int Usage() {
  std::cerr << "usage: serve_bench STORE|--port N QUERY_DIR [--seconds S] [--clients C] "
               "[--server-threads T]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> positional;
  int seconds = 60, clients = 16, server_threads = 16, port = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&](int* v) {
      if (i + 1 >= argc) return false;
      *v = std::atoi(argv[++i]);
      return *v > 0;
    };
    if (a == "--seconds") {
      if (!next(&seconds)) return Usage();
    } else if (a == "--clients") {
      if (!next(&clients)) return Usage();
    } else if (a == "--server-threads") {
      if (!next(&server_threads)) return Usage();
    } else if (a == "--port") {
      if (!next(&port)) return Usage();
    } else {
      positional.push_back(a);
    }
  }
  if (positional.size() != (port != 0 ? 1u : 2u)) return Usage();
  const auto queries = ReadQueries(positional.back());
  if (queries.empty()) {
    std::cerr << "no .rq files in " << positional.back() << "\n";
    return 1;
  }

  std::unique_ptr<sextant::Database> db;
  std::unique_ptr<sextant::server::Server> server;
  if (port == 0) {
    sextant::Options options;
    options.read_only = true;
    options.create_if_missing = false;
    auto opened = sextant::Database::Open(positional[0], options);
    if (!opened.ok()) {
      std::cerr << opened.status().ToString() << "\n";
      return 1;
    }
    db = std::move(*opened);
    sextant::server::ServerConfig config;
    config.port = 0;
    config.read_only = true;
    config.max_concurrent = server_threads;
    config.timeout = std::chrono::seconds(60);
    auto started = sextant::server::Server::Start(db.get(), config);
    if (!started.ok()) {
      std::cerr << started.status().ToString() << "\n";
      return 1;
    }
    server = std::move(*started);
    port = server->port();
  }

  // Every query once first: a warm cache, and a failing query is reported before the run.
  {
    Client warm(static_cast<uint16_t>(port));
    for (const auto& q : queries) {
      const auto t0 = Clock::now();
      const int status = warm.Run(q.target);
      const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
      std::printf("warm-up %-12s status %d  %8.1f ms\n", q.name.c_str(), status, ms);
    }
  }

  std::atomic<uint64_t> errors{0};
  std::vector<std::vector<Sample>> samples(clients);
  const auto deadline = Clock::now() + std::chrono::seconds(seconds);
  const auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      Client client(static_cast<uint16_t>(port));
      for (size_t i = static_cast<size_t>(c); Clock::now() < deadline; ++i) {
        const uint32_t q = static_cast<uint32_t>(i % queries.size());
        const auto t0 = Clock::now();
        const int status = client.Run(queries[q].target);
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        if (status != 200) ++errors;
        samples[c].push_back({q, ms});
      }
    });
  }
  for (auto& t : threads) t.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();

  std::vector<double> all;
  std::vector<std::vector<double>> per_query(queries.size());
  for (const auto& s : samples) {
    for (const auto& x : s) {
      all.push_back(x.ms);
      per_query[x.query].push_back(x.ms);
    }
  }
  std::sort(all.begin(), all.end());
  std::printf("\n%-12s %8s %10s %10s %10s\n", "query", "requests", "p50_ms", "p95_ms", "p99_ms");
  for (size_t q = 0; q < queries.size(); ++q) {
    auto& v = per_query[q];
    std::sort(v.begin(), v.end());
    std::printf("%-12s %8zu %10.2f %10.2f %10.2f\n", queries[q].name.c_str(), v.size(),
                Percentile(v, 0.5), Percentile(v, 0.95), Percentile(v, 0.99));
  }
  std::printf(
      "\nclients %d, %.1f s: %zu requests, %.1f requests/s, latency p50 %.2f ms, p95 %.2f ms, p99 "
      "%.2f ms, "
      "max %.2f ms, errors %llu\n",
      clients, elapsed, all.size(), static_cast<double>(all.size()) / elapsed, Percentile(all, 0.5),
      Percentile(all, 0.95), Percentile(all, 0.99), all.empty() ? 0.0 : all.back(),
      static_cast<unsigned long long>(errors.load()));
  if (server) server->Stop();
  return errors == 0 ? 0 : 1;
}
