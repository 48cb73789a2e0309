// Golden tests: every analyst question in datasets/csto-kazakhstan/questions/ runs on a store
// holding both bundled datasets and returns exactly the rows of its .tsv file (in order when
// the query sorts; numbers compared by value).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "sextant/database.h"
#include "testutil/result_set.h"
#include "testutil/test_util.h"

namespace sextant {
namespace {

namespace fs = std::filesystem;
using sextant::testing::SourceDir;

class QuestionsTest : public ::testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() {
    dir_ = new sextant::testing::TempDir();
    auto db = Database::Open(dir_->Sub("db"));
    ASSERT_OK(db);
    db_ = db->release();
    for (const char* file : {"datasets/csto-kazakhstan/csto-kazakhstan.trig", "datasets/world/world.trig"}) {
      ASSERT_OK(db_->LoadFile((SourceDir() / file).string(), {}));
    }
  }
  static void TearDownTestSuite() {
    delete db_;
    delete dir_;
  }
  static sextant::testing::TempDir* dir_;
  static Database* db_;
};
sextant::testing::TempDir* QuestionsTest::dir_ = nullptr;
Database* QuestionsTest::db_ = nullptr;

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
  ASSERT_NE(text.find("# Question:"), std::string::npos) << "every question states itself in English";
  QueryOptions options;
  options.source_name = GetParam() + ".rq";
  auto cursor = db_->Query(text, options);
  ASSERT_OK(cursor);
  w3c::ResultSet actual;
  actual.vars = (*cursor)->variables();
  while ((*cursor)->Next()) {
    std::map<std::string, Term> row;
    for (size_t i = 0; i < actual.vars.size(); ++i) {
      if ((*cursor)->row()[i]) row[actual.vars[i]] = *(*cursor)->row()[i];
    }
    actual.rows.push_back(std::move(row));
  }
  ASSERT_OK((*cursor)->status());
  ASSERT_OK_AND_ASSIGN(w3c::ResultSet expected, w3c::ReadResultFile((dir / (GetParam() + ".tsv")).string()));
  EXPECT_EQ(expected.vars, actual.vars);
  std::string upper = text;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  std::string why;
  EXPECT_TRUE(w3c::SameResults(expected, actual, upper.find("ORDER BY") != std::string::npos, &why)) << why;
}

INSTANTIATE_TEST_SUITE_P(Csto, QuestionsTest, ::testing::ValuesIn(QuestionFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(QuestionsCountTest, AtLeast25Questions) { EXPECT_GE(QuestionFiles().size(), 25u); }

}  // namespace
}  // namespace sextant
