// The W3C SPARQL 1.1 syntax suites, read straight from their manifests: every positive test must
// parse and every negative test must fail with a SyntaxError. (The manifest-driven w3c_runner
// runs the same suites; this test keeps the grammar honest on its own.)
#include <filesystem>
#include <iostream>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "grammar_test_util.h"

namespace sextant::testing {
namespace {

struct SyntaxCase {
  std::string file;
  bool positive = false;
};

// Test entries are "rdf:type mf:<Kind> ; ... mf:action <file>" blocks; a regex over the manifest
// text is enough for these small, regular files.
std::vector<SyntaxCase> ReadManifest(const std::filesystem::path& manifest) {
  const std::string text = ReadFile(manifest.string());
  static const std::regex kEntry(
      R"(mf:(Positive|Negative)(?:Update)?SyntaxTest(?:11)?\s*;(?:(?!rdf:type)[\s\S])*?mf:action\s*<([^>]+)>)");
  std::vector<SyntaxCase> out;
  for (std::sregex_iterator it(text.begin(), text.end(), kEntry), end; it != end; ++it) {
    out.push_back({(*it)[2].str(), (*it)[1].str() == "Positive"});
  }
  return out;
}

void RunSuite(const std::string& dir, size_t min_cases) {
  SEXTANT_REQUIRE_SHARED(shared);
  const auto suite = shared / "w3c-rdf-tests" / "sparql" / "sparql11" / dir;
  const auto cases = ReadManifest(suite / "manifest.ttl");
  ASSERT_GE(cases.size(), min_cases) << "manifest of " << dir << " lists too few tests";
  size_t passed = 0;
  for (const auto& c : cases) {
    const std::string text = ReadFile((suite / c.file).string());
    ParseOptions options;
    options.prefixes.clear();  // the suites declare every prefix they use
    options.base_iri =
        "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/" + dir + "/" + c.file;
    options.source_name = c.file;
    auto r = Parse(text, options);
    if (c.positive && !r.ok()) {
      ADD_FAILURE() << dir << "/" << c.file << " should parse:\n"
                    << FormatSyntaxError(text, r.status());
    } else if (!c.positive && r.ok()) {
      ADD_FAILURE() << dir << "/" << c.file << " should be rejected; parsed as\n"
                    << ast::ToString(*r);
    } else if (!c.positive && r.status().code() != StatusCode::kSyntaxError) {
      ADD_FAILURE() << dir << "/" << c.file << ": not a SyntaxError: " << r.status().ToString();
    } else {
      ++passed;
    }
  }
  std::cout << dir << ": " << passed << "/" << cases.size() << " passed\n";
  EXPECT_EQ(passed, cases.size());
}

// Every query and update request of the W3C evaluation tests (qt:query, ut:request) must parse.
TEST(W3cSyntax, EvaluationQueriesParse) {
  SEXTANT_REQUIRE_SHARED(shared);
  const auto root = shared / "w3c-rdf-tests" / "sparql" / "sparql11";
  static const std::regex kQuery(R"((?:qt:query|ut:request)\s*<([^>]+)>)");
  size_t parsed = 0;
  for (const auto& dir : std::filesystem::directory_iterator(root)) {
    const auto manifest = dir.path() / "manifest.ttl";
    if (!std::filesystem::exists(manifest)) continue;
    const std::string text = ReadFile(manifest.string());
    std::set<std::string> files;
    for (std::sregex_iterator it(text.begin(), text.end(), kQuery), end; it != end; ++it) {
      files.insert((*it)[1].str());
    }
    for (const auto& file : files) {
      const auto path = dir.path() / file;
      if (!std::filesystem::exists(path)) continue;  // a few manifests name remote requests
      ParseOptions options;
      options.prefixes.clear();
      options.base_iri = "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/" +
                         dir.path().filename().string() + "/" + file;
      const std::string query = ReadFile(path.string());
      auto r = Parse(query, options);
      EXPECT_TRUE(r.ok()) << path.string() << ":\n" << FormatSyntaxError(query, r.status());
      ++parsed;
    }
  }
  std::cout << parsed << " evaluation queries parsed\n";
  EXPECT_GE(parsed, 300u);
}

TEST(W3cSyntax, SyntaxQuery) {
  RunSuite("syntax-query", 90);
}
TEST(W3cSyntax, SyntaxUpdate1) {
  RunSuite("syntax-update-1", 50);
}
TEST(W3cSyntax, SyntaxUpdate2) {
  RunSuite("syntax-update-2", 1);
}
TEST(W3cSyntax, SyntaxFederation) {
  RunSuite("syntax-fed", 1);
}

}  // namespace
}  // namespace sextant::testing
