// Stopping queries and updates: interrupt from another thread, and timeouts.
#include <chrono>
#include <string>
#include <thread>

#include "capi_fixture.h"

namespace sextant_capi_test {
namespace {

// Long enough (hundreds of millions of rows) that only an interrupt or timeout ends it.
constexpr const char* kSlow =
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?t ?h . ?i ?u ?j }";

class InterruptTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    std::string data;
    for (int i = 0; i < 60; ++i)
      data += "<http://e/s" + std::to_string(i) + "> <http://e/p> " + std::to_string(i) + " .\n";
    ASSERT_C_OK(
        sextant_load_string(db_, data.data(), data.size(), "turtle", nullptr, nullptr, nullptr));
  }
};

TEST_F(InterruptTest, InterruptFromAnotherThreadStopsARunningQuery) {
  sextant_cursor* c = nullptr;
  ASSERT_C_OK(sextant_query(db_, kSlow, &c));
  std::thread stopper([this] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_EQ(sextant_interrupt(db_), SEXTANT_OK);
  });
  auto start = std::chrono::steady_clock::now();
  int has_row = 1;
  EXPECT_EQ(sextant_cursor_next(c, &has_row), SEXTANT_INTERRUPTED);
  EXPECT_EQ(has_row, 0);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
  stopper.join();
  sextant_cursor_free(c);
  // Later queries are not affected.
  EXPECT_EQ(Rows("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").at(0),
            "\"60\"^^http://www.w3.org/2001/XMLSchema#integer");
}

TEST_F(InterruptTest, InterruptedPreparedQueryRunsAgain) {
  sextant_prepared* p = nullptr;
  ASSERT_C_OK(sextant_prepare(db_, "SELECT ?s WHERE { ?s <http://e/p> ?o }", &p));
  ASSERT_C_OK(sextant_bind_int(p, "o", 7));
  sextant_cursor* c = nullptr;
  ASSERT_C_OK(sextant_execute(p, &c));
  ASSERT_C_OK(sextant_interrupt(db_));
  int has_row = 0;
  EXPECT_EQ(sextant_cursor_next(c, &has_row), SEXTANT_INTERRUPTED);
  sextant_cursor_free(c);
  ASSERT_C_OK(sextant_execute(p, &c));
  EXPECT_EQ(Drain(c), std::vector<std::string>{"<http://e/s7>"});  // the binding survived
  sextant_cursor_free(c);
  sextant_prepared_free(p);
}

TEST_F(InterruptTest, TimeoutStopsQueriesAndUpdates) {
  ASSERT_C_OK(sextant_set_timeout(db_, 50));
  sextant_cursor* c = nullptr;
  ASSERT_C_OK(sextant_query(db_, kSlow, &c));
  int has_row = 1;
  EXPECT_EQ(sextant_cursor_next(c, &has_row), SEXTANT_TIMEOUT);
  sextant_cursor_free(c);
  EXPECT_EQ(sextant_update(db_,
                           "INSERT { ?a <http://e/q> ?j } WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . "
                           "?g ?t ?h . ?i ?u ?j }",
                           nullptr, nullptr),
            SEXTANT_TIMEOUT);
  ASSERT_C_OK(sextant_set_timeout(db_, 0));
  EXPECT_EQ(Rows("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").at(0),
            "\"60\"^^http://www.w3.org/2001/XMLSchema#integer");
}

}  // namespace
}  // namespace sextant_capi_test
