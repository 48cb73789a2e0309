// The SPARQL 1.1 Protocol at /sparql: query forms, content negotiation, datasets, updates and
// the error statuses, over real HTTP.
#include <gtest/gtest.h>

#include "server_fixture.h"

namespace sextant::testing {
namespace {

namespace http = boost::beast::http;

constexpr const char* kData = R"(
@prefix ex: <http://example.org/> .
ex:alice ex:name "Alice" ; ex:knows ex:bob .
ex:bob ex:name "Bob" .
ex:g1 { ex:carol ex:name "Carol" . }
ex:g2 { ex:dave ex:name "Dave" . }
)";

class ProtocolTest : public ServerTest {
 protected:
  void SetUp() override {
    StartServer();
    Load(kData);
  }
};

TEST_F(ProtocolTest, GetQueryReturnsJsonByDefault) {
  auto r =
      Get(port(), "/sparql?query=" +
                      UrlEncode("SELECT ?n WHERE { ?s <http://example.org/name> ?n } ORDER BY ?n"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.ContentType(), "application/sparql-results+json; charset=utf-8");
  EXPECT_NE(r.body.find("\"Alice\""), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\"Carol\""), std::string::npos)
      << "the query default graph is the union of all graphs";
  EXPECT_EQ(r.Header(http::field::access_control_allow_origin), "")
      << "no CORS header unless the server is told which origins may read";
}

TEST_F(ProtocolTest, PostUrlEncodedAndDirect) {
  const std::string q = "SELECT ?n WHERE { <http://example.org/bob> <http://example.org/name> ?n }";
  auto form = Post(port(), "/sparql", "application/x-www-form-urlencoded", "query=" + UrlEncode(q),
                   {{"Accept", "text/csv"}});
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_EQ(form.body, "n\r\nBob\r\n");
  auto direct = Post(port(), "/sparql", "application/sparql-query", q,
                     {{"Accept", "text/tab-separated-values"}});
  ASSERT_EQ(direct.status, 200) << direct.body;
  EXPECT_EQ(direct.body, "?n\n\"Bob\"\n");
}

TEST_F(ProtocolTest, ContentNegotiationForSelectAndAsk) {
  const std::string q = "SELECT ?n WHERE { <http://example.org/bob> <http://example.org/name> ?n }";
  struct Case {
    std::string accept, type, needle;
  };
  const Case cases[] = {
      {"application/sparql-results+json", "application/sparql-results+json", "\"bindings\""},
      {"application/sparql-results+xml", "application/sparql-results+xml", "<sparql"},
      {"text/csv", "text/csv", "Bob"},
      {"text/tab-separated-values", "text/tab-separated-values", "\"Bob\""},
      {"application/json", "application/json", "\"bindings\""},
      {"text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml",
       "<sparql"},
      {"text/*", "text/csv", "Bob"},
      {"*/*", "application/sparql-results+json", "\"bindings\""},
  };
  for (const auto& c : cases) {
    auto r = Query(q, c.accept);
    ASSERT_EQ(r.status, 200) << c.accept;
    EXPECT_EQ(r.ContentType(), c.type + "; charset=utf-8") << c.accept;
    EXPECT_NE(r.body.find(c.needle), std::string::npos) << c.accept << "\n" << r.body;
  }
  auto ask = Query("ASK { <http://example.org/alice> ?p ?o }", "application/sparql-results+xml");
  ASSERT_EQ(ask.status, 200);
  EXPECT_NE(ask.body.find("<boolean>true</boolean>"), std::string::npos) << ask.body;
  EXPECT_EQ(Query(q, "image/png").status, 406);
  EXPECT_EQ(Query(q, "text/turtle").status, 406) << "a SELECT has no RDF form";
}

TEST_F(ProtocolTest, ContentNegotiationForConstruct) {
  const std::string q =
      "CONSTRUCT { ?s <http://example.org/label> ?n } WHERE { ?s <http://example.org/name> ?n }";
  struct Case {
    std::string accept, type;
  };
  const Case cases[] = {{"", "text/turtle"},
                        {"text/turtle", "text/turtle"},
                        {"application/n-triples", "application/n-triples"},
                        {"application/n-quads", "application/n-quads"},
                        {"application/trig", "application/trig"},
                        {"application/rdf+xml", "application/rdf+xml"},
                        {"application/ld+json", "application/ld+json"}};
  for (const auto& c : cases) {
    auto r = Query(q, c.accept);
    ASSERT_EQ(r.status, 200) << c.accept << r.body;
    EXPECT_EQ(r.ContentType(), c.type + "; charset=utf-8");
    EXPECT_NE(r.body.find("Alice"), std::string::npos) << r.body;
  }
  auto nt = Query(q, "application/n-triples");
  EXPECT_NE(nt.body.find("<http://example.org/alice> <http://example.org/label> \"Alice\" ."),
            std::string::npos)
      << nt.body;
  EXPECT_EQ(Query(q, "application/sparql-results+json").status, 406);
  auto xml = Query(q, "application/sparql-results+xml, application/rdf+xml");
  EXPECT_NE(xml.body.find("<rdf:Description rdf:about=\"http://example.org/alice\">"),
            std::string::npos)
      << xml.body;
  EXPECT_NE(xml.body.find("<p:label xmlns:p=\"http://example.org/\">Alice</p:label>"),
            std::string::npos)
      << xml.body;
  auto jsonld = Query(q, "application/ld+json");
  EXPECT_NE(jsonld.body.find("{\"@id\":\"http://example.org/alice\","
                             "\"http://example.org/label\":\"Alice\"}"),
            std::string::npos)
      << jsonld.body;
  auto describe = Query("DESCRIBE <http://example.org/bob>", "application/n-triples");
  ASSERT_EQ(describe.status, 200);
  EXPECT_NE(describe.body.find("\"Bob\""), std::string::npos);
}

TEST_F(ProtocolTest, ProtocolDatasetReplacesFromClauses) {
  const std::string q =
      "SELECT ?n FROM <http://example.org/g2> WHERE { ?s <http://example.org/name> ?n }";
  auto from_query = Query(q, "text/csv");
  ASSERT_EQ(from_query.status, 200);
  EXPECT_EQ(from_query.body, "n\r\nDave\r\n");
  auto protocol = Get(
      port(),
      "/sparql?query=" + UrlEncode(q) + "&default-graph-uri=" + UrlEncode("http://example.org/g1"),
      "text/csv");
  ASSERT_EQ(protocol.status, 200);
  EXPECT_EQ(protocol.body, "n\r\nCarol\r\n");
  const std::string named = "SELECT ?g ?n WHERE { GRAPH ?g { ?s <http://example.org/name> ?n } }";
  auto both =
      Post(port(), "/sparql", "application/x-www-form-urlencoded",
           "query=" + UrlEncode(named) + "&named-graph-uri=" + UrlEncode("http://example.org/g1") +
               "&default-graph-uri=" + UrlEncode("http://example.org/g2"),
           {{"Accept", "text/csv"}});
  ASSERT_EQ(both.status, 200);
  EXPECT_EQ(both.body, "g,n\r\nhttp://example.org/g1,Carol\r\n");
}

TEST_F(ProtocolTest, DefaultGraphParameterPicksUnionOrStandard) {
  const std::string q = "SELECT ?n WHERE { ?s <http://example.org/name> ?n } ORDER BY ?n";
  const std::string path = "/sparql?query=" + UrlEncode(q);
  EXPECT_EQ(Get(port(), path, "text/csv").body, "n\r\nAlice\r\nBob\r\nCarol\r\nDave\r\n");
  EXPECT_EQ(Get(port(), path + "&default-graph=union", "text/csv").body,
            "n\r\nAlice\r\nBob\r\nCarol\r\nDave\r\n");
  auto standard = Get(port(), path + "&default-graph=standard", "text/csv");
  ASSERT_EQ(standard.status, 200) << standard.body;
  EXPECT_EQ(standard.body, "n\r\nAlice\r\nBob\r\n");
  auto bad = Get(port(), path + "&default-graph=all", "text/csv");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("default-graph"), std::string::npos) << bad.body;
  EXPECT_EQ(Get(port(), path + "&default-graph=union&default-graph=standard", "text/csv").status,
            400);

