// Opening stores and loading data through the C API, including every way it can fail.
#include <cstring>
#include <fstream>
#include <string>

#include "capi_fixture.h"

namespace sextant_capi_test {
namespace {

using OpenLoadTest = StoreTest;

TEST_F(OpenLoadTest, NullArgumentsAreInvalid) {
  sextant_db* db = reinterpret_cast<sextant_db*>(1);
  EXPECT_EQ(sextant_open(nullptr, 0, &db), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(db, nullptr);
  EXPECT_STREQ(sextant_last_error_message(), "path is NULL");
  EXPECT_EQ(sextant_last_error_code(), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_open(Path("x").c_str(), 0, nullptr), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_load_file(nullptr, "a.ttl", nullptr, nullptr, nullptr),
            SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_load_string(nullptr, "", 0, "turtle", nullptr, nullptr, nullptr),
            SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_set_timeout(nullptr, 5), SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_interrupt(nullptr), SEXTANT_INVALID_ARGUMENT);
  sextant_close(nullptr);  // a no-op, like free(NULL)
}

TEST_F(OpenLoadTest, SuccessClearsTheLastError) {
  EXPECT_EQ(sextant_open(nullptr, 0, nullptr), SEXTANT_INVALID_ARGUMENT);
  EXPECT_STRNE(sextant_last_error_message(), "");
  EXPECT_C_OK(sextant_set_timeout(db_, 0));
  EXPECT_STREQ(sextant_last_error_message(), "");
  EXPECT_EQ(sextant_last_error_code(), SEXTANT_OK);
}

TEST_F(OpenLoadTest, MissingStoreWithoutCreateIsNotFound) {
  sextant_db* db = nullptr;
  EXPECT_EQ(sextant_open(Path("missing").c_str(), SEXTANT_OPEN_NO_CREATE, &db), SEXTANT_NOT_FOUND);
  EXPECT_EQ(db, nullptr);
}

TEST_F(OpenLoadTest, AFileIsNotAStore) {
  std::ofstream(Path("file")) << "not a store";
  sextant_db* db = nullptr;
  sextant_code code = sextant_open(Path("file").c_str(), 0, &db);
  EXPECT_NE(code, SEXTANT_OK);
  EXPECT_EQ(db, nullptr);
  EXPECT_STRNE(sextant_last_error_message(), "");
}

TEST_F(OpenLoadTest, SecondWriterIsLocked) {
  sextant_db* second = nullptr;
  EXPECT_EQ(sextant_open(Path("db").c_str(), 0, &second), SEXTANT_LOCKED)
      << sextant_last_error_message();
  EXPECT_EQ(second, nullptr);
}

TEST_F(OpenLoadTest, ReadOnlyStoreRejectsWrites) {
  LoadData();
  sextant_close(db_);
  db_ = nullptr;
  ASSERT_C_OK(sextant_open(Path("db").c_str(), SEXTANT_OPEN_READ_ONLY, &db_));
  EXPECT_EQ(Rows("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").at(0),
            "\"2\"^^http://www.w3.org/2001/XMLSchema#integer");
  EXPECT_EQ(sextant_update(db_, "INSERT DATA { <a:x> <a:y> <a:z> }", nullptr, nullptr),
            SEXTANT_INVALID_ARGUMENT);
  sextant_txn* txn = nullptr;
  EXPECT_NE(sextant_begin(db_, &txn), SEXTANT_OK);
  EXPECT_EQ(txn, nullptr);
}

TEST_F(OpenLoadTest, LoadsAFileIntoAGraph) {
  std::ofstream(Path("data.nt"))
      << "<http://e/a> <http://e/p> \"x\" .\n<http://e/b> <http://e/p> \"y\" .\n";
  uint64_t inserted = 0;
  ASSERT_C_OK(sextant_load_file(db_, Path("data.nt").c_str(), nullptr, "http://e/g", &inserted));
  EXPECT_EQ(inserted, 2u);
  EXPECT_EQ(Rows("SELECT ?s WHERE { GRAPH <http://e/g> { ?s ?p \"y\" } }"),
            std::vector<std::string>{"<http://e/b>"});
}

TEST_F(OpenLoadTest, MissingFileFails) {
  EXPECT_NE(sextant_load_file(db_, Path("nope.ttl").c_str(), nullptr, nullptr, nullptr),
            SEXTANT_OK);
  EXPECT_NE(std::string(sextant_last_error_message()).find("nope.ttl"), std::string::npos)
      << sextant_last_error_message();
}

TEST_F(OpenLoadTest, SyntaxErrorHasLineAndColumnAndLoadsNothing) {
  const char* text = "<http://e/a> <http://e/p> <http://e/b> .\n<http://e/a> <http://e/p> oops .\n";
  uint64_t inserted = 99;
  EXPECT_EQ(sextant_load_string(db_, text, strlen(text), "turtle", nullptr, nullptr, &inserted),
            SEXTANT_SYNTAX_ERROR);
  EXPECT_EQ(inserted, 99u);
  EXPECT_EQ(sextant_last_error_line(), 2u);
  EXPECT_GT(sextant_last_error_column(), 0u);
  EXPECT_TRUE(Rows("SELECT * WHERE { ?s ?p ?o }").empty());
}

TEST_F(OpenLoadTest, FormatIsCheckedAndRequiredForStrings) {
  EXPECT_EQ(sextant_load_string(db_, "", 0, "n3", nullptr, nullptr, nullptr),
            SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_load_string(db_, "", 0, nullptr, nullptr, nullptr, nullptr),
            SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_load_string(db_, nullptr, 3, "turtle", nullptr, nullptr, nullptr),
            SEXTANT_INVALID_ARGUMENT);
  EXPECT_EQ(sextant_load_file(db_, nullptr, nullptr, nullptr, nullptr), SEXTANT_INVALID_ARGUMENT);
}

TEST_F(OpenLoadTest, BaseIriResolvesRelativeIris) {
  const char* text = "<a> <p> <b> .";
  ASSERT_C_OK(
      sextant_load_string(db_, text, strlen(text), "turtle", "http://base/", nullptr, nullptr));
  EXPECT_EQ(Rows("SELECT ?o WHERE { ?s ?p ?o }"), std::vector<std::string>{"<http://base/b>"});
}

TEST_F(OpenLoadTest, VersionAndCodeNames) {
  EXPECT_STRNE(sextant_version(), "");
  EXPECT_STREQ(sextant_code_name(SEXTANT_LOCKED), "Locked");
  EXPECT_STREQ(sextant_code_name(SEXTANT_SYNTAX_ERROR), "Syntax error");
}

}  // namespace
}  // namespace sextant_capi_test
