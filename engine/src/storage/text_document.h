// One literal as the text index holds it: its terms with their positions, and its length.
// The transaction path, the bulk loader, the rebuild and the consistency check all analyse a
// literal through here, so they agree on what the index holds for it.
#pragma once

#include <rocksdb/write_batch_base.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/store.h"
#include "storage/text_config.h"
#include "text/analyzer.h"

namespace sextant::storage {

struct TextDocument {
  std::string language;  // the language code its stemmer and stop words came from
  uint32_t length = 0;   // indexed terms (stop words left out)
  // Index term -> posting value (text_keys::PostingValue), ordered by term.
  std::vector<std::pair<std::string, std::string>> postings;
};

// Analyses a literal from its dictionary entry; false when the index does not take that kind
// of literal (anything but xsd:string and language-tagged strings).
bool AnalyzeLiteral(text::Analyzer* analyzer, std::string_view encoded_term,
                    const TextConfig& config, TextDocument* out);

// Adds the document's postings, its length and its share of the statistics to a batch, or
// (add = false) removes them.
rocksdb::Status WriteTextDocument(const Store& store, rocksdb::WriteBatchBase* batch, TermId doc,
                                  const TextDocument& document, bool add);

}  // namespace sextant::storage
