#include "rdf/utf8.h"

namespace sextant::rdf {

Utf8Problem Utf8Stream::Feed(unsigned char c) {
  if (need_ == 0) {
    if (c < 0x80) return Utf8Problem::kNone;
    if (c >= 0xC2 && c <= 0xDF) {
      cp_ = c & 0x1F;
      need_ = len_ = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      cp_ = c & 0x0F;
      need_ = len_ = 2;
    } else if (c >= 0xF0 && c <= 0xF4) {
      cp_ = c & 0x07;
      need_ = len_ = 3;
    } else {
      return Utf8Problem::kInvalid;
    }
    return Utf8Problem::kNone;
  }
  if ((c & 0xC0) != 0x80) {
    need_ = 0;
    return Utf8Problem::kInvalid;
  }
  cp_ = (cp_ << 6) | (c & 0x3F);
  if (--need_ > 0) return Utf8Problem::kNone;
  if ((len_ == 2 && cp_ < 0x800) || (len_ == 3 && (cp_ < 0x10000 || cp_ > 0x10FFFF))) {
    return Utf8Problem::kInvalid;  // overlong or out of range
  }
  if (cp_ >= 0xD800 && cp_ <= 0xDFFF) return Utf8Problem::kSurrogate;
  return Utf8Problem::kNone;
}

Utf8Check CheckUtf8(std::string_view s) {
  Utf8Stream stream;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80) start = i;
    const Utf8Problem p = stream.Feed(c);
    if (p != Utf8Problem::kNone) return {p, start};
  }
  if (stream.Incomplete()) return {Utf8Problem::kInvalid, start};
  return {};
}

}  // namespace sextant::rdf
