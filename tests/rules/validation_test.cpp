// Rules are checked when they are added: syntax, bound head variables, supported body forms,
// stratifiable negation, names. A rejected change leaves the store as it was.
#include "rules_fixture.h"

namespace sextant::rules_test {
namespace {

using ValidationTest = RulesTest;

size_t UserRules(Database& db) {
  auto rules = db.ListRules();
  EXPECT_TRUE(rules.ok());
  size_t n = 0;
  for (const auto& r : *rules) n += r.origin == "user";
  return n;
}

TEST_F(ValidationTest, SyntaxErrorHasLineAndColumn) {
  const Status s = db_->AddRules(
      "PREFIX ex: <http://example.org/>\nRULE ex:r { ?x ex:p ?y }\nWHERE { ?x ex:q }", "my.rules");
  ASSERT_EQ(s.code(), StatusCode::kSyntaxError) << s.ToString();
  EXPECT_NE(s.ToString().find("my.rules"), std::string::npos) << s.ToString();
  EXPECT_NE(s.ToString().find("3:"), std::string::npos) << s.ToString();
  EXPECT_EQ(UserRules(*db_), 0u);
}

TEST_F(ValidationTest, HeadVariablesMustBeBoundByTheBody) {
  const Status s = AddRules("RULE ex:r { ?x ex:p ?z } WHERE { ?x ex:q ?y }");
  ASSERT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.ToString().find("?z"), std::string::npos) << s.ToString();
  EXPECT_NE(s.ToString().find("ex:r"), std::string::npos) << s.ToString();
}

TEST_F(ValidationTest, UnsupportedBodyFormsAreRejected) {
  EXPECT_EQ(
      AddRules("RULE ex:r { ?x ex:p ?y } WHERE { ?x ex:q ?y OPTIONAL { ?y ex:q ?z } }").code(),
      StatusCode::kInvalidArgument);
  EXPECT_EQ(AddRules("RULE ex:r { ?x ex:p ?y } WHERE { ?x ex:q+ ?y }").code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(
      AddRules("RULE ex:r { ?x ex:p ?y } WHERE { { ?x ex:q ?y } UNION { ?x ex:s ?y } }").code(),
      StatusCode::kInvalidArgument);
  EXPECT_EQ(AddRules("RULE ex:r { ?x ex:p ?y } WHERE { GRAPH ex:g { ?x ex:q ?y } }").code(),
            StatusCode::kInvalidArgument);
  EXPECT_NE(AddRules("RULE ex:r { ?x ex:p _:b } WHERE { ?x ex:q ?y }").code(), StatusCode::kOk);
  EXPECT_EQ(UserRules(*db_), 0u);
}

TEST_F(ValidationTest, NegationThroughACycleIsRejectedNamingTheRules) {
  const Status s = AddRules(
      "RULE ex:a { ?x a ex:A } WHERE { ?x a ex:T FILTER NOT EXISTS { ?x a ex:B } } ;\n"
      "RULE ex:b { ?x a ex:B } WHERE { ?x a ex:T MINUS { ?x a ex:A } }");
  ASSERT_EQ(s.code(), StatusCode::kInvalidArgument) << s.ToString();
  EXPECT_NE(s.ToString().find("ex:a"), std::string::npos) << s.ToString();
  EXPECT_NE(s.ToString().find("ex:b"), std::string::npos) << s.ToString();
  EXPECT_EQ(UserRules(*db_), 0u);
}

TEST_F(ValidationTest, SelfNegationIsRejected) {
  EXPECT_EQ(AddRules("RULE ex:a { ?x a ex:A } WHERE { ?x a ex:T FILTER NOT EXISTS { ?x a ex:A } }")
                .code(),
            StatusCode::kInvalidArgument);
}

TEST_F(ValidationTest, NamesAreChecked) {
  EXPECT_EQ(db_->EnableRules("no-such-set").code(), StatusCode::kNotFound);
  EXPECT_EQ(db_->DropRule("ex:nothing").code(), StatusCode::kNotFound);
  EXPECT_OK(Run("DROP RULE SILENT ex:nothing"));
  EXPECT_EQ(AddRules("RULE \"rdfs9\" { ?x ex:p ?y } WHERE { ?x ex:q ?y }").code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(db_->DropRule("rdfs").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(db_->AddRules(std::string(kPrefixes) + "INSERT DATA { ex:a ex:b ex:c }").code(),
            StatusCode::kInvalidArgument);
}

TEST_F(ValidationTest, ListShowsOriginAndEnabled) {
  ASSERT_OK(db_->EnableRules("rdfs"));
  ASSERT_OK(AddRules("RULE ex:r { ?x ex:p ?y } WHERE { ?x ex:q ?y }"));
  ASSERT_OK(db_->DisableRules("ex:r"));
  ASSERT_OK_AND_ASSIGN(auto rules, db_->ListRules());
  int rdfs = 0, owl = 0;
  bool found = false;
  for (const auto& r : rules) {
    if (r.origin == "rdfs") rdfs += r.enabled ? 1 : -100;
    if (r.origin == "owl-rl-properties") owl += r.enabled ? 100 : 1;
    if (r.name == "ex:r") {
      found = true;
      EXPECT_EQ(r.origin, "user");
      EXPECT_FALSE(r.enabled);
      EXPECT_NE(r.text.find("RULE ex:r"), std::string::npos);
    }
  }
  EXPECT_EQ(rdfs, 6);
  EXPECT_EQ(owl, 4);
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace sextant::rules_test
