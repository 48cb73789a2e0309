// `sextant validate` and `sextant shapes` as a user runs them: real processes, exit codes, the
// table and the Turtle report, positioned errors, enforcement across processes.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

#include "testutil/test_util.h"

namespace sextant {
namespace {

using sextant::testing::TempDir;
using sextant::testing::WriteFile;

using sextant::testing::RunResult;
using sextant::testing::RunSextant;

constexpr const char* kData =
    "@prefix ex: <http://example.org/> .\n"
    "ex:alice a ex:Person ; ex:name \"Alice\" .\n"
    "ex:bob a ex:Person .\n";

constexpr const char* kShapes =
    "@prefix ex: <http://example.org/> .\n"
    "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
    "ex:PersonShape a sh:NodeShape ; sh:targetClass ex:Person ;\n"
    "  sh:property [ sh:path ex:name ; sh:minCount 1 ] .\n";

class ShaclCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(dir_.Sub("data.ttl"), kData);
    WriteFile(dir_.Sub("shapes.ttl"), kShapes);
    ASSERT_EQ(RunSextant("load " + db() + " " + dir_.Sub("data.ttl"), dir_).exit_code, 0);
  }
  std::string db() const { return dir_.Sub("db"); }
  TempDir dir_;
};

TEST_F(ShaclCliTest, ValidatePrintsATableAndExitsOneOnViolations) {
  auto r = RunSextant("validate " + db() + " " + dir_.Sub("shapes.ttl"), dir_);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("focus node"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Violation  ex:bob"), std::string::npos) << r.out;  // the file's prefixes
  EXPECT_NE(r.out.find("ex:name"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("does not conform: 1 Violation (2 focus nodes validated)"),
            std::string::npos)
      << r.out;
  ASSERT_EQ(RunSextant("update " + db() +
                           " 'INSERT DATA { <http://example.org/bob> <http://example.org/name> "
                           "\"Bob\" }'",
                       dir_)
                .exit_code,
            0);
  r = RunSextant("validate " + db() + " " + dir_.Sub("shapes.ttl"), dir_);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("conforms"), std::string::npos) << r.out;
}

TEST_F(ShaclCliTest, GraphOptionValidatesOneGraph) {
  WriteFile(dir_.Sub("carol.ttl"), "<http://example.org/carol> a <http://example.org/Person> .\n");
  ASSERT_EQ(
      RunSextant("load " + db() + " " + dir_.Sub("carol.ttl") + " --graph http://example.org/staff",
                 dir_)
          .exit_code,
      0);
  // Only carol's graph: she has no name either, bob (default graph) is not looked at.
  auto r = RunSextant(
      "validate " + db() + " " + dir_.Sub("shapes.ttl") + " --graph http://example.org/staff",
      dir_);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("ex:carol"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("ex:bob"), std::string::npos) << r.out;
  r = RunSextant("validate " + db() + " " + dir_.Sub("shapes.ttl") + " --graph default", dir_);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("ex:bob"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("ex:carol"), std::string::npos) << r.out;
  // Named with <...> as in SPARQL, after carol got her name there: that graph conforms.
  WriteFile(dir_.Sub("name.ttl"),
            "<http://example.org/carol> <http://example.org/name> \"Carol\" .\n");
  ASSERT_EQ(
      RunSextant("load " + db() + " " + dir_.Sub("name.ttl") + " --graph http://example.org/staff",
                 dir_)
          .exit_code,
      0);
  r = RunSextant(
      "validate " + db() + " " + dir_.Sub("shapes.ttl") + " --graph '<http://example.org/staff>'",
      dir_);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("conforms"), std::string::npos) << r.out;
}

TEST_F(ShaclCliTest, TurtleReport) {
  auto r = RunSextant("validate " + db() + " " + dir_.Sub("shapes.ttl") + " --format turtle", dir_);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("sh:ValidationReport"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("sh:conforms"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("sh:MinCountConstraintComponent"), std::string::npos) << r.out;
  WriteFile(dir_.Sub("report.ttl"), r.out);
  // The report is RDF that loads.
  EXPECT_EQ(
      RunSextant("load " + dir_.Sub("reports") + " " + dir_.Sub("report.ttl"), dir_).exit_code, 0);
}

TEST_F(ShaclCliTest, ShapesSyntaxErrorShowsFileLineColumn) {
  WriteFile(dir_.Sub("bad.ttl"), std::string(kShapes) + "ex:Broken sh:path .\n");
  auto r = RunSextant("validate " + db() + " " + dir_.Sub("bad.ttl"), dir_);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.ttl:5:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("^"), std::string::npos) << r.err;        // a caret under the place
  EXPECT_EQ(RunSextant("validate " + db(), dir_).exit_code, 0);  // nothing enforced: conforms
  EXPECT_EQ(RunSextant("validate " + db() + " --format yaml", dir_).exit_code, 2);
}

TEST_F(ShaclCliTest, EnforcedShapesHoldAcrossProcesses) {
  auto r = RunSextant("shapes " + db() + " enforce " + dir_.Sub("shapes.ttl"), dir_);
  EXPECT_EQ(r.exit_code, 1) << r.out;  // bob has no name yet
  EXPECT_NE(r.err.find("<http://example.org/bob>"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Constraint violation"), std::string::npos) << r.err;
  ASSERT_EQ(RunSextant("update " + db() +
                           " 'INSERT DATA { <http://example.org/bob> <http://example.org/name> "
                           "\"Bob\" }'",
                       dir_)
                .exit_code,
            0);
  r = RunSextant("shapes " + db() + " enforce " + dir_.Sub("shapes.ttl"), dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunSextant("shapes " + db() + " list", dir_);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("<http://example.org/PersonShape>\tnode\tclass <http://example.org/Person>"),
            std::string::npos)
      << r.out;

  WriteFile(dir_.Sub("carol.ttl"), "<http://example.org/carol> a <http://example.org/Person> .\n");
  r = RunSextant("load " + db() + " " + dir_.Sub("carol.ttl"), dir_);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("carol"), std::string::npos) << r.err;
  r = RunSextant("query " + db() + " 'ASK { <http://example.org/carol> ?p ?o }' --format tsv",
                 dir_);
  EXPECT_NE(r.out.find("false"), std::string::npos) << r.out;

  EXPECT_EQ(RunSextant("validate " + db(), dir_).exit_code, 0);  // the enforced shapes
  r = RunSextant("shapes " + db() + " drop http://example.org/PersonShape", dir_);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(RunSextant("load " + db() + " " + dir_.Sub("carol.ttl"), dir_).exit_code, 0);
  EXPECT_EQ(RunSextant("shapes " + db() + " frobnicate x", dir_).exit_code, 2);
}

}  // namespace
}  // namespace sextant
