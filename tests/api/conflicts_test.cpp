// FindConflicts as an analyst uses it: numbers that differ between sources, values of
// functional properties (owl:FunctionalProperty, sh:maxCount 1), denials, each side with its
// source's metadata and quote; agreement is no conflict; the row and time budgets.
#include "sextant/conflicts.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <string>

#include "sextant/database.h"
#include "testutil/test_util.h"

namespace sextant {
namespace {

using sextant::testing::TempDir;

constexpr const char* kSources = R"(
@prefix : <http://sextant.local/> .
@prefix src: <http://sextant.local/source/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
src:article {
  src:article dct:title "The article" ; dct:date "2022-01"^^xsd:gYearMonth .
  :Unit :soldiers 70 ; :commander :Smith ; :label "unit" ; :size 3 .
  :Other :height "1.50"^^xsd:decimal .
  <http://sextant.local/source/article#f1> a rdf:Statement ; rdf:subject :Unit ;
      rdf:predicate :soldiers ; rdf:object 70 .
  <http://sextant.local/source/article#e1> :quote "the unit of 70 soldiers" ;
      :attests <http://sextant.local/source/article#f1> .
  :Tokayev :requested :Help .
}
src:report {
  src:report dct:title "A report" ; dct:publisher "Radio" ; dct:date "2022-01-07"^^xsd:date ;
      dct:source <https://example.org/report> .
  :Unit :soldiers 100 ; :commander :Jones ; :label "the unit" ; :size 3.0 .
  :Other :height 1.5 .
  [] a owl:NegativePropertyAssertion ; owl:sourceIndividual :Tokayev ;
     owl:assertionProperty :requested ; owl:targetIndividual :Help .
}
src:third {
  :Unit :soldiers 100 .
  _:r rdf:reifies <<( :Unit :soldiers 100 )>> ; :quote "a hundred" .
}
<http://sextant.local/graph/vocabulary> {
  :commander a owl:FunctionalProperty .
}
)";

class ConflictsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(db_, Database::Open(dir_.Sub("db")));
    LoadOptions options;
    options.format = RdfFormat::kTriG;
    ASSERT_OK(db_->LoadString(kSources, options).status());
  }
  static Term Local(const std::string& name) { return Term::Iri("http://sextant.local/" + name); }
  const Conflict* Find(const ConflictReport& report, const std::string& s, const std::string& p) {
    for (const auto& c : report.conflicts) {
      if (c.subject == Local(s) && c.predicate == Local(p)) return &c;
    }
    return nullptr;
  }
  TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(ConflictsTest, NumbersThatDifferEachWithSourceAndQuote) {
  ASSERT_OK_AND_ASSIGN(auto report, FindConflicts(*db_));
  const Conflict* c = Find(report, "Unit", "soldiers");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->kind, ConflictKind::kNumbers);
  ASSERT_EQ(c->sides.size(), 3u);
  // Sides in graph order: article (70, with the rdf:Statement's quote), report, third.
  EXPECT_EQ(c->sides[0].graph, Local("source/article"));
  EXPECT_EQ(c->sides[0].value.value(), "70");
  EXPECT_EQ(c->sides[0].title, "The article");
  EXPECT_EQ(c->sides[0].quotes, std::vector<std::string>{"the unit of 70 soldiers"});
  EXPECT_EQ(c->sides[1].graph, Local("source/report"));
  EXPECT_EQ(c->sides[1].value.value(), "100");
  EXPECT_EQ(c->sides[1].publisher, "Radio");
  EXPECT_EQ(c->sides[1].date, "2022-01-07");
  EXPECT_EQ(c->sides[1].url, "https://example.org/report");
  EXPECT_TRUE(c->sides[1].quotes.empty());
  // The RDF 1.2 reifier's quote.
  EXPECT_EQ(c->sides[2].quotes, std::vector<std::string>{"a hundred"});
}

TEST_F(ConflictsTest, EqualNumbersAndPlainStringsAreNoConflict) {
  ASSERT_OK_AND_ASSIGN(auto report, FindConflicts(*db_));
  EXPECT_EQ(Find(report, "Unit", "size"), nullptr);     // 3 and 3.0
  EXPECT_EQ(Find(report, "Other", "height"), nullptr);  // 1.50 and 1.5
  EXPECT_EQ(Find(report, "Unit", "label"), nullptr);    // not functional, not numbers
}

// Numbers are what XSD (and a SPARQL FILTER) reads as numbers: "0x10", " 5" and "inf" are not
// numbers of their datatype, so they neither equal 16, 5 and INF (a functional property's
// values then differ) nor make a numeric conflict; valid forms compare by value across types.
TEST(ConflictNumbersTest, OnlyValidXsdLexicalFormsCompareAsNumbers) {
  TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto db, Database::Open(dir.Sub("db")));
  LoadOptions options;
  options.format = RdfFormat::kTriG;
  ASSERT_OK(db->LoadString(R"(
@prefix : <http://sextant.local/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<http://sextant.local/graph/vocabulary> { :hex a owl:FunctionalProperty . :space a owl:FunctionalProperty .
  :inf a owl:FunctionalProperty . :valid a owl:FunctionalProperty . }
<http://sextant.local/source/a> {
  :X :hex "0x10"^^xsd:integer ; :space " 5"^^xsd:integer ; :inf "inf"^^xsd:double ;
     :valid "1E1"^^xsd:double ; :plain "0x11"^^xsd:integer ; :nan "NaN"^^xsd:double . }
