// Hostile queries (docs/RELIABILITY.md, Limits): absurd nesting, a 10^9-row cartesian
// product, interrupts, and a 10,000,000-row result streamed to CSV. Each ends with a clear
// error or completes within its memory bound; none crashes the process.
#include <gtest/gtest.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <thread>

#include "process.h"
#include "sextant/database.h"
#include "testutil/test_util.h"

namespace sextant::reliability {
namespace {

using namespace std::chrono_literals;
using sextant::testing::TempDir;

// A store whose every pattern `?s :p ?o` matches `n` quads.
void LoadChain(const std::string& db_path, int n, const TempDir& dir) {
  const std::string file = dir.Sub("chain.nt");
  {
    std::ofstream out(file);
    for (int i = 0; i < n; ++i) {
      out << "<http://sextant.local/n" << i << "> <http://sextant.local/p> <http://sextant.local/n"
          << (i + 1) % n << "> .\n";
    }
  }
  ASSERT_EQ(RunProcess({SextantBinary(), "load", db_path, file, "--quiet"}, "", dir.Sub("load.err"))
                .exit_code,
            0);
}

// Runs fn on a thread with a 1 MiB stack, as an embedding application might.
template <typename Fn>
void OnSmallStack(Fn fn) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 1 << 20);
  pthread_t thread;
  auto* heap_fn = new Fn(std::move(fn));
  ASSERT_EQ(pthread_create(
                &thread, &attr,
                [](void* arg) -> void* {
                  auto* f = static_cast<Fn*>(arg);
                  (*f)();
                  delete f;
                  return nullptr;
                },
                heap_fn),
            0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
}

TEST(HostileQueryTest, NestingHundredThousandDeepIsTooDeepEvenOnASmallStack) {
  TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto db, Database::Open(dir.Sub("db")));
  const int depth = 100'000;
  const std::string groups = "SELECT * WHERE " + std::string(depth, '{') + std::string(depth, '}');
  const std::string parens =
      "ASK { FILTER(" + std::string(depth, '(') + "1" + std::string(depth, ')') + ") }";
  std::string calls = "ASK { FILTER(";
  for (int i = 0; i < depth; ++i) calls += "STR(";
  calls += "1" + std::string(depth, ')') + ") }";
  const std::string update =
      "INSERT { <a:s> <a:p> <a:o> } WHERE " + std::string(depth, '{') + std::string(depth, '}');
  for (const std::string* text : std::vector<const std::string*>{&groups, &parens, &calls}) {
    Status status;
    OnSmallStack([&] {
      auto r = db->Query(*text);
      status = r.ok() ? (*r)->status() : r.status();
    });
    EXPECT_EQ(status.code(), StatusCode::kSyntaxError) << status.ToString();
    EXPECT_NE(status.message().find("too deep"), std::string::npos) << status.ToString();
  }
  Status status;
  OnSmallStack([&] { status = db->Update(update).status(); });
  EXPECT_NE(status.message().find("too deep"), std::string::npos) << status.ToString();
}

TEST(HostileQueryTest, BillionRowProductStopsAtTimeoutOrBudgetInBoundedMemory) {
  TempDir dir;
  const std::string db = dir.Sub("db");
  LoadChain(db, 1000, dir);
  const std::string product =
      "?a <http://sextant.local/p> ?b . ?c <http://sextant.local/p> ?d . ?e "
      "<http://sextant.local/p> ?f";
  // Counting streams (only the timeout can stop it); sorting and DISTINCT hold rows, so the
  // memory budget may stop them first. Either way: a clear error within 3 s.
  struct Case {
    std::string query;
    std::string memory_limit_mb;
  };
  const Case cases[] = {
      {"SELECT (COUNT(*) AS ?n) WHERE { " + product + " }", "128"},
      {"SELECT * WHERE { " + product + " } ORDER BY ?f ?a", "128"},
      {"SELECT * WHERE { " + product + " } ORDER BY ?f ?a", "16"},
      {"SELECT DISTINCT ?a ?c ?e WHERE { " + product + " }", "16"},
  };
  int budget_stops = 0;
  for (const auto& c : cases) {
    const auto start = std::chrono::steady_clock::now();
    const auto exit = RunProcess({SextantBinary(), "query", db, c.query, "--timeout", "2000",
                                  "--memory-limit", c.memory_limit_mb, "--format", "csv"},
                                 dir.Sub("out.csv"), dir.Sub("err"));
    const auto elapsed = std::chrono::steady_clock::now() - start;
    const std::string err = sextant::testing::ReadFile(dir.Sub("err"));
    EXPECT_EQ(exit.exit_code, 1) << c.query << "\n" << err;
    const bool budget = err.find("memory budget") != std::string::npos;
    budget_stops += budget ? 1 : 0;
    EXPECT_TRUE(budget || err.find("timed out") != std::string::npos) << c.query << "\n" << err;
    EXPECT_LT(elapsed, 3s) << c.query;
    EXPECT_LT(exit.max_rss_kib, 256 * 1024) << c.query;
    std::printf("%-60.60s stopped after %lld ms, peak RSS %ld MiB\n", c.query.c_str(),
                static_cast<long long>(
                    std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count()),
                exit.max_rss_kib / 1024);
  }
  EXPECT_GE(budget_stops, 2)
      << "the 16 MiB budget should stop sorting and DISTINCT before the timeout";
}

