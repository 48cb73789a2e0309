// The `sextant` executable as a user runs it: real processes, real files, exit codes.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>

#include "sextant/database.h"
#include "testutil/test_util.h"

namespace sextant {
namespace {

using sextant::testing::TempDir;
using sextant::testing::WriteFile;

using sextant::testing::RunResult;
using sextant::testing::RunSextant;

constexpr const char* kTtl =
    "@prefix : <http://sextant.local/> .\n"
    ":Russia :memberOf :CSTO .\n"
    ":Belarus :memberOf :CSTO ; :exported :PolonezMissiles .\n";

TEST(CliTest, LoadDumpStats) {
  TempDir dir;
  WriteFile(dir.Sub("facts.ttl"), kTtl);
  auto r = RunSextant("load " + dir.Sub("db") + " " + dir.Sub("facts.ttl"), dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("3 statements read, 3 new quads"), std::string::npos) << r.out;

  r = RunSextant("dump " + dir.Sub("db") + " --format nquads", dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("<http://sextant.local/Russia> <http://sextant.local/memberOf> "
                       "<http://sextant.local/CSTO> ."),
            std::string::npos)
      << r.out;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 3);

  r = RunSextant("stats " + dir.Sub("db"), dir);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("quads\t3"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("predicate\t<http://sextant.local/memberOf>\t2\t2\t1"), std::string::npos)
      << r.out;
}

TEST(CliTest, SyntaxErrorNamesPositionAndLoadsNothing) {
  TempDir dir;
  WriteFile(dir.Sub("good.ttl"), kTtl);
  WriteFile(dir.Sub("bad.ttl"), std::string(kTtl) + ":Armenia :memberOf .\n");
  ASSERT_EQ(RunSextant("load " + dir.Sub("db") + " " + dir.Sub("good.ttl"), dir).exit_code, 0);
  auto r = RunSextant("load " + dir.Sub("db") + " " + dir.Sub("bad.ttl"), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.ttl:4:"), std::string::npos) << r.err;
  r = RunSextant("stats " + dir.Sub("db"), dir);
  EXPECT_NE(r.out.find("quads\t3"), std::string::npos) << r.out;

  r = RunSextant("load " + dir.Sub("db") + " " + dir.Sub("bad.ttl") + " --lenient", dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("bad.ttl:4:"), std::string::npos) << r.err;
}

TEST(CliTest, RdfXmlByExtensionWithPositionedErrors) {
  TempDir dir;
  const std::string head =
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"\n"
      "         xmlns:ex=\"http://sextant.local/\">\n";
  WriteFile(dir.Sub("onto.owl"),
            head +
                "  <ex:Country rdf:about=\"http://sextant.local/Russia\">\n"
                "    <ex:memberOf rdf:resource=\"http://sextant.local/CSTO\"/>\n"
                "  </ex:Country>\n</rdf:RDF>\n");
  WriteFile(dir.Sub("bad.rdf"), head +
                                    "  <rdf:Description rdf:about=\"x\" rdf:nodeID=\"y\"/>\n"
                                    "</rdf:RDF>\n");
  auto r = RunSextant("load " + dir.Sub("db") + " " + dir.Sub("onto.owl"), dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2 statements read, 2 new quads"), std::string::npos) << r.out;
  r = RunSextant("load " + dir.Sub("db") + " " + dir.Sub("bad.rdf"), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.rdf:3:3: a node element takes at most one of rdf:ID, rdf:about and "
                       "rdf:nodeID"),
            std::string::npos)
      << r.err;

  // Dumped as RDF/XML, the store reads back into a new one unchanged.
  r = RunSextant(
      "dump " + dir.Sub("db") + " --graph default --format rdfxml --output " + dir.Sub("out.rdf"),
      dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunSextant("load " + dir.Sub("db2") + " " + dir.Sub("out.rdf"), dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto a = RunSextant("dump " + dir.Sub("db") + " --format nquads", dir);
  auto b = RunSextant("dump " + dir.Sub("db2") + " --format nquads", dir);
  EXPECT_EQ(a.out, b.out);
  EXPECT_EQ(std::count(a.out.begin(), a.out.end(), '\n'), 2);
}

TEST(CliTest, JsonLdContextsAndRoundTrip) {
  TempDir dir;
  WriteFile(dir.Sub("doc.jsonld"),
            "{\"@context\": \"https://schema.example/ctx\",\n"
            " \"@graph\": [{\"@id\": \"http://sextant.local/Russia\", \"name\": \"Russia\"}]}\n");
  WriteFile(dir.Sub("ctx.jsonld"), "{\"@context\": {\"name\": \"http://schema.org/name\"}}");
  auto r = RunSextant("load " + dir.Sub("db") + " " + dir.Sub("doc.jsonld"), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("https://schema.example/ctx is not mapped to a local file"),
            std::string::npos)
      << r.err;
  r = RunSextant("load " + dir.Sub("db") + " " + dir.Sub("doc.jsonld") +
                     " --context-map https://schema.example/ctx=" + dir.Sub("ctx.jsonld"),
                 dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("1 statements read"), std::string::npos) << r.out;

  r = RunSextant("dump " + dir.Sub("db") + " --format jsonld --output " + dir.Sub("out.jsonld"),
                 dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunSextant("load " + dir.Sub("db2") + " " + dir.Sub("out.jsonld"), dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto a = RunSextant("dump " + dir.Sub("db") + " --format nquads", dir);
  auto b = RunSextant("dump " + dir.Sub("db2") + " --format nquads", dir);
  EXPECT_EQ(a.out, b.out);
  r = RunSextant("query " + dir.Sub("db") +
                     " 'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }' --format jsonld --context " +
                     dir.Sub("ctx.jsonld"),
                 dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"name\":\"Russia\""), std::string::npos) << r.out;
}

TEST(CliTest, ExitCodes) {
  TempDir dir;
  // No arguments opens the shell (on a temporary store), so usage errors need a bad option.
  EXPECT_EQ(RunSextant("--frobnicate", dir).exit_code, 2);
  EXPECT_EQ(RunSextant("query", dir).exit_code, 2);
  EXPECT_EQ(RunSextant("load", dir).exit_code, 2);
  EXPECT_EQ(RunSextant("frobnicate x y", dir).exit_code, 2);
  EXPECT_EQ(RunSextant("dump " + dir.Sub("db") + " --format xml", dir).exit_code, 2);
  EXPECT_EQ(RunSextant("--version", dir).exit_code, 0);
  EXPECT_EQ(RunSextant("--help", dir).exit_code, 0);

  auto r = RunSextant("load " + dir.Sub("db") + " " + dir.Sub("missing.nt"), dir);
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("missing.nt"), std::string::npos);
  EXPECT_EQ(RunSextant("dump " + dir.Sub("nostore"), dir).exit_code, 3);

  WriteFile(dir.Sub("foreign/readme.txt"), "not a store");
  r = RunSextant("stats " + dir.Sub("foreign"), dir);
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("not a Sextant store"), std::string::npos);

  // A store held open for writing by this process is locked for the child.
  WriteFile(dir.Sub("facts.ttl"), kTtl);
  auto db = Database::Open(dir.Sub("held"));
  ASSERT_OK(db);
  r = RunSextant("load " + dir.Sub("held") + " " + dir.Sub("facts.ttl"), dir);
  EXPECT_EQ(r.exit_code, 5) << r.err;
  EXPECT_NE(r.err.find("open for writing by another process"), std::string::npos) << r.err;
}

TEST(CliTest, DefaultGraphOptionForQueryUpdateAndShell) {
  TempDir dir;
  const std::string db = dir.Sub("db");
  WriteFile(dir.Sub("facts.trig"),
            "@prefix : <http://sextant.local/> .\n"
            ":Russia :memberOf :CSTO .\n"
            ":src { :Belarus :memberOf :CSTO . }\n");
  ASSERT_EQ(RunSextant("load " + db + " " + dir.Sub("facts.trig"), dir).exit_code, 0);
  const std::string q = " 'SELECT ?c WHERE { ?c :memberOf :CSTO } ORDER BY ?c'";
  auto r = RunSextant("query " + db + q, dir);
  EXPECT_EQ(r.out, "?c\n<http://sextant.local/Belarus>\n<http://sextant.local/Russia>\n") << r.err;
  r = RunSextant("query " + db + " --default-graph standard" + q, dir);
  EXPECT_EQ(r.out, "?c\n<http://sextant.local/Russia>\n") << r.err;
  r = RunSextant("query " + db + " --default-graph union" + q, dir);
  EXPECT_EQ(r.out, "?c\n<http://sextant.local/Belarus>\n<http://sextant.local/Russia>\n");
  r = RunSextant("query " + db + " --default-graph named" + q, dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--default-graph"), std::string::npos) << r.err;

  r = RunSextant("update " + db +
                     " --default-graph standard 'INSERT { ?c :member true } WHERE { ?c :memberOf "
                     ":CSTO }'",
                 dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("1 quads inserted"), std::string::npos) << r.out;

  WriteFile(dir.Sub("script.txt"),
            ".defaultgraph\n"
            ".defaultgraph standard\n"
            ".defaultgraph\n"
            "SELECT ?c WHERE { ?c :memberOf :CSTO };\n"
            ".defaultgraph sideways\n");
  r = RunSextant(db + " --keep-going < " + dir.Sub("script.txt"), dir);
  EXPECT_EQ(r.out, "union\nstandard\n?c\n<http://sextant.local/Russia>\n") << r.err;
  EXPECT_NE(r.err.find(".defaultgraph"), std::string::npos) << r.err;
}

TEST(CliTest, CacheOptionWithAnyCommand) {
  TempDir dir;
  WriteFile(dir.Sub("facts.ttl"), kTtl);
  auto r = RunSextant("--cache-mb 16 load " + dir.Sub("db") + " " + dir.Sub("facts.ttl"), dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = RunSextant("query " + dir.Sub("db") +
                     " 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }' --format tsv --cache-mb=8",
                 dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "?n\n3\n");
  r = RunSextant(dir.Sub("db") + " --cache-mb 32 'ASK { :Russia :memberOf :CSTO }'", dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("true"), std::string::npos) << r.out;
  for (const char* bad : {"--cache-mb 0", "--cache-mb lots", "--cache-mb=-5", "--cache-mb"}) {
    r = RunSextant(std::string(bad) + " stats " + dir.Sub("db"), dir);
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_NE(r.err.find("--cache-mb"), std::string::npos) << bad << ": " << r.err;
  }
}

TEST(CliTest, GzipInput) {
  TempDir dir;
  WriteFile(dir.Sub("facts.nt"),
            "<http://x/a> <http://x/b> <http://x/c> .\n<http://x/a> <http://x/b> \"d\" .\n");
  ASSERT_EQ(std::system(("gzip " + dir.Sub("facts.nt")).c_str()), 0);
  auto r = RunSextant("load " + dir.Sub("db") + " " + dir.Sub("facts.nt.gz"), dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2 new quads"), std::string::npos) << r.out;
}

// `sextant rules`: the built-in sets and a rules file, as the CLI and the shell use them.
TEST(CliTest, RulesCommand) {
  TempDir dir;
  const std::string db = dir.Sub("db");
  WriteFile(dir.Sub("facts.ttl"), kTtl);
  ASSERT_EQ(RunSextant("load " + db + " " + dir.Sub("facts.ttl"), dir).exit_code, 0);
  WriteFile(dir.Sub("allies.rules"),
            "PREFIX : <http://sextant.local/>\n"
            "# co-members of an alliance are allies\n"
            "RULE :allies { ?a :allyOf ?b } WHERE { ?a :memberOf ?o . ?b :memberOf ?o FILTER(?a != "
            "?b) }\n");
  auto r = RunSextant("rules " + db + " add " + dir.Sub("allies.rules"), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunSextant("query " + db + " 'SELECT ?b WHERE { :Russia :allyOf ?b }'", dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Belarus"), std::string::npos) << r.out;
  r = RunSextant("query " + db + " --no-derived 'SELECT ?b WHERE { :Russia :allyOf ?b }'", dir);
  EXPECT_EQ(r.out.find("Belarus"), std::string::npos) << r.out;
  r = RunSextant("query " + db + " 'EXPLAIN WHY { :Russia :allyOf :Belarus }'", dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("rule :allies"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("asserted in the default graph"), std::string::npos) << r.out;
  r = RunSextant(db + " -c '.why :Belarus :allyOf :Russia'", dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("rule :allies"), std::string::npos) << r.out;

  r = RunSextant("rules " + db + " enable rdfs", dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = RunSextant("rules " + db + " list", dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("rdfs9\trdfs\tenabled"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("prp-trp\towl-rl-properties\tdisabled"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(":allies\tuser\tenabled"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("derived quads: 2"), std::string::npos) << r.out;

  r = RunSextant("rules " + db + " enable owl-rl", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("owl-rl-properties"), std::string::npos) << r.err;
  WriteFile(dir.Sub("bad.rules"),
            "PREFIX : <http://sextant.local/>\nRULE :bad { ?a :p ?b }\nWHERE { ?a :q }\n");
  r = RunSextant("rules " + db + " add " + dir.Sub("bad.rules"), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.rules:3:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("^"), std::string::npos) << r.err;
  WriteFile(dir.Sub("unbound.rules"),
            "PREFIX : <http://sextant.local/>\nRULE :bad { ?a :p ?z } WHERE { ?a :q ?b }\n");
  r = RunSextant("rules " + db + " add " + dir.Sub("unbound.rules"), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("?z"), std::string::npos) << r.err;

  r = RunSextant("rules " + db + " drop :allies", dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = RunSextant("query " + db + " 'SELECT ?b WHERE { :Russia :allyOf ?b }'", dir);
  EXPECT_EQ(r.out.find("Belarus"), std::string::npos) << r.out;
  r = RunSextant("rules " + db + " drop :allies", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(RunSextant("rules " + db + " frobnicate x", dir).exit_code, 2);
}

}  // namespace
}  // namespace sextant

namespace sextant {
namespace {

TEST(CliTest, SearchPrintsOneTsvRowPerMatchingFactBestFirst) {
  TempDir dir;
  WriteFile(dir.Sub("facts.ttl"),
            "@prefix : <http://sextant.local/> .\n"
            ":a :label \"Polonez missile\"@en .\n"
            ":b :label \"missile missile missiles\"@en .\n"
            ":c :label \"a dance\"@en .\n");
  ASSERT_EQ(RunSextant("load " + dir.Sub("db") + " " + dir.Sub("facts.ttl"), dir).exit_code, 0);
  auto r = RunSextant("search " + dir.Sub("db") + " 'missile'", dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "?subject\t?predicate\t?literal\t?graph\t?score");
  ASSERT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 3) << r.out;
  EXPECT_NE(r.out.find("\n<http://sextant.local/b>\t<http://sextant.local/label>\t\"missile "
                       "missile missiles\"@en\t\t"),
            std::string::npos)
      << r.out;
  EXPECT_LT(r.out.find("sextant.local/b>"), r.out.find("sextant.local/a>"));
  r = RunSextant("search " + dir.Sub("db") + " missile --limit 1", dir);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2) << r.out;
  r = RunSextant("search " + dir.Sub("db") + " '\"open'", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("unterminated"), std::string::npos) << r.err;
  r = RunSextant("text-index " + dir.Sub("db") + " --off", dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = RunSextant("search " + dir.Sub("db") + " missile", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--all"), std::string::npos) << r.err;
  r = RunSextant("text-index " + dir.Sub("db") + " --all", dir);
  EXPECT_NE(r.out.find("literals indexed: 3"), std::string::npos) << r.out;
  EXPECT_EQ(RunSextant("check " + dir.Sub("db"), dir).exit_code, 0);
}

}  // namespace
}  // namespace sextant