<http://sextant.local/source/b> {
  :X :hex 16 ; :space 5 ; :inf "INF"^^xsd:double ; :valid "+10"^^xsd:byte ; :plain 17 ;
     :nan "NaN"^^xsd:double . }
)",
                           options)
                .status());
  ASSERT_OK_AND_ASSIGN(auto report, FindConflicts(*db));
  std::map<std::string, ConflictKind> kinds;
  for (const auto& c : report.conflicts) kinds[c.predicate.value()] = c.kind;
  const std::string ns = "http://sextant.local/";
  // Ill-formed numbers compare as terms: the functional properties' values differ.
  EXPECT_EQ(kinds.count(ns + "hex"), 1u);
  EXPECT_EQ(kinds[ns + "hex"], ConflictKind::kFunctional);
  EXPECT_EQ(kinds.count(ns + "space"), 1u);
  EXPECT_EQ(kinds[ns + "space"], ConflictKind::kFunctional);
  EXPECT_EQ(kinds.count(ns + "inf"), 1u);
  EXPECT_EQ(kinds[ns + "inf"], ConflictKind::kFunctional);
  // "0x11" is no number, so 17 against it is no numeric conflict (and :plain is not functional).
  EXPECT_EQ(kinds.count(ns + "plain"), 0u);
  // 1E1 (double) and +10 (byte) are the same number; the same NaN twice is one value.
  EXPECT_EQ(kinds.count(ns + "valid"), 0u);
  EXPECT_EQ(kinds.count(ns + "nan"), 0u);
  EXPECT_EQ(report.conflicts.size(), 3u);
}

TEST_F(ConflictsTest, FunctionalPropertiesByOwlAndByShapes) {
  ASSERT_OK_AND_ASSIGN(auto report, FindConflicts(*db_));
  const Conflict* c = Find(report, "Unit", "commander");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->kind, ConflictKind::kFunctional);
  EXPECT_TRUE(c->functional);
  ASSERT_EQ(c->sides.size(), 2u);
  EXPECT_EQ(c->sides[0].value, Local("Smith"));
  EXPECT_EQ(c->sides[1].value, Local("Jones"));
  EXPECT_EQ(report.functional_properties, 1u);
  // A property shape with sh:maxCount 1 makes :label functional.
  LoadOptions options;
  options.format = RdfFormat::kTriG;
  ASSERT_OK(db_->LoadString(R"(
@prefix sh: <http://www.w3.org/ns/shacl#> .
<http://sextant.local/graph/shapes> {
  <http://sextant.local/UnitShape> sh:property [ sh:path <http://sextant.local/label> ;
                                                 sh:maxCount 1 ] . }
)",
                            options)
                .status());
  ASSERT_OK_AND_ASSIGN(report, FindConflicts(*db_));
  c = Find(report, "Unit", "label");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->kind, ConflictKind::kFunctional);
  EXPECT_EQ(report.functional_properties, 2u);
}

TEST_F(ConflictsTest, AFactOneSourceStatesAndAnotherDenies) {
  ASSERT_OK_AND_ASSIGN(auto report, FindConflicts(*db_));
  EXPECT_EQ(report.denials, 1u);
  const Conflict* c = Find(report, "Tokayev", "requested");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->kind, ConflictKind::kDenied);
  ASSERT_EQ(c->sides.size(), 2u);
  EXPECT_EQ(c->sides[0].graph, Local("source/article"));
  EXPECT_FALSE(c->sides[0].denies);
  EXPECT_EQ(c->sides[1].graph, Local("source/report"));
  EXPECT_TRUE(c->sides[1].denies);
  EXPECT_EQ(c->sides[1].value, Local("Help"));
}

TEST_F(ConflictsTest, OneSubjectOrPropertyOnly) {
  ConflictOptions options;
  options.predicate = Local("soldiers");
  ASSERT_OK_AND_ASSIGN(auto report, FindConflicts(*db_, options));
  ASSERT_EQ(report.conflicts.size(), 1u);
  EXPECT_EQ(report.conflicts[0].subject, Local("Unit"));
  options = {};
  options.subject = Local("Tokayev");
  ASSERT_OK_AND_ASSIGN(report, FindConflicts(*db_, options));
  ASSERT_EQ(report.conflicts.size(), 1u);
  EXPECT_EQ(report.conflicts[0].kind, ConflictKind::kDenied);
}

TEST_F(ConflictsTest, RowAndTimeBudgets) {
  ConflictOptions options;
  options.max_conflicts = 1;
  ASSERT_OK_AND_ASSIGN(auto report, FindConflicts(*db_, options));
  EXPECT_EQ(report.conflicts.size(), 1u);
  EXPECT_EQ(report.conflicts_omitted, 2u);
  std::atomic<bool> stop{true};
  options.interrupt = &stop;
  EXPECT_EQ(FindConflicts(*db_, options).status().code(), StatusCode::kInterrupted);
  std::string many;
  for (int i = 0; i < 60000; ++i) {
    many += "<http://e/" + std::to_string(i) + "> <http://e/p> \"" + std::to_string(i) +
            "\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n";
  }
  LoadOptions nt;
  nt.format = RdfFormat::kNTriples;
  ASSERT_OK(db_->LoadString(many, nt).status());
  ConflictOptions quick;
  quick.timeout = std::chrono::milliseconds(1);
  EXPECT_EQ(FindConflicts(*db_, quick).status().code(), StatusCode::kTimeout);
}

TEST_F(ConflictsTest, DerivedAndShapesGraphsAreNoSources) {
  LoadOptions options;
  options.format = RdfFormat::kTriG;
  ASSERT_OK(db_->LoadString(R"(<urn:sextant:shapes> {
  <http://sextant.local/Other> <http://sextant.local/height> 7 . })",
                            options)
                .status());
  ASSERT_OK_AND_ASSIGN(auto report, FindConflicts(*db_));
  EXPECT_EQ(Find(report, "Other", "height"), nullptr);
}

}  // namespace
}  // namespace sextant
