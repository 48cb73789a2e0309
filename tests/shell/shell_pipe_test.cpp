// The shell without a terminal: piped statements, -c/-f, one-shot queries, every output mode
// (golden text), dot-commands and exit codes.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <thread>

#include "sextant/database.h"
#include "shell_harness.h"
#include "testutil/test_util.h"

namespace sextant {
namespace {

using shelltest::RunSextant;
using testing::TempDir;
using testing::WriteFile;

constexpr const char* kFacts =
    "@prefix : <http://sextant.local/> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    ":Russia a :Country ; rdfs:label \"Russia\"@en ; :memberOf :CSTO ; :population 146000000 .\n"
    ":Belarus a :Country ; rdfs:label \"Belarus\"@en ; :memberOf :CSTO ; :population 9200000 .\n"
    ":Kazakhstan a :Country ; rdfs:label \"Kazakhstan\"@en, \"Қазақстан\"@kk ; :memberOf :CSTO .\n"
    ":CSTO a :Organization ; rdfs:label \"Collective Security Treaty Organization\"@en .\n"
    ":memberOf rdfs:label \"member of\"@en .\n";

constexpr const char* kGraphFacts =
    "<http://sextant.local/Russia> <http://sextant.local/borders> "
    "<http://sextant.local/Kazakhstan> "
    "<http://example.org/news/1> .\n";

constexpr const char* kPopulation =
    "SELECT ?country ?population WHERE { ?country :population ?population } ORDER BY ?country;\n";

class ShellPipeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(dir_.Sub("facts.ttl"), kFacts);
    WriteFile(dir_.Sub("news.nq"), kGraphFacts);
    auto r = RunSextant({"load", db(), dir_.Sub("facts.ttl"), dir_.Sub("news.nq")}, "", dir_);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  std::string db() const { return dir_.Sub("db"); }
  shelltest::RunResult Shell(const std::string& script, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {db()};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunSextant(args, script, dir_);
  }
  TempDir dir_;
};

TEST_F(ShellPipeTest, DefaultModeWhenPipedIsTsv) {
  auto r = Shell(kPopulation);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "?country\t?population\n"
            "<http://sextant.local/Belarus>\t9200000\n"
            "<http://sextant.local/Russia>\t146000000\n");
  EXPECT_EQ(r.err, "");
}

TEST_F(ShellPipeTest, SearchListsMatchingFactsBestFirstAndSparqlSearchesToo) {
  auto r = Shell(".search kazakhstan OR collective\n.search\n");
  EXPECT_EQ(r.exit_code, 1) << r.err;  // the second, without text, is a usage error
  const std::string kz =
      "<http://sextant.local/Kazakhstan>\t"
      "<http://www.w3.org/2000/01/rdf-schema#label>\t\"Kazakhstan\"@en\t\t";
  const std::string csto =
      "<http://sextant.local/CSTO>\t<http://www.w3.org/2000/01/rdf-schema#label>\t"
      "\"Collective Security Treaty Organization\"@en\t\t";
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "?subject\t?predicate\t?literal\t?graph\t?score");
  // The one-word label ranks above the four-word one.
  ASSERT_NE(r.out.find(kz), std::string::npos) << r.out;
  ASSERT_NE(r.out.find(csto), std::string::npos) << r.out;
  EXPECT_LT(r.out.find(kz), r.out.find(csto)) << r.out;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 3) << r.out;
  EXPECT_NE(r.err.find("search"), std::string::npos) << r.err;
  r = Shell("PREFIX sx: <urn:sextant:> SELECT ?s WHERE { ?s ?p ?l . ?l sx:matches \"treaty\" };\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "?s\n<http://sextant.local/CSTO>\n");
}

TEST_F(ShellPipeTest, BoxMode) {
  auto r = Shell(std::string(".mode box\n") + kPopulation);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "┌──────────┬────────────┐\n"
            "│ country  │ population │\n"
            "├──────────┼────────────┤\n"
            "│ :Belarus │    9200000 │\n"
            "│ :Russia  │  146000000 │\n"
            "└──────────┴────────────┘\n"
            "2 rows\n");
}

