// JSON-LD 1.1 expansion (Processing Algorithms section 5.1): a document, or one top-level node
// object of it, to expanded form.
#pragma once

#include <optional>

#include "rdf/jsonld_context.h"

namespace sextant::rdf::jsonld {

// Expands `element` under `active_property` (nullopt: the top level). Throws JsonLdException.
// The result is null, an object or an array.
json::value Expand(const ContextPtr& active, const std::optional<std::string>& active_property,
                   const json::value& element, const std::string& base_url, bool from_map = false);

// The expansion algorithm's top level: a whole document to an array of node objects.
json::array ExpandDocument(const ContextPtr& active, const json::value& document,
                           const std::string& base_url);

}  // namespace sextant::rdf::jsonld
