// 64-bit term ids. The top 4 bits are a type tag; dictionary terms carry a sequence number in
// the low 60 bits, inline values carry the value itself so filters never touch the dictionary.
// Part of the on-disk format (docs/FORMAT.md): never change without a format version bump.
#pragma once

#include <cstdint>

namespace sextant::storage {

using TermId = uint64_t;

// The default graph. Never a dictionary id (sequence numbers start at 1).
inline constexpr TermId kDefaultGraphId = 0;
// "No term": used for unbound positions in id patterns.
inline constexpr TermId kNoId = ~uint64_t{0};

enum class IdTag : uint8_t {
  kNone = 0,
  kIri = 1,
  kBlank = 2,
  kLiteral = 3,   // any literal kept in the dictionary
  kInteger = 4,   // xsd:integer, canonical form, |v| < 2^59
  kDecimal = 5,   // xsd:decimal, canonical form, 56-bit mantissa and scale 0..15
  kBoolean = 6,   // xsd:boolean "true"/"false"
  kDate = 7,      // xsd:date, canonical form
  kDateTime = 8,  // xsd:dateTime, canonical form, millisecond precision
  // An RDF 1.2 triple term: its dictionary entry holds the ids of its subject, predicate and
  // object, so the id of <<( s p o )>> is one lookup once those ids are known.
  kTriple = 9,
  // Never stored: a term computed while a query runs (BIND, functions, aggregates) that is not
  // in the dictionary; the payload indexes the query's own term table.
  kLocal = 15,
};

inline constexpr int kTagShift = 60;
inline constexpr uint64_t kPayloadMask = (uint64_t{1} << kTagShift) - 1;

inline constexpr IdTag TagOf(TermId id) {
  return static_cast<IdTag>(id >> kTagShift);
}
inline constexpr uint64_t PayloadOf(TermId id) {
  return id & kPayloadMask;
}
inline constexpr TermId MakeId(IdTag tag, uint64_t payload) {
  return (static_cast<uint64_t>(tag) << kTagShift) | (payload & kPayloadMask);
}
inline constexpr bool IsInline(TermId id) {
  return TagOf(id) >= IdTag::kInteger && TagOf(id) <= IdTag::kDateTime;
}
inline constexpr bool IsDictionary(TermId id) {
  return (TagOf(id) >= IdTag::kIri && TagOf(id) <= IdTag::kLiteral) || TagOf(id) == IdTag::kTriple;
}

}  // namespace sextant::storage
