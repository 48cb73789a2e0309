// Golden tests: every analyst question in datasets/csto-kazakhstan/questions/ runs on a store
// holding both bundled datasets and returns exactly the rows of its .tsv file (in order when
// the query sorts; numbers compared by value).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "sextant/database.h"
#include "testutil/loaded_store.h"
#include "testutil/result_set.h"
#include "testutil/test_util.h"

namespace sextant {
namespace {

namespace fs = std::filesystem;
using sextant::testing::SourceDir;

class QuestionsTest : public sextant::testing::LoadedStoreTest {
 protected:
  static void SetUpTestSuite() {
    Load({"datasets/csto-kazakhstan/csto-kazakhstan.trig", "datasets/world/world.trig"});
  }
};

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

INSTANTIATE_TEST_SUITE_P(Csto, QuestionsTest, ::testing::ValuesIn(QuestionFiles()),
                         sextant::testing::FileParamName);

TEST(QuestionsCountTest, AtLeast25Questions) {
  EXPECT_GE(QuestionFiles().size(), 25u);
}

}  // namespace
}  // namespace sextant
