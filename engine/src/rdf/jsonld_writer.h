// JSON-LD output (MakeQuadWriter's kJsonLd): node objects compacted with the prefixes as the
// context; MakeJsonLdWriter in sextant/rdf_writer.h takes a context of the caller's instead.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "sextant/rdf_writer.h"

namespace sextant::rdf {

std::unique_ptr<QuadWriter> MakeJsonLdPrefixWriter(
    std::ostream& out, const std::vector<std::pair<std::string, std::string>>& prefixes);

}  // namespace sextant::rdf
