// Strict UTF-8 validation: serd 0.30 lets overlong forms, encoded surrogates (which is what a
// \uD800 escape turns into) and code points above U+10FFFF through.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sextant::rdf {

enum class Utf8Problem : uint8_t { kNone, kInvalid, kSurrogate };

struct Utf8Check {
  Utf8Problem problem = Utf8Problem::kNone;
  size_t offset = 0;  // byte offset of the offending sequence
};

Utf8Check CheckUtf8(std::string_view s);

// Incremental validator for a byte stream, fed one byte at a time.
class Utf8Stream {
 public:
  // Returns kNone while the stream is valid so far.
  Utf8Problem Feed(unsigned char c);
  // True when the stream ended in the middle of a sequence.
  bool Incomplete() const { return need_ != 0; }
  // True between characters (the next byte starts a new one).
  bool Idle() const { return need_ == 0; }

 private:
  uint32_t cp_ = 0;
  uint8_t need_ = 0;
  uint8_t len_ = 0;
};

}  // namespace sextant::rdf
