// The interactive shell on a pseudo-terminal: prompts, multi-line input, completion, history,
// Ctrl-C and Ctrl-D, colors.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "shell_harness.h"
#include "testutil/test_util.h"

namespace sextant {
namespace {

using shelltest::PtySession;
using shelltest::RunSextant;
using testing::TempDir;
using testing::WriteFile;
using namespace std::chrono_literals;

constexpr const char* kPtyFacts =
    "@prefix : <http://sextant.local/> .\n"
    ":Russia a :Country ; :memberOf :CSTO .\n"
    ":Belarus a :Country ; :memberOf :CSTO .\n"
    ":Kazakhstan :name \"Қазақстан\"@kk .\n";

class ShellPtyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_.Sub("home"));
    WriteFile(dir_.Sub("facts.ttl"), kPtyFacts);
    auto r = RunSextant({"load", db(), dir_.Sub("facts.ttl")}, "", dir_);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  std::string db() const { return dir_.Sub("db"); }
  std::vector<std::string> Env(bool no_color = true) const {
    std::vector<std::string> env = {"HOME=" + dir_.Sub("home")};
    if (no_color) env.push_back("NO_COLOR=1");
    return env;
  }
  TempDir dir_;
};

TEST_F(ShellPtyTest, MultiLineStatementWithContinuationPrompt) {
  PtySession s({db()}, Env());
  ASSERT_TRUE(s.started());
  ASSERT_TRUE(s.WaitFor("sextant> ")) << s.output();
  s.Send("SELECT ?c\n");
  ASSERT_TRUE(s.WaitFor("   ...> ")) << s.output();
  s.Send("WHERE { ?c :memberOf :CSTO }\n");
  ASSERT_TRUE(s.WaitFor("   ...> ")) << s.output();
  s.Send("ORDER BY ?c;\n");
  // Box mode on a terminal.
  ASSERT_TRUE(s.WaitFor(
      "│ c        │\n├──────────┤\n│ :Belarus │\n│ :Russia  │\n└──────────┘\n2 rows\nsextant> "))
      << s.output();
  s.Send("\x04");
  EXPECT_EQ(s.WaitExit(), 0);
}

TEST_F(ShellPtyTest, TabCompletesDotCommandsKeywordsAndStoreNames) {
  PtySession s({db()}, Env());
  ASSERT_TRUE(s.WaitFor("sextant> ")) << s.output();
  s.Send(".gra\t\n");
  ASSERT_TRUE(s.WaitFor("(default graph)")) << s.output();
  ASSERT_TRUE(s.WaitFor("sextant> ")) << s.output();
  // SEL<Tab> -> SELECT, :memb<Tab> -> :memberOf (a predicate of the store), :Coun<Tab> -> :Country
  // (a class of the store).
  s.Send("SEL\t?c WHERE { ?c :memb\t:CSTO ; a :Coun\t} ORDER BY DESC(?c);\n");
  ASSERT_TRUE(s.WaitFor("│ :Russia  │\n│ :Belarus │\n")) << s.output();
  ASSERT_TRUE(s.WaitFor("sextant> ")) << s.output();
  s.Send(".quit\n");
  EXPECT_EQ(s.WaitExit(), 0);
}

TEST_F(ShellPtyTest, TabCompletesFullIris) {
  PtySession s({db()}, Env());
  ASSERT_TRUE(s.WaitFor("sextant> ")) << s.output();
  s.Send("SELECT ?s WHERE { ?s <http://sextant.local/memb\t:CSTO } ORDER BY ?s LIMIT 1;\n");
  ASSERT_TRUE(s.WaitFor("│ :Belarus │")) << s.output();
  ASSERT_TRUE(s.WaitFor("sextant> "));
  s.Send("\x04");
  EXPECT_EQ(s.WaitExit(), 0);
}

