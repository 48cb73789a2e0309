#include "base/xsd_datetime.h"

#include <gtest/gtest.h>

namespace sextant {
namespace {

TEST(XsdDateTimeTest, DateWithAndWithoutTimezone) {
  auto d = ParseXsdDate("1970-01-02");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->days, 1);
  EXPECT_EQ(d->millis, 86400000);
  EXPECT_EQ(d->date_end, 10U);
  EXPECT_FALSE(d->tz);
  d = ParseXsdDate("-0044-03-15-05:30");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->date_end, 11U);
  EXPECT_EQ(d->tz, -330);
  EXPECT_EQ(ParseXsdDate("2024-02-29Z")->tz, 0);
}

TEST(XsdDateTimeTest, RejectsWhatTheLexicalSpaceDoesNot) {
  for (const char* bad : {"2023-02-29", "0000-01-01", "02024-01-01", "2024-1-01",
                          "2024-01-01+15:00", "2024-01-01+01:60", "2024-01-01 ", "2024-13-01"}) {
    EXPECT_FALSE(ParseXsdDate(bad)) << bad;
  }
  for (const char* bad : {"2024-01-01T24:00:01", "2024-01-01T10:60:00", "2024-01-01T10:00",
                          "2024-01-01T10:00:00.", "2024-01-01"}) {
    EXPECT_FALSE(ParseXsdDateTime(bad)) << bad;
  }
}

TEST(XsdDateTimeTest, DateTimeFieldsAndFraction) {
  auto t = ParseXsdDateTime("1970-01-01T01:02:03.4567+14:00");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->millis, ((1 * 60 + 2) * 60 + 3) * 1000 + 456);
  EXPECT_EQ(t->fraction_digits, 4U);
  EXPECT_EQ(t->hour, 1);
  EXPECT_EQ(t->tz, 14 * 60);
  t = ParseXsdDateTime("1999-12-31T24:00:00");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->hour, 24);
  EXPECT_EQ(t->millis, ParseXsdDate("2000-01-01")->millis);
}

}  // namespace
}  // namespace sextant
