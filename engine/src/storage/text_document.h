// One literal as the text index holds it: its terms with their positions, and its length.
// The transaction path, the bulk loader, the rebuild and the consistency check all analyse a
// literal through here, so they agree on what the index holds for it.
#pragma once

#include <rocksdb/write_batch_base.h>

#include <map>
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

// Statistics key (text_keys) -> delta, summed over a transaction's documents. A transaction
// batch is indexed with one entry per key, and each merge into a key it already holds walks all
// of that key's earlier operands: one merge per document into "document count" made a
// transaction of 20,000 literals quadratic (34 s), one merge per key at the end does not.
using TextStatsDelta = std::map<std::string, int64_t>;

// Adds the document's postings and its length to a batch, or (add = false) removes them, and
// adds its share of the statistics to `stats`.
rocksdb::Status WriteTextDocument(const Store& store, rocksdb::WriteBatchBase* batch, TermId doc,
                                  const TextDocument& document, bool add, TextStatsDelta* stats);

// Merges the summed statistics into a batch, one operand per key that changed.
rocksdb::Status WriteTextStats(const Store& store, rocksdb::WriteBatchBase* batch,
                               const TextStatsDelta& stats);

}  // namespace sextant::storage
