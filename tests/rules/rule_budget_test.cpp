// Rule evaluation within the limits of the write it belongs to (hardening issue, item 3): a rule
// that builds a new term from one it built derives forever; bounded in time, memory and rounds
// it ends in a clean error with nothing committed, and the store carries on.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "sextant/database.h"
#include "testutil/fresh_store.h"
#include "testutil/test_util.h"

namespace sextant {
namespace {

using namespace std::chrono_literals;
using sextant::testing::FreshStoreTest;

class RuleBudgetTest : public FreshStoreTest {};

// Each round derives one new IRI from the last: without a bound, it ran to 2.27 GB and
// std::bad_alloc in the CLI, and to a RocksDB assertion in the server.
TEST_F(RuleBudgetTest, SelfFeedingRuleEndsInAnErrorAndCommitsNothing) {
  ASSERT_OK(db_->AddRules(
      "RULE <urn:r> { ?y <urn:p> ?z } WHERE { ?x <urn:p> ?y BIND(IRI(CONCAT(STR(?y), \"x\")) AS "
      "?z) }"));
  QueryOptions options;
  options.timeout = 500ms;
  const auto start = std::chrono::steady_clock::now();
  auto r = db_->Update("INSERT DATA { <urn:a> <urn:p> <urn:b> }", options);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 3s);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.status().code() == StatusCode::kTimeout ||
              r.status().code() == StatusCode::kResourceExhausted)
      << r.status().ToString();
  EXPECT_EQ(Count(), 0u) << "the update and whatever the rule derived are rolled back";
  // Within a memory budget instead of a time limit: the same clean end.
  QueryOptions small;
  small.max_memory_bytes = 1 << 20;
  auto m = db_->Update("INSERT DATA { <urn:a> <urn:p> <urn:b> }", small);
  ASSERT_FALSE(m.ok());
  EXPECT_TRUE(m.status().code() == StatusCode::kResourceExhausted ||
              m.status().code() == StatusCode::kTimeout)
      << m.status().ToString();
  EXPECT_EQ(Count(), 0u);
  // The store is still writable (no half-committed batch, no stuck writer).
  ASSERT_OK(db_->Update("INSERT DATA { <urn:c> <urn:q> <urn:d> }"));
  EXPECT_EQ(Count(), 1u);
}

}  // namespace
}  // namespace sextant
