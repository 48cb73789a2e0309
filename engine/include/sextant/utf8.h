// UTF-8, in one place: strict validation for text entering the store (serd 0.30 and ANTLR let
// overlong forms, encoded surrogates and code points above U+10FFFF through), and lenient
// decoding for text already inside it, where one stray byte must not stop a query or a display.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "sextant/export.h"

namespace sextant {

enum class Utf8Problem : uint8_t { kNone, kInvalid, kSurrogate };

struct Utf8Check {
  Utf8Problem problem = Utf8Problem::kNone;
  size_t offset = 0;  // byte offset of the offending sequence
};

// The first ill-formed sequence of `s` (problem kNone when there is none).
SEXTANT_API Utf8Check CheckUtf8(std::string_view s);

// Strict validator for a byte stream, fed one byte at a time.
class Utf8Stream {
 public:
  // Returns kNone while the stream is valid so far.
  SEXTANT_API Utf8Problem Feed(unsigned char c);
  // True when the stream ended in the middle of a sequence.
  bool Incomplete() const { return need_ != 0; }
  // True between characters (the next byte starts a new one).
  bool Idle() const { return need_ == 0; }
  // The character the last byte completed (valid when Feed returned kNone and Idle() holds).
  char32_t code_point() const { return cp_; }

 private:
  char32_t cp_ = 0;
  uint8_t need_ = 0;
  uint8_t len_ = 0;
};

// True for the bytes that continue a character (10xxxxxx).
inline bool IsUtf8Continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

// Decodes the character at s[i] and sets *len to its byte count; an ill-formed or truncated
// sequence decodes as U+FFFD with *len = 1.
SEXTANT_API char32_t DecodeUtf8At(std::string_view s, size_t i, size_t* len);
// Every character of `s`, decoded as DecodeUtf8At does.
SEXTANT_API std::u32string Utf8Decode(std::string_view s);
SEXTANT_API void AppendUtf8(std::string& out, char32_t cp);
SEXTANT_API std::string Utf8Encode(std::u32string_view s);
// The number of characters (bytes that are not continuation bytes).
SEXTANT_API size_t Utf8Length(std::string_view s);

}  // namespace sextant
