// GET /search: full-text search over HTTP as the workbench and the benchmark call it.
#include <gtest/gtest.h>

#include "server_fixture.h"

namespace sextant::testing {
namespace {

class SearchEndpointTest : public ServerTest {
 protected:
  void SetUp() override {
    StartServer();
    Load(R"(@prefix : <http://example.org/> .
            <http://example.org/src> { :a :quote "The <Polonez> missile"@en .
                                        :b :quote "missiles, missiles"@en . })");
  }
};

TEST_F(SearchEndpointTest, AnswersSparqlJsonBestFirstWithEscapedSnippets) {
  auto r = Get(port(), "/search?q=" + UrlEncode("missile") + "&limit=5", "*/*");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.ContentType(), "application/sparql-results+json; charset=utf-8");
  EXPECT_LT(r.body.find("http://example.org/b"), r.body.find("http://example.org/a")) << r.body;
  EXPECT_NE(r.body.find("The &lt;Polonez&gt; <b>missile</b>"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\"graph\""), std::string::npos) << r.body;
  auto one = Get(port(), "/search?q=missile&limit=1", "*/*");
  EXPECT_EQ(one.body.find("http://example.org/a"), std::string::npos) << one.body;
}

TEST_F(SearchEndpointTest, RejectsBadRequests) {
  EXPECT_EQ(Get(port(), "/search", "*/*").status, 400);
  EXPECT_EQ(Get(port(), "/search?q=a&limit=0", "*/*").status, 400);
  EXPECT_EQ(Get(port(), "/search?q=a&limit=5000", "*/*").status, 400);
  auto bad = Get(port(), "/search?q=" + UrlEncode("\"open"), "*/*");
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_NE(bad.body.find("unterminated"), std::string::npos) << bad.body;
  EXPECT_EQ(Post(port(), "/search", "text/plain", "q=a").status, 405);
}

}  // namespace
}  // namespace sextant::testing
