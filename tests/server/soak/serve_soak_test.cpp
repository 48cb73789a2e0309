// A server left running: one `sextant serve` process under a descriptor limit takes mixed
// traffic for SEXTANT_SERVE_SOAK_SECONDS (600 in the slow tier): readers, a writer whose every
// acknowledged insert must be there at the end, hostile requests (syntax errors, bodies over the
// limit, a path of 5,000 steps, garbage, a foreign Host) and clients that leave in the middle of
// a long query. It must never die, lose no acknowledged write, answer every hostile request with
// its 4xx, and keep its resident memory and open descriptors flat (sampled each second; the
// curves are printed).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "../http_client.h"
#include "testutil/serve_process.h"
#include "testutil/test_util.h"

namespace sextant::testing {
namespace {

int SoakSeconds() {
  const char* env = std::getenv("SEXTANT_SERVE_SOAK_SECONDS");
  return env != nullptr ? std::max(1, std::atoi(env)) : 600;
}

int Connect(uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

void SendRaw(int fd, const std::string& bytes) {
  if (fd >= 0) ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
}

std::string CountQuery() {
  return "/sparql?query=" + UrlEncode("SELECT (COUNT(*) AS ?n) { ?s <urn:written> ?o }");
}

// The number in a one-cell CSV result ("n\r\n42\r\n"), -1 when there is none.
long CsvCount(const HttpReply& r) {
  const size_t line = r.body.find('\n');
  if (r.status != 200 || line == std::string::npos) return -1;
  return std::atol(r.body.c_str() + line + 1);
}

struct Sample {
  int second;
  long rss_kib;
  int fds;
};

TEST(ServeSoak, MixedTrafficLeavesNoTrace) {
  TempDir dir;
  const std::string nt = dir.Sub("data.nt");
  {
    std::ofstream out(nt);
    for (int i = 0; i < 400; ++i) out << "<urn:s" << i << "> <urn:q> \"" << i << "\" .\n";
  }
  const std::string db = dir.Sub("db");
  ASSERT_EQ(LoadWithCli(db, {nt}), 0);
  std::string printed;
  auto server = ServeProcess::Start(
      db, {"--max-concurrent", "2", "--max-request-bytes", "65536", "--timeout-ms", "10000"},
      {.max_open_files = 256}, {}, {}, &printed);
  ASSERT_NE(server, nullptr) << printed;
  const uint16_t port = server->port();

  std::atomic<bool> stop{false};
  std::atomic<long> acknowledged{0}, attempted{0}, reads{0}, read_failures{0}, hostile{0}, left{0};
  std::mutex problems_mu;
  std::vector<std::string> problems;
  auto problem = [&](const std::string& p) {
    std::lock_guard<std::mutex> lock(problems_mu);
    if (problems.size() < 20) problems.push_back(p);
  };

  std::vector<std::thread> load;
  load.emplace_back([&] {  // the writer
    for (long i = 0; !stop; ++i) {
      ++attempted;
      const auto r = Post(port, "/sparql", "application/sparql-update",
                          "INSERT DATA { <urn:w" + std::to_string(i) + "> <urn:written> " +
                              std::to_string(i) + " }");
      if (r.status == 200) ++acknowledged;
    }
  });
  for (int k = 0; k < 2; ++k) {
    load.emplace_back([&] {  // readers: the count never goes below what was acknowledged
      while (!stop) {
        const long before = acknowledged.load();
        const auto r = Get(port, CountQuery(), "text/csv");
        ++reads;
        const long n = CsvCount(r);
        if (n < before) {
          ++read_failures;
          problem("read " + std::to_string(r.status) + " count " + std::to_string(n) +
                  " below acknowledged " + std::to_string(before) + " " + r.body.substr(0, 200));
        }
      }
    });
  }
  load.emplace_back([&] {  // hostile requests, each with the answer it must get
    std::string path = "?s ";
    for (int i = 0; i < 5000; ++i) path += (i ? "/<urn:p>" : "<urn:p>");
    path += " ?o";
    for (int i = 0; !stop; ++i) {
      HttpReply r;
      int want = 0;
      switch (i % 5) {
        case 0:
          r = Get(port, "/sparql?query=" + UrlEncode("SELECT * WHERE { ?s ?p }"));
          want = 400;
          break;
        case 1:
          r = Post(port, "/sparql", "application/sparql-update",
                   "INSERT DATA { <urn:a> <urn:b> \"" + std::string(100'000, 'x') + "\" }");
          want = 413;
          break;
        case 2:
          r = Post(port, "/sparql", "application/sparql-query", "SELECT * { " + path + " }");
          want = 400;
          break;
        case 3: {
          HttpRequest req;
          req.target = "/sparql?query=" + UrlEncode("ASK {}");
          req.headers = {{"Host", "evil.example"}};
          r = Send(port, req);
          want = 403;
          break;
        }
        default: {
          const int fd = Connect(port);
          SendRaw(fd, std::string("\x01\x02 garbage\r\n\r\n"));
          if (fd >= 0) ::close(fd);
          ++hostile;
          continue;
        }
      }
      ++hostile;
      // A body over the limit is refused from its headers; the server then closes with the
      // rest unread, which may reset the connection before the client reads the 413.
      if (want == 413 && r.status == 0) continue;
      if (r.status != want) {
        problem("hostile request " + std::to_string(i % 5) + ": " + std::to_string(r.status) +
                " instead of " + std::to_string(want) + " " + r.body.substr(0, 200) + r.error);
      }
    }
  });
  load.emplace_back([&] {  // clients that leave during a long query
    const std::string request =
        "GET /sparql?query=" +
        UrlEncode("SELECT (COUNT(*) AS ?c) WHERE { ?a ?p ?x . ?b ?q ?y . ?c2 ?r ?z }") +
        " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    while (!stop) {
      const int fd = Connect(port);
      SendRaw(fd, request);
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      if (fd >= 0) ::close(fd);
      ++left;
    }
  });

  const int seconds = SoakSeconds();
  std::vector<Sample> samples;
  for (int s = 1; s <= seconds && server->Alive(); ++s) {
    std::this_thread::sleep_for(std::chrono::seconds(1));
    samples.push_back({s, server->RssKib().value_or(-1), server->OpenFds().value_or(-1)});
  }
  stop = true;
  for (auto& t : load) t.join();

  ASSERT_TRUE(server->Alive()) << server->Stderr();
  const long count = CsvCount(Get(port, CountQuery(), "text/csv"));
  EXPECT_GE(count, acknowledged.load()) << "acknowledged writes lost";
  EXPECT_LE(count, attempted.load());
  EXPECT_EQ(read_failures.load(), 0);
  for (const auto& p : problems) ADD_FAILURE() << p;
  std::printf(
      "%d s: %ld writes acknowledged of %ld, %ld reads, %ld hostile requests, %ld "
      "clients left during a query\nsecond  rss_kib  fds\n",
      seconds, acknowledged.load(), attempted.load(), reads.load(), hostile.load(), left.load());
  for (size_t i = 0; i < samples.size(); i += std::max<size_t>(1, samples.size() / 20)) {
    std::printf("%6d  %7ld  %3d\n", samples[i].second, samples[i].rss_kib, samples[i].fds);
  }
  // Flat: after the first quarter (caches warm), memory grows by at most a quarter and 64 MiB,
  // descriptors by at most 16.
  ASSERT_GE(samples.size(), 4u);
  const Sample& warm = samples[samples.size() / 4];
  long rss_max = 0;
  int fds_max = 0;
  for (size_t i = samples.size() / 4; i < samples.size(); ++i) {
    rss_max = std::max(rss_max, samples[i].rss_kib);
    fds_max = std::max(fds_max, samples[i].fds);
  }
  EXPECT_LE(rss_max, warm.rss_kib + warm.rss_kib / 4 + 64 * 1024) << "resident memory grew";
  EXPECT_LE(fds_max, warm.fds + 16) << "open descriptors grew";
  const auto status = server->Stop(SIGTERM, 20'000);
  ASSERT_TRUE(status.has_value()) << "did not stop on SIGTERM";
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0) << *status << server->Stderr();
}

}  // namespace
}  // namespace sextant::testing
