#include "storage/text_document.h"

#include <algorithm>

#include "storage/stats_keys.h"
#include "storage/text_keys.h"

namespace sextant::storage {

bool AnalyzeLiteral(text::Analyzer* analyzer, std::string_view encoded_term,
                    const TextConfig& config, TextDocument* out) {
  const auto literal = IndexableTextOf(encoded_term);
  if (!literal) return false;
  out->language =
      literal->language.empty() ? config.untagged_language : text::LanguageOf(literal->language);
  thread_local std::vector<text::Token> tokens;
  analyzer->Analyze(literal->text, out->language, &tokens);
  out->length = static_cast<uint32_t>(tokens.size());
  out->postings.clear();
  std::stable_sort(tokens.begin(), tokens.end(),
                   [](const text::Token& a, const text::Token& b) { return a.term < b.term; });
  for (size_t i = 0; i < tokens.size();) {
    size_t j = i;
    while (j < tokens.size() && tokens[j].term == tokens[i].term) ++j;
    std::string value;
    text_keys::PutVarint(&value, out->length);
    text_keys::PutVarint(&value, j - i);
    uint32_t previous = 0;
    for (size_t k = i; k < j; ++k) {
      text_keys::PutVarint(&value, tokens[k].position - previous);
      previous = tokens[k].position;
    }
    out->postings.emplace_back(std::move(tokens[i].term), std::move(value));
    i = j;
  }
  return true;
}

rocksdb::Status WriteTextDocument(const Store& store, rocksdb::WriteBatchBase* batch, TermId doc,
                                  const TextDocument& document, bool add, TextStatsDelta* stats) {
  const int64_t sign = add ? 1 : -1;
  rocksdb::Status s;
  for (const auto& [term, value] : document.postings) {
    const std::string key = text_keys::Posting(term, doc);
    s = add ? batch->Put(store.text_postings(), key, value)
            : batch->Delete(store.text_postings(), key);
    if (!s.ok()) return s;
    (*stats)[text_keys::DocFrequency(term)] += sign;
  }
  std::string length;
  text_keys::PutVarint(&length, document.length);
  s = add ? batch->Put(store.text_docs(), text_keys::Doc(doc), length)
          : batch->Delete(store.text_docs(), text_keys::Doc(doc));
  if (!s.ok()) return s;
  (*stats)[text_keys::DocCount()] += sign;
  (*stats)[text_keys::TotalLength()] += sign * document.length;
  (*stats)[text_keys::Language(document.language)] += sign;
  return s;
}

rocksdb::Status WriteTextStats(const Store& store, rocksdb::WriteBatchBase* batch,
                               const TextStatsDelta& stats) {
  for (const auto& [key, delta] : stats) {
    if (delta == 0) continue;
    auto s = batch->Merge(store.text_stats(), key, stats_keys::EncodeValue(delta));
    if (!s.ok()) return s;
  }
  return rocksdb::Status::OK();
}

}  // namespace sextant::storage
