// GET /conflicts: the sources' disagreements over HTTP, as the workbench's Conflicts view asks.
#include <gtest/gtest.h>

#include "server_fixture.h"

namespace sextant::testing {
namespace {

class ConflictsEndpointTest : public ServerTest {
 protected:
  void SetUp() override {
    StartServer();
    Load(R"(@prefix : <http://example.org/> .
            @prefix dct: <http://purl.org/dc/terms/> .
            <http://example.org/a> { <http://example.org/a> dct:title "Report A" .
                                      :unit :soldiers 70 . :other :soldiers 1 . }
            <http://example.org/b> { <http://example.org/b> dct:title "Report B" .
                                      :unit :soldiers 100 . :other :soldiers 2 . })");
  }
};

TEST_F(ConflictsEndpointTest, AnswersSparqlJsonOneRowPerSide) {
  auto r = Get(port(), "/conflicts?subject=" + UrlEncode("http://example.org/unit"), "*/*");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.ContentType(), "application/sparql-results+json; charset=utf-8");
  EXPECT_NE(r.body.find("\"Report A\""), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\"Report B\""), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\"numbers\""), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("http://example.org/other"), std::string::npos) << r.body;
  auto all = Get(port(), "/conflicts", "*/*");
  EXPECT_NE(all.body.find("http://example.org/other"), std::string::npos) << all.body;
  auto one = Get(port(), "/conflicts?limit=1", "*/*");
  EXPECT_EQ(one.body.find("http://example.org/unit"), std::string::npos) << one.body;
}

TEST_F(ConflictsEndpointTest, RejectsBadRequests) {
  EXPECT_EQ(Get(port(), "/conflicts?limit=0", "*/*").status, 400);
  EXPECT_EQ(Get(port(), "/conflicts?limit=5000", "*/*").status, 400);
  EXPECT_EQ(Get(port(), "/conflicts?subject=a&subject=b", "*/*").status, 400);
  EXPECT_EQ(Post(port(), "/conflicts", "text/plain", "").status, 405);
}

}  // namespace
}  // namespace sextant::testing