TEST_F(ShellPtyTest, TypedNonAsciiTextReachesTheQuery) {
  PtySession s({db()}, Env());
  ASSERT_TRUE(s.WaitFor("sextant> ")) << s.output();
  s.Send("SELECT ?s WHERE { ?s :name \"Қазақстан\"@kk };\n");
  ASSERT_TRUE(s.WaitFor("│ :Kazakhstan │")) << s.output();
  ASSERT_TRUE(s.WaitFor("sextant> "));
  s.Send("\x04");
  EXPECT_EQ(s.WaitExit(), 0);
}

TEST_F(ShellPtyTest, LoadShowsAProgressBarForLargeFiles) {
  std::string nt;
  for (int i = 0; nt.size() < (5u << 20); ++i) {
    nt += "<http://example.org/item/" + std::to_string(i) + "> <http://example.org/value> \"" +
          std::to_string(i) + "\" .\n";
  }
  WriteFile(dir_.Sub("large.nt"), nt);
  PtySession s({db()}, Env());
  ASSERT_TRUE(s.WaitFor("sextant> ")) << s.output();
  s.Send(".load " + dir_.Sub("large.nt") + "\n");
  ASSERT_TRUE(s.WaitFor("new quads", std::chrono::seconds(60))) << s.output();
  EXPECT_NE(s.output().find("] "), std::string::npos) << s.output();
  EXPECT_NE(s.output().find("%  "), std::string::npos) << s.output();
  ASSERT_TRUE(s.WaitFor("sextant> "));
  s.Send("\x04");
  EXPECT_EQ(s.WaitExit(), 0);
}

TEST_F(ShellPtyTest, UpdatesReportWhatChanged) {
  PtySession s({db()}, Env());
  ASSERT_TRUE(s.WaitFor("sextant> ")) << s.output();
  s.Send("INSERT DATA { :Armenia :memberOf :CSTO . :Armenia a :Country };\n");
  ASSERT_TRUE(s.WaitFor("2 quads inserted, 0 deleted\nsextant> ")) << s.output();
  s.Send("\x04");
  EXPECT_EQ(s.WaitExit(), 0);
}

TEST_F(ShellPtyTest, HistoryIsSavedAndRecalled) {
  {
    PtySession s({db()}, Env());
    ASSERT_TRUE(s.WaitFor("sextant> "));
    s.Send("ASK { :Russia :memberOf :CSTO };\n");
    ASSERT_TRUE(s.WaitFor("true")) << s.output();
    ASSERT_TRUE(s.WaitFor("sextant> "));
    s.Send("\x04");
    ASSERT_EQ(s.WaitExit(), 0);
  }
  const std::string history = testing::ReadFile(dir_.Sub("home/.sextant_history"));
  EXPECT_NE(history.find("memberOf"), std::string::npos) << history;

  PtySession s({db()}, Env());
  ASSERT_TRUE(s.WaitFor("sextant> "));
  s.Send("\x1b[A");  // Up: the previous session's statement
  std::this_thread::sleep_for(200ms);
  s.Send("\n");
  ASSERT_TRUE(s.WaitFor("true")) << s.output();
  s.Send("\x04");
  EXPECT_EQ(s.WaitExit(), 0);
}

TEST_F(ShellPtyTest, CtrlCCancelsARunningQueryAndTheShellLives) {
  std::string nt;
  for (int i = 0; i < 300; ++i) {
    nt += "<http://x/s" + std::to_string(i) + "> <http://x/p" + std::to_string(i % 7) + "> \"" +
          std::to_string(i) + "\" .\n";
  }
  WriteFile(dir_.Sub("many.nt"), nt);
  ASSERT_EQ(RunSextant({"load", dir_.Sub("big"), dir_.Sub("many.nt")}, "", dir_).exit_code, 0);
  PtySession s({dir_.Sub("big")}, Env());
  ASSERT_TRUE(s.WaitFor("sextant> "));
  // 300^3 = 27 million rows: minutes of work.
  s.Send("SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i };\n");
  std::this_thread::sleep_for(500ms);
  ASSERT_TRUE(s.alive());
  const auto sent = std::chrono::steady_clock::now();
  s.Send("\x03");
  ASSERT_TRUE(s.WaitFor("Interrupted.", 1s)) << s.output();
  ASSERT_TRUE(s.WaitFor("sextant> ", 1s)) << s.output();
  EXPECT_LT(std::chrono::steady_clock::now() - sent, 1s);
  s.Send("ASK { ?s ?p \"42\" };\n");
  ASSERT_TRUE(s.WaitFor("true")) << s.output();
  ASSERT_TRUE(s.WaitFor("sextant> "));
  s.Send("\x04");
  EXPECT_EQ(s.WaitExit(), 0);
}

