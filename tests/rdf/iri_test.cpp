#include "rdf/iri.h"

#include <gtest/gtest.h>

namespace sextant::rdf {
namespace {

TEST(FileIriTest, EscapesUnsafeCharacters) {
  EXPECT_EQ(FileIri("/tmp/a b#c.ttl"), "file:///tmp/a%20b%23c.ttl");
}

}  // namespace
}  // namespace sextant::rdf
