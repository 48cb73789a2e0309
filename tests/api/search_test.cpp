// Database::Search as an embedder uses it: ranking, phrases, prefixes, operators, facts with
// their sources, snippets, limits, and the time and interrupt budgets.
#include <gtest/gtest.h>

#include <atomic>

#include "sextant/database.h"
#include "testutil/test_util.h"

namespace sextant {
namespace {

using sextant::testing::TempDir;

constexpr const char* kFacts = R"(
@prefix : <http://sextant.local/> .
@prefix src: <http://sextant.local/source/> .
src:a { :Polonez :label "Polonez missile system"@en ; :note "missile, missile and more missiles"@en . }
src:b { :Belarus :quote "Belarus showed the Polonez at a parade"@en .
        :Kz :quote "a colour revolution in Kazakhstan"@en .
        :Other :quote "revolution of colour"@en . }
:Polonez :label "Polonez missile system"@en .
)";

class SearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(db_, Database::Open(dir_.Sub("db")));
    LoadOptions options;
    options.format = RdfFormat::kTriG;
    ASSERT_OK(db_->LoadString(kFacts, options).status());
  }
  std::vector<std::string> Subjects(const std::string& text, SearchOptions options = {}) {
    auto hits = db_->Search(text, options);
    EXPECT_OK(hits.status());
    std::vector<std::string> out;
    if (hits.ok()) {
      for (const auto& h : *hits) out.push_back(h.subject.value().substr(21));
    }
    return out;
  }
  TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(SearchTest, RanksByBm25AndListsEveryFactOfAMatchingLiteral) {
  auto hits = db_->Search("missile");
  ASSERT_OK(hits.status());
  ASSERT_EQ(hits->size(), 3u);
  // Three occurrences beat one; the label literal is stated in two graphs: two facts.
  EXPECT_EQ((*hits)[0].predicate.value(), "http://sextant.local/note");
  EXPECT_GT((*hits)[0].score, (*hits)[1].score);
  EXPECT_EQ((*hits)[1].literal, (*hits)[2].literal);
  EXPECT_EQ((*hits)[1].score, (*hits)[2].score);
  EXPECT_NE((*hits)[1].graph, (*hits)[2].graph);
  EXPECT_EQ((*hits)[0].snippet, "<b>missile</b>, <b>missile</b> and more <b>missiles</b>");
}

TEST_F(SearchTest, PhrasesPrefixesAndOperators) {
  EXPECT_EQ(Subjects("\"colour revolution\""), std::vector<std::string>{"Kz"});
  EXPECT_EQ(Subjects("colour revolution").size(), 2u);
  EXPECT_EQ(Subjects("kazakh*"), std::vector<std::string>{"Kz"});
  EXPECT_EQ(Subjects("polonez NOT missile"), std::vector<std::string>{"Belarus"});
  EXPECT_EQ(Subjects("parade OR kazakhstan").size(), 2u);
  EXPECT_EQ(Subjects("the"), std::vector<std::string>{});  // an English stop word
  SearchOptions one;
  one.limit = 1;
  EXPECT_EQ(Subjects("polonez", one).size(), 1u);
  auto bad = db_->Search("(polonez");
  EXPECT_EQ(bad.status().code(), StatusCode::kSyntaxError);
  EXPECT_EQ(db_->Search("NOT polonez").status().code(), StatusCode::kInvalidArgument);
}

TEST_F(SearchTest, HonoursInterruptAndTimeout) {
  std::string many;
  for (int i = 0; i < 9000; ++i) {
    many += "<http://e/" + std::to_string(i) + "> <http://e/p> \"common word " + std::to_string(i) +
            "\" .\n";
  }
  LoadOptions nt;
  nt.format = RdfFormat::kNTriples;
  ASSERT_OK(db_->LoadString(many, nt).status());
  std::atomic<bool> stop{true};
  SearchOptions options;
  options.interrupt = &stop;
  EXPECT_EQ(db_->Search("common", options).status().code(), StatusCode::kInterrupted);
  SearchOptions small;
  small.max_memory_bytes = 1000;
  EXPECT_EQ(db_->Search("common", small).status().code(), StatusCode::kResourceExhausted);
}

TEST_F(SearchTest, SettingsRestrictAndRebuild) {
  TextIndexSettings settings;
  settings.predicates = {Term::Iri("http://sextant.local/quote")};
  ASSERT_OK(db_->ConfigureTextIndex(settings));
  EXPECT_EQ(Subjects("missile"), std::vector<std::string>{});
  EXPECT_EQ(Subjects("polonez"), std::vector<std::string>{"Belarus"});
  ASSERT_OK_AND_ASSIGN(auto got, db_->GetTextIndexSettings());
  EXPECT_EQ(got.documents, 3u);
  ASSERT_EQ(got.predicates.size(), 1u);
  settings.enabled = false;
  ASSERT_OK(db_->ConfigureTextIndex(settings));
  EXPECT_EQ(db_->Search("polonez").status().code(), StatusCode::kUnsupported);
  ASSERT_OK_AND_ASSIGN(auto report, db_->Check());
  EXPECT_TRUE(report.ok()) << report.problems.front();
}

}  // namespace
}  // namespace sextant
