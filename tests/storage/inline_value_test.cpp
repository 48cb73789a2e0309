#include "storage/inline_value.h"

#include <gtest/gtest.h>

#include "sextant/term.h"

namespace sextant::storage {
namespace {

std::string Xsd(const char* local) {
  return std::string(vocab::kXsd) + local;
}

void ExpectRoundTrip(const std::string& lex, const std::string& dt) {
  auto id = TryInline(lex, dt);
  ASSERT_TRUE(id.has_value()) << lex;
  EXPECT_TRUE(IsInline(*id));
  EXPECT_EQ(InlineLexical(*id), lex);
  EXPECT_EQ(InlineDatatype(*id), dt);
}

TEST(InlineValueTest, CanonicalFormsAreInlinedAndRoundTrip) {
  for (const char* v : {"0", "1", "-1", "3000", "576460752303423487", "-576460752303423488"}) {
    ExpectRoundTrip(v, Xsd("integer"));
  }
  for (const char* v : {"0.0", "0.24", "-1.5", "100.0", "12345.678"})
    ExpectRoundTrip(v, Xsd("decimal"));
  ExpectRoundTrip("true", Xsd("boolean"));
  ExpectRoundTrip("false", Xsd("boolean"));
  for (const char* v :
       {"2022-01-05", "2011-12-16Z", "1900-02-28+06:00", "0001-01-01", "2024-02-29-05:30"}) {
    ExpectRoundTrip(v, Xsd("date"));
  }
  for (const char* v :
       {"2022-01-06T10:00:00Z", "1969-12-31T23:59:59.5", "2022-01-06T00:00:00.125+05:00"}) {
    ExpectRoundTrip(v, Xsd("dateTime"));
  }
}

TEST(InlineValueTest, NonCanonicalFormsStayInTheDictionary) {
  EXPECT_FALSE(TryInline("01", Xsd("integer")));
  EXPECT_FALSE(TryInline("+1", Xsd("integer")));
  EXPECT_FALSE(TryInline("-0", Xsd("integer")));
  EXPECT_FALSE(TryInline("576460752303423488", Xsd("integer")));  // out of inline range
  EXPECT_FALSE(TryInline("1.50", Xsd("decimal")));
  EXPECT_FALSE(TryInline("1", Xsd("decimal")));
  EXPECT_FALSE(TryInline(".5", Xsd("decimal")));
  EXPECT_FALSE(TryInline("1", Xsd("boolean")));
  EXPECT_FALSE(TryInline("2022-02-30", Xsd("date")));
  EXPECT_FALSE(TryInline("2022-01-05+00:00", Xsd("date")));
  EXPECT_FALSE(TryInline("2022-01-06T10:00:00.100Z", Xsd("dateTime")));
  EXPECT_FALSE(TryInline("2022-01-06T24:00:00", Xsd("dateTime")));
  EXPECT_FALSE(TryInline("abc", Xsd("integer")));
  EXPECT_FALSE(TryInline("1", Xsd("double")));
}

TEST(InlineValueTest, IntegerIdsOrderLikeValues) {
  const auto a = *TryInline("-5", Xsd("integer"));
  const auto b = *TryInline("3", Xsd("integer"));
  const auto c = *TryInline("3000", Xsd("integer"));
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
  EXPECT_EQ(InlineInteger(a), -5);
  EXPECT_EQ(InlineInteger(c), 3000);
}

TEST(InlineValueTest, DecimalValue) {
  const auto d = InlineDecimal(*TryInline("-0.24", Xsd("decimal")));
  EXPECT_EQ(d.mantissa, -24);
  EXPECT_EQ(d.scale, 2);
}

}  // namespace
}  // namespace sextant::storage
