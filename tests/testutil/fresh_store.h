// A new, empty store on disk for each test, with a quad count (the fixture of the tests that
// write and check what got in).
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "sextant/database.h"
#include "testutil/test_util.h"

namespace sextant::testing {

class FreshStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.Sub("db"));
    ASSERT_OK(db);
    db_ = std::move(*db);
  }
  // Every quad of `db` (this test's store when not given).
  static uint64_t CountQuads(Database& db) {
    auto n = db.Count({});
    EXPECT_OK(n);
    return n.ok() ? *n : 0;
  }
  uint64_t Count() { return CountQuads(*db_); }

  TempDir dir_;
  std::unique_ptr<Database> db_;
};

}  // namespace sextant::testing
