// Runs the W3C SPARQL 1.1 `protocol` and `graph-store-protocol` manifests: each test is an HTTP
// transcript (ht:Request / ht:Response in RDF). The manifests are read with our own engine
// (loaded into a scratch store and queried), the requests sent to a fresh server per test.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "rdf/isomorphism.h"
#include "rdf/parser.h"
#include "server_fixture.h"

namespace sextant::testing {
namespace {

namespace http = boost::beast::http;
namespace fs = std::filesystem;

using Row = std::map<std::string, std::string>;

constexpr const char* kPrefixes = R"(
PREFIX mf: <http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#>
PREFIX ht: <http://www.w3.org/2011/http#>
PREFIX cnt: <http://www.w3.org/2011/content#>
PREFIX ut: <http://www.w3.org/2009/sparql/tests/test-update#>
)";

// Each request of a test with its position in the ht:requests list (1-based).
constexpr const char* kRequestPositions = R"(
  { SELECT ?req (COUNT(?mid) AS ?pos) WHERE {
      <TEST> mf:action/ht:requests ?list . ?list rdf:rest* ?mid . ?mid rdf:rest* ?node . ?node rdf:first ?req .
    } GROUP BY ?req }
)";

// Cases that do not apply to Sextant, with the reason (also listed in server/README.md).
const std::map<std::string, std::string>& NotApplicable() {
  static const std::map<std::string, std::string> cases = {
      {"post_get_post_get_direct", "multipart/form-data bodies are not accepted (415)"},
      {"post_get_post_get_indirect", "multipart/form-data bodies are not accepted (415)"},
  };
  return cases;
}

