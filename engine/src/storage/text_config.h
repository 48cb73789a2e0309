// Which literals the text index holds: a literal is indexed while at least one quad with it as
// object has an indexed predicate and graph. By default every string literal (plain or
// language-tagged) of every predicate and graph; stored in the meta column family.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sextant/status.h"
#include "storage/term_id.h"

namespace sextant::storage {

struct TextConfig {
  bool enabled = true;
  // Empty: every predicate (every graph). Sorted ids.
  std::vector<TermId> predicates;
  std::vector<TermId> graphs;
  // Stemmer and stop words for literals without a language tag ("" for none).
  std::string untagged_language;

  bool Indexes(TermId predicate, TermId graph) const;
  bool operator==(const TextConfig&) const = default;

  // The meta value; absent key = the default configuration.
  std::string Encode() const;
  static Result<TextConfig> Decode(std::string_view value);
  static constexpr std::string_view kMetaKey = "text/config";
  // Present while the index does not reflect the store (a rebuild is under way or was cut
  // short): writes leave the index alone and searches refuse until a rebuild completes.
  static constexpr std::string_view kPendingKey = "text/rebuild";
};

// The text of a literal from its dictionary entry if the text index takes that kind of literal
// (xsd:string and language-tagged strings), with its language tag.
struct IndexableText {
  std::string_view text;
  std::string_view language;
};
std::optional<IndexableText> IndexableTextOf(std::string_view encoded_term);

}  // namespace sextant::storage
