// Turns text into index terms: ICU word segmentation, case and accent folding, Snowball
// stemming chosen by the language tag, and per-language stop words. The index and the query
// side both go through here, so a word folds to the same term on both.
// The terms it produces are part of the on-disk format (docs/FORMAT.md): changing how text
// is folded, stemmed or filtered needs a format version bump (or a text index rebuild).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sextant::text {

struct Token {
  std::string term;       // the index term (folded, stemmed when the language has a stemmer)
  uint32_t position = 0;  // word number in the text; stop words count, so phrases keep gaps
  uint32_t begin = 0;     // byte offsets of the word in the text
  uint32_t end = 0;
};

// Words longer than this (in bytes, after folding) are not indexed: they are never words.
inline constexpr size_t kMaxTermBytes = 120;

// The language code whose stemmer and stop words apply to a language tag: its primary subtag,
// lower-cased ("en-GB" -> "en"); "" for none.
std::string LanguageOf(std::string_view tag);

// Not thread-safe (it keeps ICU and Snowball state); make one per thread.
class Analyzer {
 public:
  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Replaces `out` with the index terms of `text` for language `lang` (a code from
  // LanguageOf, "" for none). Stop words take a position but yield no token.
  void Analyze(std::string_view text, std::string_view lang, std::vector<Token>* out);
  // Replaces `out` with every word of `text`, folded but neither stemmed nor filtered.
  void Words(std::string_view text, std::vector<Token>* out);
  // The index term of one folded word in language `lang` (the word itself when the language
  // has no stemmer); "" for a stop word of that language.
  std::string TermOf(std::string_view folded, std::string_view lang);
  // Whether `lang` has a Snowball stemmer.
  bool HasStemmer(std::string_view lang);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One word case-folded with its accents removed, as Words() folds it.
std::string FoldWord(std::string_view word);

// Whether a folded word is a stop word of language `lang` (lists from the Snowball project).
bool IsStopWord(std::string_view folded, std::string_view lang);

}  // namespace sextant::text