TEST_F(ShellPipeTest, TableMode) {
  auto r = Shell(std::string(".mode table\n") + kPopulation);
  EXPECT_EQ(r.out,
            "+----------+------------+\n"
            "| country  | population |\n"
            "+----------+------------+\n"
            "| :Belarus |    9200000 |\n"
            "| :Russia  |  146000000 |\n"
            "+----------+------------+\n"
            "2 rows\n");
}

// One renderer: `sextant query --format table` prints what the shell's `.mode table` prints.
TEST_F(ShellPipeTest, TableModeIsWhatQueryFormatTablePrints) {
  const std::string query =
      "SELECT ?label ?population WHERE { ?c <http://www.w3.org/2000/01/rdf-schema#label> ?label ; "
      "<http://sextant.local/population> ?population } ORDER BY ?label";
  auto cli = RunSextant({"query", db(), query, "--format", "table"}, "", dir_);
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  auto shell = Shell(".mode table\n" + query + ";\n");
  ASSERT_EQ(shell.exit_code, 0) << shell.err;
  EXPECT_EQ(cli.out, shell.out);
  EXPECT_EQ(cli.out,
            "+--------------+------------+\n"
            "| label        | population |\n"
            "+--------------+------------+\n"
            "| \"Belarus\"@en |    9200000 |\n"
            "| \"Russia\"@en  |  146000000 |\n"
            "+--------------+------------+\n"
            "2 rows\n");
}

TEST_F(ShellPipeTest, MarkdownMode) {
  auto r = Shell(std::string(".mode markdown\n") + kPopulation);
  EXPECT_EQ(r.out,
            "| country  | population |\n"
            "|----------|-----------:|\n"
            "| :Belarus |    9200000 |\n"
            "| :Russia  |  146000000 |\n");
}

TEST_F(ShellPipeTest, LineMode) {
  auto r = Shell(std::string(".mode line\n") + kPopulation);
  EXPECT_EQ(r.out,
            "   country = :Belarus\n"
            "population = 9200000\n"
            "\n"
            "   country = :Russia\n"
            "population = 146000000\n");
}

TEST_F(ShellPipeTest, CsvMode) {
  auto r = Shell(std::string(".mode csv\n") + kPopulation);
  EXPECT_EQ(r.out,
            "country,population\r\n"
            "http://sextant.local/Belarus,9200000\r\n"
            "http://sextant.local/Russia,146000000\r\n");
}

