// W3C SPARQL 1.1 Update evaluation tests: load the before-state (default graph and named
// graphs), run the request, and compare every graph of the store with the expected state.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "rdf/isomorphism.h"
#include "rdf/parser.h"
#include "sextant/database.h"
#include "sextant/rdf_format.h"
#include "w3c.h"

namespace sextant::w3c {
namespace {

constexpr const char* kUt = "http://www.w3.org/2009/sparql/tests/test-update#";
constexpr const char* kRdfs = "http://www.w3.org/2000/01/rdf-schema#";

std::string Strip(const std::string& nt) {
  if (nt.size() >= 2 && nt.front() == '<') return nt.substr(1, nt.size() - 2);
  if (nt.size() >= 2 && nt.front() == '"') return nt.substr(1, nt.rfind('"') - 1);
  return nt;
}

// The graphs of a state node (mf:action or mf:result): (graph name or default, file IRI).
std::vector<std::pair<std::optional<std::string>, std::string>> StateFiles(
    const TestCase& tc, const std::string& node) {
  std::vector<std::pair<std::optional<std::string>, std::string>> out;
  for (const auto& d : tc.objects(node, std::string(kUt) + "data"))
    out.emplace_back(std::nullopt, Strip(d));
  for (const auto& gd : tc.objects(node, std::string(kUt) + "graphData")) {
    const auto file = tc.objects(gd, std::string(kUt) + "graph");
    const auto label = tc.objects(gd, std::string(kRdfs) + "label");
    if (file.empty()) continue;
    out.emplace_back(label.empty() ? Strip(file[0]) : Strip(label[0]), Strip(file[0]));
  }
  return out;
}

Result<std::vector<Quad>> ReadState(const TestCase& tc, const std::string& node) {
  std::vector<Quad> out;
  for (const auto& [graph, iri] : StateFiles(tc, node)) {
    rdf::ParseOptions po;
    // Turtle, or TriG (SPARQL 1.2's states), whose graphs stay where the file puts them.
    po.format = RdfFormatFromPath(iri).value_or(RdfFormat::kTurtle);
    po.base_iri = iri;
    auto quads = rdf::ParseFileToQuads(tc.local_path(iri), po);
    if (!quads.ok()) return quads.status();
    for (auto& q : *quads) {
      if (graph) q.graph = Term::Iri(*graph);
      out.push_back(std::move(q));
    }
  }
  return out;
}

Outcome UpdateEvaluation(const TestCase& tc) {
  const std::string test = "<" + tc.iri + ">";
  const auto actions = tc.objects(test, std::string(kMf) + "action");
  const auto results = tc.objects(test, std::string(kMf) + "result");
  if (actions.empty() || results.empty()) return {false, "no mf:action or mf:result"};
  const auto requests = tc.objects(actions[0], std::string(kUt) + "request");
  if (requests.empty()) return {false, "no ut:request"};
  const std::string request_iri = Strip(requests[0]);

  static int counter = 0;
  const auto dir =
      std::filesystem::temp_directory_path() /
      ("sextant-w3c-update-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  Outcome outcome{true, {}};
  {
    auto db = Database::Open(dir.string());
    if (!db.ok()) return {false, db.status().ToString()};
    auto before = ReadState(tc, actions[0]);
    if (!before.ok()) return {false, "reading before-state: " + before.status().ToString()};
    if (!before->empty()) {
      auto txn = (*db)->BeginTransaction();
      for (const auto& q : *before) {
        if (Status s = (*txn)->Insert(q); !s.ok()) return {false, s.ToString()};
      }
      if (Status s = (*txn)->Commit(); !s.ok()) return {false, s.ToString()};
    }
    QueryOptions options;
    options.base_iri = request_iri;
    // The suites assume SPARQL's own default dataset: ut:data alone is the default graph.
    options.default_graph = DefaultGraph::kStandard;
    auto r = (*db)->Update(ReadAll(tc.local_path(request_iri)), options);
    const auto success = tc.objects(results[0], std::string(kUt) + "success");
    const bool expect_failure = !success.empty() && success[0].find("false") != std::string::npos;
    if (!r.ok() && !expect_failure) {
      outcome = {false, "update failed: " + r.status().ToString()};
    } else if (r.ok() && expect_failure) {
      outcome = {false, "update succeeded but the test expects failure"};
    } else {
      auto expected = ReadState(tc, results[0]);
      if (!expected.ok()) return {false, "reading expected state: " + expected.status().ToString()};
      std::vector<Quad> got;
      for (auto it = (*db)->Match({}); it->Valid(); it->Next()) got.push_back(it->quad());
      std::string why;
      if (!rdf::Isomorphic(*expected, got, &why))
        outcome = {false, "store differs from the expected state: " + why};
    }
  }
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  return outcome;
}

[[maybe_unused]] const bool kUpdateRegistered =
    RegisterTestType(std::string(kMf) + "UpdateEvaluationTest", UpdateEvaluation);

}  // namespace
}  // namespace sextant::w3c
