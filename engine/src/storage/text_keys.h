// Keys and values of the text index's column families (docs/FORMAT.md, "Text index"). Part of
// the on-disk format.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "storage/index_order.h"
#include "storage/term_id.h"

namespace sextant::storage::text_keys {

// text_postings: index term, a 0 byte, the literal's id (8 bytes big-endian). Terms never hold
// a 0 byte (it is no letter or digit), so one term's postings are one key range, in id order.
inline std::string TermPrefix(std::string_view term) {
  std::string k(term);
  k.push_back('\0');
  return k;
}
inline std::string Posting(std::string_view term, TermId doc) {
  std::string k = TermPrefix(term);
  k.resize(k.size() + 8);
  PutBigEndian(k.data() + k.size() - 8, doc);
  return k;
}
inline std::string_view TermOfPosting(std::string_view key) {
  return key.size() > 9 ? key.substr(0, key.size() - 9) : std::string_view();
}
inline TermId DocOfPosting(std::string_view key) {
  return GetBigEndian(key.data() + key.size() - 8);
}

// text_docs: the literal's id (8 bytes big-endian).
inline std::string Doc(TermId doc) {
  std::string k(8, '\0');
  PutBigEndian(k.data(), doc);
  return k;
}

// text_stats: int64 values added by the store's merge operator, like the quad statistics.
inline std::string DocCount() {
  return "n";
}
inline std::string TotalLength() {
  return "l";
}
inline std::string Language(std::string_view lang) {
  return "g" + std::string(lang);
}
inline std::string DocFrequency(std::string_view term) {
  return "d" + std::string(term);
}

inline void PutVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}
// False on a truncated or overlong value.
inline bool GetVarint(const char** p, const char* end, uint64_t* v) {
  *v = 0;
  for (int shift = 0; shift < 64 && *p < end; shift += 7) {
    const auto byte = static_cast<unsigned char>(*(*p)++);
    *v |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

// A posting's value: the document's length in terms, then the term's positions in it
// (count, then each as the gap from the previous one).
struct PostingValue {
  uint32_t doc_length = 0;
  uint32_t frequency = 0;
  const char* positions = nullptr;  // `frequency` varints
  const char* end = nullptr;
};
inline bool DecodePosting(std::string_view value, PostingValue* out) {
  const char* p = value.data();
  const char* end = p + value.size();
  uint64_t length = 0;
  uint64_t frequency = 0;
  if (!GetVarint(&p, end, &length) || !GetVarint(&p, end, &frequency)) return false;
  out->doc_length = static_cast<uint32_t>(length);
  out->frequency = static_cast<uint32_t>(frequency);
  out->positions = p;
  out->end = end;
  return true;
}

}  // namespace sextant::storage::text_keys
