// The bundled datasets load cleanly, match the counts their READMEs state, and every quoted
// sentence of the CSTO dataset is exactly the article text at its character offsets.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>
#include <sstream>

#include "sextant/database.h"
#include "testutil/test_util.h"

namespace sextant {
namespace {

using sextant::testing::SourceDir;
using sextant::testing::TempDir;

constexpr const char* kNs = "http://sextant.local/";

void CheckCounts(Database& db, const std::string& dataset, const std::string& file) {
  const auto dir = SourceDir() / "datasets" / dataset;
  LoadOptions options;
  ASSERT_OK_AND_ASSIGN(LoadStats stats, db.LoadFile((dir / file).string(), options));
  const auto counts =
      boost::json::parse(sextant::testing::ReadFile((dir / "counts.json").string())).as_object();
  EXPECT_EQ(stats.statements_read, static_cast<uint64_t>(counts.at("quads").as_int64()));
  for (const auto& [graph, n] : counts.at("quads_per_graph").as_object()) {
    ASSERT_OK_AND_ASSIGN(uint64_t got, db.Count({std::nullopt, std::nullopt, std::nullopt,
                                                 Term::Iri(std::string(graph))}));
    EXPECT_EQ(got, static_cast<uint64_t>(n.as_int64())) << graph;
  }
  for (const auto& [cls, n] : counts.at("instances_per_class").as_object()) {
    const std::string key(cls);
    const std::string iri = key[0] == '<' ? key.substr(1, key.size() - 2) : kNs + key.substr(1);
    // Count distinct subjects typed with the class, across graphs.
    std::set<std::string> subjects;
    for (auto it = db.Match({std::nullopt, Term::Iri(std::string(vocab::kRdf) + "type"),
                             Term::Iri(iri), std::nullopt});
         it->Valid(); it->Next()) {
      subjects.insert(it->quad().subject.ToNTriples());
    }
    EXPECT_EQ(subjects.size(), static_cast<size_t>(n.as_int64())) << cls;
  }
}

TEST(DatasetsTest, CountsMatchTheirManifests) {
  TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto csto, Database::Open(dir.Sub("csto")));
  CheckCounts(*csto, "csto-kazakhstan", "csto-kazakhstan.trig");
  ASSERT_OK_AND_ASSIGN(auto world, Database::Open(dir.Sub("world")));
  CheckCounts(*world, "world", "world.trig");
}

// The store dumps what it loaded from the CSTO dataset (RDF 1.2 reifiers and triple terms) in
// N-Quads and in TriG, and loading either dump gives back the same quads.
std::vector<std::string> SortedNQuads(const Database& db) {
  std::ostringstream out;
  DumpOptions options;
  options.format = RdfFormat::kNQuads;
  EXPECT_OK(db.Dump(out, options));
  std::vector<std::string> lines;
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

TEST(DatasetsTest, DumpAndReloadGiveBackTheSameQuads) {
  TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto db, Database::Open(dir.Sub("db")));
  ASSERT_OK(
      db->LoadFile((SourceDir() / "datasets/csto-kazakhstan/csto-kazakhstan.trig").string(), {}));
  const auto expected = SortedNQuads(*db);
  ASSERT_GT(expected.size(), 2000u);
  const auto reifiers = std::count_if(expected.begin(), expected.end(), [](const auto& line) {
    return line.find("#reifies> <<( ") != std::string::npos;
  });
  EXPECT_GE(reifiers, 600);
  for (const RdfFormat format : {RdfFormat::kNQuads, RdfFormat::kTriG}) {
    std::ostringstream dump;
    DumpOptions options;
    options.format = format;
    ASSERT_OK(db->Dump(dump, options));
    ASSERT_OK_AND_ASSIGN(auto again, Database::Open(dir.Sub(std::string(RdfFormatName(format)))));
    LoadOptions load;
    load.format = format;
    ASSERT_OK(again->LoadString(dump.str(), load));
    EXPECT_EQ(SortedNQuads(*again), expected) << RdfFormatName(format);
  }
}

// Decodes UTF-8 into code points (the offsets count code points).
std::u32string CodePoints(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0xFF >> (n + 1));
    for (int k = 1; k < n && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

TEST(DatasetsTest, QuotesMatchArticleOffsets) {
  SEXTANT_REQUIRE_SHARED(shared);
  const auto article = CodePoints(
      sextant::testing::ReadFile((shared / "sources" / "csto-kazakhstan-case.txt").string()));
  ASSERT_FALSE(article.empty());
  TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto db, Database::Open(dir.Sub("db")));
  ASSERT_OK(
      db->LoadFile((SourceDir() / "datasets/csto-kazakhstan/csto-kazakhstan.trig").string(), {}));
  auto value_of = [&](const Term& s, const std::string& p) -> std::string {
    auto it = db->Match({s, Term::Iri(kNs + p), std::nullopt, std::nullopt});
    return it->Valid() ? it->quad().object.value() : std::string();
  };
  int checked = 0;
  for (auto it = db->Match(
           {std::nullopt, Term::Iri(std::string(kNs) + "quote"), std::nullopt, std::nullopt});
       it->Valid(); it->Next()) {
    const Term evidence = it->quad().subject;
    const auto quote = CodePoints(it->quad().object.value());
    const size_t start = std::stoul(value_of(evidence, "charStart"));
    const size_t end = std::stoul(value_of(evidence, "charEnd"));
    ASSERT_LE(end, article.size());
    EXPECT_TRUE(article.substr(start, end - start) == quote) << evidence.ToNTriples();
    ++checked;
  }
  EXPECT_GE(checked, 50);
}

}  // namespace
}  // namespace sextant
