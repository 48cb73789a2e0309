// The one check every term passes before the store keeps it, whichever way it came in (the
// loaders, SPARQL Update, rules, the C++, C and Python APIs, the server): whatever the store
// holds, a dump can write and a load can read back as the same term. The public write paths
// (api/) call it; the storage layer itself stays raw, for its own tests and tools.
#pragma once

#include "rdf/term_view.h"
#include "sextant/status.h"

namespace sextant::storage {

// InvalidArgument naming the term and what is wrong with it: an IRI that is relative or holds
// a character IRIs forbid, a malformed language tag, text that is not UTF-8, an empty blank
// node label; a triple term part by part.
Status CheckStorable(const rdf::TermView& term);
// Every term of the quad.
Status CheckStorable(const rdf::QuadView& quad);

}  // namespace sextant::storage
