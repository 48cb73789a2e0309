// A storage-layer test fixture: a Store in a fresh directory, reopened (read-only if asked) to
// see what survives a restart, with one-fact transactions and the consistency check.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "storage/consistency_check.h"
#include "storage/store.h"
#include "storage/write_txn.h"
#include "testutil/test_util.h"

namespace sextant::testing {

class StoreFixture : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }
  void Reopen(bool read_only = false) {
    store_.reset();
    Options options;
    options.read_only = read_only;
    ASSERT_OK_AND_ASSIGN(store_, storage::Store::Open(dir_.Sub("db"), options));
  }
  // Inserts (or removes) one quad in its own transaction; returns its ids.
  Result<storage::IdQuad> WriteQuad(const rdf::QuadView& q, bool insert = true) {
    SEXTANT_ASSIGN_OR_RETURN(auto txn, storage::WriteTxn::Begin(store_.get()));
    SEXTANT_ASSIGN_OR_RETURN(storage::IdQuad ids,
                             insert ? txn->EncodeForInsert(q) : txn->EncodeForLookup(q));
    if (insert) {
      SEXTANT_RETURN_IF_ERROR(txn->Insert(ids).status());
    } else {
      SEXTANT_RETURN_IF_ERROR(txn->Remove(ids).status());
    }
    SEXTANT_RETURN_IF_ERROR(txn->Commit());
    return ids;
  }
  // CheckStore finds nothing wrong; returns its report.
  CheckReport ExpectCheckOk() {
    auto report = storage::CheckStore(*store_);
    EXPECT_OK(report);
    if (!report.ok()) return {};
    EXPECT_TRUE(report->ok()) << (report->problems.empty() ? "" : report->problems.front());
    return *report;
  }
  // The problems CheckStore finds (none in a consistent store).
  std::vector<std::string> CheckProblems() {
    auto report = storage::CheckStore(*store_);
    EXPECT_OK(report);
    return report.ok() ? report->problems : std::vector<std::string>{};
  }

  TempDir dir_;
  std::unique_ptr<storage::Store> store_;
};

}  // namespace sextant::testing
