// Who may write (read-only, bearer tokens), the request size and time limits, and concurrent
// readers running while a writer commits.
#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <thread>

#include "server_fixture.h"

namespace sextant::testing {
namespace {

namespace http = boost::beast::http;

constexpr const char* kInsert = "INSERT DATA { <http://example.org/s> <http://example.org/p> 1 }";

class LimitsTest : public ServerTest {
 protected:
  // Loads `n` triples <.../sI> <.../p> I, so that cross products of them are large results.
  void LoadNumbered(int n) {
    std::string data;
    for (int i = 0; i < n; ++i) {
      data += "<http://example.org/s" + std::to_string(i) + "> <http://example.org/p> " +
              std::to_string(i) + " .\n";
    }
    Load(data);
  }
};

TEST_F(LimitsTest, ReadOnlyRefusesWrites) {
  server::ServerConfig config;
  config.read_only = true;
  StartServer(config);
  auto u = Update(kInsert);
  EXPECT_EQ(u.status, 403) << u.body;
  EXPECT_NE(u.body.find("read-only"), std::string::npos);
  HttpRequest put;
  put.method = http::verb::put;
  put.target = "/rdf-graphs/service?default";
  put.headers = {{"Content-Type", "text/turtle"}};
  EXPECT_EQ(Send(port(), put).status, 403);
  EXPECT_EQ(Query("ASK {}").status, 200) << "queries still work";
  EXPECT_EQ(Get(port(), "/sparql").body.find("SPARQL11Update"), std::string::npos);
}

TEST_F(LimitsTest, BearerTokenGuardsWrites) {
  server::ServerConfig config;
  config.token = "s3cret";
  StartServer(config);
  auto missing = Update(kInsert);
  EXPECT_EQ(missing.status, 401);
  EXPECT_EQ(missing.Header(http::field::www_authenticate), "Bearer realm=\"sextant\"");
  auto wrong = Update(kInsert, {{"Authorization", "Bearer guess"}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_NE(wrong.Header(http::field::www_authenticate).find("invalid_token"), std::string::npos);
  EXPECT_EQ(Update(kInsert, {{"Authorization", "Bearer s3cret"}}).status, 200);
  EXPECT_EQ(Query("ASK { ?s ?p ?o }").body.find("true") != std::string::npos, true)
      << "queries need no token";
}

// A 5,000,000-row SELECT made a 2.08 GB body: the body now stops at --max-response-bytes, and
// the query filling it with it.
TEST_F(LimitsTest, ResponseLargerThanTheCapIsRefused) {
  server::ServerConfig config;
  config.max_response_bytes = 64 << 10;
  StartServer(config);
  LoadNumbered(2000);
  auto big = Query("SELECT * { ?s ?p ?o . ?a ?b ?c }");
  EXPECT_EQ(big.status, 503) << big.body.substr(0, 200);
  EXPECT_NE(big.body.find("--max-response-bytes"), std::string::npos) << big.body.substr(0, 200);
  auto construct = Get(port(), "/sparql?query=" + UrlEncode("CONSTRUCT WHERE { ?s ?p ?o }"),
                       "application/n-triples");
  EXPECT_EQ(construct.status, 503) << construct.body.substr(0, 200);
  auto small = Query("SELECT * { ?s ?p ?o } LIMIT 10");
  EXPECT_EQ(small.status, 200) << small.body;
}

// Three 2 GB responses at once passed 8 GB. Bodies being built or still being sent count
// against one server-wide cap: while a client holds a 20 MB response unread, a 10 MB one gets
// 503; once it is read, the same query is answered.
TEST_F(LimitsTest, ResponsesTogetherStayWithinTheServerWideCap) {
  server::ServerConfig config;
  config.max_total_response_bytes = 24 << 20;
  StartServer(config);
  LoadNumbered(2000);
  auto rows = [](int n) {
    return "/sparql?query=" +
           UrlEncode("SELECT * { ?s ?p ?o . ?a ?b ?c } LIMIT " + std::to_string(n));
  };
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::socket held(ioc);
  held.connect({boost::asio::ip::make_address("127.0.0.1"), port()});
  boost::asio::write(held, boost::asio::buffer("GET " + rows(200'000) +
                                               " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                               "Accept: text/csv\r\n\r\n"));
  // Its answer starts to arrive: the body is built whole, and counted until it is written.
  boost::beast::flat_buffer buffer;
  buffer.commit(held.read_some(buffer.prepare(4096)));
  const std::string start(static_cast<const char*>(buffer.data().data()), buffer.size());
  ASSERT_EQ(start.rfind("HTTP/1.1 200", 0), 0u) << start.substr(0, 300);
  HttpReply other = Get(port(), rows(100'000), "text/csv");
  EXPECT_EQ(other.status, 503) << other.body.substr(0, 200);
  EXPECT_NE(other.body.find("--max-total-response-bytes"), std::string::npos)
      << other.body.substr(0, 200);
  http::response_parser<http::string_body> held_reply;
  held_reply.body_limit(boost::none);
  http::read(held, buffer, held_reply);
  EXPECT_EQ(held_reply.get().result_int(), 200);
  EXPECT_GT(held_reply.get().body().size(), 16u << 20);
  for (int i = 0; i < 50 && other.status != 200; ++i)
    other = Get(port(), rows(100'000), "text/csv");
  EXPECT_EQ(other.status, 200) << other.body.substr(0, 200);
}

TEST_F(LimitsTest, RequestTooLarge) {
  server::ServerConfig config;
  config.max_request_bytes = 1000;
  StartServer(config);
  const std::string big = "ASK { " + std::string(2000, ' ') + "}";
  auto r = Post(port(), "/sparql", "application/sparql-query", big);
  EXPECT_EQ(r.status, 413) << r.body;
  EXPECT_EQ(Post(port(), "/sparql", "application/sparql-query", "ASK {}").status, 200)
      << "the server lives on";
}

TEST_F(LimitsTest, QueryTimeout) {
  server::ServerConfig config;
  config.timeout = std::chrono::milliseconds(200);
  StartServer(config);
  LoadNumbered(300);
  // A triple cross product: 300^3 rows, far more than 200 ms of work.
  auto r = Query("SELECT (COUNT(*) AS ?c) WHERE { ?a ?p ?x . ?b ?q ?y . ?c2 ?r ?z }");
  EXPECT_EQ(r.status, 503) << r.body;
  EXPECT_NE(r.body.find("timeout"), std::string::npos) << r.body;
  EXPECT_EQ(Query("ASK {}").status, 200);
}

TEST_F(LimitsTest, GarbageDoesNotKillTheServer) {
  StartServer();
  HttpRequest r;
  r.target = "/sparql?query=" + UrlEncode("ASK {}");
  // A raw non-HTTP line: the session answers 400 or closes, and the next client is served.
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::socket sock(ioc);
  sock.connect({boost::asio::ip::make_address("127.0.0.1"), port()});
  boost::asio::write(sock, boost::asio::buffer(std::string("\x01\x02 garbage\r\n\r\n")));
  char buf[256];
  boost::system::error_code ec;
  const size_t n = sock.read_some(boost::asio::buffer(buf), ec);
  if (!ec) {
    EXPECT_NE(std::string(buf, n).find("400"), std::string::npos);
  }
  EXPECT_EQ(Send(port(), r).status, 200);
}

TEST_F(LimitsTest, ConcurrentReadersWhileWriterCommits) {
  server::ServerConfig config;
  config.max_concurrent = 8;
  StartServer(config);
  // Every update adds two quads at once: a reader on a snapshot always sees an even count.
  std::atomic<bool> stop{false};
  std::atomic<int> odd{0}, errors{0}, reads{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 6; ++t) {
    readers.emplace_back([&] {
      while (!stop) {
        auto r = Query("SELECT (COUNT(*) AS ?c) WHERE { ?s ?p ?o }", "text/csv");
        if (r.status != 200) {
          ++errors;
          continue;
        }
        const int count = std::stoi(r.body.substr(r.body.find('\n') + 1));
        if (count % 2 != 0) ++odd;
        ++reads;
      }
    });
  }
  std::vector<std::thread> writers;
  std::atomic<int> write_errors{0};
  for (int w = 0; w < 2; ++w) {
    writers.emplace_back([&, w] {
      for (int i = 0; i < 25; ++i) {
        const std::string s =
            "<http://example.org/w" + std::to_string(w) + "_" + std::to_string(i) + ">";
        auto r = Update("INSERT DATA { " + s + " <http://example.org/a> 1 . " + s +
                        " <http://example.org/b> 2 }");
        if (r.status != 200) ++write_errors;
      }
    });
  }
  for (auto& t : writers) t.join();
  stop = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(write_errors, 0) << "writers are queued, never refused as busy";
  EXPECT_EQ(errors, 0);
  EXPECT_EQ(odd, 0);
  EXPECT_GT(reads, 0);
  auto total = Query("SELECT (COUNT(*) AS ?c) WHERE { ?s ?p ?o }", "text/csv");
  EXPECT_EQ(total.body, "c\r\n100\r\n");
}

}  // namespace
}  // namespace sextant::testing