TEST_F(ShellPipeTest, JsonMode) {
  auto r = Shell(".mode json\nSELECT ?p WHERE { :Russia :population ?p };\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "{\n"
            "  \"head\": {\n"
            "    \"vars\": [\"p\"]\n"
            "  },\n"
            "  \"results\": {\n"
            "    \"bindings\": [\n"
            "      {\n"
            "        \"p\": {\"type\": \"literal\", \"value\": \"146000000\", "
            "\"datatype\": \"http://www.w3.org/2001/XMLSchema#integer\"}\n"
            "      }\n"
            "    ]\n"
            "  }\n"
            "}\n");
}

TEST_F(ShellPipeTest, HeadersOff) {
  auto r =
      Shell(std::string(".headers off\n.mode table\n") + kPopulation + ".mode tsv\n" + kPopulation);
  EXPECT_EQ(r.out,
            "+----------+-----------+\n"
            "| :Belarus |   9200000 |\n"
            "| :Russia  | 146000000 |\n"
            "+----------+-----------+\n"
            "2 rows\n"
            "<http://sextant.local/Belarus>\t9200000\n"
            "<http://sextant.local/Russia>\t146000000\n");
}

TEST_F(ShellPipeTest, WidthsCountWideAndCombiningCharacters) {
  // 中文 is 4 columns wide; "é" written as e + U+0301 is 1; Қазақстан is 9.
  WriteFile(dir_.Sub("wide.nt"),
            "<http://sextant.local/a> <http://sextant.local/name> \"中文\" .\n"
            "<http://sextant.local/b> <http://sextant.local/name> \"e\xCC\x81t\xC3\xA9\" .\n"
            "<http://sextant.local/c> <http://sextant.local/name> \"Қазақстан\" .\n");
  ASSERT_EQ(RunSextant({"load", db(), dir_.Sub("wide.nt")}, "", dir_).exit_code, 0);
  auto r = Shell(
      ".mode box\nSELECT ?name WHERE { ?s :name ?name } ORDER BY ?s;\n"
      ".maxwidth 6\nSELECT ?name WHERE { ?s :name ?name } ORDER BY ?s;\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "┌───────────┐\n"
            "│ name      │\n"
            "├───────────┤\n"
            "│ 中文      │\n"
            "│ e\xCC\x81t\xC3\xA9       │\n"
            "│ Қазақстан │\n"
            "└───────────┘\n"
            "3 rows\n"
            "┌────────┐\n"
            "│ name   │\n"
            "├────────┤\n"
            "│ 中文   │\n"
            "│ e\xCC\x81t\xC3\xA9    │\n"
            "│ Қазақ… │\n"
            "└────────┘\n"
            "3 rows\n");
}

TEST_F(ShellPipeTest, MaxRowsCountsTheRest) {
  auto r = Shell(".mode box\n.maxrows 1\n" + std::string(kPopulation));
  EXPECT_EQ(r.out,
            "┌──────────┬────────────┐\n"
            "│ country  │ population │\n"
            "├──────────┼────────────┤\n"
            "│ :Belarus │    9200000 │\n"
            "└──────────┴────────────┘\n"
            "2 rows (1 shown; .maxrows 0 shows all)\n");
}

TEST_F(ShellPipeTest, DeclaredPrefixesApplyToQueriesAndShortenOutput) {
  auto r = Shell(
      ".prefix news: <http://example.org/news/>\n.mode box\n"
      "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g = news:1) };\n.prefix\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "┌────────┐\n"
            "│ g      │\n"
            "├────────┤\n"
            "│ news:1 │\n"
            "└────────┘\n"
            "1 row\n"
            "news: <http://example.org/news/>\n");
}

TEST_F(ShellPipeTest, SemicolonsInsideStringsIrisCommentsAndBracesDoNotEndAStatement) {
  auto r = Shell(
      "SELECT ?x # a comment; still the same statement\n"
      "WHERE {\n"
      "  BIND(\"a;b\" AS ?x)\n"
      "  FILTER(?x != <http://x/a;b> && ?x != '''long;\nstring''')\n"
      "  :Russia :memberOf ?o ;\n"
      "          :population ?p .\n"
      "}\n;\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "?x\n\"a;b\"\n");
}

TEST_F(ShellPipeTest, SeveralStatementsOnALineAndALastOneWithoutSemicolon) {
  auto r = Shell("ASK { :Russia a :Country }; ASK { :Russia a :Organization };\nASK { }");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "?_askResult\ntrue\n?_askResult\nfalse\n?_askResult\ntrue\n");
}

TEST_F(ShellPipeTest, DotCommandsOnlyAtStatementStart) {
  // The second line continues the query: a '.' there is SPARQL, not a command.
  auto r = Shell(
      "SELECT ?c WHERE { ?c a :Organization\n.\n};\n.mode csv\nSELECT ?c WHERE { ?c a "
      ":Organization };\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "?c\n<http://sextant.local/CSTO>\nc\r\nhttp://sextant.local/CSTO\r\n");
}

TEST_F(ShellPipeTest, OneShotQueryAndRepeatedC) {
  auto r = RunSextant({db(), "ASK { :Belarus :memberOf :CSTO }"}, "", dir_);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "?_askResult\ntrue\n");

  r = RunSextant({db(), "-c", ".mode csv", "-c", "SELECT ?l WHERE { :CSTO rdfs:label ?l }"}, "",
                 dir_);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "l\r\nCollective Security Treaty Organization\r\n");

  WriteFile(dir_.Sub("script.sparql"),
            ".mode line\nSELECT ?p WHERE { :Belarus :population ?p };\n");
  r = RunSextant({db(), "-f", dir_.Sub("script.sparql")}, "", dir_);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "p = 9200000\n");
}

TEST_F(ShellPipeTest, NoDatabaseUsesATemporaryStore) {
  WriteFile(dir_.Sub("one.nt"), "<http://x/a> <http://x/b> <http://x/c> .\n");
  auto r = RunSextant(
      {"-c", ".load " + dir_.Sub("one.nt"), "-c", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"}, "",
      dir_);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "?n\n1\n");
}

