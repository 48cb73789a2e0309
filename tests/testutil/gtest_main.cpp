// main() of every GoogleTest binary. ctest runs one process per test suite
// (tests/cmake/gtest_suites.cmake), so a suite in which a test was skipped (its shared data
// is missing) must not be reported as passed: it exits 77, which ctest shows as "Skipped".
// A failure still exits 1.
#include <gtest/gtest.h>

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  const int rc = RUN_ALL_TESTS();
  constexpr int kSkippedExitCode = 77;
  if (rc == 0 && ::testing::UnitTest::GetInstance()->skipped_test_count() > 0) {
    return kSkippedExitCode;
  }
  return rc;
}
