// Keys of the statistics column family. Every value is a little-endian int64 combined by an
// add merge operator, so a commit writes deltas without reading. Part of the on-disk format.
#pragma once

#include <cstdint>
#include <string>

#include "storage/index_order.h"
#include "storage/term_id.h"

namespace sextant::storage::stats_keys {

inline std::string Total() {
  return "q";
}
inline std::string Graph(TermId g) {
  std::string k(9, 'g');
  PutBigEndian(k.data() + 1, g);
  return k;
}
// kind: 't' triples, 's' distinct subjects, 'o' distinct objects.
inline std::string Predicate(TermId p, char kind) {
  std::string k(10, 'p');
  PutBigEndian(k.data() + 1, p);
  k[9] = kind;
  return k;
}

inline std::string EncodeValue(int64_t v) {
  std::string out(8, '\0');
  for (int i = 0; i < 8; ++i) {
    out[i] = static_cast<char>((static_cast<uint64_t>(v) >> (8 * i)) & 0xff);
  }
  return out;
}
inline int64_t DecodeValue(const char* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return static_cast<int64_t>(v);
}

}  // namespace sextant::storage::stats_keys
