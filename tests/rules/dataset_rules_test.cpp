// The rules shipped with the CSTO / Kazakhstan dataset load and derive what its README says.
#include <filesystem>

#include "rules_fixture.h"

namespace sextant::rules_test {
namespace {

TEST(DatasetRulesTest, CstoRulesDeriveArticle4ObligationsAndAllies) {
  const std::filesystem::path root(SEXTANT_SOURCE_DIR);
  sextant::testing::TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto db, Database::Open(dir.Sub("db")));
  ASSERT_OK(
      db->LoadFile((root / "datasets" / "csto-kazakhstan" / "csto-kazakhstan.trig").string(), {}));
  ASSERT_OK(db->LoadFile((root / "datasets" / "world" / "world.trig").string(), {}));
  const std::string rules =
      (root / "datasets" / "csto-kazakhstan" / "csto-kazakhstan.rules").string();
  ASSERT_OK(db->AddRules(sextant::testing::ReadFile(rules), rules));
  auto count = [&](const std::string& q) -> uint64_t {
    auto c = db->Query(q);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    if (!c.ok()) return 0;
    uint64_t n = 0;
    while ((*c)->Next()) ++n;
    return n;
  };
  const uint64_t members = count("SELECT DISTINCT ?m WHERE { ?m :memberOf :CSTO }");
  ASSERT_GE(members, 2u);
  EXPECT_EQ(count("SELECT ?a ?b WHERE { ?a :mutualDefenceObligationTo ?b }"),
            members * (members - 1));
  EXPECT_EQ(count("SELECT ?a WHERE { ?a :boundBy :CSTArticle4 }"), members);
  auto ask = db->Query("ASK { :Russia :allyOf :Kazakhstan . :Kazakhstan :allyOf :Russia }");
  ASSERT_OK(ask);
  EXPECT_TRUE((*ask)->boolean());
  EXPECT_GE(count("SELECT ?c WHERE { ?c :tookPartIn :CSTODeployment2022 }"), 2u);
}

}  // namespace
}  // namespace sextant::rules_test
