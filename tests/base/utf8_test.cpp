#include "sextant/utf8.h"

#include <gtest/gtest.h>

namespace sextant {
namespace {

TEST(Utf8Test, CheckFindsTheFirstIllFormedSequence) {
  EXPECT_EQ(CheckUtf8("plain ascii, é, 日本, 🙂").problem, Utf8Problem::kNone);
  struct Case {
    std::string text;
    Utf8Problem problem;
    size_t offset;
  };
  const Case cases[] = {
      {"ab\x80", Utf8Problem::kInvalid, 2},  // stray continuation byte
      {"a\xC3"
       "b",
       Utf8Problem::kInvalid, 1},                      // lead byte without its continuation
      {"a\xC0\xAF", Utf8Problem::kInvalid, 1},         // overlong '/'
      {"\xE0\x80\xAF", Utf8Problem::kInvalid, 0},      // overlong three-byte form
      {"xy\xED\xA0\x80", Utf8Problem::kSurrogate, 2},  // U+D800
      {"\xF4\x90\x80\x80", Utf8Problem::kInvalid, 0},  // above U+10FFFF
      {"ok\xE6\x97", Utf8Problem::kInvalid, 2},        // truncated at the end
  };
  for (const Case& c : cases) {
    const Utf8Check check = CheckUtf8(c.text);
    EXPECT_EQ(check.problem, c.problem) << c.text;
    EXPECT_EQ(check.offset, c.offset) << c.text;
  }
}

TEST(Utf8Test, StreamYieldsEachCodePoint) {
  Utf8Stream stream;
  std::u32string seen;
  for (char c : std::string("a\xC3\xA9\xF0\x9F\x99\x82")) {
    ASSERT_EQ(stream.Feed(static_cast<unsigned char>(c)), Utf8Problem::kNone);
    if (stream.Idle()) seen.push_back(stream.code_point());
  }
  EXPECT_EQ(seen, U"a\u00E9\U0001F642");
  EXPECT_FALSE(stream.Incomplete());
}

TEST(Utf8Test, DecodeEncodeRoundTripAndLength) {
  const std::string text = "Zoë 日本 🙂";
  const std::u32string decoded = Utf8Decode(text);
  EXPECT_EQ(decoded, U"Zo\u00EB \u65E5\u672C \U0001F642");
  EXPECT_EQ(Utf8Encode(decoded), text);
  EXPECT_EQ(Utf8Length(text), decoded.size());
  size_t len = 0;
  EXPECT_EQ(DecodeUtf8At(text, 2, &len), U'\u00EB');
  EXPECT_EQ(len, 2U);
}

TEST(Utf8Test, IllFormedBytesDecodeAsReplacementOneByteEach) {
  const std::u32string decoded = Utf8Decode("a\xFF\xC3(\xED\xA0\x80");
  EXPECT_EQ(decoded, U"a\uFFFD\uFFFD(\uFFFD\uFFFD\uFFFD");
  size_t len = 0;
  EXPECT_EQ(DecodeUtf8At("\xE6\x97", 0, &len), U'\uFFFD');
  EXPECT_EQ(len, 1U);
}

TEST(Utf8Test, AppendEncodesEveryLength) {
  std::string out;
  for (char32_t c : {U'\u0041', U'\u00E9', U'\u20AC', U'\U00010348'}) AppendUtf8(out, c);
  EXPECT_EQ(out, "A\xC3\xA9\xE2\x82\xAC\xF0\x90\x8D\x88");
}

}  // namespace
}  // namespace sextant
