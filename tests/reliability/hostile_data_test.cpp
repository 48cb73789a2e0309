// Hostile data (docs/RELIABILITY.md, Hostile input): bad UTF-8, lone surrogates, NUL, BOM, CRLF,
// a 10 MB IRI, a 100 MB literal, one bad line in a million, a truncated file. Strict loads
// report file:line:column and commit nothing; lenient loads count exactly what they kept and
// skipped; big inputs load in bounded memory.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "process.h"
#include "sextant/database.h"
#include "testutil/test_util.h"

namespace sextant::reliability {
namespace {

using sextant::testing::TempDir;

class HostileDataTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_OK_AND_ASSIGN(db_, Database::Open(dir_.Sub("db"))); }

  Result<LoadStats> Load(const std::string& text, RdfFormat format, bool lenient = false) {
    LoadOptions o;
    o.format = format;
    o.lenient = lenient;
    return db_->LoadString(text, o);
  }
  uint64_t Quads() { return *db_->Count({}); }

  // A strict load of `text` fails at line:column, commits nothing; a lenient one keeps `kept`.
  void ExpectRejectedAt(const std::string& text, RdfFormat format, uint64_t line, uint64_t column,
                        uint64_t kept, const std::string& what) {
    const uint64_t before = Quads();
    auto strict = Load(text, format);
    ASSERT_FALSE(strict.ok()) << "strict load accepted " << what;
    EXPECT_EQ(strict.status().code(), StatusCode::kSyntaxError) << strict.status().ToString();
    EXPECT_EQ(strict.status().line(), line) << what << ": " << strict.status().ToString();
    if (column > 0) {
      EXPECT_EQ(strict.status().column(), column) << what << ": " << strict.status().ToString();
    }
    EXPECT_EQ(Quads(), before) << "a failed strict load committed quads (" << what << ")";

    auto lenient = Load(text, format, true);
    ASSERT_TRUE(lenient.ok()) << lenient.status().ToString();
    EXPECT_EQ(lenient->statements_read, kept) << what;
    EXPECT_EQ(lenient->statements_skipped, 1u) << what;
    ASSERT_EQ(lenient->diagnostics.size(), 1u) << what;
    EXPECT_EQ(lenient->diagnostics[0].line, line) << what;
    EXPECT_EQ(Quads(), before + kept) << what;
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(HostileDataTest, BadUtf8IsPositioned) {
  ExpectRejectedAt(
      "<http://a/s> <http://a/p> \"ok\" .\n<http://a/s> <http://a/p> \"ab\xC3\x28\" "
      ".\n<http://a/s> <http://a/p> \"fine\" .\n",
      RdfFormat::kNTriples, 2, 0, 2, "bad UTF-8");
}

TEST_F(HostileDataTest, LoneSurrogateEscapeIsRejected) {
  ExpectRejectedAt("<http://a/s> <http://a/p> \"x\" .\n<http://a/s> <http://a/p> \"\\uD800\" .\n",
                   RdfFormat::kNTriples, 2, 0, 1, "lone surrogate");
}

TEST_F(HostileDataTest, CrlfLinesAreCountedAndPositioned) {
  ExpectRejectedAt(
      "<http://a/s> <http://a/p> \"1\" .\r\n<http://a/s> <http://a/p> \"2\" .\r\n<http://a/s> "
      "<http://a/p> oops .\r\n",
      RdfFormat::kNTriples, 3, 27, 2, "CRLF");
}

TEST_F(HostileDataTest, NulInsideLiteralRoundTrips) {
  const std::string lexical("a\0b", 3);
  ASSERT_OK(Load("<http://a/s> <http://a/p> \"" + lexical + "\" .\n", RdfFormat::kNTriples));
  auto it = db_->Match({});
  ASSERT_TRUE(it->Valid());
  EXPECT_EQ(it->quad().object.value(), lexical);
  std::ostringstream dump;
  ASSERT_OK(db_->Dump(dump, DumpOptions()));
  TempDir other;
  ASSERT_OK_AND_ASSIGN(auto copy, Database::Open(other.Sub("db")));
  LoadOptions o;
  o.format = RdfFormat::kNQuads;
  ASSERT_OK(copy->LoadString(dump.str(), o));
  auto back = copy->Match({});
  ASSERT_TRUE(back->Valid());
  EXPECT_EQ(back->quad().object.value(), lexical);
}

TEST_F(HostileDataTest, ByteOrderMarkIsAccepted) {
  ASSERT_OK_AND_ASSIGN(
      auto stats, Load("\xEF\xBB\xBF@prefix : <http://a/> .\n:s :p :o .\n", RdfFormat::kTurtle));
  EXPECT_EQ(stats.statements_read, 1u);
}

TEST_F(HostileDataTest, TruncatedFileCommitsNothingStrictAndTheCompletePartLenient) {
  ExpectRejectedAt("@prefix : <http://a/> .\n:s :p :o1 .\n:s :p :o2 .\n:s :p \"unterminat",
                   RdfFormat::kTurtle, 4, 0, 2, "truncated");
}

TEST_F(HostileDataTest, TenMegabyteIriLoads) {
  const std::string iri = "http://a/" + std::string(10 << 20, 'x');
  ASSERT_OK(Load("<" + iri + "> <http://a/p> \"v\" .\n", RdfFormat::kNTriples));
  auto it = db_->Match({});
  ASSERT_TRUE(it->Valid());
  EXPECT_EQ(it->quad().subject.value().size(), iri.size());
  EXPECT_EQ(it->quad().subject.value(), iri);
}

// The big inputs go through the `sextant` executable so peak memory is measured per process.
TEST(HostileDataProcessTest, HundredMegabyteLiteralLoadsInBoundedMemory) {
  TempDir dir;
  const std::string file = dir.Sub("big-literal.nt");
  {
    std::ofstream out(file);
    out << "<http://a/s> <http://a/p> \"" << std::string(100 << 20, 'y')
        << "\" .\n<http://a/s> <http://a/q> \"after\" .\n";
  }
  const auto exit =
      RunProcess({SextantBinary(), "load", dir.Sub("db"), file}, dir.Sub("out"), dir.Sub("err"));
  EXPECT_EQ(exit.exit_code, 0) << sextant::testing::ReadFile(dir.Sub("err"));
  EXPECT_NE(sextant::testing::ReadFile(dir.Sub("out")).find("2 statements read"), std::string::npos)
      << sextant::testing::ReadFile(dir.Sub("out"));
  // Memory grows with the largest term, not with the file: today about 26 copies of a huge
  // literal are alive at the peak (parser, term, the term2id key, id2term value, write batch,
  // WAL, memtable, and the SST index and filter builders, which copy the 100 MB key); the
  // bound keeps that from getting worse. docs/RELIABILITY.md lists it as a known gap.
  EXPECT_LT(exit.max_rss_kib, 3 * 1024 * 1024);
  ASSERT_OK_AND_ASSIGN(auto db, Database::Open(dir.Sub("db")));
  QuadPattern p;
  p.predicate = Term::Iri("http://a/p");
  auto it = db->Match(p);
  ASSERT_TRUE(it->Valid());
  EXPECT_EQ(it->quad().object.value().size(), size_t{100} << 20);
  std::printf("100 MB literal loaded with peak RSS %ld MiB\n", exit.max_rss_kib / 1024);
}

TEST(HostileDataProcessTest, OneBadLineInAMillion) {
  TempDir dir;
  const std::string file = dir.Sub("million.nt");
  constexpr int kLines = 1'000'000;
  constexpr int kBadLine = 654'321;
  {
    std::ofstream out(file);
    for (int i = 1; i <= kLines; ++i) {
      if (i == kBadLine) {
        out << "<http://a/s" << i << "> <http://a/p> \"broken .\n";
      } else {
        out << "<http://a/s" << i % 100'000 << "> <http://a/p" << i % 13 << "> \"" << i << "\" .\n";
      }
    }
  }
  const auto strict = RunProcess({SextantBinary(), "load", dir.Sub("strict-db"), file},
                                 dir.Sub("out"), dir.Sub("err"));
  const std::string err = sextant::testing::ReadFile(dir.Sub("err"));
  EXPECT_EQ(strict.exit_code, 1) << err;
  EXPECT_NE(err.find("million.nt:" + std::to_string(kBadLine) + ":"), std::string::npos) << err;
  {
    ASSERT_OK_AND_ASSIGN(auto db, Database::Open(dir.Sub("strict-db")));
    EXPECT_EQ(*db->Count({}), 0u) << "a failed strict load committed quads";
  }
  const auto lenient =
      RunProcess({SextantBinary(), "load", dir.Sub("lenient-db"), file, "--lenient"},
                 dir.Sub("out"), dir.Sub("err"));
  EXPECT_EQ(lenient.exit_code, 0) << sextant::testing::ReadFile(dir.Sub("err"));
  EXPECT_NE(sextant::testing::ReadFile(dir.Sub("err")).find(":" + std::to_string(kBadLine) + ":"),
            std::string::npos);
  ASSERT_OK_AND_ASSIGN(auto db, Database::Open(dir.Sub("lenient-db")));
  EXPECT_EQ(*db->Count({}), static_cast<uint64_t>(kLines - 1));
  EXPECT_LT(strict.max_rss_kib, 512 * 1024);
  EXPECT_LT(lenient.max_rss_kib, 512 * 1024);
  std::printf(
      "1,000,000 lines, one bad: peak RSS %ld MiB strict, %ld MiB lenient\nlenient output: %s",
      strict.max_rss_kib / 1024, lenient.max_rss_kib / 1024,
      sextant::testing::ReadFile(dir.Sub("out")).c_str());
}

}  // namespace
}  // namespace sextant::reliability
