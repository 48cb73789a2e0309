// W3C SPARQL 1.1 query evaluation tests: load the test's data into a fresh store, run the
// query, compare with the expected results (multisets, blank nodes up to renaming, order only
// when the query sorts; graphs by isomorphism for CONSTRUCT/DESCRIBE).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "grammar/parse.h"
#include "rdf/isomorphism.h"
#include "rdf/parser.h"
#include "sextant/database.h"
#include "sextant/result_writer.h"
#include "testutil/result_set.h"
#include "testutil/serve_process.h"
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
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// Loads the file of data IRI `iri` into `graph`.
Status LoadInto(Database& db, const TestCase& tc, const std::string& iri,
                std::optional<Term> graph) {
  const std::string path = tc.local_path(iri);
  if (!std::filesystem::exists(path)) return Status::NotFound("no local file for <" + iri + ">");
  LoadOptions lo;
  lo.base_iri = iri;
  lo.graph = std::move(graph);
  const auto format = RdfFormatFromPath(path);
  if (!format) return Status::Unsupported("data format of " + path);
  lo.format = format;
  return db.LoadFile(path, lo).status();
}

// A test's store, loaded with its dataset, and its query running on it.
struct QueryRun {
  ScratchDir dir;
  // qt:serviceData: one `sextant serve` per endpoint of the test, on its own data.
  std::vector<std::unique_ptr<ScratchDir>> endpoint_dirs;
  std::vector<std::unique_ptr<testing::ServeProcess>> endpoints;
  std::map<std::string, std::string> endpoint_aliases;  // endpoint IRI -> local URL
  std::unique_ptr<Database> db;
  std::unique_ptr<QueryCursor> cursor;
  std::string query_text;
  bool reduced = false;
};

// Starts a server for each qt:serviceData of the action (qt:endpoint, qt:data) on a port of
// its own; every server reaches the others (a SERVICE inside a SERVICE) through aliases of
// their endpoint IRIs, as the query does. "" or why not.
std::string StartEndpoints(const TestCase& tc, const std::string& action, QueryRun* run) {
  struct Endpoint {
    std::string iri, data;
    uint16_t port;
  };
  std::vector<Endpoint> endpoints;
  for (const auto& node : tc.objects(action, std::string(kQt) + "serviceData")) {
    const auto iri = tc.objects(node, std::string(kQt) + "endpoint");
    const auto data = tc.objects(node, std::string(kQt) + "data");
    if (iri.empty() || data.empty()) return "a qt:serviceData without qt:endpoint or qt:data";
    endpoints.push_back(
        {StripBrackets(iri[0]), StripBrackets(data[0]), testing::FreeLoopbackPort()});
  }
  if (endpoints.empty()) return {};
  std::vector<std::string> args = {"--read-only", "--service-allow", "http://"};
  for (const auto& e : endpoints) {
    const std::string url = "http://127.0.0.1:" + std::to_string(e.port) + "/sparql";
    run->endpoint_aliases[e.iri] = url;
    args.push_back("--service-alias");
    args.push_back(e.iri + "=" + url);
  }
  for (const auto& e : endpoints) {
    run->endpoint_dirs.push_back(std::make_unique<ScratchDir>());
    const std::string db_path = run->endpoint_dirs.back()->path();
    {
      auto db = Database::Open(db_path);
      if (!db.ok()) return db.status().ToString();
      if (Status s = LoadInto(**db, tc, e.data, std::nullopt); !s.ok()) {
        return "loading endpoint data: " + s.ToString();
      }
    }
    std::vector<std::string> endpoint_args = args;
    endpoint_args.insert(endpoint_args.end(), {"--port", std::to_string(e.port)});
    std::string printed;
    auto endpoint = testing::ServeProcess::Start(db_path, endpoint_args, {}, {}, {}, &printed);
    if (endpoint == nullptr) return "cannot start an endpoint for <" + e.iri + ">: " + printed;
    run->endpoints.push_back(std::move(endpoint));
  }
  return {};
}