  // An update's WHERE reads the same default graph.
  auto update = Post(port(), "/sparql?default-graph=standard", "application/sparql-update",
                     "INSERT { ?s <http://example.org/seen> true } WHERE { ?s "
                     "<http://example.org/name> ?n }");
  ASSERT_EQ(update.status, 200) << update.body;
  auto seen =
      Query("SELECT (COUNT(*) AS ?c) WHERE { ?s <http://example.org/seen> true }", "text/csv");
  EXPECT_EQ(seen.body, "c\r\n2\r\n");

  // The server's --default-graph is what requests without the parameter get.
  server::ServerConfig config;
  config.default_graph = DefaultGraph::kStandard;
  StartServer(config);
  EXPECT_EQ(Get(port(), path, "text/csv").body, "n\r\nAlice\r\nBob\r\n");
  EXPECT_EQ(Get(port(), path + "&default-graph=union", "text/csv").body,
            "n\r\nAlice\r\nBob\r\nCarol\r\nDave\r\n");
}

TEST_F(ProtocolTest, UpdateByPostDirectAndUrlEncoded) {
  auto direct =
      Update("INSERT DATA { <http://example.org/erin> <http://example.org/name> \"Erin\" }");
  ASSERT_EQ(direct.status, 200) << direct.body;
  EXPECT_NE(direct.body.find("1 quads inserted"), std::string::npos) << direct.body;
  auto form = Post(port(), "/sparql", "application/x-www-form-urlencoded",
                   "update=" + UrlEncode("DELETE WHERE { <http://example.org/bob> ?p ?o }"));
  ASSERT_EQ(form.status, 200) << form.body;
  auto r = Query("SELECT ?n WHERE { ?s <http://example.org/name> ?n } ORDER BY ?n", "text/csv");
  EXPECT_EQ(r.body, "n\r\nAlice\r\nCarol\r\nDave\r\nErin\r\n");
}

