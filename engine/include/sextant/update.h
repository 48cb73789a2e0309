// SPARQL 1.1 Update results.
#pragma once

#include <cstdint>

namespace sextant {

struct UpdateStats {
  uint64_t inserted = 0;  // quads added (already present ones are not counted)
  uint64_t deleted = 0;   // quads removed
  uint64_t operations = 0;
};

}  // namespace sextant
