// Shared test helpers: status assertions that print the status, temp directories, shared data.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>

#include "sextant/status.h"

#define ASSERT_OK(expr)                                               \
  do {                                                                \
    const ::sextant::Status _st = ::sextant::testing::AsStatus(expr); \
    ASSERT_TRUE(_st.ok()) << #expr << ": " << _st.ToString();         \
  } while (0)
#define EXPECT_OK(expr)                                               \
  do {                                                                \
    const ::sextant::Status _st = ::sextant::testing::AsStatus(expr); \
    EXPECT_TRUE(_st.ok()) << #expr << ": " << _st.ToString();         \
  } while (0)
// ASSERT_OK_AND_ASSIGN(auto x, ResultExpr)
#define ASSERT_OK_AND_ASSIGN(lhs, expr) \
  ASSERT_OK_AND_ASSIGN_IMPL_(SEXTANT_CONCAT_(_sx_test_result_, __LINE__), lhs, expr)
#define ASSERT_OK_AND_ASSIGN_IMPL_(tmp, lhs, expr)                   \
  auto tmp = (expr);                                                 \
  ASSERT_TRUE(tmp.ok()) << #expr << ": " << tmp.status().ToString(); \
  lhs = std::move(tmp).value()

namespace sextant::testing {

inline Status AsStatus(const Status& s) {
  return s;
}
template <typename T>
Status AsStatus(const Result<T>& r) {
  return r.status();
}

// A fresh directory under the system temp dir, removed (recursively) on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string Sub(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// Writes `content` to `path`, creating parent directories.
void WriteFile(const std::string& path, const std::string& content);
std::string ReadFile(const std::string& path);

// Expects `actual` to equal the file `relative_path` of the source tree (a recording checked in
// beside the test). With SEXTANT_RECORD=1 in the environment it writes the file instead, for a
// change that is meant to alter the recording (review the diff before committing it).
void ExpectMatchesRecording(const std::string& relative_path, const std::string& actual);

// The shared data directory (../shared or $SEXTANT_SHARED_DIR), or nullopt when absent.
std::optional<std::filesystem::path> SharedDir();
// GTEST_SKIP()s with a clear message when shared data is missing; use in fixtures that need it.
#define SEXTANT_REQUIRE_SHARED(var)                                                      \
  auto var##_opt = ::sextant::testing::SharedDir();                                      \
  if (!var##_opt) GTEST_SKIP() << "shared test data not found (set SEXTANT_SHARED_DIR)"; \
  const std::filesystem::path var = *var##_opt

std::filesystem::path SourceDir();
std::filesystem::path BinaryDir();

// Names parameterised tests after their file name parameter ("01-troops" -> "01_troops"), for
// INSTANTIATE_TEST_SUITE_P(..., ::sextant::testing::FileParamName).
std::string FileParamName(const ::testing::TestParamInfo<std::string>& info);

// The `sextant` executable run with `args` (a shell command line), stderr into a file in `dir`.
struct RunResult {
  int exit_code;  // -1 when it did not exit normally
  std::string out;
  std::string err;
};
RunResult RunSextant(const std::string& args, const TempDir& dir);

}  // namespace sextant::testing
