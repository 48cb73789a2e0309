// The Graph Store HTTP Protocol: GET, HEAD, PUT, POST, DELETE of named and default graphs.
#include <gtest/gtest.h>

#include "server_fixture.h"

namespace sextant::testing {
namespace {

namespace http = boost::beast::http;

class GraphStoreTest : public ServerTest {
 protected:
  void SetUp() override { StartServer(); }

  HttpReply Call(http::verb method, const std::string& target, const std::string& content_type = {},
                 const std::string& body = {}, const std::string& accept = {}) {
    HttpRequest r;
    r.method = method;
    r.target = target;
    r.body = body;
    if (!content_type.empty()) r.headers.emplace_back("Content-Type", content_type);
    if (!accept.empty()) r.headers.emplace_back("Accept", accept);
    return Send(port(), r);
  }
  static std::string Graph(const std::string& iri) {
    return "/rdf-graphs/service?graph=" + UrlEncode(iri);
  }
  uint64_t Count(const std::optional<Term>& graph) {
    QuadPattern p;
    p.graph = graph;
    auto n = db().Count(p);
    return n.ok() ? *n : ~0ull;
  }
};

TEST_F(GraphStoreTest, PutGetPostDeleteRoundTrip) {
  const std::string g = "http://example.org/people";
  auto put = Call(http::verb::put, Graph(g), "text/turtle",
                  "@prefix ex: <http://example.org/> . ex:a ex:name \"A\" . ex:b ex:name \"B\" .");
  ASSERT_EQ(put.status, 201) << put.body;
  EXPECT_EQ(Count(Term::Iri(g)), 2u);

  auto get = Call(http::verb::get, Graph(g), {}, {}, "application/n-triples");
  ASSERT_EQ(get.status, 200);
  EXPECT_EQ(get.ContentType(), "application/n-triples; charset=utf-8");
  EXPECT_NE(get.body.find("<http://example.org/a> <http://example.org/name> \"A\" ."),
            std::string::npos)
      << get.body;

  auto head = Call(http::verb::head, Graph(g));
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.ContentType(), "text/turtle; charset=utf-8");

  // PUT replaces: A and B go, C stays alone.
  auto replace = Call(http::verb::put, Graph(g), "application/n-triples",
                      "<http://example.org/c> <http://example.org/name> \"C\" .\n");
  EXPECT_EQ(replace.status, 204) << replace.body;
  EXPECT_EQ(Count(Term::Iri(g)), 1u);

  // POST merges.
  auto post = Call(http::verb::post, Graph(g), "text/turtle",
                   "<http://example.org/d> <http://example.org/name> \"D\" .");
  EXPECT_EQ(post.status, 204) << post.body;
  EXPECT_EQ(Count(Term::Iri(g)), 2u);