TEST(HostileQueryTest, InterruptStopsAnyQueryWithin200Milliseconds) {
  TempDir dir;
  const std::string path = dir.Sub("db");
  LoadChain(path, 3000, dir);
  ASSERT_OK_AND_ASSIGN(auto db, Database::Open(path));
  const std::string p = "<http://sextant.local/p>";
  const std::string queries[] = {
      "SELECT (COUNT(*) AS ?n) WHERE { ?a " + p + " ?b . ?c " + p + " ?d . ?e " + p + " ?f }",
      "SELECT * WHERE { ?a " + p + " ?b . ?c " + p + " ?d } ORDER BY DESC(?d) ?a",
      "SELECT (COUNT(*) AS ?n) WHERE { ?a " + p + "+ ?b }",
      "SELECT * WHERE { ?a " + p + " ?b . ?c " + p + " ?d . ?e " + p +
          " ?f FILTER(STRLEN(CONCAT(STR(?a), STR(?f))) < 0) }",
      "SELECT (COUNT(*) AS ?n) WHERE { ?a " + p + " ?b FILTER NOT EXISTS { ?a " + p +
          "+ ?c FILTER(?c = <http://x/>) } }",
  };
  for (const auto& q : queries) {
    std::atomic<bool> stop{false};
    QueryOptions options;
    options.interrupt = &stop;
    std::chrono::steady_clock::time_point raised;
    std::thread interrupter([&] {
      std::this_thread::sleep_for(300ms);
      raised = std::chrono::steady_clock::now();
      stop = true;
    });
    Status status;
    auto cursor = db->Query(q, options);
    if (cursor.ok()) {
      while ((*cursor)->Next()) {
      }
      status = (*cursor)->status();
    } else {
      status = cursor.status();
    }
    const auto stopped = std::chrono::steady_clock::now();
    interrupter.join();
    EXPECT_EQ(status.code(), StatusCode::kInterrupted) << q << ": " << status.ToString();
    EXPECT_LT(stopped - raised, 200ms) << q;
    std::printf(
        "%-60.60s stopped %lld ms after the interrupt\n", q.c_str(),
        static_cast<long long>(
            std::chrono::duration_cast<std::chrono::milliseconds>(stopped - raised).count()));
  }
}

TEST(HostileQueryTest, TenMillionRowsStreamToCsvInBoundedMemory) {
  TempDir dir;
  const std::string db = dir.Sub("db");
  LoadChain(db, 3163, dir);  // 3163^2 = 10,004,569 rows
  auto child = ChildProcess::Start(
      {SextantBinary(), "query", db,
       "SELECT ?a ?d WHERE { ?a <http://sextant.local/p> ?b . ?c <http://sextant.local/p> ?d }",
       "--format", "csv"},
      dir.Sub("err"));
  ASSERT_TRUE(child.has_value());
  const auto [lines, bytes] = child->DrainLines();
  const auto exit = child->Wait();
  EXPECT_EQ(exit.exit_code, 0) << sextant::testing::ReadFile(dir.Sub("err"));
  EXPECT_EQ(lines, 3163ull * 3163ull + 1);  // + the header
  EXPECT_LT(exit.max_rss_kib, 128 * 1024);
  std::printf("%llu CSV lines (%llu MiB) streamed with peak RSS %ld MiB\n",
              static_cast<unsigned long long>(lines), static_cast<unsigned long long>(bytes >> 20),
              exit.max_rss_kib / 1024);
}

}  // namespace
}  // namespace sextant::reliability
