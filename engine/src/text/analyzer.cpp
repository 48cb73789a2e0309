#include "text/analyzer.h"

#include <libstemmer.h>
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <map>

namespace sextant::text {
namespace {

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Case folding, compatibility decomposition, then every combining mark dropped: "Édith" and
// "EDITH" both become "edith", "ﬁ" becomes "fi".
std::string FoldWithNormalizer(std::string_view word, const icu::Normalizer2* nfkd) {
  if (IsAscii(word)) {
    std::string out(word);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  u.foldCase();
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString decomposed = nfkd->normalize(u, status);
  if (U_FAILURE(status)) decomposed = u;
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) kept.append(c);
    i += U16_LENGTH(c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

}  // namespace

std::string FoldWord(std::string_view word) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  if (U_FAILURE(status)) return std::string(word);
  return FoldWithNormalizer(word, nfkd);
}

std::string LanguageOf(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

struct Analyzer::Impl {
  std::unique_ptr<icu::BreakIterator> words;
  const icu::Normalizer2* nfkd = nullptr;
  // Snowball stemmers by language code (null: the language has none).
  std::map<std::string, sb_stemmer*, std::less<>> stemmers;

  ~Impl() {
    for (auto& [lang, s] : stemmers) {
      if (s != nullptr) sb_stemmer_delete(s);
    }
  }

  sb_stemmer* StemmerFor(std::string_view lang) {
    if (lang.empty()) return nullptr;
    auto it = stemmers.find(lang);
    if (it == stemmers.end()) {
      const std::string code(lang);
      it = stemmers.emplace(code, sb_stemmer_new(code.c_str(), "UTF_8")).first;
    }
    return it->second;
  }

  // Calls fn(begin, end) for each word of text (letters, digits, ideographs; not spaces or
  // punctuation), with byte offsets.
  template <typename Fn>
  void EachWord(std::string_view text, Fn&& fn) {
    if (!words) return;
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) return;
    words->setText(ut, status);
    if (U_SUCCESS(status)) {
      int32_t begin = words->first();
      for (int32_t end = words->next(); end != icu::BreakIterator::DONE;
           begin = end, end = words->next()) {
        if (words->getRuleStatus() >= UBRK_WORD_NUMBER) {
          fn(static_cast<uint32_t>(begin), static_cast<uint32_t>(end));
        }
      }
    }
    utext_close(ut);
  }
};

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) impl_->words.reset();
  status = U_ZERO_ERROR;
  impl_->nfkd = icu::Normalizer2::getNFKDInstance(status);
  if (U_FAILURE(status)) impl_->nfkd = nullptr;
}

Analyzer::~Analyzer() = default;

bool Analyzer::HasStemmer(std::string_view lang) {
  return impl_->StemmerFor(lang) != nullptr;
}

std::string Analyzer::TermOf(std::string_view folded, std::string_view lang) {
  if (IsStopWord(folded, lang)) return {};
  sb_stemmer* stemmer = impl_->StemmerFor(lang);
  if (stemmer == nullptr) return std::string(folded);
  const sb_symbol* stem = sb_stemmer_stem(
      stemmer, reinterpret_cast<const sb_symbol*>(folded.data()), static_cast<int>(folded.size()));
  if (stem == nullptr) return std::string(folded);  // out of memory: the unstemmed word
  return std::string(reinterpret_cast<const char*>(stem),
                     static_cast<size_t>(sb_stemmer_length(stemmer)));
}

void Analyzer::Words(std::string_view text, std::vector<Token>* out) {
  out->clear();
  uint32_t position = 0;
  impl_->EachWord(text, [&](uint32_t begin, uint32_t end) {
    std::string folded = impl_->nfkd != nullptr
                             ? FoldWithNormalizer(text.substr(begin, end - begin), impl_->nfkd)
                             : std::string(text.substr(begin, end - begin));
    if (folded.empty() || folded.size() > kMaxTermBytes) return;
    out->push_back({std::move(folded), position++, begin, end});
  });
}

void Analyzer::Analyze(std::string_view text, std::string_view lang, std::vector<Token>* out) {
  Words(text, out);
  size_t kept = 0;
  for (size_t i = 0; i < out->size(); ++i) {
    std::string term = TermOf((*out)[i].term, lang);
    if (term.empty()) continue;
    (*out)[i].term = std::move(term);
    if (kept != i) (*out)[kept] = std::move((*out)[i]);
    ++kept;
  }
  out->resize(kept);
}

}  // namespace sextant::text
