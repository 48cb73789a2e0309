// The reach analysis tells apart the reads of a shape's constraints: a commit that changes what
// one constraint reads has its focus nodes validated against that constraint alone, while the
// reads that decide the focus nodes (targets) count for every constraint.
#include "shacl/reach.h"

#include <gtest/gtest.h>

#include "rdf/parser.h"
#include "shacl_fixture.h"

namespace sextant::shacl_test {
namespace {

constexpr const char* kReachShapes = R"(
  ex:S sh:targetClass ex:P ;
    sh:property [ sh:path ex:name ; sh:minCount 1 ] ;
    sh:property [ sh:path ex:knows ; sh:class ex:P ] .)";

const shacl::Access* FindAccess(const shacl::ShapeReach& reach, bool prefixed,
                                const std::string& p) {
  for (const auto& a : reach.accesses) {
    if (a.prefix.has_value() == prefixed && a.predicate == p) return &a;
  }
  return nullptr;
}

TEST(ReachTest, ReadsAreAttributedToTheConstraintsThatMakeThem) {
  rdf::ParseOptions po;
  po.format = RdfFormat::kTurtle;
  ASSERT_OK_AND_ASSIGN(auto quads,
                       rdf::ParseStringToQuads(std::string(kPrefixes) + kReachShapes, po));
  ASSERT_OK_AND_ASSIGN(auto set, shacl::CompileShapes(shacl::ShapesGraph(quads), "shapes"));
  ASSERT_EQ(set->targeted.size(), 1u);
  const size_t s = set->targeted[0];
  const shacl::ShapeReach reach = shacl::AnalyzeReach(*set)[s];
  ASSERT_FALSE(reach.global);

  // rdf:type of the focus node decides whether it is a focus node: every constraint.
  const auto* type = FindAccess(reach, false, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
  ASSERT_NE(type, nullptr);
  EXPECT_TRUE(type->every_constraint);

  // ex:name is read by the first property constraint only, rdf:type of the ex:knows values
  // (sh:class) by the second only.
  const auto* name = FindAccess(reach, false, "http://example.org/name");
  const auto* knows_type =
      FindAccess(reach, true, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
  ASSERT_NE(name, nullptr);
  ASSERT_NE(knows_type, nullptr);
  EXPECT_FALSE(name->every_constraint);
  EXPECT_FALSE(knows_type->every_constraint);
  ASSERT_EQ(name->constraints.size(), 1u);
  ASSERT_EQ(knows_type->constraints.size(), 1u);
  EXPECT_NE(name->constraints[0], knows_type->constraints[0]);
  const shacl::Shape& shape = set->shapes[s];
  ASSERT_EQ(shape.constraints.size(), 2u);
  const auto& name_constraint = set->constraints[shape.constraints[name->constraints[0]]];
  ASSERT_EQ(name_constraint.shapes.size(), 1u);
  ASSERT_TRUE(set->shapes[name_constraint.shapes[0]].path.has_value());
  EXPECT_EQ(set->shapes[name_constraint.shapes[0]].path->text, "<http://example.org/name>");
}

}  // namespace
}  // namespace sextant::shacl_test