// Loads the dataset of the test's mf:action (qt:data into the default graph, qt:graphData and
// the query's FROM / FROM NAMED files into named graphs) and starts its query; "" or why not.
std::string StartQuery(const TestCase& tc, QueryRun* run) {
  const auto actions = tc.objects("<" + tc.iri + ">", std::string(kMf) + "action");
  if (actions.empty()) return "no mf:action";
  const auto queries = tc.objects(actions[0], std::string(kQt) + "query");
  if (queries.empty()) return "no qt:query";
  const std::string query_iri = StripBrackets(queries[0]);
  run->query_text = ReadAll(tc.local_path(query_iri));

  // The query's FROM / FROM NAMED graphs, which tests without qt:data or qt:graphData name
  // (the dataset comes from the query).
  ParseOptions po;
  po.base_iri = query_iri;
  auto parsed = Parse(run->query_text, po);
  if (!parsed.ok()) return "query failed: " + parsed.status().ToString();
  run->reduced = parsed->is_query() && parsed->query().reduced;

  if (std::string why = StartEndpoints(tc, actions[0], run); !why.empty()) return why;
  auto db = Database::Open(run->dir.path());
  if (!db.ok()) return db.status().ToString();
  run->db = std::move(*db);
  for (const auto& d : tc.objects(actions[0], std::string(kQt) + "data")) {
    if (Status s = LoadInto(*run->db, tc, StripBrackets(d), std::nullopt); !s.ok()) {
      return "loading data: " + s.ToString();
    }
  }
  std::set<std::string> graphs;
  for (const auto& g : tc.objects(actions[0], std::string(kQt) + "graphData")) {
    graphs.insert(StripBrackets(g));
  }
  if (parsed->is_query()) {
    // A FROM IRI without a file of the suite names a graph the dataset lacks: it stays empty.
    for (const auto* list : {&parsed->query().from, &parsed->query().from_named}) {
      for (const auto& g : *list) {
        if (std::filesystem::exists(tc.local_path(g))) graphs.insert(g);
      }
    }
  }
  for (const auto& g : graphs) {
    if (Status s = LoadInto(*run->db, tc, g, Term::Iri(g)); !s.ok()) {
      return "loading graph data: " + s.ToString();
    }
  }
  QueryOptions options;
  options.base_iri = query_iri;
  options.timeout = std::chrono::milliseconds(20000);
  // The suites assume SPARQL's own default dataset: qt:data alone is the default graph.
  options.default_graph = DefaultGraph::kStandard;
  options.service.endpoint_aliases = run->endpoint_aliases;
  options.service.request_timeout = std::chrono::milliseconds(5000);
  auto cursor = run->db->Query(run->query_text, options);
  if (!cursor.ok()) return "query failed: " + cursor.status().ToString();
  run->cursor = std::move(*cursor);
  return {};
}

Outcome QueryEvaluation(const TestCase& tc) {
  QueryRun run;
  if (std::string why = StartQuery(tc, &run); !why.empty()) return Fail(why);
  QueryCursor& c = *run.cursor;

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
  std::string why;
  const auto cardinality = tc.objects("<" + tc.iri + ">", std::string(kMf) + "resultCardinality");
  const bool lax = run.reduced || (!cardinality.empty() &&
                                   cardinality[0] == "<" + std::string(kMf) + "LaxCardinality>");
  if (lax) {
    if (!SameResultsLax(*expected, *actual, &why)) return Fail(why);
    return {true, {}};
  }
  if (!SameResults(*expected, *actual, QuerySorts(run.query_text), &why)) return Fail(why);
  return {true, {}};
}

// The lines of a CSV text without line ends, blank node labels masked (a CSV result says no
// more about a blank node than that it is one), the header first and the rows sorted.
std::vector<std::string> CsvLines(const std::string& text) {
  static const std::regex kBlank("(^|,)_:[^,]*");
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::regex_replace(line, kBlank, "$1_:"));
  }
  if (!lines.empty()) std::sort(lines.begin() + 1, lines.end());
  return lines;
}

// SPARQL 1.1 Query Results CSV: our CSV writer's output for the query against the expected file.
Outcome CsvResultFormat(const TestCase& tc) {
  QueryRun run;
  if (std::string why = StartQuery(tc, &run); !why.empty()) return Fail(why);
  std::ostringstream out;
  auto writer = MakeResultWriter(ResultFormat::kCsv, out);
  if (Status s = WriteResults(*run.cursor, *writer); !s.ok()) return Fail(s.ToString());
  const auto expected = CsvLines(ReadAll(tc.result_path));
  const auto actual = CsvLines(out.str());
  if (expected.empty()) return Fail("cannot read " + tc.result_path);
  if (expected != actual) {
    return Fail("CSV differs\n expected:\n" + ReadAll(tc.result_path) + " got:\n" + out.str());
  }
  return {true, {}};
}

[[maybe_unused]] const bool kEvalRegistered =
    RegisterTestType(std::string(kMf) + "QueryEvaluationTest", QueryEvaluation);
[[maybe_unused]] const bool kCsvRegistered =
    RegisterTestType(std::string(kMf) + "CSVResultFormatTest", CsvResultFormat);

}  // namespace
}  // namespace sextant::w3c
