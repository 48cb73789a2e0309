#include "sextant/query.h"

namespace sextant {

std::string_view DefaultGraphName(DefaultGraph mode) {
  return mode == DefaultGraph::kStandard ? "standard" : "union";
}

std::optional<DefaultGraph> DefaultGraphFromName(std::string_view name) {
  if (name == "union") return DefaultGraph::kUnion;
  if (name == "standard") return DefaultGraph::kStandard;
  return std::nullopt;
}

}  // namespace sextant
