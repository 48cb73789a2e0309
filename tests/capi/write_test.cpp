// Updates and transactions through the C API.
#include <string>
#include <vector>

#include "capi_fixture.h"

namespace sextant_capi_test {
namespace {

using WriteTest = StoreTest;

const sextant_term kS = Iri("http://e/s");
const sextant_term kP = Iri("http://e/p");

TEST_F(WriteTest, UpdateReportsInsertedAndDeleted) {
  uint64_t inserted = 0, deleted = 0;
  ASSERT_C_OK(sextant_update(db_, "INSERT DATA { <http://e/a> <http://e/p> 1, 2, 3 }", &inserted,
                             &deleted));
  EXPECT_EQ(inserted, 3u);
  EXPECT_EQ(deleted, 0u);
  ASSERT_C_OK(sextant_update(db_, "DELETE WHERE { ?s <http://e/p> 2 }", &inserted, &deleted));
  EXPECT_EQ(inserted, 0u);
  EXPECT_EQ(deleted, 1u);
  ASSERT_C_OK(sextant_update(db_, "CLEAR ALL", nullptr, nullptr));
}

TEST_F(WriteTest, UpdateErrors) {
  EXPECT_EQ(sextant_update(db_, "INSERT DATA {\n <a:x> <a:y> }", nullptr, nullptr),
            SEXTANT_SYNTAX_ERROR);
  EXPECT_EQ(sextant_last_error_line(), 2u);
  EXPECT_EQ(sextant_update(db_, "SELECT * WHERE { ?s ?p ?o }", nullptr, nullptr),
            SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_update(db_, nullptr, nullptr, nullptr), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_update(nullptr, "CLEAR ALL", nullptr, nullptr), SEXTANT_INVALID_ARGUMENT);
}

TEST_F(WriteTest, CommittedInsertsAreVisibleAndReadOwnWrites) {
  sextant_txn* txn = nullptr;
  ASSERT_C_OK(sextant_begin(db_, &txn));
  sextant_term o = Lit("v", nullptr, "en");
  sextant_term g = Iri("http://e/g");
  ASSERT_C_OK(sextant_txn_insert(txn, &kS, &kP, &o, &g));
  int found = 0;
  ASSERT_C_OK(sextant_txn_contains(txn, &kS, &kP, &o, &g, &found));
  EXPECT_EQ(found, 1);
  ASSERT_C_OK(sextant_txn_contains(txn, &kS, &kP, &o, nullptr, &found));
  EXPECT_EQ(found, 0);  // default graph
  EXPECT_TRUE(Rows("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }").empty());
  ASSERT_C_OK(sextant_txn_commit(txn));
  sextant_txn_free(txn);
  EXPECT_EQ(Rows("SELECT ?o WHERE { GRAPH <http://e/g> { ?s ?p ?o } }"),
            std::vector<std::string>{"\"v\"@en"});
}

// RDF 1.2 terms in and out: a triple term holding a literal with a base direction.
TEST_F(WriteTest, TripleTermsAndDirections) {
  sextant_term parts[3] = {Iri("http://e/a"), Iri("http://e/says"), Lit("שלום", nullptr, "he")};
  parts[2].direction = "rtl";
  sextant_term triple{};
  triple.kind = SEXTANT_TERM_TRIPLE;
  triple.triple = parts;
  sextant_txn* txn = nullptr;
  ASSERT_C_OK(sextant_begin(db_, &txn));
  ASSERT_C_OK(sextant_txn_insert(txn, &kS, &kP, &triple, nullptr));
  int found = 0;
  ASSERT_C_OK(sextant_txn_contains(txn, &kS, &kP, &triple, nullptr, &found));
  EXPECT_EQ(found, 1);
  // Refused: a direction that is neither ltr nor rtl, a direction without a language, a triple
  // term as a graph name, a triple term without parts.
  sextant_term bad = Lit("x", nullptr, "en");
  bad.direction = "up";
  EXPECT_EQ(sextant_txn_insert(txn, &kS, &kP, &bad, nullptr), SEXTANT_INVALID_ARGUMENT);
  bad = Lit("x");
  bad.direction = "ltr";
  EXPECT_EQ(sextant_txn_insert(txn, &kS, &kP, &bad, nullptr), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_txn_insert(txn, &kS, &kP, &kS, &triple), SEXTANT_INVALID_ARGUMENT);
  sextant_term empty{};
  empty.kind = SEXTANT_TERM_TRIPLE;
  EXPECT_EQ(sextant_txn_insert(txn, &kS, &kP, &empty, nullptr), SEXTANT_INVALID_ARGUMENT);
  ASSERT_C_OK(sextant_txn_commit(txn));
  sextant_txn_free(txn);
  EXPECT_EQ(Rows("SELECT ?o WHERE { <http://e/s> <http://e/p> ?o }"),
            std::vector<std::string>{"<< <http://e/a> <http://e/says> \"שלום\"@he--rtl >>"});
  // As output, value holds the N-Triples form and the parts live until the next row.
  sextant_cursor* cursor = nullptr;
  ASSERT_C_OK(sextant_query(db_, "SELECT ?o WHERE { ?s ?p ?o }", &cursor));
  int has_row = 0;
  ASSERT_C_OK(sextant_cursor_next(cursor, &has_row));
  ASSERT_EQ(has_row, 1);
  sextant_term t;
  ASSERT_C_OK(sextant_cursor_term(cursor, 0, &t));
  ASSERT_EQ(t.kind, SEXTANT_TERM_TRIPLE);
  EXPECT_EQ(std::string(t.value, t.value_len),
            "<<( <http://e/a> <http://e/says> \"שלום\"@he--rtl )>>");
  ASSERT_NE(t.triple, nullptr);
  EXPECT_EQ(std::string(t.triple[2].direction), "rtl");
  EXPECT_EQ(std::string(t.triple[2].datatype),
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString");
  sextant_cursor_free(cursor);
}

TEST_F(WriteTest, RollbackAndFreeDiscard) {
  sextant_term o = Lit("1", "http://www.w3.org/2001/XMLSchema#integer");
  sextant_txn* txn = nullptr;
  ASSERT_C_OK(sextant_begin(db_, &txn));
  ASSERT_C_OK(sextant_txn_insert(txn, &kS, &kP, &o, nullptr));
  ASSERT_C_OK(sextant_txn_rollback(txn));
  sextant_txn_free(txn);
  ASSERT_C_OK(sextant_begin(db_, &txn));
  ASSERT_C_OK(sextant_txn_insert(txn, &kS, &kP, &o, nullptr));
  sextant_txn_free(txn);  // never committed
  EXPECT_TRUE(Rows("SELECT * WHERE { ?s ?p ?o }").empty());
}

TEST_F(WriteTest, RemoveInATransaction) {
  ASSERT_C_OK(
      sextant_update(db_, "INSERT DATA { <http://e/s> <http://e/p> \"x\" }", nullptr, nullptr));
  sextant_term o = Lit("x");
  sextant_txn* txn = nullptr;
  ASSERT_C_OK(sextant_begin(db_, &txn));
  ASSERT_C_OK(sextant_txn_remove(txn, &kS, &kP, &o, nullptr));
  ASSERT_C_OK(sextant_txn_commit(txn));
  sextant_txn_free(txn);
  EXPECT_TRUE(Rows("SELECT * WHERE { ?s ?p ?o }").empty());
}

TEST_F(WriteTest, UseAfterCommitFails) {
  sextant_txn* txn = nullptr;
  ASSERT_C_OK(sextant_begin(db_, &txn));
  ASSERT_C_OK(sextant_txn_commit(txn));
  EXPECT_EQ(sextant_txn_commit(txn), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_txn_rollback(txn), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_txn_insert(txn, &kS, &kP, &kS, nullptr), SEXTANT_INVALID_ARGUMENT);
  EXPECT_NE(std::string(sextant_last_error_message()).find("already been committed"),
            std::string::npos);
  sextant_txn_free(txn);
}

TEST_F(WriteTest, OneWriterAtATime) {
  sextant_txn* txn = nullptr;
  ASSERT_C_OK(sextant_begin(db_, &txn));
  sextant_txn* second = reinterpret_cast<sextant_txn*>(1);
  EXPECT_EQ(sextant_begin(db_, &second), SEXTANT_BUSY);
  EXPECT_EQ(second, nullptr);
  EXPECT_EQ(sextant_update(db_, "CLEAR ALL", nullptr, nullptr), SEXTANT_BUSY);
  sextant_txn_free(txn);
  ASSERT_C_OK(sextant_update(db_, "CLEAR ALL", nullptr, nullptr));
}

TEST_F(WriteTest, BadQuadsAreRejected) {
  sextant_txn* txn = nullptr;
  ASSERT_C_OK(sextant_begin(db_, &txn));
  sextant_term lit = Lit("x");
  sextant_term blank = {SEXTANT_TERM_BLANK, "b", 0, nullptr, nullptr, nullptr, nullptr};
  sextant_term bad_kind = {
      static_cast<sextant_term_kind>(9), "x", 0, nullptr, nullptr, nullptr, nullptr};
  EXPECT_EQ(sextant_txn_insert(txn, &lit, &kP, &kS, nullptr), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_txn_insert(txn, &kS, &blank, &kS, nullptr), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_txn_insert(txn, &kS, &kP, nullptr, nullptr), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_txn_insert(txn, &kS, &kP, &bad_kind, nullptr), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_txn_insert(txn, &kS, &kP, &kS, &lit), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_txn_insert(nullptr, &kS, &kP, &kS, nullptr), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_txn_contains(txn, &kS, &kP, &kS, nullptr, nullptr), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_begin(db_, nullptr), SEXTANT_INVALID_ARGUMENT);
  ASSERT_C_OK(sextant_txn_insert(txn, &blank, &kP, &kS, nullptr));
  ASSERT_C_OK(sextant_txn_commit(txn));
  sextant_txn_free(txn);
  EXPECT_EQ(Rows("SELECT ?o WHERE { ?s ?p ?o }"), std::vector<std::string>{"<http://e/s>"});
}

}  // namespace
}  // namespace sextant_capi_test