TEST_F(ProtocolTest, UpdateWithProtocolUsingGraph) {
  auto r = Post(port(), "/sparql?using-graph-uri=" + UrlEncode("http://example.org/g1"),
                "application/sparql-update",
                "INSERT { ?s <http://example.org/seen> true } WHERE { ?s ?p ?o }");
  ASSERT_EQ(r.status, 200) << r.body;
  auto seen = Query("SELECT ?s WHERE { ?s <http://example.org/seen> ?x }", "text/csv");
  EXPECT_EQ(seen.body, "s\r\nhttp://example.org/carol\r\n");
  auto clash = Post(port(), "/sparql?using-graph-uri=" + UrlEncode("http://example.org/g1"),
                    "application/sparql-update",
                    "DELETE { ?s ?p ?o } USING <http://example.org/g2> WHERE { ?s ?p ?o }");
  EXPECT_EQ(clash.status, 400) << clash.body;
}

TEST_F(ProtocolTest, LoadOfServerFilesIsRefused) {
  WriteFile(dir_.Sub("secret.nt"), "<http://example.org/s> <http://example.org/p> \"secret\" .\n");
  auto r = Update("LOAD <file://" + dir_.Sub("secret.nt") + ">");
  EXPECT_EQ(r.status, 501) << r.body;
  EXPECT_NE(r.body.find("disabled"), std::string::npos) << r.body;
  EXPECT_EQ(Query("ASK { ?s ?p \"secret\" }").body.find("true"), std::string::npos);
}

