// kill -9 at random moments (docs/RELIABILITY.md, Durability): during a stream of update
// transactions and during a bulk load, 20 cycles each. After every kill the store reopens with
// every acknowledged commit, nothing half there, and `sextant check` passing; a load killed
// midway and run again ends with each quad exactly once.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <fstream>
#include <random>
#include <thread>

#include "process.h"
#include "testutil/test_util.h"
#include "workload.h"

namespace sextant::reliability {
namespace {

using sextant::testing::TempDir;

constexpr int kCycles = 20;

std::mt19937_64 SeededRng() {
  const uint64_t seed = std::random_device{}();
  std::printf("random seed %llu\n", static_cast<unsigned long long>(seed));
  return std::mt19937_64(seed);
}

int RunCheck(const std::string& db, const TempDir& dir) {
  return RunProcess({SextantBinary(), "check", db}, "", dir.Sub("check.err")).exit_code;
}

TEST(KillTest, UpdateStreamSurvivesKillNine) {
  TempDir dir;
  const std::string db = dir.Sub("db");
  auto rng = SeededRng();
  uint64_t next = 1;
  uint64_t total_acknowledged = 0;
  for (int cycle = 0; cycle < kCycles; ++cycle) {
    auto child =
        ChildProcess::Start({CrashWriterBinary(), db, std::to_string(next)}, dir.Sub("writer.err"));
    ASSERT_TRUE(child.has_value());
    // Wait for the first acknowledgement, then let it run a random while before the kill.
    uint64_t acknowledged = next - 1;
    auto first = child->ReadLine(20000);
    ASSERT_TRUE(first.has_value())
        << "writer produced nothing: " << sextant::testing::ReadFile(dir.Sub("writer.err"));
    acknowledged = std::stoull(*first);
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(rng() % 300);
    while (std::chrono::steady_clock::now() < until) {
      auto line = child->ReadLine(5);
      if (line) acknowledged = std::stoull(*line);
    }
    child->Kill(SIGKILL);
    // Lines already in the pipe were acknowledged before the kill.
    while (auto line = child->ReadLine(50)) acknowledged = std::stoull(*line);
    const auto exit = child->Wait();
    ASSERT_EQ(exit.signal, SIGKILL)
        << "the writer ended on its own: " << sextant::testing::ReadFile(dir.Sub("writer.err"));

    ASSERT_EQ(RunCheck(db, dir), 0)
        << "cycle " << cycle << ": " << sextant::testing::ReadFile(dir.Sub("check.err"));
    {
      ASSERT_OK_AND_ASSIGN(auto reopened, Database::Open(db));
      const auto state = InspectWorkload(*reopened, acknowledged + 3);
      for (const auto& p : state.problems) ADD_FAILURE() << "cycle " << cycle << ": " << p;
      EXPECT_GE(state.complete, acknowledged) << "cycle " << cycle << ": acknowledged commit lost";
      EXPECT_LE(state.complete, acknowledged + 1) << "cycle " << cycle;
      next = state.complete + 1;
    }
    total_acknowledged = acknowledged;
  }
  EXPECT_GT(total_acknowledged, static_cast<uint64_t>(kCycles));
  std::printf("%d kills, %llu transactions acknowledged and present\n", kCycles,
              static_cast<unsigned long long>(total_acknowledged));
}

// Large enough for the SST ingestion path (more than 200,000 distinct quads).
constexpr int kLoadTriples = 210'000;

void WriteLoadFile(const std::string& path) {
  std::ofstream out(path);
  for (int i = 0; i < kLoadTriples; ++i) {
    out << "<http://sextant.local/e/" << i % 50'000 << "> <http://sextant.local/p" << i % 7
        << "> \"v" << i << "\" .\n";
  }
}

uint64_t CountGraph(const std::string& db, const std::string& graph) {
  auto opened = Database::Open(db);
  if (!opened.ok()) return ~uint64_t{0};
  QuadPattern p;
  p.graph = Term::Iri(graph);
  auto n = (*opened)->Count(p);
  return n.ok() ? *n : ~uint64_t{0};
}

TEST(KillTest, BulkLoadIsAllOrNothingAndResumes) {
  TempDir dir;
  const std::string file = dir.Sub("big.nt");
  WriteLoadFile(file);
  const std::string graph = "http://sextant.local/source/big";
  const std::string db = dir.Sub("db");
  auto rng = SeededRng();

  // A base of committed facts that must come through every kill untouched.
  {
    ASSERT_OK_AND_ASSIGN(auto base, Database::Open(db));
    for (uint64_t n = 1; n <= 5; ++n) ASSERT_OK(CommitTransaction(*base, n));
  }
  // Time one whole load elsewhere, so kills land inside the load.
  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(RunProcess({SextantBinary(), "load", dir.Sub("timing-db"), file, "--quiet"}, "",
                       dir.Sub("load.err"))
                .exit_code,
            0)
      << sextant::testing::ReadFile(dir.Sub("load.err"));
  const auto full_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::steady_clock::now() - start)
                           .count();

  int killed_midway = 0;
  for (int cycle = 0; cycle < kCycles; ++cycle) {
    auto child =
        ChildProcess::Start({SextantBinary(), "load", db, file, "--graph", graph, "--quiet"},
                            dir.Sub("load.err"), "/dev/null");
    ASSERT_TRUE(child.has_value());
    std::this_thread::sleep_for(
        std::chrono::milliseconds(full_ms / 20 + rng() % (full_ms * 9 / 10 + 1)));
    child->Kill(SIGKILL);
    const auto exit = child->Wait();
    if (exit.signal == SIGKILL) ++killed_midway;

    ASSERT_EQ(RunCheck(db, dir), 0)
        << "cycle " << cycle << ": " << sextant::testing::ReadFile(dir.Sub("check.err"));
    const uint64_t loaded = CountGraph(db, graph);
    EXPECT_TRUE(loaded == 0 || loaded == kLoadTriples)
        << "cycle " << cycle << ": load half there (" << loaded << " quads)";
    ASSERT_OK_AND_ASSIGN(auto reopened, Database::Open(db));
    const auto state = InspectWorkload(*reopened, 7);
    EXPECT_EQ(state.complete, 5u) << "cycle " << cycle;
    EXPECT_TRUE(state.problems.empty()) << state.problems[0];
  }
  EXPECT_GE(killed_midway, kCycles / 2) << "most kills should land while the load runs";

  // The resumed load completes with every quad exactly once.
  ASSERT_EQ(RunProcess({SextantBinary(), "load", db, file, "--graph", graph, "--quiet"}, "",
                       dir.Sub("load.err"))
                .exit_code,
            0)
      << sextant::testing::ReadFile(dir.Sub("load.err"));
  EXPECT_EQ(CountGraph(db, graph), static_cast<uint64_t>(kLoadTriples));
  ASSERT_EQ(RunCheck(db, dir), 0) << sextant::testing::ReadFile(dir.Sub("check.err"));
  {
    // The text index came in with the load, once: each loaded literal is found exactly once.
    ASSERT_OK_AND_ASSIGN(auto reopened, Database::Open(db));
    ASSERT_OK_AND_ASSIGN(auto hits, reopened->Search("v12345"));
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].graph, Term::Iri(graph));
  }
  std::printf("%d kills, %d during the load (full load %lld ms)\n", kCycles, killed_midway,
              static_cast<long long>(full_ms));
}

}  // namespace
}  // namespace sextant::reliability
