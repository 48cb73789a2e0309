// Parsing from several threads at once gives the same AST (ANTLR shares its DFA cache).
#include <atomic>
#include <thread>
#include <vector>

#include "grammar_test_util.h"

namespace sextant::testing {
namespace {

TEST(ParseConcurrency, ParallelParsesAgree) {
  // ANTLR's DFA cache is shared between parsers: parse from several threads at once.
  const std::string text =
      "SELECT ?s (COUNT(?o) AS ?n) { ?s ex:p/ex:q* ?o FILTER(?o > 1 || regex(?s, \"x\")) } "
      "GROUP BY ?s";
  const std::string expected = ParseToString(text);
  ASSERT_EQ(expected.find("ERROR"), std::string::npos) << expected;
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        if (ParseToString(text) != expected) ++mismatches;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace sextant::testing
