// W3C SPARQL 1.1 query evaluation tests: load the test's data into a fresh store, run the
// query, compare with the expected results (multisets, blank nodes up to renaming, order only
// when the query sorts; graphs by isomorphism for CONSTRUCT/DESCRIBE).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "rdf/isomorphism.h"
#include "rdf/parser.h"
#include "sextant/database.h"
#include "testutil/result_set.h"
#include "w3c.h"

namespace sextant::w3c {
namespace {

constexpr const char* kQt = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";

std::string StripBrackets(const std::string& nt) {
  return nt.size() >= 2 && nt.front() == '<' ? nt.substr(1, nt.size() - 2) : nt;
}

// A scratch store directory, removed afterwards.
class ScratchDir {
 public:
  ScratchDir() {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("sextant-w3c-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
    std::filesystem::remove_all(path_.string() + "-x", ec);
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

Outcome Fail(std::string why) {
  return {false, std::move(why)};
}

// Sextant reads no RDF/XML; a few SPARQL test datasets are only given in it, so the runner
// converts them to N-Triples with raptor's `rapper` (a test-only dependency).
Result<std::string> ConvertRdfXml(const std::string& path, const std::string& base,
                                  const std::string& dir) {
  const std::string out = dir + "/converted.nt";
  const std::string cmd =
      "rapper -q -i rdfxml -o ntriples '" + path + "' '" + base + "' > '" + out + "' 2>/dev/null";
  if (std::system(cmd.c_str()) != 0)
    return Status::Unsupported("RDF/XML data needs `rapper` (Debian raptor2-utils): " + path);
  return out;
}

Status LoadInto(Database& db, const TestCase& tc, const std::string& iri_nt,
                std::optional<Term> graph, const std::string& scratch) {
  const std::string iri = StripBrackets(iri_nt);
  std::string path = tc.local_path(iri);
  LoadOptions lo;
  lo.base_iri = iri;
  lo.graph = std::move(graph);
  if (path.size() > 4 && path.substr(path.size() - 4) == ".rdf") {
    std::error_code ec;
    std::filesystem::create_directories(scratch, ec);
    auto converted = ConvertRdfXml(path, iri, scratch);
    if (!converted.ok()) return converted.status();
    path = *converted;
  }
  const auto format = RdfFormatFromPath(path);
  if (!format) return Status::Unsupported("data format of " + path);
  lo.format = format;
  return db.LoadFile(path, lo).status();
}

Outcome QueryEvaluation(const TestCase& tc) {
  const auto actions = tc.objects("<" + tc.iri + ">", std::string(kMf) + "action");
  if (actions.empty()) return Fail("no mf:action");
  const auto queries = tc.objects(actions[0], std::string(kQt) + "query");
  if (queries.empty()) return Fail("no qt:query");
  const std::string query_iri = StripBrackets(queries[0]);
  const std::string query_text = ReadAll(tc.local_path(query_iri));

  ScratchDir dir;
  auto db = Database::Open(dir.path());
  if (!db.ok()) return Fail(db.status().ToString());
  for (const auto& d : tc.objects(actions[0], std::string(kQt) + "data")) {
    if (Status s = LoadInto(**db, tc, d, std::nullopt, dir.path() + "-x"); !s.ok()) {
      return Fail("loading data: " + s.ToString());
    }
  }
  for (const auto& g : tc.objects(actions[0], std::string(kQt) + "graphData")) {
    if (Status s = LoadInto(**db, tc, g, Term::Iri(StripBrackets(g)), dir.path() + "-x"); !s.ok()) {
      return Fail("loading graph data: " + s.ToString());
    }
  }
  QueryOptions options;
  options.base_iri = query_iri;
  options.timeout = std::chrono::milliseconds(20000);
  auto cursor = (*db)->Query(query_text, options);
  if (!cursor.ok()) return Fail("query failed: " + cursor.status().ToString());
  QueryCursor& c = **cursor;

  if (c.form() == QueryForm::kConstruct || c.form() == QueryForm::kDescribe) {
    std::vector<Quad> got;
    while (c.Next()) got.push_back(c.triple());
    if (!c.status().ok()) return Fail(c.status().ToString());
    rdf::ParseOptions po;
    po.format = RdfFormatFromPath(tc.result_path).value_or(RdfFormat::kTurtle);
    auto expected = rdf::ParseFileToQuads(tc.result_path, po);
    if (!expected.ok()) return Fail("reading expected graph: " + expected.status().ToString());
    std::string why;
    if (!rdf::Isomorphic(*expected, got, &why)) return Fail("graphs differ: " + why);
    return {true, {}};
  }

  auto actual = Collect(c);
  if (!actual.ok()) return Fail(actual.status().ToString());
  auto expected = ReadResultFile(tc.result_path);
  if (!expected.ok()) return Fail(expected.status().ToString());
  const bool ordered = QuerySorts(query_text);
  std::string why;
  if (!SameResults(*expected, *actual, ordered, &why)) return Fail(why);
  return {true, {}};
}

[[maybe_unused]] const bool kEvalRegistered =
    RegisterTestType(std::string(kMf) + "QueryEvaluationTest", QueryEvaluation);

}  // namespace
}  // namespace sextant::w3c
