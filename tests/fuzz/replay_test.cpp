// Replays every input kept under regressions/<target>/ through the fuzz entry functions, so
// each crash the fuzzers ever found stays fixed in every ordinary test run (and under ASan).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_entry.h"

namespace sextant::fuzz {
namespace {

namespace fs = std::filesystem;

class FuzzRegressionTest : public testing::TestWithParam<Target> {};

TEST_P(FuzzRegressionTest, EveryInputReturnsNormally) {
  const fs::path dir = fs::path(SEXTANT_FUZZ_REGRESSIONS_DIR) / GetParam().name;
  ASSERT_TRUE(fs::is_directory(dir)) << dir;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty()) << "no regression inputs in " << dir;
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.string());
    std::ifstream in(file, std::ios::binary);
    ASSERT_TRUE(in) << "cannot read";
    const std::string input((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const Status status = GetParam().run(input);
    EXPECT_FALSE(IsBug(status)) << status.ToString();
  }
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzRegressionTest, testing::ValuesIn(Targets()),
                         [](const testing::TestParamInfo<Target>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace sextant::fuzz