TEST_F(ShellPipeTest, SyntaxErrorShowsTheLineWithACaret) {
  auto r = Shell("SELECT * WHERE { ?s ?p };\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("SELECT * WHERE { ?s ?p }\n                       ^\n1:24: "),
            std::string::npos)
      << r.err;
  // Line numbers count from the statement's first line, not from an earlier statement's.
  r = Shell("ASK { };\n\nSELECT * WHERE {\n  ?s ?p };\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("  ?s ?p }\n        ^\n2:9: "), std::string::npos) << r.err;
}

TEST_F(ShellPipeTest, StopsAtTheFirstErrorUnlessKeepGoing) {
  const std::string script = "ASK { };\nSELEC nothing;\nASK { :Russia a :Country };\n";
  auto r = Shell(script);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "?_askResult\ntrue\n");
  r = Shell(script, {"--keep-going"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "?_askResult\ntrue\n?_askResult\ntrue\n");
  r = Shell(".bail off\n" + script);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "?_askResult\ntrue\n?_askResult\ntrue\n");
}

TEST_F(ShellPipeTest, ExitCodes) {
  EXPECT_EQ(RunSextant({"--help"}, "", dir_).exit_code, 0);
  EXPECT_EQ(RunSextant({"--version"}, "", dir_).exit_code, 0);
  EXPECT_EQ(RunSextant({"--frobnicate"}, "", dir_).exit_code, 2);
  EXPECT_EQ(RunSextant({db(), "--mode", "fancy"}, "", dir_).exit_code, 2);
  EXPECT_EQ(RunSextant({db(), "-c"}, "", dir_).exit_code, 2);
  EXPECT_EQ(RunSextant({db(), "ASK {}", "extra"}, "", dir_).exit_code, 2);
  EXPECT_EQ(Shell("SELECT nonsense;\n").exit_code, 1);
  EXPECT_EQ(Shell(".nosuchcommand\n").exit_code, 1);
  EXPECT_EQ(Shell(".mode\n.mode fancy\n").exit_code, 1);

  auto r = RunSextant({db(), "-f", dir_.Sub("missing.sparql")}, "", dir_);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("missing.sparql"), std::string::npos) << r.err;
  EXPECT_EQ(Shell(".read " + dir_.Sub("missing.sparql") + "\n").exit_code, 3);
  EXPECT_EQ(Shell(".load " + dir_.Sub("missing.ttl") + "\n").exit_code, 3);

  WriteFile(dir_.Sub("foreign/readme.txt"), "not a store");
  r = RunSextant({dir_.Sub("foreign"), "ASK {}"}, "", dir_);
  EXPECT_EQ(r.exit_code, 4) << r.err;

  r = RunSextant({"update", db(), "INSERT DATA { :a :b }"}, "", dir_);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("^"), std::string::npos) << r.err;
}

TEST_F(ShellPipeTest, UsageNamesTheCommandThatWasMisused) {
  for (const std::string misuse : {".open", ".dump a b", ".read", ".maxrows x", ".load"}) {
    const std::string name = misuse.substr(0, misuse.find(' '));
    auto r = Shell(misuse + "\n");
    EXPECT_EQ(r.exit_code, 1) << misuse;
    EXPECT_NE(r.err.find("Usage: " + name), std::string::npos) << misuse << ": " << r.err;
  }
}

