#include "sextant/utf8.h"

namespace sextant {

Utf8Problem Utf8Stream::Feed(unsigned char c) {
  if (need_ == 0) {
    cp_ = c;
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
  if (!IsUtf8Continuation(c)) {
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
    if (stream.Idle()) start = i;
    const Utf8Problem p = stream.Feed(static_cast<unsigned char>(s[i]));
    if (p != Utf8Problem::kNone) return {p, start};
  }
  if (stream.Incomplete()) return {Utf8Problem::kInvalid, start};
  return {};
}

char32_t DecodeUtf8At(std::string_view s, size_t i, size_t* len) {
  *len = 1;
  Utf8Stream stream;
  for (size_t k = i; k < s.size(); ++k) {
    if (stream.Feed(static_cast<unsigned char>(s[k])) != Utf8Problem::kNone) break;
    if (stream.Idle()) {
      *len = k - i + 1;
      return stream.code_point();
    }
  }
  return 0xFFFD;
}

std::u32string Utf8Decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0, len = 1; i < s.size(); i += len) out.push_back(DecodeUtf8At(s, i, &len));
  return out;
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string Utf8Encode(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : s) AppendUtf8(out, c);
  return out;
}

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += IsUtf8Continuation(static_cast<unsigned char>(c)) ? 0 : 1;
  return n;
}

}  // namespace sextant
