// A new, empty store on disk for each test, reopened to see what survives a restart, with a quad
// count (the fixture of the tests that write and check what got in).
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "sextant/database.h"
#include "testutil/test_util.h"

namespace sextant::testing {

class FreshStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }
  // Closes the store and opens it again from its directory.
  void Reopen() {
    db_.reset();
    ASSERT_OK_AND_ASSIGN(db_, Database::Open(dir_.Sub("db")));
  }
  // The quads of `db` matching `pattern` (every quad when not given).
  static uint64_t CountQuads(Database& db, const QuadPattern& pattern = {}) {
    auto n = db.Count(pattern);
    EXPECT_OK(n);
    return n.ok() ? *n : 0;
  }
  // The same in this test's store.
  uint64_t Count(const QuadPattern& pattern = {}) { return CountQuads(*db_, pattern); }

  TempDir dir_;
  std::unique_ptr<Database> db_;
};

}  // namespace sextant::testing
