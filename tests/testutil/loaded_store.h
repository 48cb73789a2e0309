// A store loaded once per test suite from files of the source tree and shared by its
// parameterised tests (golden queries, dataset questions): loading per test would dominate.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <memory>
#include <string>

#include "sextant/database.h"
#include "testutil/test_util.h"

namespace sextant::testing {

class LoadedStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  // Call from SetUpTestSuite(); paths are relative to the source tree.
  static void Load(std::initializer_list<const char*> files) {
    dir_ = std::make_unique<TempDir>();
    auto db = Database::Open(dir_->Sub("db"));
    ASSERT_OK(db);
    db_ = std::move(*db);
    for (const char* file : files) ASSERT_OK(db_->LoadFile((SourceDir() / file).string(), {}));
  }
  static void TearDownTestSuite() {
    db_.reset();
    dir_.reset();
  }
  static Database& db() { return *db_; }

 private:
  static inline std::unique_ptr<TempDir> dir_;
  static inline std::unique_ptr<Database> db_;
};

}  // namespace sextant::testing
