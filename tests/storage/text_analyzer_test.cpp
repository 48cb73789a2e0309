// The text analyzer and the search syntax: folding, stemming by language, stop words, word
// positions, and what the parser accepts and rejects.
#include <gtest/gtest.h>

#include "text/analyzer.h"
#include "text/snippet.h"
#include "text/text_query.h"

namespace sextant::text {
namespace {

std::vector<std::string> Terms(Analyzer& a, std::string_view text, std::string_view lang) {
  std::vector<Token> tokens;
  a.Analyze(text, lang, &tokens);
  std::vector<std::string> out;
  for (const auto& t : tokens) out.push_back(t.term + "@" + std::to_string(t.position));
  return out;
}

TEST(TextAnalyzerTest, FoldsCaseAndAccentsAndSplitsOnUnicodeWordBoundaries) {
  Analyzer a;
  EXPECT_EQ(Terms(a, "Édith PIAF, «Straße» naïve", ""),
            (std::vector<std::string>{"edith@0", "piaf@1", "strasse@2", "naive@3"}));
  // Ideographs are words too; punctuation is not.
  EXPECT_EQ(Terms(a, "北京 -- 2022!", ""), (std::vector<std::string>{"北京@0", "2022@1"}));
}

TEST(TextAnalyzerTest, StemsByLanguageAndDropsStopWordsKeepingPositions) {
  Analyzer a;
  EXPECT_EQ(Terms(a, "The missiles were launched", "en"),
            (std::vector<std::string>{"missil@1", "launch@3"}));
  // Without a language: neither stemming nor stop words.
  EXPECT_EQ(Terms(a, "The missiles", ""), (std::vector<std::string>{"the@0", "missiles@1"}));
  EXPECT_EQ(Terms(a, "ракеты и ракета", "ru"), (std::vector<std::string>{"ракет@0", "ракет@2"}));
  EXPECT_EQ(LanguageOf("en-GB"), "en");
  EXPECT_EQ(LanguageOf("DE"), "de");
  EXPECT_TRUE(IsStopWord("the", "en"));
  EXPECT_TRUE(IsStopWord("uber", "de"));  // "über", folded
  EXPECT_FALSE(IsStopWord("the", "fr"));
}

TEST(TextQueryTest, ParsesWordsPhrasesPrefixesAndOperators) {
  Analyzer a;
  auto q = ParseTextQuery("Polonez \"colour revolution\" terror* OR (a AND -b) NOT c", &a);
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  EXPECT_EQ(q->ToString(),
            "((polonez AND \"colour revolution\" AND terror*) OR ((a AND NOT b) AND NOT c))");
  auto hyphen = ParseTextQuery("anti-missile", &a);
  ASSERT_TRUE(hyphen.ok());
  EXPECT_EQ(hyphen->ToString(), "\"anti missile\"");
}

TEST(TextQueryTest, RejectsMalformedTextWithItsColumn) {
  Analyzer a;
  for (const char* bad : {"", "\"open phrase", "(a OR b", "a )", "!!!", "NOT"}) {
    auto q = ParseTextQuery(bad, &a);
    ASSERT_FALSE(q.ok()) << bad;
    EXPECT_EQ(q.status().code(), StatusCode::kSyntaxError) << bad;
  }
  EXPECT_EQ(ParseTextQuery("a )", &a).status().column(), 3u);
}

TEST(TextSnippetTest, HighlightsMatchesAndEscapesTheRest) {
  Analyzer a;
  const std::string s = Snippet(&a, "<script> Missiles & rockets", "en", {"missil"}, {"rock"});
  EXPECT_EQ(s, "&lt;script&gt; <b>Missiles</b> &amp; <b>rockets</b>");
  const std::string long_text = std::string(500, 'x') + " the target word " + std::string(500, 'y');
  const std::string cut = Snippet(&a, long_text, "", {"target"}, {}, 100);
  EXPECT_NE(cut.find("<b>target</b>"), std::string::npos) << cut;
  EXPECT_LT(cut.size(), 140u);
}

}  // namespace
}  // namespace sextant::text
