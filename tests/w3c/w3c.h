// The W3C conformance runner's extension point: each suite registers a handler per test type
// (the rdf:type IRI of the manifest entry); main.cpp reads manifests and dispatches to them.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace sextant::w3c {

inline constexpr const char* kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr const char* kMf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";

// The whole file at `path` ("" when it cannot be read).
std::string ReadAll(const std::string& path);

struct TestCase {
  std::string iri;            // the test's IRI
  std::string type;           // full rdf:type IRI, e.g. ...rdf-tests/vocab#TestTurtleEval
  std::string name;           // mf:name
  std::string manifest_path;  // local path of the manifest that lists it
  std::string action_iri;     // mf:action when it is an IRI
  std::string action_path;    // local file for action_iri ("" when the action is a node)
  std::string result_path;    // local file for mf:result ("" when none)
  // Generic access to the manifest graph for suites with structured actions (qt:query, ...):
  // objects of (subject, predicate), as N-Triples-formatted terms. Subject is the test IRI or
  // a node returned by an earlier call. Local files for IRIs come from LocalPath().
  std::function<std::vector<std::string>(const std::string& subject, const std::string& predicate)>
      objects;
  std::function<std::string(const std::string& iri)> local_path;
};

struct Outcome {
  bool passed = false;
  std::string reason;  // why it failed
};

// A failed test and why.
inline Outcome Fail(std::string why) {
  return {false, std::move(why)};
}

using Handler = std::function<Outcome(const TestCase&)>;

// Registers a handler for a test type; call from a static initialiser in a suite file.
bool RegisterTestType(const std::string& type_iri, Handler handler);

// The handler registered for a test type, or nullptr when no suite handles it.
const Handler* FindTestType(const std::string& type_iri);

}  // namespace sextant::w3c
