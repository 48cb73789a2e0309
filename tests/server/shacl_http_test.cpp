// Enforced shapes over HTTP: a SPARQL update or Graph Store request whose result would violate
// them gets 409 Conflict with the report as the body, and changes nothing.
#include <gtest/gtest.h>

#include "server_fixture.h"

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

}  // namespace
}  // namespace sextant::testing
