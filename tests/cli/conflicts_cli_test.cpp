// `sextant conflicts` and the shell's .conflicts on the bundled CSTO dataset: the sources that
// disagree on the Armenian contingent's size and on how many national contingents the CSTO
// force had (the article's four against the CSTO's five, Kyrgyzstan's being the fifth), each
// side with its source graph, title and quote.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "testutil/test_util.h"

namespace sextant {
namespace {

using sextant::testing::RunResult;
using sextant::testing::RunSextant;
using sextant::testing::SourceDir;
using sextant::testing::TempDir;

constexpr const char* kNs = "http://sextant.local/";
constexpr const char* kArticle = "<http://sextant.local/source/sutanovac-2022-csto-kazakhstan>";

std::vector<std::vector<std::string>> TsvRows(const std::string& out) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(out);
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) {
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream fields(line);
    while (std::getline(fields, cell, '\t')) cells.push_back(cell);
    cells.resize(10);
    rows.push_back(cells);
  }
  return rows;
}

// The rows of one subject/property: columns subject, property, kind, says, value, source,
// title, date, url, quote.
std::vector<std::vector<std::string>> RowsOf(const std::vector<std::vector<std::string>>& rows,
                                             const std::string& subject,
                                             const std::string& property) {
  std::vector<std::vector<std::string>> out;
  for (const auto& r : rows) {
    if (r[0] == "<" + std::string(kNs) + subject + ">" &&
        r[1] == "<" + std::string(kNs) + property + ">") {
      out.push_back(r);
    }
  }
  return out;
}

class ConflictsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto data = SourceDir() / "datasets";
    db_ = dir_.Sub("db");
    auto r =
        RunSextant("load " + db_ + " " + (data / "csto-kazakhstan/csto-kazakhstan.trig").string() +
                       " " + (data / "world/world.trig").string(),
                   dir_);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  TempDir dir_;
  std::string db_;
};

TEST_F(ConflictsCliTest, ArmenianContingentSeventyAgainstOneHundred) {
  auto r = RunSextant("conflicts " + db_ + " --format tsv", dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto rows = RowsOf(TsvRows(r.out), "ArmenianContingent", "soldiers");
  ASSERT_EQ(rows.size(), 3u) << r.out;
  for (const auto& row : rows) EXPECT_EQ(row[2], "\"numbers\"");
  // Graph order: panorama, the article, tvpworld.
  EXPECT_EQ(rows[0][5], "<http://sextant.local/source/panorama-2022-01-07-armenian-contingent>");
  EXPECT_EQ(rows[0][4], "100");
  EXPECT_EQ(rows[0][6], "\"Armenia sends 100 peacekeepers to Kazakhstan\"");
  EXPECT_EQ(rows[0][7], "\"2022-01-07\"");
  EXPECT_EQ(rows[0][8],
            "<https://panorama.am/en/news/2022/01/07/Armenia-peacekeepers-Kazakhstan/2623551>");
  EXPECT_EQ(rows[1][5], kArticle);
  EXPECT_EQ(rows[1][4], "70");
  // The article's quote: the passage that reifies the fact (`kz:e33 rdf:reifies <<( ... )>>`).
  EXPECT_NE(rows[1][9].find("200 Tajik and 70 Armenian soldiers"), std::string::npos) << rows[1][9];
  EXPECT_EQ(rows[2][5], "<http://sextant.local/source/tvpworld-2022-01-13-csto-withdrawal>");
  EXPECT_EQ(rows[2][4], "100");
  EXPECT_EQ(rows[2][6], "\"CSTO forces withdraw from Kazakhstan: Russian Def Min\"");
}

TEST_F(ConflictsCliTest, KyrgyzContingentFourContingentsAgainstFive) {
  auto r =
      RunSextant("conflicts " + db_ + " --format tsv --subject :CSTOPeacekeepingContingent", dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto all = TsvRows(r.out);
  const auto rows = RowsOf(all, "CSTOPeacekeepingContingent", "nationalContingents");
  ASSERT_EQ(rows.size(), 2u) << r.out;
  EXPECT_EQ(all.size(), rows.size()) << "only the one subject: " << r.out;
  EXPECT_EQ(rows[0][5], "<http://sextant.local/source/armradio-2022-01-06-csto-forces-deployed>");
  EXPECT_EQ(rows[0][4], "5");
  EXPECT_EQ(rows[0][6], "\"CSTO peacekeeping forces deployed to Kazakhstan\"");
  EXPECT_EQ(rows[1][5], kArticle);
  EXPECT_EQ(rows[1][4], "4");
  EXPECT_NE(rows[1][9].find("consist of 3.000 Russian"), std::string::npos) << rows[1][9];
  EXPECT_NE(r.err.find("1 conflict"), std::string::npos) << r.err;
}

TEST_F(ConflictsCliTest, ShellCommandAndUsageErrors) {
  auto r = RunSextant(db_ + " -c '.mode tsv' -c '.conflicts :ArmenianContingent :soldiers'", dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(RowsOf(TsvRows(r.out), "ArmenianContingent", "soldiers").size(), 3u) << r.out;
  EXPECT_NE(r.out.find("1 conflict"), std::string::npos) << r.out;
  EXPECT_EQ(RunSextant("conflicts " + db_ + " --limit x", dir_).exit_code, 2);
  EXPECT_EQ(RunSextant("conflicts " + db_ + " --bogus", dir_).exit_code, 2);
  EXPECT_EQ(RunSextant("conflicts " + dir_.Sub("missing"), dir_).exit_code, 3);
}

}  // namespace
}  // namespace sextant
