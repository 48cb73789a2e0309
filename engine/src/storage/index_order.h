// The six permutation indexes and how a pattern picks one. Keys are four big-endian ids in the
// index's order, values are empty. spog/posg/ospg hold every quad; gspo/gpos/gosp hold only
// quads of named graphs (the default graph is reached through the first three with g = 0).
// Part of the on-disk format (docs/FORMAT.md).
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "storage/term_id.h"

namespace sextant::storage {

enum class IndexOrder : uint8_t { kSPOG = 0, kPOSG, kOSPG, kGSPO, kGPOS, kGOSP };
inline constexpr int kIndexCount = 6;
inline constexpr int kKeySize = 32;

// Positions in a quad as stored in IdQuad.
enum QuadPos : uint8_t { kS = 0, kP = 1, kO = 2, kG = 3 };

using IdQuad = std::array<TermId, 4>;  // s, p, o, g

// For each order, which quad position sits at each key slot.
inline constexpr std::array<std::array<uint8_t, 4>, kIndexCount> kOrderPositions = {{
    {kS, kP, kO, kG},
    {kP, kO, kS, kG},
    {kO, kS, kP, kG},
    {kG, kS, kP, kO},
    {kG, kP, kO, kS},
    {kG, kO, kS, kP},
}};

inline constexpr std::string_view kIndexNames[kIndexCount] = {"spog", "posg", "ospg",
                                                              "gspo", "gpos", "gosp"};

inline bool IsGraphFirst(IndexOrder order) {
  return static_cast<int>(order) >= 3;
}

inline void PutBigEndian(char* out, uint64_t v) {
  for (int i = 7; i >= 0; --i) {
    out[i] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
}
inline uint64_t GetBigEndian(const char* in) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(in[i]);
  return v;
}

inline void EncodeKey(IndexOrder order, const IdQuad& q, char* out) {
  const auto& pos = kOrderPositions[static_cast<int>(order)];
  for (size_t i = 0; i < 4; ++i) PutBigEndian(out + 8 * i, q[pos[i]]);
}
inline IdQuad DecodeKey(IndexOrder order, const char* key) {
  const auto& pos = kOrderPositions[static_cast<int>(order)];
  IdQuad q{};
  for (size_t i = 0; i < 4; ++i) q[pos[i]] = GetBigEndian(key + 8 * i);
  return q;
}

// How to scan for a pattern (kNoId = unbound): the index, how many leading key slots are bound
// (the prefix), and whether remaining bound positions still need filtering.
struct ScanPlan {
  IndexOrder order;
  int prefix_len;
  bool needs_filter;
};

ScanPlan ChooseIndex(const IdQuad& pattern);

}  // namespace sextant::storage