  auto del = Call(http::verb::delete_, Graph(g));
  EXPECT_EQ(del.status, 204);
  EXPECT_EQ(Count(Term::Iri(g)), 0u);
  EXPECT_EQ(Call(http::verb::get, Graph(g)).status, 404);
  EXPECT_EQ(Call(http::verb::delete_, Graph(g)).status, 404);
  EXPECT_EQ(Call(http::verb::head, Graph(g)).status, 404);
}

TEST_F(GraphStoreTest, DefaultGraph) {
  Load(
      "<http://example.org/x> <http://example.org/p> 1 . <http://example.org/g> { "
      "<http://example.org/y> <http://example.org/p> 2 . }");
  auto put = Call(http::verb::put, "/rdf-graphs/service?default", "application/n-triples",
                  "<http://example.org/z> <http://example.org/p> \"3\" .\n");
  EXPECT_EQ(put.status, 204) << put.body;
  EXPECT_EQ(Count(Term::DefaultGraph()), 1u);
  EXPECT_EQ(Count(Term::Iri("http://example.org/g")), 1u) << "named graphs are untouched";
  auto get =
      Call(http::verb::get, "/rdf-graphs/service?graph=default", {}, {}, "application/n-triples");
  EXPECT_EQ(get.body, "<http://example.org/z> <http://example.org/p> \"3\" .\n");
  EXPECT_EQ(Call(http::verb::delete_, "/rdf-graphs/service?default").status, 204);
  EXPECT_EQ(Count(Term::DefaultGraph()), 0u);
  EXPECT_EQ(Call(http::verb::get, "/rdf-graphs/service?default").status, 200)
      << "the default graph always exists";
}

TEST_F(GraphStoreTest, QuadFormatBodyAndOutput) {
  const std::string g = "http://example.org/q";
  auto put = Call(http::verb::put, Graph(g), "application/n-quads",
                  "<http://example.org/s> <http://example.org/p> <http://example.org/o> .\n");
  ASSERT_EQ(put.status, 201) << put.body;
  auto get = Call(http::verb::get, Graph(g), {}, {}, "application/n-quads");
  EXPECT_EQ(get.body,
            "<http://example.org/s> <http://example.org/p> <http://example.org/o> "
            "<http://example.org/q> .\n");
}

// PUT ?graph=urn:t4 with a body naming another graph answered 201 "created <urn:t4>" and wrote
// into the other graph.
TEST_F(GraphStoreTest, QuadsNamingAnotherGraphAreRefused) {
  const std::string other = "http://example.org/world";
  ASSERT_EQ(Call(http::verb::put, Graph(other), "application/n-triples",
                 "<http://example.org/x> <http://example.org/p> \"kept\" .\n")
                .status,
            201);
  const std::string body =
      "<http://example.org/s> <http://example.org/p> \"in t4\" .\n"
      "<http://example.org/s> <http://example.org/p> \"smuggled\" <" +
      other + "> .\n";
  for (const http::verb method : {http::verb::put, http::verb::post}) {
    auto r = Call(method, Graph("urn:t4"), "application/n-quads", body);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_NE(r.body.find(other), std::string::npos) << r.body;
  }
  EXPECT_EQ(Count(Term::Iri("urn:t4")), 0u) << "nothing of a refused request is written";
  EXPECT_EQ(Count(Term::Iri(other)), 1u);
  EXPECT_EQ(Call(http::verb::get, Graph("urn:t4")).status, 404);
  // Quads naming the target graph itself are fine.
  auto same = Call(http::verb::put, Graph("urn:t4"), "application/n-quads",
                   "<http://example.org/s> <http://example.org/p> \"x\" <urn:t4> .\n");
  EXPECT_EQ(same.status, 201) << same.body;
  EXPECT_EQ(Count(Term::Iri("urn:t4")), 1u);
}

// Graph names from ?graph= were stored unchecked, so `sextant load` refused the dump.
TEST_F(GraphStoreTest, GraphNamesNoDumpCouldWriteBackAreRefused) {
  for (const std::string bad : {"../../etc/passwd", "urn:x> <urn:inj", "rel/ative", "urn:a b"}) {
    auto r = Call(http::verb::put, Graph(bad), "application/n-triples",
                  "<http://example.org/s> <http://example.org/p> \"x\" .\n");
    EXPECT_EQ(r.status, 400) << bad << ": " << r.body;
  }
  EXPECT_EQ(Count(std::nullopt), 0u);
}

TEST_F(GraphStoreTest, RdfXmlBodyAndOutput) {
  const std::string g = "http://example.org/x";
  auto put = Call(http::verb::put, Graph(g), "application/rdf+xml",
                  "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                  "xmlns:ex=\"http://example.org/\"><ex:T rdf:about=\"http://example.org/s\">"
                  "<ex:p>v</ex:p></ex:T></rdf:RDF>");
  ASSERT_EQ(put.status, 201) << put.body;
  EXPECT_EQ(Count(Term::Iri(g)), 2u);
  auto get = Call(http::verb::get, Graph(g), {}, {}, "application/rdf+xml");
  EXPECT_EQ(get.status, 200);
  EXPECT_EQ(get.ContentType(), "application/rdf+xml; charset=utf-8");
  EXPECT_NE(get.body.find("<rdf:Description rdf:about=\"http://example.org/s\">"),
            std::string::npos)
      << get.body;
}

TEST_F(GraphStoreTest, JsonLdBodyAndOutput) {
  const std::string g = "http://example.org/j";
  auto put = Call(http::verb::put, Graph(g), "application/ld+json",
                  "{\"@context\": {\"ex\": \"http://example.org/\"},\n"
                  " \"@id\": \"ex:s\", \"@type\": \"ex:T\", \"ex:p\": \"v\"}");
  ASSERT_EQ(put.status, 201) << put.body;
  EXPECT_EQ(Count(Term::Iri(g)), 2u);
  auto get = Call(http::verb::get, Graph(g), {}, {}, "application/ld+json");
  EXPECT_EQ(get.status, 200);
  EXPECT_EQ(get.ContentType(), "application/ld+json; charset=utf-8");
  EXPECT_NE(get.body.find("{\"@id\":\"http://example.org/s\",\"@type\":\"http://example.org/T\","
                          "\"http://example.org/p\":\"v\"}"),
            std::string::npos)
      << get.body;
  // No network and no server files: a context named by URL is refused, naming the URL and the
  // place of the error; nothing of the body is kept.
  auto remote = Call(http::verb::put, Graph("http://example.org/r"), "application/ld+json",
                     "{\"@context\": \"https://schema.org/\",\n \"@id\": \"http://e/s\"}");
  EXPECT_EQ(remote.status, 400);
  EXPECT_NE(remote.body.find("https://schema.org/ is not mapped to a local file"),
            std::string::npos)
      << remote.body;
  auto file = Call(http::verb::put, Graph("http://example.org/r"), "application/ld+json",
                   "{\"@context\": \"file:///etc/passwd\", \"@id\": \"http://e/s\"}");
  EXPECT_EQ(file.status, 400);
  EXPECT_NE(file.body.find("cannot be read here"), std::string::npos) << file.body;
  auto syntax = Call(http::verb::put, Graph("http://example.org/r"), "application/ld+json",
                     "[{\"@id\": \"http://e/s\",\n  \"http://e/p\" 1}]");
  EXPECT_EQ(syntax.status, 400);
  EXPECT_NE(syntax.body.find(":2:16: JSON: "), std::string::npos) << syntax.body;
  EXPECT_EQ(Count(Term::Iri("http://example.org/r")), 0u);
}

TEST_F(GraphStoreTest, DirectIdentificationAndCreationByPost) {
  auto created = Call(http::verb::post, "/rdf-graphs/service", "text/turtle",
                      "<http://example.org/s> <http://example.org/p> 1 .");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string location = created.Header(http::field::location);
  const std::string base = "http://127.0.0.1:" + std::to_string(port());
  ASSERT_EQ(location.rfind(base + "/rdf-graphs/", 0), 0u) << location;
  auto get = Call(http::verb::get, location.substr(base.size()), {}, {}, "application/n-triples");
  EXPECT_EQ(get.status, 200);
  EXPECT_EQ(get.body,
            "<http://example.org/s> <http://example.org/p> "
            "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n");
  EXPECT_EQ(Count(Term::Iri(location)), 1u);
}

TEST_F(GraphStoreTest, BadRequests) {
  EXPECT_EQ(Call(http::verb::get, "/rdf-graphs/service").status, 400);
  EXPECT_EQ(Call(http::verb::put, Graph("http://example.org/g"), "image/png", "x").status, 415);
  auto bad_xml =
      Call(http::verb::put, Graph("http://example.org/g"), "application/rdf+xml", "<rdf:RDF/>");
  EXPECT_EQ(bad_xml.status, 400);
  EXPECT_NE(bad_xml.body.find(":1:1: XML error: unbound prefix"), std::string::npos)
      << bad_xml.body;
  auto bad = Call(http::verb::put, Graph("http://example.org/g"), "text/turtle", "<a> <b> .");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find(":1:"), std::string::npos) << bad.body;
  EXPECT_EQ(Count(Term::Iri("http://example.org/g")), 0u) << "a failed PUT changes nothing";
  EXPECT_EQ(Call(http::verb::get, Graph("http://example.org/none")).status, 404);
  EXPECT_EQ(Call(http::verb::patch, Graph("http://example.org/g")).status, 405);
  Load("<http://example.org/g> { <http://example.org/s> <http://example.org/p> 1 . }");
  EXPECT_EQ(Call(http::verb::get, Graph("http://example.org/g"), {}, {}, "image/png").status, 406);
}

}  // namespace
}  // namespace sextant::testing
