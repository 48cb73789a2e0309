// Exact RDF dataset isomorphism: equal up to a renaming of blank nodes. Colour refinement
// narrows the candidates, backtracking decides the ties, and every answer is verified by
// applying the mapping, so hash collisions can cost time but never give a wrong result.
#pragma once

#include <string>
#include <vector>

#include "sextant/term.h"

namespace sextant::rdf {

// Duplicates are ignored (datasets are sets). On false, `why` (if given) says what differs.
bool Isomorphic(const std::vector<Quad>& a, const std::vector<Quad>& b, std::string* why = nullptr);

}  // namespace sextant::rdf
