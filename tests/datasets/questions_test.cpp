// Golden tests: every analyst question in datasets/csto-kazakhstan/questions/ runs on a store
// holding both bundled datasets and returns exactly the rows of its .tsv file (in order when
// the query sorts; numbers compared by value). A question whose answer rests on the article
// says so: the same query on a store without the article's graph answers differently.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <string>

#include "sextant/database.h"
#include "testutil/loaded_store.h"
#include "testutil/result_set.h"
#include "testutil/test_util.h"

namespace sextant {
namespace {

namespace fs = std::filesystem;
using sextant::testing::SourceDir;

constexpr const char* kArticleGraph = "http://sextant.local/source/sutanovac-2022-csto-kazakhstan";

class QuestionsTest : public sextant::testing::LoadedStoreTest {
 protected:
  static void SetUpTestSuite() {
    Load({"datasets/csto-kazakhstan/csto-kazakhstan.trig", "datasets/world/world.trig"});
  }
  static void TearDownTestSuite() {
    without_article_.reset();
    without_article_dir_.reset();
    LoadedStoreTest::TearDownTestSuite();
  }
  // Both datasets with every other source, but not the article's graph; opened on first use,
  // so only the tests that compare with it pay for a second store.
  static Database* without_article() {
    if (without_article_ != nullptr) return without_article_.get();
    without_article_dir_ = std::make_unique<sextant::testing::TempDir>();
    auto db = sextant::testing::OpenStoreWith(
        without_article_dir_->Sub("db"),
        {"datasets/csto-kazakhstan/csto-kazakhstan.trig", "datasets/world/world.trig"});
    if (!db.ok()) {
      ADD_FAILURE() << db.status().ToString();
      return nullptr;
    }
    auto dropped = (*db)->Update(std::string("DROP GRAPH <") + kArticleGraph + ">");
    if (!dropped.ok()) {
      ADD_FAILURE() << dropped.status().ToString();
      return nullptr;
    }
    without_article_ = std::move(*db);
    return without_article_.get();
  }

 private:
  static inline std::unique_ptr<sextant::testing::TempDir> without_article_dir_;
  static inline std::unique_ptr<Database> without_article_;
};

// The text of the comment line starting with `tag` ("# Question:"), lower-cased.
std::string CommentLine(const std::string& text, const std::string& tag) {
  const size_t at = text.find(tag);
  if (at == std::string::npos) return {};
  std::string line = text.substr(at, text.find('\n', at) - at);
  std::transform(line.begin(), line.end(), line.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return line;
}

std::vector<std::string> QuestionFiles() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(SourceDir() / "datasets/csto-kazakhstan/questions")) {
    if (e.path().extension() == ".rq") out.push_back(e.path().stem().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST_P(QuestionsTest, MatchesExpectedRows) {
  const fs::path dir = SourceDir() / "datasets/csto-kazakhstan/questions";
  const std::string text = sextant::testing::ReadFile((dir / (GetParam() + ".rq")).string());
  ASSERT_NE(text.find("# Question:"), std::string::npos)
      << "every question states itself in English";
  QueryOptions options;
  options.source_name = GetParam() + ".rq";
  auto cursor = db().Query(text, options);
  ASSERT_OK(cursor);
  ASSERT_OK_AND_ASSIGN(w3c::ResultSet actual, w3c::Collect(**cursor));
  ASSERT_OK_AND_ASSIGN(w3c::ResultSet expected,
                       w3c::ReadResultFile((dir / (GetParam() + ".tsv")).string()));
  EXPECT_EQ(expected.vars, actual.vars);
  std::string why;
  EXPECT_TRUE(w3c::SameResults(expected, actual, w3c::QuerySorts(text), &why)) << why;
}

// An answer that changes without the article's graph rests on the article: the question and
// its expected answer must say "the article", unless the rows name the source themselves (a column
// holding the article's graph or its title).
TEST_P(QuestionsTest, AnswersFromTheArticleSaySo) {
  const fs::path dir = SourceDir() / "datasets/csto-kazakhstan/questions";
  const std::string text = sextant::testing::ReadFile((dir / (GetParam() + ".rq")).string());
  auto all = db().Query(text);
  ASSERT_OK(all);
  ASSERT_OK_AND_ASSIGN(w3c::ResultSet with, w3c::Collect(**all));
  Database* bare_db = without_article();
  ASSERT_NE(bare_db, nullptr);
  auto bare = bare_db->Query(text);
  ASSERT_OK(bare);
  ASSERT_OK_AND_ASSIGN(w3c::ResultSet without, w3c::Collect(**bare));
  std::string why;
  if (w3c::SameResults(with, without, w3c::QuerySorts(text), &why)) return;
  for (const auto& row : with.rows) {
    for (const auto& [var, term] : row) {
      if (term.value() == kArticleGraph ||
          term.value() == "CSTO – all for one, one for itself – The Kazakhstan Case") {
        return;
      }
    }
  }
  EXPECT_NE(CommentLine(text, "# Question:").find("the article"), std::string::npos)
      << "the answer rests on the article; the question should say so";
  EXPECT_NE(CommentLine(text, "# Expected:").find("the article"), std::string::npos)
      << "the answer rests on the article; the expected answer should say so";
}

INSTANTIATE_TEST_SUITE_P(Csto, QuestionsTest, ::testing::ValuesIn(QuestionFiles()),
                         sextant::testing::FileParamName);

TEST(QuestionsCountTest, AtLeast25Questions) {
  EXPECT_GE(QuestionFiles().size(), 25u);
}

}  // namespace
}  // namespace sextant
