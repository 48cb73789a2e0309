// SPARQL Update through the public API: effects, atomicity of multi-operation requests, and
// snapshot isolation of readers while an update commits.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <sstream>
#include <thread>

#include "sextant/database.h"
#include "testutil/test_util.h"

namespace sextant {
namespace {

using sextant::testing::TempDir;

class UpdateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.Sub("db"));
    ASSERT_OK(db);
    db_ = std::move(*db);
  }
  std::string Dump() {
    std::ostringstream out;
    EXPECT_OK(db_->Dump(out, {RdfFormat::kNQuads, std::nullopt, {}}));
    return out.str();
  }
  uint64_t Count(const std::string& ask_pattern) {
    auto c = db_->Query("SELECT (COUNT(*) AS ?n) WHERE { " + ask_pattern + " }");
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    if (!c.ok() || !(*c)->Next()) return ~uint64_t{0};
    return std::stoull((*c)->row()[0]->value());
  }
  TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(UpdateTest, InsertDeleteModifyAndGraphManagement) {
  ASSERT_OK_AND_ASSIGN(
      UpdateStats s,
      db_->Update("INSERT DATA { :Russia :memberOf :CSTO . :Armenia :memberOf :CSTO . "
                  "GRAPH :article { :Belarus :exported :Missiles } }"));
  EXPECT_EQ(s.inserted, 3u);
  EXPECT_EQ(Count("?c :memberOf :CSTO"), 2u);
  ASSERT_OK_AND_ASSIGN(s, db_->Update("DELETE DATA { :Armenia :memberOf :CSTO }"));
  EXPECT_EQ(s.deleted, 1u);
  ASSERT_OK_AND_ASSIGN(s, db_->Update("DELETE { ?c :memberOf :CSTO } INSERT { ?c :memberOf :CSTO2 "
                                      "} WHERE { ?c :memberOf :CSTO }"));
  EXPECT_EQ(s.deleted, 1u);
  EXPECT_EQ(s.inserted, 1u);
  EXPECT_EQ(Count("?c :memberOf :CSTO2"), 1u);
  ASSERT_OK(db_->Update("MOVE :article TO :archive"));
  EXPECT_EQ(Count("GRAPH :archive { ?s ?p ?o }"), 1u);
  EXPECT_EQ(Count("GRAPH :article { ?s ?p ?o }"), 0u);
  ASSERT_OK(db_->Update("COPY :archive TO DEFAULT"));
  EXPECT_EQ(Count("GRAPH :archive { ?s ?p ?o }"), 1u);
  ASSERT_OK(db_->Update("DROP ALL"));
  EXPECT_EQ(Count("?s ?p ?o"), 0u);
  // Statistics stay exact: the store is empty again.
  ASSERT_OK_AND_ASSIGN(StoreStats st, db_->GetSnapshot()->Stats());
  EXPECT_EQ(st.quads, 0u);
  EXPECT_TRUE(st.predicates.empty());
}

TEST_F(UpdateTest, FailingLastOperationChangesNothing) {
  ASSERT_OK(db_->Update("INSERT DATA { :a :p 1 . :b :p 2 }"));
  const std::string before = Dump();
  auto r = db_->Update(
      "DELETE WHERE { ?s :p ?o } ; INSERT DATA { :c :p 3 } ; LOAD <file:///nonexistent/file.ttl>");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().ToString().find("nonexistent"), std::string::npos) << r.status().ToString();
  EXPECT_EQ(Dump(), before);
  // Other schemes are refused clearly; SILENT makes failures no-ops.
  EXPECT_EQ(db_->Update("LOAD <http://example.org/data.ttl>").status().code(),
            StatusCode::kUnsupported);
  ASSERT_OK(db_->Update("LOAD SILENT <http://example.org/data.ttl> ; DROP SILENT GRAPH :nothing"));
  EXPECT_EQ(db_->Update("DROP GRAPH :nothing").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Dump(), before);
}

TEST_F(UpdateTest, LaterOperationsSeeEarlierOnes) {
  ASSERT_OK_AND_ASSIGN(
      UpdateStats s,
      db_->Update("INSERT DATA { :x :p :y } ; INSERT { ?a :q ?b } WHERE { ?a :p ?b }"));
  EXPECT_EQ(s.inserted, 2u);
  EXPECT_EQ(s.operations, 2u);
  EXPECT_EQ(Count(":x :q :y"), 1u);
}

TEST_F(UpdateTest, LoadFileIntoGraph) {
  sextant::testing::WriteFile(dir_.Sub("facts.ttl"),
                              "@prefix : <http://sextant.local/> . :Russia :sent 3000 .\n");
  ASSERT_OK_AND_ASSIGN(UpdateStats s,
                       db_->Update("LOAD <file://" + dir_.Sub("facts.ttl") + "> INTO GRAPH :src"));
  EXPECT_EQ(s.inserted, 1u);
  EXPECT_EQ(Count("GRAPH :src { :Russia :sent 3000 }"), 1u);
  sextant::testing::WriteFile(dir_.Sub("bad.ttl"),
                              "@prefix : <http://sextant.local/> . :Russia :sent .\n");
  auto bad = db_->Update("LOAD <file://" + dir_.Sub("bad.ttl") + ">");
  EXPECT_EQ(bad.status().code(), StatusCode::kSyntaxError);
  EXPECT_EQ(bad.status().line(), 1u);
}

TEST_F(UpdateTest, ReaderSnapshotSeesAllOrNothingOfALargeUpdate) {
  std::string data = "INSERT DATA {";
  for (int i = 0; i < 20000; ++i) data += " :s" + std::to_string(i) + " :p :o .";
  data += " }";
  ASSERT_OK(db_->Update(data));
  std::atomic<bool> done{false};
  std::atomic<int> violations{0}, checks{0};
  std::thread reader([&] {
    while (!done.load()) {
      auto snap = db_->GetSnapshot();
      auto p = snap->Count(
          {std::nullopt, Term::Iri("http://sextant.local/p"), std::nullopt, std::nullopt});
      auto q = snap->Count(
          {std::nullopt, Term::Iri("http://sextant.local/q"), std::nullopt, std::nullopt});
      if (!p.ok() || !q.ok()) continue;
      // Either before (20000 p, 0 q) or after (0 p, 20000 q): never a mix.
      if (!((*p == 20000 && *q == 0) || (*p == 0 && *q == 20000))) violations++;
      checks++;
    }
  });
  ASSERT_OK_AND_ASSIGN(UpdateStats s,
                       db_->Update("DELETE { ?s :p ?o } INSERT { ?s :q ?o } WHERE { ?s :p ?o }"));
  EXPECT_EQ(s.deleted, 20000u);
  EXPECT_EQ(s.inserted, 20000u);
  done = true;
  reader.join();
  EXPECT_EQ(violations.load(), 0);
  EXPECT_GT(checks.load(), 0);
}

TEST_F(UpdateTest, OneWriterAtATime) {
  ASSERT_OK_AND_ASSIGN(auto txn, db_->BeginTransaction());
  EXPECT_EQ(db_->Update("INSERT DATA { :a :b :c }").status().code(), StatusCode::kBusy);
  txn->Rollback();
  EXPECT_OK(db_->Update("INSERT DATA { :a :b :c }"));
  EXPECT_EQ(db_->Update("SELECT * {}").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(db_->Query("INSERT DATA { :a :b :c }").status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sextant
