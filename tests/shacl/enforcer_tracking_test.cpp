// A store that enforces no shapes must not pay for enforcement: its write transactions do not
// record their changes. The enforcer still sees the transaction that brings the first shapes,
// and from then on transactions record their changes again.
#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "sextant/database.h"
#include "shacl/shape_enforcer.h"
#include "storage/store.h"
#include "storage/write_txn.h"
#include "testutil/store_fixture.h"
#include "testutil/test_util.h"

namespace sextant::shacl {
namespace {

using storage::IdQuad;
using storage::WriteTxn;

constexpr const char* kEx = "http://example.org/";
constexpr const char* kSh = "http://www.w3.org/ns/shacl#";

Term Iri(const std::string& name) {
  if (name.rfind("sh:", 0) == 0) return Term::Iri(kSh + name.substr(3));
  if (name.rfind("ex:", 0) == 0) return Term::Iri(kEx + name.substr(3));
  return Term::Iri(name);
}

// ex:a must have an ex:q: a node shape with a property shape, in the shapes graph.
std::vector<Quad> ShapeQuads() {
  const Term g = Term::Iri(std::string(kShapesGraphIri));
  return {
      {Iri("ex:S"), Iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), Iri("sh:NodeShape"), g},
      {Iri("ex:S"), Iri("sh:targetNode"), Iri("ex:a"), g},
      {Iri("ex:S"), Iri("sh:property"), Iri("ex:PS"), g},
      {Iri("ex:PS"), Iri("sh:path"), Iri("ex:q"), g},
      {Iri("ex:PS"), Iri("sh:minCount"), Term::TypedLiteral("1", std::string(vocab::kXsdInteger)),
       g}};
}

class EnforcerTrackingTest : public testing::StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    ASSERT_NE(store_, nullptr);
    enforcer_ = std::make_unique<ShapeEnforcer>(store_.get());
    ASSERT_OK(enforcer_->Open());
    store_->AddCommitHook(enforcer_.get());
  }
  void TearDown() override {
    if (store_) store_->RemoveCommitHook(enforcer_.get());
  }

  static void Write(WriteTxn* txn, const Quad& quad, bool insert) {
    const rdf::QuadView view{rdf::TermView::Of(quad.subject), rdf::TermView::Of(quad.predicate),
                             rdf::TermView::Of(quad.object), rdf::TermView::Of(quad.graph)};
    auto q = txn->EncodeForInsert(view);
    ASSERT_OK(q);
    ASSERT_OK(insert ? txn->Insert(*q) : txn->Remove(*q));
  }
  static void Insert(WriteTxn* txn, const std::string& s, const std::string& p,
                     const std::string& o) {
    Write(txn, {Iri(s), Iri(p), Iri(o), Term::DefaultGraph()}, true);
  }
  static void Remove(WriteTxn* txn, const std::string& s, const std::string& p,
                     const std::string& o) {
    Write(txn, {Iri(s), Iri(p), Iri(o), Term::DefaultGraph()}, false);
  }
  static void WriteShapes(WriteTxn* txn, bool insert) {
    for (const Quad& q : ShapeQuads()) Write(txn, q, insert);
  }
  std::unique_ptr<WriteTxn> Begin() {
    auto txn = WriteTxn::Begin(store_.get());
    EXPECT_OK(txn);
    return txn.ok() ? std::move(*txn) : nullptr;
  }

  std::unique_ptr<ShapeEnforcer> enforcer_;
};

TEST_F(EnforcerTrackingTest, ChangesAreRecordedOnlyWhileShapesAreEnforced) {
  EXPECT_FALSE(enforcer_->active());
  {
    auto txn = Begin();
    ASSERT_NE(txn, nullptr);
    Insert(txn.get(), "ex:a", "ex:p", "ex:b");
    EXPECT_TRUE(txn->net_inserted().empty());  // nothing enforced: nothing recorded
    ASSERT_OK(txn->Commit());
  }
  {
    // The first shapes, unrecorded, still reach the enforcer: ex:a has no ex:q, refused.
    auto txn = Begin();
    ASSERT_NE(txn, nullptr);
    WriteShapes(txn.get(), true);
    EXPECT_TRUE(txn->net_inserted().empty());
    const Status st = txn->Commit();
    EXPECT_EQ(st.code(), StatusCode::kConstraintViolation) << st.ToString();
  }
  EXPECT_FALSE(enforcer_->active());
  {
    auto txn = Begin();
    ASSERT_NE(txn, nullptr);
    WriteShapes(txn.get(), true);
    Insert(txn.get(), "ex:a", "ex:q", "ex:c");
    ASSERT_OK(txn->Commit());
  }
  EXPECT_TRUE(enforcer_->active());
  {
    auto txn = Begin();
    ASSERT_NE(txn, nullptr);
    Remove(txn.get(), "ex:a", "ex:q", "ex:c");
    EXPECT_EQ(txn->net_removed().size(), 1U);  // enforced: recorded, and validated
    const Status st = txn->Commit();
    EXPECT_EQ(st.code(), StatusCode::kConstraintViolation) << st.ToString();
  }
  {
    auto txn = Begin();
    ASSERT_NE(txn, nullptr);
    WriteShapes(txn.get(), false);
    ASSERT_OK(txn->Commit());
  }
  EXPECT_FALSE(enforcer_->active());
  {
    auto txn = Begin();
    ASSERT_NE(txn, nullptr);
    Remove(txn.get(), "ex:a", "ex:q", "ex:c");
    EXPECT_TRUE(txn->net_removed().empty());
    ASSERT_OK(txn->Commit());
  }
}

// Reopened, the store enforces the shapes it holds: its transactions record their changes.
TEST_F(EnforcerTrackingTest, EnforcedShapesAreActiveAfterReopening) {
  {
    auto txn = Begin();
    ASSERT_NE(txn, nullptr);
    WriteShapes(txn.get(), true);
    Insert(txn.get(), "ex:a", "ex:q", "ex:c");
    ASSERT_OK(txn->Commit());
  }
  store_->RemoveCommitHook(enforcer_.get());
  enforcer_.reset();
  SetUp();  // reopens the store
  EXPECT_TRUE(enforcer_->active());
  auto txn = Begin();
  ASSERT_NE(txn, nullptr);
  Insert(txn.get(), "ex:z", "ex:p", "ex:b");
  EXPECT_EQ(txn->net_inserted().size(), 1U);
  txn->Rollback();
}

}  // namespace
}  // namespace sextant::shacl
