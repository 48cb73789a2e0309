// Enforced shapes over HTTP: a SPARQL update or Graph Store request whose result would violate
// them gets 409 Conflict with the report as the body, and changes nothing; validating them
// stays within the server's --timeout-ms.
#include <gtest/gtest.h>

#include "server_fixture.h"
#include "testutil/serve_process.h"

namespace sextant::testing {
namespace {

namespace http = boost::beast::http;

class ShaclHttpTest : public ServerTest {
 protected:
  void SetUp() override {
    StartServer();
    ASSERT_OK(db().EnforceShapes(
        "@prefix ex: <http://example.org/> . @prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "ex:S sh:targetClass ex:Person ; sh:property [ sh:path ex:name ; sh:minCount 1 ] ."));
  }
  uint64_t Quads() {
    auto n = db().Count({});
    return n.ok() ? *n : ~0ull;
  }
};

TEST_F(ShaclHttpTest, ViolatingUpdateIsConflict) {
  const uint64_t before = Quads();
  auto r = Update("INSERT DATA { <http://example.org/bob> a <http://example.org/Person> }");
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_NE(r.body.find("<http://example.org/bob>"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("Fewer than 1 values"), std::string::npos) << r.body;
  EXPECT_EQ(Quads(), before);
  r = Update(
      "INSERT DATA { <http://example.org/bob> a <http://example.org/Person> ; "
      "<http://example.org/name> \"Bob\" }");
  EXPECT_EQ(r.status, 200) << r.body;
}

TEST_F(ShaclHttpTest, ViolatingGraphStorePutIsConflict) {
  HttpRequest put;
  put.method = http::verb::put;
  put.target = "/rdf-graphs/service?graph=" + UrlEncode("http://example.org/g");
  put.body = "<http://example.org/carol> a <http://example.org/Person> .";
  put.headers.emplace_back("Content-Type", "text/turtle");
  const uint64_t before = Quads();
  auto r = Send(port(), put);
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(Quads(), before);
  put.method = http::verb::post;
  r = Send(port(), put);
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(Quads(), before);
}

// A shape whose SPARQL constraint would run for hours: the commit that validates it is stopped
// by the request's time limit (503, the limit named), in a real `sextant serve` process.
TEST(ShaclServeTest, SlowShapeStopsAtTheRequestTimeLimit) {
  TempDir dir;
  const std::string path = dir.Sub("db");
  {
    auto db = Database::Open(path);
    ASSERT_OK(db);
    std::string data;
    for (int i = 0; i < 300; ++i) {
      data += "<http://example.org/n" + std::to_string(i) + "> <http://example.org/v> " +
              std::to_string(i) + " .\n";
    }
    LoadOptions o;
    o.format = RdfFormat::kTurtle;
    ASSERT_OK((*db)->LoadString(data, o));
  }
  std::string printed;
  auto server = ServeProcess::Start(path, {"--timeout-ms", "300"}, {}, {}, {}, &printed);
  ASSERT_NE(server, nullptr) << printed;
  const std::string shape =
      "<http://example.org/S> a <http://www.w3.org/ns/shacl#NodeShape> ; "
      "<http://www.w3.org/ns/shacl#targetNode> <http://example.org/n0> ; "
      "<http://www.w3.org/ns/shacl#sparql> [ <http://www.w3.org/ns/shacl#select> \"\"\""
      "SELECT $this WHERE { ?a <http://example.org/v> ?x . ?b <http://example.org/v> ?y . "
      "?c <http://example.org/v> ?z . ?d <http://example.org/v> ?w "
      "FILTER(?x + ?y + ?z + ?w < 0) }\"\"\" ] .";
  const std::string shapes_in_store = "ASK { GRAPH <urn:sextant:shapes> { ?s ?p ?o } }";

  auto r = Post(server->port(), "/sparql", "application/sparql-update",
                "INSERT DATA { GRAPH <urn:sextant:shapes> { " + shape + " } }");
  EXPECT_EQ(r.status, 503) << r.body << r.error;
  EXPECT_NE(r.body.find("enforced shapes"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("--timeout-ms"), std::string::npos) << r.body;

  HttpRequest put;
  put.method = http::verb::put;
  put.target = "/rdf-graphs/service?graph=" + UrlEncode("urn:sextant:shapes");
  put.body = shape;
  put.headers.emplace_back("Content-Type", "text/turtle");
  r = Send(server->port(), put);
  EXPECT_EQ(r.status, 503) << r.body << r.error;
  EXPECT_NE(r.body.find("--timeout-ms"), std::string::npos) << r.body;

  auto q = Get(server->port(), "/sparql?query=" + UrlEncode(shapes_in_store),
               "application/sparql-results+json");
  EXPECT_EQ(q.status, 200) << q.body;
  EXPECT_NE(q.body.find("false"), std::string::npos) << "nothing was committed: " << q.body;
  auto count =
      Get(server->port(), "/sparql?query=" + UrlEncode("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"),
          "text/csv");
  EXPECT_EQ(count.body, "n\r\n300\r\n");
}

}  // namespace
}  // namespace sextant::testing