TEST_F(ShellPtyTest, CtrlCAtThePromptClearsTheLineAndThePendingStatement) {
  PtySession s({db()}, Env());
  ASSERT_TRUE(s.WaitFor("sextant> "));
  s.Send("SELECT * WHERE {\n");
  ASSERT_TRUE(s.WaitFor("   ...> "));
  s.Send("garbage");
  std::this_thread::sleep_for(200ms);
  s.Send("\x03");
  ASSERT_TRUE(s.WaitFor("^C\nsextant> ")) << s.output();
  s.Send("ASK { :Belarus a :Country };\n");
  ASSERT_TRUE(s.WaitFor("true\nsextant> ")) << s.output();
  EXPECT_EQ(s.output().find("Error"), std::string::npos) << s.output();
  s.Send("\x04");
  EXPECT_EQ(s.WaitExit(), 0);
}

TEST_F(ShellPtyTest, TemporaryStoreIsAnnouncedAndDeletedAtExit) {
  PtySession s({}, Env());
  ASSERT_TRUE(s.WaitFor("Connected to a temporary store in ")) << s.output();
  ASSERT_TRUE(s.WaitFor(" (deleted at exit)")) << s.output();
  const std::string& out = s.output();
  const size_t from = out.find("temporary store in ") + std::string("temporary store in ").size();
  const std::string path = out.substr(from, out.find(" (deleted at exit)") - from);
  EXPECT_TRUE(std::filesystem::is_directory(path)) << path;
  ASSERT_TRUE(s.WaitFor("sextant> "));
  s.Send(".quit\n");
  EXPECT_EQ(s.WaitExit(), 0);
  EXPECT_FALSE(std::filesystem::exists(path)) << path;
}

TEST_F(ShellPtyTest, ColorsOnlyWithoutNoColor) {
  {
    PtySession s({db()}, Env(/*no_color=*/false));
    ASSERT_TRUE(s.WaitFor("sextant> "));
    s.Send("SELECT ?c WHERE { ?c a :Country } LIMIT 1;\n");
    ASSERT_TRUE(s.WaitFor("1 row")) << s.output();
    ASSERT_TRUE(s.WaitFor("sextant> "));
    EXPECT_NE(s.raw().find("\x1b[1mc"), std::string::npos) << s.raw();
    s.Send("\x04");
    EXPECT_EQ(s.WaitExit(), 0);
  }
  PtySession s({db()}, Env(/*no_color=*/true));
  ASSERT_TRUE(s.WaitFor("sextant> "));
  s.Send("SELECT ?c WHERE { ?c a :Country } LIMIT 1;\n");
  ASSERT_TRUE(s.WaitFor("1 row")) << s.output();
  ASSERT_TRUE(s.WaitFor("sextant> "));
  EXPECT_EQ(s.raw().find("\x1b[1m"), std::string::npos) << s.raw();
  s.Send("\x04");
  EXPECT_EQ(s.WaitExit(), 0);
}

TEST_F(ShellPtyTest, SyntaxErrorCaretAtThePrompt) {
  PtySession s({db()}, Env());
  ASSERT_TRUE(s.WaitFor("sextant> "));
  s.Send("SELECT ?x WHERE { ?x };\n");
  ASSERT_TRUE(s.WaitFor("SELECT ?x WHERE { ?x }\n                     ^\n")) << s.output();
  ASSERT_TRUE(s.WaitFor("sextant> "));
  s.Send("\x04");
  EXPECT_EQ(s.WaitExit(), 0);
}

}  // namespace
}  // namespace sextant
