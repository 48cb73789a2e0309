// w3c_runner [--known-failures FILE] [--list] MANIFEST.ttl...
// Runs every test of the manifests whose type a suite handles. Prints one line per failure
// ("FAIL <iri>: <reason>"), allow-listed failures as XFAIL, allow-listed passes as XPASS (a
// failure, so the allow-list stays honest), then "N passed, N failed". Exit code 0 iff nothing
// failed; 77 (ctest's skip) when the test data is missing.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "manifest.h"
#include "w3c.h"

namespace {

constexpr int kSkipExitCode = 77;

// One test IRI per line, then optionally "# why"; lines starting with '#' are comments.
std::map<std::string, std::string> ReadKnownFailures(const std::string& path, bool* ok) {
  std::map<std::string, std::string> known;
  std::ifstream in(path);
  *ok = static_cast<bool>(in);
  std::string line;
  while (std::getline(in, line)) {
    const size_t start = line.find_first_not_of(" \t\r");
    if (start == std::string::npos || line[start] == '#') continue;
    const size_t end = line.find_first_of(" \t\r", start);
    const std::string iri =
        line.substr(start, end == std::string::npos ? std::string::npos : end - start);
    std::string why;
    if (end != std::string::npos) {
      const size_t hash = line.find('#', end);
      if (hash != std::string::npos)
        why = line.substr(line.find_first_not_of(" #", hash) == std::string::npos
                              ? line.size()
                              : line.find_first_not_of(" #", hash));
    }
    known[iri] = why;
  }
  return known;
}

// Suites without mf:assumedTestBase (SHACL) name their tests by file:// IRIs of wherever the
// suite is: an entry without a scheme ("sparql/pre-binding/shapesGraph-001") matches the test
// whose IRI ends in "/" and the entry.
std::map<std::string, std::string>::const_iterator FindBySuffix(
    const std::map<std::string, std::string>& known, const std::string& iri) {
  for (auto it = known.begin(); it != known.end(); ++it) {
    const std::string& entry = it->first;
    if (entry.find("://") != std::string::npos || entry.size() + 1 > iri.size()) continue;
    if (iri.compare(iri.size() - entry.size(), entry.size(), entry) == 0 &&
        iri[iri.size() - entry.size() - 1] == '/') {
      return it;
    }
  }
  return known.end();
}

std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  std::string known_path;
  bool list = false;
  std::vector<std::string> manifests;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--known-failures" && i + 1 < argc) {
      known_path = argv[++i];
    } else if (arg == "--list") {
      list = true;
    } else if (arg == "-h" || arg == "--help") {
      std::cout
          << "usage: w3c_runner [--known-failures FILE] [--list] MANIFEST.ttl...\n"
             "  --list  print each test (IRI, type, action and result files) instead of running\n";
      return 0;
    } else {
      manifests.push_back(arg);
    }
  }
  if (manifests.empty()) {
    std::cerr << "usage: w3c_runner [--known-failures FILE] [--list] MANIFEST.ttl...\n";
    return 2;
  }
  for (const std::string& m : manifests) {
    if (!std::filesystem::exists(m)) {
      std::cout << "W3C test suites not found at " << m << "; set SEXTANT_SHARED_DIR\n";
      return kSkipExitCode;
    }
  }
  std::map<std::string, std::string> known;
  if (!known_path.empty()) {
    bool ok = false;
    known = ReadKnownFailures(known_path, &ok);
    if (!ok) {
      std::cerr << "cannot read known failures file " << known_path << "\n";
      return 2;
    }
  }

  std::vector<sextant::w3c::TestCase> tests;
  for (const std::string& m : manifests) {
    const sextant::Status st = sextant::w3c::LoadManifest(m, &tests);
    if (!st.ok()) {
      std::cout << "cannot read manifest " << m << ": " << st.ToString() << "\n";
      return 1;
    }
  }

  if (list) {
    // For checking how manifests map to local files.
    for (const auto& tc : tests) {
      std::cout << tc.iri << "\n  type " << tc.type << "\n  action " << tc.action_iri << " -> "
                << tc.action_path << "\n  result " << tc.result_path << "\n";
      if (tc.action_iri.empty()) {
        for (const std::string& action : tc.objects(
                 tc.iri, "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#action")) {
          std::cout << "  action node " << action << "\n";
          for (const char* pred : {"http://www.w3.org/2001/sw/DataAccess/tests/test-query#query",
                                   "http://www.w3.org/2001/sw/DataAccess/tests/test-query#data",
                                   "http://www.w3.org/2009/sparql/tests/test-update#request",
                                   "http://www.w3.org/2009/sparql/tests/test-update#data"}) {
            for (const std::string& o : tc.objects(action, pred)) {
              std::cout << "    " << pred << " " << o << " -> " << tc.local_path(o) << "\n";
            }
          }
        }
      }
    }
    return 0;
  }

  uint64_t passed = 0, failed = 0, known_failures = 0, unsupported = 0;
  std::set<std::string> unsupported_types;
  for (const auto& tc : tests) {
    const sextant::w3c::Handler* handler = sextant::w3c::FindTestType(tc.type);
    if (handler == nullptr) {
      ++unsupported;
      unsupported_types.insert(tc.type);
      continue;
    }
    const sextant::w3c::Outcome outcome = (*handler)(tc);
    std::map<std::string, std::string>::const_iterator k = known.find(tc.iri);
    if (k == known.end()) k = FindBySuffix(known, tc.iri);
    if (k != known.end()) {
      if (outcome.passed) {
        std::cout << "XPASS " << tc.iri << "\n";
        ++failed;
      } else {
        std::cout << "XFAIL " << tc.iri << ": "
                  << OneLine(k->second.empty() ? outcome.reason : k->second) << "\n";
        ++known_failures;
      }
    } else if (outcome.passed) {
      ++passed;
    } else {
      std::cout << "FAIL " << tc.iri << ": " << OneLine(outcome.reason) << "\n";
      ++failed;
    }
  }
  if (unsupported > 0) {
    std::cout << unsupported << " unsupported tests (types:";
    for (const auto& t : unsupported_types) std::cout << " " << t;
    std::cout << ")\n";
  }
  if (known_failures > 0) std::cout << known_failures << " known failures\n";
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed == 0 ? 0 : 1;
}
