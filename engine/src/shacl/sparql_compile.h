// SHACL-SPARQL: sh:sparql constraints and constraint components declared in the shapes graph
// (sh:parameter with sh:validator, sh:nodeValidator, sh:propertyValidator), compiled into
// SparqlChecks the SPARQL engine runs.
#pragma once

#include "shacl/shape.h"

namespace sextant::shacl {

// Adds the SPARQL-based constraints of shape `i` to the set.
Status CompileSparqlConstraints(ShapeSet* set, size_t i, const std::string& source);

}  // namespace sextant::shacl
