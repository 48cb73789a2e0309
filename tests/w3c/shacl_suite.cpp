// W3C SHACL tests (sht:Validate): load the data graph into a fresh store, validate it against
// the shapes graph, and compare the validation report with the expected one by graph
// isomorphism (the test suite's "full compliance"): the expected report is the mf:result node
// with everything its blank nodes lead to, ours the same from the report we write; both without
// sh:resultMessage, whose wording is free. sht:Failure expects validation to fail.
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "rdf/isomorphism.h"
#include "rdf/parser.h"
#include "sextant/database.h"
#include "w3c.h"

namespace sextant::w3c {
namespace {

constexpr const char* kSht = "http://www.w3.org/ns/shacl-test#";
constexpr const char* kSh = "http://www.w3.org/ns/shacl#";

std::string Unbracket(const std::string& nt) {
  return nt.size() >= 2 && nt.front() == '<' ? nt.substr(1, nt.size() - 2) : nt;
}

class ShaclScratch {
 public:
  ShaclScratch() {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("sextant-shacl-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
  }
  ~ShaclScratch() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// Triples by subject, for following blank nodes.
class Described {
 public:
  void Add(const Quad& q) { by_subject_[q.subject].push_back(q); }
  // `root`'s triples and, recursively, those of the blank nodes they reach, minus
  // sh:resultMessage. `more` describes blank nodes this graph does not (data nodes).
  std::vector<Quad> Closure(const Term& root,
                            const std::function<std::vector<Quad>(const Term&)>& more) const {
    std::vector<Quad> out;
    std::vector<Term> todo{root};
    std::set<Term> seen;
    while (!todo.empty()) {
      Term n = todo.back();
      todo.pop_back();
      if (!seen.insert(n).second) continue;
      auto it = by_subject_.find(n);
      std::vector<Quad> triples = it != by_subject_.end() ? it->second : more(n);
      for (Quad& q : triples) {
        if (q.predicate.value() == std::string(kSh) + "resultMessage") continue;
        if (q.object.is_blank()) todo.push_back(q.object);
        q.graph = Term::DefaultGraph();
        out.push_back(std::move(q));
      }
    }
    return out;
  }

 private:
  std::map<Term, std::vector<Quad>> by_subject_;
};

Outcome Validate(const TestCase& tc) {
  const auto actions = tc.objects(tc.iri, std::string(kMf) + "action");
  const auto results = tc.objects(tc.iri, std::string(kMf) + "result");
  if (actions.empty() || results.empty()) return Fail("test without mf:action or mf:result");
  const auto data = tc.objects(actions[0], std::string(kSht) + "dataGraph");
  const auto shapes = tc.objects(actions[0], std::string(kSht) + "shapesGraph");
  if (data.empty() || shapes.empty()) return Fail("action without sht:dataGraph/sht:shapesGraph");
  const std::string data_iri = Unbracket(data[0]);
  const std::string shapes_iri = Unbracket(shapes[0]);
  const std::string data_path = tc.local_path(data_iri);
  const std::string shapes_path = tc.local_path(shapes_iri);

  ShaclScratch dir;
  auto db = Database::Open(dir.path());
  if (!db.ok()) return Fail("open: " + db.status().ToString());
  LoadOptions lo;
  lo.base_iri = data_iri;
  lo.format = RdfFormat::kTurtle;
  if (auto loaded = (*db)->LoadFile(data_path, lo); !loaded.ok()) {
    return Fail("loading the data graph: " + loaded.status().ToString());
  }
  ValidateOptions options;
  options.source_name = shapes_path;
  options.base_iri = shapes_iri;
  auto report = (*db)->Validate(ReadAll(shapes_path), options);

  if (results[0] == std::string("<") + kSht + "Failure>") {
    if (report.ok()) return Fail("validation was expected to fail, but it succeeded");
    return {true, ""};
  }
  if (!report.ok()) return Fail("validation failed: " + report.status().ToString());

  // Ours: the report written as N-Triples and read back.
  std::ostringstream nt;
  if (Status s = WriteValidationReport(*report, nt, RdfFormat::kNTriples); !s.ok()) {
    return Fail("writing the report: " + s.ToString());
  }
  rdf::ParseOptions po;
  po.format = RdfFormat::kNTriples;
  auto ours = rdf::ParseStringToQuads(nt.str(), po);
  if (!ours.ok()) return Fail("reading our report back: " + ours.status().ToString());
  Described actual;
  for (const Quad& q : *ours) actual.Add(q);
  auto from_store = [&](const Term& node) {
    std::vector<Quad> out;
    if (!node.is_blank()) return out;
    QuadPattern p;
    p.subject = node;
    for (auto it = (*db)->Match(p); it->Valid(); it->Next()) out.push_back(it->quad());
    return out;
  };
  const std::vector<Quad> got = actual.Closure(Term::Blank("report"), from_store);

  // Expected: the mf:result node of the manifest.
  rdf::ParseOptions mo;
  mo.format = RdfFormat::kTurtle;
  mo.base_iri = "file://" + std::filesystem::weakly_canonical(tc.manifest_path).string();
  auto manifest = rdf::ParseFileToQuads(tc.manifest_path, mo);
  if (!manifest.ok()) return Fail("reading the manifest: " + manifest.status().ToString());
  Described expected_graph;
  for (const Quad& q : *manifest) expected_graph.Add(q);
  std::optional<Term> result_node;
  for (const Quad& q : *manifest) {
    if (q.subject == Term::Iri(tc.iri) && q.predicate.value() == std::string(kMf) + "result") {
      result_node = q.object;
    }
  }
  if (!result_node) return Fail("mf:result not found in the manifest");
  const std::vector<Quad> expected =
      expected_graph.Closure(*result_node, [](const Term&) { return std::vector<Quad>(); });

  std::string why;
  if (!rdf::Isomorphic(got, expected, &why)) {
    std::string detail = "report differs (" + why + "); ours:";
    for (const Quad& q : got) detail += " " + q.ToNQuads();
    return Fail(detail);
  }
  return {true, ""};
}

const bool kRegistered = RegisterTestType(std::string(kSht) + "Validate", Validate);

}  // namespace
}  // namespace sextant::w3c
