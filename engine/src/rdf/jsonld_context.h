// JSON-LD 1.1 contexts: the active context, term definitions, context processing and IRI
// expansion (JSON-LD 1.1 Processing Algorithms sections 4.1, 4.2 and 5.2).
#pragma once

#include <boost/json.hpp>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "rdf/jsonld_documents.h"
#include "sextant/status.h"

namespace sextant::rdf::jsonld {

namespace json = boost::json;

// A JSON-LD processing error: `code` is the spec's error code ("invalid @id value"), `detail`
// says where.
struct JsonLdError {
  std::string code;
  std::string detail;
};

// Thrown inside the algorithms only (they recurse deeply and every step can fail); the entry
// points turn it into a Status, so no exception leaves the rdf layer.
struct JsonLdException {
  JsonLdError error;
};
[[noreturn]] void Throw(std::string code, std::string detail = {});

bool IsKeyword(std::string_view s);
// "@" followed by letters only: reserved for future keywords, ignored with a warning.
bool HasKeywordForm(std::string_view s);
// Has a scheme: an absolute IRI (or a compact IRI whose prefix is not defined).
bool IsAbsoluteIri(std::string_view s);
// An absolute IRI RDF can hold: no spaces, <>"{}|\^` or controls, at most one '#'.
bool IsWellFormedIri(std::string_view s);

struct Context;

struct TermDefinition {
  std::optional<std::string> iri;  // nullopt: the term is explicitly unmapped
  bool prefix = false;
  bool is_protected = false;
  bool reverse = false;
  std::optional<std::string> type;
  // nullopt: not given; a value of nullopt inside: explicitly null.
  std::optional<std::optional<std::string>> language;
  std::optional<std::optional<std::string>> direction;
  std::set<std::string> container;
  std::optional<std::string> index;
  std::optional<std::string> nest;
  // A scoped context, with the URL relative references in it resolve against.
  std::optional<json::value> context;
  std::string base_url;

  bool HasContainer(std::string_view c) const { return container.count(std::string(c)) > 0; }
  // Equality ignoring the protected flag (protected terms may be redefined identically).
  bool SameAs(const TermDefinition& o) const;
};

struct ProcessorOptions {
  bool json_ld_10 = false;  // processingMode json-ld-1.0
  // Resolves and loads remote contexts; nullptr: any remote context is an error.
  const DocumentLoader* loader = nullptr;
};

struct Context {
  std::optional<std::string> base;  // nullopt: no base (null)
  std::string original_base;        // the document's base, for "@context": null
  std::optional<std::string> vocab;
  std::optional<std::string> language;
  std::optional<std::string> direction;
  std::shared_ptr<const Context> previous;  // set by non-propagated (type-scoped) contexts
  std::unordered_map<std::string, TermDefinition> terms;
  const ProcessorOptions* options = nullptr;

  const TermDefinition* Find(std::string_view term) const {
    const auto it = terms.find(std::string(term));
    return it == terms.end() ? nullptr : &it->second;
  }
  bool HasProtected() const;
};

using ContextPtr = std::shared_ptr<const Context>;

// A new active context for a document at `base`.
ContextPtr InitialContext(const std::string& base, const ProcessorOptions* options);

// Context processing: applies `local` (an object, a string naming a remote context, null, or
// an array of those) to `active`.
ContextPtr ProcessContext(const ContextPtr& active, const json::value& local,
                          const std::string& base_url, std::vector<std::string> remote = {},
                          bool override_protected = false, bool propagate = true,
                          bool validate_scoped = true);

// IRI expansion; returns nullopt for null.
std::optional<std::string> ExpandIri(const Context& active, std::string_view value,
                                     bool document_relative, bool vocab);

}  // namespace sextant::rdf::jsonld