TEST_F(ShellPipeTest, UpdatesRunOneTransactionPerStatement) {
  auto r = Shell(
      "INSERT DATA { :Armenia :memberOf :CSTO };\nASK { :Armenia :memberOf :CSTO };\n"
      "DELETE WHERE { :Armenia ?p ?o };\nASK { :Armenia :memberOf :CSTO };\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "?_askResult\ntrue\n?_askResult\nfalse\n");
  // A failing update keeps nothing and stops the script.
  r = Shell("INSERT DATA { :Armenia :memberOf :CSTO . :x };\nASK { :Armenia :memberOf :CSTO };\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(Shell("ASK { :Armenia :memberOf :CSTO };\n").out, "?_askResult\nfalse\n");
}

TEST_F(ShellPipeTest, LockedStoreOpensReadOnlyAndRefusesLoads) {
  auto held = Database::Open(db());
  ASSERT_OK(held);
  auto r = Shell("ASK { :Russia a :Country };\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "?_askResult\ntrue\n");
  EXPECT_NE(r.err.find("read-only"), std::string::npos) << r.err;
  r = Shell(".load " + dir_.Sub("facts.ttl") + "\n");
  EXPECT_EQ(r.exit_code, 5) << r.err;
  r = Shell("INSERT DATA { :a :b :c };\n");
  EXPECT_EQ(r.exit_code, 5) << r.err;
}

TEST_F(ShellPipeTest, InterruptedScriptExits130) {
  std::string nt;
  for (int i = 0; i < 300; ++i) {
    nt += "<http://x/s" + std::to_string(i) + "> <http://x/p> \"" + std::to_string(i) + "\" .\n";
  }
  WriteFile(dir_.Sub("many.nt"), nt);
  ASSERT_EQ(RunSextant({"load", dir_.Sub("big"), dir_.Sub("many.nt")}, "", dir_).exit_code, 0);
  const pid_t pid = fork();
  if (pid == 0) {
    const int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    const std::string bin = shelltest::SextantBinary(), store = dir_.Sub("big");
    execl(bin.c_str(), bin.c_str(), store.c_str(), "-c",
          "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", static_cast<char*>(nullptr));
    _exit(127);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 130);
}

TEST_F(ShellPipeTest, GraphsStatsAndSchema) {
  auto r = Shell(".mode box\n.graphs\n.mode tsv\n.stats\n.schema\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("┌─────────────────────────────┬───────┐\n"
                       "│ graph                       │ quads │\n"
                       "├─────────────────────────────┼───────┤\n"
                       "│ <http://example.org/news/1> │     1 │\n"
                       "│ (default graph)             │    15 │\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\"quads\"\t16\n"), std::string::npos) << r.out;
  EXPECT_NE(
      r.out.find(
          "?predicate\t?triples\t?subjects\t?objects\t?subject_class\t?object_class\t?label\n"),
      std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("<http://sextant.local/memberOf>\t3\t3\t1\t<http://sextant.local/Country>\t"
                       "<http://sextant.local/Organization>\t\"member of\"@en\n"),
            std::string::npos)
      << r.out;
}

TEST_F(ShellPipeTest, DescribeIsAFactCardWithGraphs) {
  auto r = Shell(".mode box\n.describe :Kazakhstan\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            ":Kazakhstan  \"Kazakhstan\"@en\n"
            "┌────────────┬─────────────────┬─────────────────────────────┐\n"
            "│ predicate  │ value           │ graph                       │\n"
            "├────────────┼─────────────────┼─────────────────────────────┤\n"
            "│ rdf:type   │ :Country        │ (default)                   │\n"
            "│ rdfs:label │ \"Kazakhstan\"@en │ (default)                   │\n"
            "│            │ \"Қазақстан\"@kk  │ (default)                   │\n"
            "│ :memberOf  │ :CSTO           │ (default)                   │\n"
            "│ ^:borders  │ :Russia         │ <http://example.org/news/1> │\n"
            "└────────────┴─────────────────┴─────────────────────────────┘\n"
            "5 rows\n");
  r = Shell(".describe :Atlantis\n");
  EXPECT_EQ(r.out, "No facts about :Atlantis.\n");
}

// RDF 1.2: what a fact's reifiers say is listed under the fact; a blank reifier as an
// annotation block, a named one with its name.
TEST_F(ShellPipeTest, DescribeShowsAnnotationsUnderTheirFact) {
  auto r = Shell(
      "INSERT DATA { :Kazakhstan :memberOf :CSTO {| :statedIn :article |} . "
      "<< :Kazakhstan :memberOf :CSTO ~ :f7 >> :quote \"joined in 1992\" };\n"
      ".mode box\n.describe :Kazakhstan\n.describe :f7\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const size_t fact = r.out.find("│ :memberOf ");
  const size_t block = r.out.find("│   {| :statedIn │ :article ");
  const size_t named = r.out.find("│   ~ :f7 :quote │ joined in 1992 ");
  const size_t inverse = r.out.find("│ ^:borders ");
  ASSERT_NE(fact, std::string::npos) << r.out;
  EXPECT_NE(block, std::string::npos) << r.out;
  EXPECT_NE(named, std::string::npos) << r.out;
  EXPECT_LT(fact, block) << r.out;
  EXPECT_LT(fact, named) << r.out;
  EXPECT_LT(std::max(block, named), inverse) << r.out;
  // The reifier's own card shows the triple term readably.
  EXPECT_NE(r.out.find("<< :Kazakhstan :memberOf :CSTO >>"), std::string::npos) << r.out;
}

// A fact two sources state shows each source's evidence under that source's row only.
TEST_F(ShellPipeTest, DescribeShowsAReifierUnderTheFactOfItsOwnGraph) {
  auto r = Shell(
      "INSERT DATA { GRAPH :article { :Armenia :sent :Unit ~ :e1 . :e1 :quote \"70 Armenian\" }"
      " GRAPH :report { :Armenia :sent :Unit } };\n"
      ".mode tsv\n.describe :Armenia\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string ns = "http://sextant.local/";
  const size_t article = r.out.find("<" + ns + "sent>\t<" + ns + "Unit>\t<" + ns + "article>\n");
  const size_t quote = r.out.find("\"  ~ :e1 :quote\"\t\"70 Armenian\"\t<" + ns + "article>\n");
  const size_t report = r.out.find("<" + ns + "sent>\t<" + ns + "Unit>\t<" + ns + "report>\n");
  ASSERT_NE(article, std::string::npos) << r.out;
  ASSERT_NE(quote, std::string::npos) << r.out;
  ASSERT_NE(report, std::string::npos) << r.out;
  EXPECT_LT(article, quote) << r.out;
  EXPECT_EQ(r.out.find(":quote", r.out.find('\n', quote)), std::string::npos)
      << "under one fact only: " << r.out;
}

TEST_F(ShellPipeTest, DumpOutputOnceAndRead) {
  const std::string dump = dir_.Sub("dump.nq"), out = dir_.Sub("out.tsv"),
                    once = dir_.Sub("once.tsv");
  WriteFile(dir_.Sub("script.sparql"), "ASK { :Russia :memberOf :CSTO };\n");
  auto r =
      Shell(".dump " + dump + "\n.output " + out + "\nASK { };\n.output\n.once " + once +
            "\nASK { :Nowhere a :Country };\nASK { };\n.read " + dir_.Sub("script.sparql") + "\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(testing::ReadFile(out), "?_askResult\ntrue\n");
  EXPECT_EQ(testing::ReadFile(once), "?_askResult\nfalse\n");
  EXPECT_EQ(r.out, "?_askResult\ntrue\n?_askResult\ntrue\n");
  const std::string dumped = testing::ReadFile(dump);
  EXPECT_EQ(std::count(dumped.begin(), dumped.end(), '\n'), 16);
  EXPECT_NE(dumped.find("<http://example.org/news/1> ."), std::string::npos);
  // A .jsonld file gets JSON-LD, named graphs included.
  const std::string jsonld = dir_.Sub("dump.jsonld");
  r = Shell(".dump " + jsonld + "\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string doc = testing::ReadFile(jsonld);
  EXPECT_EQ(doc.rfind("{\"@context\": ", 0), 0u) << doc;
  EXPECT_NE(doc.find("{\"@id\": \"http://example.org/news/1\", \"@graph\": ["), std::string::npos)
      << doc;
}

TEST_F(ShellPipeTest, ExplainAnalyzeLimitsTimerHelp) {
  auto r = Shell(".explain SELECT * WHERE { ?s :memberOf ?o };\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("est."), std::string::npos) << r.out;
  r = Shell(".analyze SELECT * WHERE { ?s :memberOf ?o }\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("memberOf"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find(":Russia"), std::string::npos)
      << "analyze must not print the rows: " << r.out;

  r = Shell(".limits timeout 5000 rows 1000\n.limits\n");
  EXPECT_EQ(r.out, "timeout 5000 ms\nrows    1000\n");
  r = Shell(".limits rows 2\nSELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s;\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("budget of 2 intermediate rows"), std::string::npos) << r.err;

  r = Shell(".timer on\nASK { };\n");
  EXPECT_NE(r.out.find("Run Time: "), std::string::npos) << r.out;

  r = Shell(".help\n");
  EXPECT_NE(r.out.find(".describe TERM"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(".limits [timeout MS] [rows N]"), std::string::npos) << r.out;
  r = Shell(".help mode\n");
  EXPECT_EQ(r.out.rfind(".mode [box|table|csv|tsv|json|markdown|line]\n", 0), 0u) << r.out;
}

}  // namespace
}  // namespace sextant
