#include "fuzz_entry.h"

#include <array>

#include "fuzz_targets.h"

namespace sextant::fuzz {

std::span<const Target> Targets() {
  static constexpr std::array<Target, 4> kTargets = {{
      {"fuzz_sparql_query", &FuzzSparqlQuery},
      {"fuzz_sparql_update", &FuzzSparqlUpdate},
      {"fuzz_ntriples", &FuzzNTriples},
      {"fuzz_turtle", &FuzzTurtle},
  }};
  return kTargets;
}

const Target* FindTarget(std::string_view name) {
  for (const Target& t : Targets()) {
    if (name == t.name) return &t;
  }
  return nullptr;
}

}  // namespace sextant::fuzz
