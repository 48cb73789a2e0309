#include <map>

#include "w3c.h"

namespace sextant::w3c {

namespace {
// Function-local so registration from other translation units' static initialisers is safe.
std::map<std::string, Handler>& Registry() {
  static std::map<std::string, Handler> registry;
  return registry;
}
}  // namespace

bool RegisterTestType(const std::string& type_iri, Handler handler) {
  return Registry().emplace(type_iri, std::move(handler)).second;
}

const Handler* FindTestType(const std::string& type_iri) {
  const auto& registry = Registry();
  const auto it = registry.find(type_iri);
  return it == registry.end() ? nullptr : &it->second;
}

}  // namespace sextant::w3c
