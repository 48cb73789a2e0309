// Readable messages for results of shapes that declare no sh:message.
#pragma once

#include <string>

#include "shacl/shape.h"

namespace sextant::shacl {

// "" when there is nothing useful to say (sh:property, SPARQL constraints).
std::string DefaultMessage(const ShapeSet& set, const Constraint& c, bool has_predicate);

}  // namespace sextant::shacl
