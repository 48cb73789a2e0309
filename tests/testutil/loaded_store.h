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

// Opens a store at `path` holding `files` (paths relative to the source tree).
inline Result<std::unique_ptr<Database>> OpenStoreWith(const std::string& path,
                                                       std::initializer_list<const char*> files) {
  auto db = Database::Open(path);
  if (!db.ok()) return db.status();
  for (const char* file : files) {
    auto loaded = (*db)->LoadFile((SourceDir() / file).string(), {});
    if (!loaded.ok()) return loaded.status();
  }
  return std::move(*db);
}

class LoadedStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  // Call from SetUpTestSuite(); paths are relative to the source tree.
  static void Load(std::initializer_list<const char*> files) {
    dir_ = std::make_unique<TempDir>();
    auto db = OpenStoreWith(dir_->Sub("db"), files);
    ASSERT_OK(db);
    db_ = std::move(*db);
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