std::vector<Row> Select(Database& db, const std::string& sparql) {
  std::vector<Row> rows;
  auto cursor = db.Query(std::string(kPrefixes) + sparql);
  EXPECT_TRUE(cursor.ok()) << cursor.status().ToString() << "\n" << sparql;
  if (!cursor.ok()) return rows;
  while ((*cursor)->Next()) {
    Row row;
    for (size_t i = 0; i < (*cursor)->variables().size(); ++i) {
      if ((*cursor)->row()[i]) row[(*cursor)->variables()[i]] = (*cursor)->row()[i]->value();
    }
    rows.push_back(std::move(row));
  }
  EXPECT_OK((*cursor)->status());
  return rows;
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

bool StatusMatches(const std::string& expected, int status) {
  static const std::map<std::string, int> exact = {
      {"OK", 200}, {"Created", 201}, {"NoContent", 204}, {"NotFound", 404}};
  const std::string name = expected.substr(expected.find('#') + 1);
  if (auto it = exact.find(name); it != exact.end()) return it->second == status;
  if (name.rfind("StatusCode", 0) == 0 && name.size() == 13) return status / 100 == name[10] - '0';
  ADD_FAILURE() << "unknown status " << expected;
  return false;
}

std::string MediaTypeOf(const std::string& content_type) {
  std::string t = content_type.substr(0, content_type.find(';'));
  while (!t.empty() && t.back() == ' ') t.pop_back();
  return t;
}

struct Manifest {
  fs::path file;
  std::string test_class;
  // Maps the transcripts' "/gsp" and "/sparql/" paths onto ours.
  std::vector<std::pair<std::string, std::string>> path_map;
};

class W3cManifestTest : public ServerTest {
 protected:
  // Runs every test of the manifest; returns the names that failed, with why.
  std::map<std::string, std::string> RunManifest(const Manifest& m) {
    TempDir scratch;
    std::map<std::string, std::string> failures;
    auto mdb = Database::Open(scratch.Sub("manifest"));
    EXPECT_TRUE(mdb.ok()) << mdb.status().ToString();
    if (!mdb.ok()) return failures;
    LoadOptions lo;
    EXPECT_OK((*mdb)->LoadFile(m.file.string(), lo));
    const auto tests =
        Select(**mdb, "SELECT ?t ?name WHERE { ?t a mf:" + m.test_class + " ; mf:name ?name }");
    EXPECT_FALSE(tests.empty()) << m.file;
    for (const Row& t : tests) {
      const std::string id = t.at("t").substr(t.at("t").find('#') + 1);
      std::string why = RunTest(**mdb, m, t.at("t"));
      ++ran_;
      if (!why.empty()) failures[id] = why;
    }
    return failures;
  }

  std::string RunTest(Database& mdb, const Manifest& m, const std::string& test) {
    // A fresh store and server per test: the transcripts assume nothing about earlier ones.
    StopServer();
    db_.reset();
    std::filesystem::remove_all(dir_.Sub("db"));
    StartServer();
    const std::string positions = Replace(kRequestPositions, "TEST", test);
    for (const Row& g : Select(mdb, "SELECT ?file ?name WHERE { <" + test +
                                        "> ut:graphData [ ut:graph ?file ; rdfs:label ?name ] }")) {
      LoadOptions o;
      o.graph = Term::Iri(g.at("name"));
      const std::string path = g.at("file").substr(std::string("file://").size());
      if (auto s = db().LoadFile(path, o); !s.ok())
        return "cannot load " + path + ": " + s.status().ToString();
    }
    const auto requests = Select(mdb, "SELECT ?pos ?method ?path ?chars ?enc WHERE {" + positions +
                                          " ?req ht:methodName ?method ; ht:absolutePath ?path ."
                                          " OPTIONAL { ?req ht:body ?b . ?b cnt:chars ?chars "
                                          "OPTIONAL { ?b cnt:characterEncoding ?enc } } }"
                                          " ORDER BY ?pos");
    const auto headers = Select(mdb, "SELECT ?pos ?name ?value WHERE {" + positions +
                                         " ?req ht:headers/rdf:rest*/rdf:first ?h . ?h "
                                         "ht:fieldName ?name ; ht:fieldValue ?value }");
    const auto statuses = Select(mdb, "SELECT ?pos ?status WHERE {" + positions +
                                          " ?req ht:resp/mf:expectedStatus ?status }");
    const auto expects =
        Select(mdb, "SELECT ?pos ?bool ?format ?location ?body ?ctype WHERE {" + positions +
                        " ?req ht:resp ?r . OPTIONAL { ?r mf:expectedBoolean ?bool }"
                        " OPTIONAL { ?r mf:expectedFormat ?format } OPTIONAL { ?r "
                        "mf:expectedLocation ?location }"
                        " OPTIONAL { ?r ht:body/cnt:chars ?body }"
                        " OPTIONAL { ?r ht:headers/rdf:rest*/rdf:first [ ht:fieldName "
                        "\"content-type\" ; ht:fieldValue ?ctype ] } }");
    if (requests.empty()) return "no requests found";
    std::map<std::string, std::string> vars;  // $LOCATION$ and friends
    for (const Row& rq : requests) {
      const std::string& pos = rq.at("pos");
      HttpRequest req;
      req.method = http::string_to_verb(rq.at("method"));
      std::string path = rq.at("path");
      for (const auto& [k, v] : vars) path = Replace(path, k, v);
      for (const auto& [from, to] : m.path_map) {
        if (path.rfind(from, 0) == 0) {
          path = to + path.substr(from.size());
          break;
        }
      }
      req.target = path;
      if (rq.count("chars")) {
        std::string body = rq.at("chars");
        for (const auto& [k, v] : vars) body = Replace(body, k, v);
        if (rq.count("enc") && rq.at("enc") == "UTF-16") {
          std::string wide;
          for (char c : body) wide += std::string{c, '\0'};
          body = wide;
        }
        req.body = body;
      }
      for (const Row& h : headers) {
        if (h.at("pos") == pos) req.headers.emplace_back(h.at("name"), h.at("value"));
      }
      const HttpReply reply = Send(port(), req);
      const std::string where = "request " + pos + " (" + rq.at("method") + " " + path + "): ";
      bool status_ok = false;
      std::string wanted;
      for (const Row& s : statuses) {
        if (s.at("pos") != pos) continue;
        wanted += " " + s.at("status").substr(s.at("status").find('#') + 1);
        status_ok = status_ok || StatusMatches(s.at("status"), reply.status);
      }
      if (!status_ok)
        return where + "status " + std::to_string(reply.status) + ", wanted" + wanted + "\n" +
               reply.body;
      for (const Row& e : expects) {
        if (e.at("pos") != pos) continue;
        const std::string type = MediaTypeOf(reply.ContentType());
        if (e.count("bool")) {
          const bool want = e.at("bool") == "true";
          if ((reply.body.find("true") != std::string::npos) != want)
            return where + "boolean is not " + e.at("bool");
        }
        if (e.count("format")) {
          static const std::map<std::string, std::set<std::string>> formats = {
              {"boolean", {"application/sparql-results+json", "application/sparql-results+xml"}},
              {"tabular",
               {"application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                "text/tab-separated-values"}},
              {"RDF", {"text/turtle", "application/n-triples", "application/rdf+xml"}}};
          const auto it = formats.find(e.at("format"));
          if (it == formats.end() || !it->second.count(type))
            return where + "content type " + type + " is not " + e.at("format");
        }
        if (e.count("ctype") && MediaTypeOf(e.at("ctype")) != type)
          return where + "content type " + type + ", wanted " + e.at("ctype");
        if (e.count("location")) {
          const std::string location = reply.Header(http::field::location);
          if (location.empty()) return where + "no Location header";
          vars[e.at("location")] = location;
        }
        if (e.count("body") && req.method != http::verb::head) {
          rdf::ParseOptions po;
          po.format = RdfFormat::kTurtle;
          auto want = rdf::ParseStringToQuads(e.at("body"), po);
          auto got = rdf::ParseStringToQuads(reply.body, po);
          if (!want.ok() || !got.ok()) return where + "unparsable body\n" + reply.body;
          std::string diff;
          if (!rdf::Isomorphic(*want, *got, &diff))
            return where + "graph differs: " + diff + "\n" + reply.body;
        }
      }
    }
    return {};
  }

  void Check(const Manifest& m) {
    const auto failures = RunManifest(m);
    for (const auto& [id, why] : failures) {
      if (NotApplicable().count(id)) continue;
      ADD_FAILURE() << id << ": " << why;
    }
    for (const auto& [id, why] : NotApplicable()) {
      if (failures.count(id)) std::cout << "[ not applicable ] " << id << ": " << why << "\n";
    }
    std::cout << ran_ << " tests ran, " << failures.size() << " did not pass\n";
  }

  int ran_ = 0;
};

TEST_F(W3cManifestTest, Protocol) {
  SEXTANT_REQUIRE_SHARED(shared);
  Check({shared / "w3c-rdf-tests/sparql/sparql11/protocol/manifest.ttl", "ProtocolTest", {}});
}

TEST_F(W3cManifestTest, GraphStoreIndirect) {
  SEXTANT_REQUIRE_SHARED(shared);
  Check({shared / "w3c-rdf-tests/sparql/sparql11/graph-store-protocol/manifest-indirect.ttl",
         "GraphStoreProtocolTest",
         {{"/gsp", "/rdf-graphs/service"}}});
}

TEST_F(W3cManifestTest, GraphStoreDirect) {
  SEXTANT_REQUIRE_SHARED(shared);
  Check({shared / "w3c-rdf-tests/sparql/sparql11/graph-store-protocol/manifest-direct.ttl",
         "GraphStoreProtocolTest",
         {{"/gsp/", "/rdf-graphs/"}}});
}

}  // namespace
}  // namespace sextant::testing