TEST_F(ProtocolTest, SyntaxErrorIs400WithPosition) {
  auto r = Query("SELECT ?x WHERE {\n  ?x ?y \n}");
  ASSERT_EQ(r.status, 400);
  EXPECT_EQ(r.ContentType(), "text/plain; charset=utf-8");
  EXPECT_NE(r.body.find("query:3:"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("^"), std::string::npos) << r.body;
  auto u = Update("INSERT DATA { <a> <b> }");
  EXPECT_EQ(u.status, 400) << u.body;
  EXPECT_NE(u.body.find("update:1:"), std::string::npos) << u.body;
}

TEST_F(ProtocolTest, MalformedRequestsAreRefused) {
  const std::string q = "ASK {}";
  EXPECT_EQ(Get(port(), "/sparql?query=" + UrlEncode(q) + "&query=" + UrlEncode(q)).status, 400);
  EXPECT_EQ(Get(port(), "/sparql?update=" + UrlEncode("CLEAR ALL")).status, 400);
  EXPECT_EQ(Post(port(), "/sparql", "text/plain", q).status, 415);
  EXPECT_EQ(Post(port(), "/sparql", "application/sparql-query; charset=utf-16", q).status, 415);
  EXPECT_EQ(Post(port(), "/sparql", "application/x-www-form-urlencoded", "nothing=here").status,
            400);
  EXPECT_EQ(
      Post(port(), "/sparql", "application/sparql-query", "INSERT DATA { <a> <b> <c> }").status,
      400);
  HttpRequest put;
  put.method = http::verb::put;
  put.target = "/sparql";
  auto r = Send(port(), put);
  EXPECT_EQ(r.status, 405);
  EXPECT_NE(r.Header(http::field::allow).find("POST"), std::string::npos);
}

TEST_F(ProtocolTest, ServiceDescription) {
  auto r = Get(port(), "/sparql");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.ContentType(), "text/turtle; charset=utf-8");
  EXPECT_NE(r.body.find("sparql-service-description#Service"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("SPARQL11Update"), std::string::npos);
  EXPECT_NE(r.body.find("UnionDefaultGraph"), std::string::npos);
  const std::string endpoint = "<http://127.0.0.1:" + std::to_string(port()) + "/sparql>";
  EXPECT_NE(r.body.find(endpoint), std::string::npos) << r.body;
  EXPECT_EQ(Get(port(), "/sparql", "application/n-triples").ContentType(),
            "application/n-triples; charset=utf-8");
}

TEST_F(ProtocolTest, CorsPreflight) {
  server::ServerConfig config;
  config.cors_origins = {"http://yasgui.example"};
  StartServer(config);
  HttpRequest options;
  options.method = http::verb::options;
  options.target = "/sparql";
  options.headers = {{"Origin", "http://yasgui.example"},
                     {"Access-Control-Request-Method", "POST"}};
  auto r = Send(port(), options);
  EXPECT_EQ(r.status, 204);
  EXPECT_EQ(r.Header(http::field::access_control_allow_origin), "http://yasgui.example");
  EXPECT_NE(r.Header(http::field::access_control_allow_headers).find("Authorization"),
            std::string::npos);
}

TEST_F(ProtocolTest, WorkbenchIsServed) {
  auto r = Get(port(), "/");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.ContentType(), "text/html; charset=utf-8");
  EXPECT_NE(r.body.find("<html"), std::string::npos);
  EXPECT_EQ(Get(port(), "/no/such/file.js").status, 404);
  EXPECT_EQ(Get(port(), "/../etc/passwd").status, 404);
}

TEST_F(ProtocolTest, AssetsFromDirectory) {
  WriteFile(dir_.Sub("assets/index.html"), "<html>dev</html>");
  WriteFile(dir_.Sub("assets/assets/app.js"), "console.log(1)");
  server::ServerConfig config;
  config.assets_dir = dir_.Sub("assets");
  StartServer(config);
  EXPECT_EQ(Get(port(), "/").body, "<html>dev</html>");
  auto js = Get(port(), "/assets/app.js");
  EXPECT_EQ(js.body, "console.log(1)");
  EXPECT_EQ(js.ContentType(), "text/javascript; charset=utf-8");
}

}  // namespace
}  // namespace sextant::testing
