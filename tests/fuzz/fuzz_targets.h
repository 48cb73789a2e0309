// The entry functions behind Targets(); one source file per input language.
#pragma once

#include <string_view>

#include "fuzz_entry.h"

namespace sextant::fuzz {

Status FuzzSparqlQuery(std::string_view input);
Status FuzzSparqlUpdate(std::string_view input);
Status FuzzNTriples(std::string_view input);
Status FuzzTurtle(std::string_view input);

}  // namespace sextant::fuzz
