// Safe defaults against web pages and DNS rebinding: a page of another origin cannot write
// without the token, CORS headers go only to configured origins (never "*" on a write), and a
// Host header naming a host the server does not answer to is refused.
#include <gtest/gtest.h>

#include "server_fixture.h"

namespace sextant::testing {
namespace {

namespace http = boost::beast::http;

constexpr const char* kCrossSiteInsert =
    "INSERT DATA { GRAPH <urn:evil> { <urn:evil> <urn:p> \"pwned\" } }";
constexpr const char* kAskEvil = "ASK { GRAPH <urn:evil> { ?s ?p ?o } }";

class OriginTest : public ServerTest {
 protected:
  bool EvilWritten() {
    auto r = Query(kAskEvil, "text/csv");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.body.find("true") != std::string::npos;
  }
  std::string Self() const { return "http://127.0.0.1:" + std::to_string(port()); }
};

TEST_F(OriginTest, PageOfAnotherOriginCannotWriteWithoutToken) {
  StartServer();
  auto direct = Update(kCrossSiteInsert, {{"Origin", "http://evil.example"}});
  EXPECT_EQ(direct.status, 403) << direct.body;
  EXPECT_NE(direct.body.find("--token"), std::string::npos) << direct.body;
  // A plain HTML form needs no preflight: the classic cross-site request forgery.
  auto form = Post(port(), "/sparql", "application/x-www-form-urlencoded",
                   "update=" + UrlEncode(kCrossSiteInsert), {{"Origin", "http://evil.example"}});
  EXPECT_EQ(form.status, 403) << form.body;
  auto fetch_meta = Update(kCrossSiteInsert, {{"Sec-Fetch-Site", "cross-site"}});
  EXPECT_EQ(fetch_meta.status, 403) << "a browser that hides Origin still sends Sec-Fetch-Site";
  auto sandboxed = Update(kCrossSiteInsert, {{"Origin", "null"}});
  EXPECT_EQ(sandboxed.status, 403);
  HttpRequest put;
  put.method = http::verb::put;
  put.target = "/rdf-graphs/service?graph=urn:evil";
  put.body = "<urn:evil> <urn:p> \"pwned\" .";
  put.headers = {{"Content-Type", "application/n-triples"}, {"Origin", "http://evil.example"}};
  EXPECT_EQ(Send(port(), put).status, 403);
  EXPECT_FALSE(EvilWritten());
}

TEST_F(OriginTest, SameOriginAndNonBrowserClientsWrite) {
  StartServer();
  // The workbench: same origin, which browsers say in both headers.
  auto page = Update(kCrossSiteInsert, {{"Origin", Self()}, {"Sec-Fetch-Site", "same-origin"}});
  EXPECT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(EvilWritten());
  // curl and programs send neither header.
  EXPECT_EQ(Update("DROP GRAPH <urn:evil>").status, 200);
  EXPECT_FALSE(EvilWritten());
}

TEST_F(OriginTest, AnotherOriginWritesWithTheToken) {
  server::ServerConfig config;
  config.token = "s3cret";
  config.cors_origins = {"http://app.example"};
  StartServer(config);
  auto without = Update(kCrossSiteInsert, {{"Origin", "http://app.example"}});
  EXPECT_EQ(without.status, 401);
  // The scheme name is case-insensitive (RFC 9110 11.1).
  auto with = Update(kCrossSiteInsert,
                     {{"Origin", "http://app.example"}, {"Authorization", "bearer s3cret"}});
  EXPECT_EQ(with.status, 200) << with.body;
  EXPECT_EQ(with.Header(http::field::access_control_allow_origin), "http://app.example");
  EXPECT_TRUE(EvilWritten());
}

TEST_F(OriginTest, NoCorsHeadersUnlessConfigured) {
  StartServer();
  auto r = Get(port(), "/sparql?query=" + UrlEncode("ASK {}"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Header(http::field::access_control_allow_origin), "");
  HttpRequest read;
  read.target = "/sparql?query=" + UrlEncode("ASK {}");
  read.headers = {{"Origin", "http://evil.example"}};
  auto cross = Send(port(), read);
  EXPECT_EQ(cross.status, 200);
  EXPECT_EQ(cross.Header(http::field::access_control_allow_origin), "")
      << "a page of another origin must not read the store's data";
  HttpRequest preflight;
  preflight.method = http::verb::options;
  preflight.target = "/sparql";
  preflight.headers = {{"Origin", "http://evil.example"},
                       {"Access-Control-Request-Method", "POST"}};
  EXPECT_EQ(Send(port(), preflight).Header(http::field::access_control_allow_origin), "");
}

TEST_F(OriginTest, ConfiguredOriginsReadAndWildcardNeverCoversWrites) {
  server::ServerConfig config;
  config.cors_origins = {"*"};
  config.token = "t";
  StartServer(config);
  HttpRequest read;
  read.target = "/sparql?query=" + UrlEncode("ASK {}");
  read.headers = {{"Origin", "http://yasgui.example"}};
  EXPECT_EQ(Send(port(), read).Header(http::field::access_control_allow_origin), "*");
  auto write = Update(kCrossSiteInsert,
                      {{"Origin", "http://yasgui.example"}, {"Authorization", "Bearer t"}});
  EXPECT_EQ(write.status, 200) << write.body;
  EXPECT_EQ(write.Header(http::field::access_control_allow_origin), "http://yasgui.example");
  HttpRequest preflight;
  preflight.method = http::verb::options;
  preflight.target = "/sparql";
  preflight.headers = {{"Origin", "http://yasgui.example"},
                       {"Access-Control-Request-Method", "POST"}};
  auto p = Send(port(), preflight);
  EXPECT_EQ(p.status, 204);
  EXPECT_EQ(p.Header(http::field::access_control_allow_origin), "http://yasgui.example");
  EXPECT_NE(p.Header(http::field::access_control_allow_headers).find("Authorization"),
            std::string::npos);
}

TEST_F(OriginTest, HostHeaderDefeatsDnsRebinding) {
  StartServer();
  const std::string ask = "/sparql?query=" + UrlEncode("ASK {}");
  auto host = [&](const std::string& value) {
    HttpRequest r;
    r.target = ask;
    r.headers = {{"Host", value}};
    return Send(port(), r);
  };
  // A rebound name: the browser thinks it talks to evil.example, so Origin matches Host.
  HttpRequest rebound;
  rebound.method = http::verb::post;
  rebound.target = "/sparql";
  rebound.body = kCrossSiteInsert;
  const std::string evil = "evil.example:" + std::to_string(port());
  rebound.headers = {
      {"Host", evil}, {"Origin", "http://" + evil}, {"Content-Type", "application/sparql-update"}};
  auto w = Send(port(), rebound);
  EXPECT_EQ(w.status, 403) << w.body;
  EXPECT_NE(w.body.find("--allow-host"), std::string::npos) << w.body;
  EXPECT_FALSE(EvilWritten());
  EXPECT_EQ(host("evil.example").status, 403);
  EXPECT_EQ(host("localhost:" + std::to_string(port())).status, 200);
  EXPECT_EQ(host("[::1]:" + std::to_string(port())).status, 200);
  EXPECT_EQ(host("h> <urn:inj").status, 400) << "a Host that could break an IRI is malformed";
  EXPECT_EQ(host("a/b").status, 400);
  StopServer();
  server::ServerConfig config;
  config.allowed_hosts = {"sparql.example"};
  StartServer(config);
  EXPECT_EQ(host("SPARQL.example:80").status, 200);
  EXPECT_EQ(host("other.example").status, 403);
}

}  // namespace
}  // namespace sextant::testing
