// Full-text search over the store's literals (docs/SEARCH.md): the text index is kept in the
// same commits as the quads, so what a search finds is always what the store holds.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "sextant/term.h"

namespace sextant {

struct SearchOptions {
  // Facts returned, best first (0: all).
  size_t limit = 100;
  // Build a highlighted snippet per fact.
  bool snippets = true;
  // 0 = no timeout.
  std::chrono::milliseconds timeout{0};
  // Memory the search may hold for its posting lists; beyond it ResourceExhausted.
  uint64_t max_memory_bytes = uint64_t{1} << 30;
  // Set to true from any thread to stop the search (kInterrupted).
  const std::atomic<bool>* interrupt = nullptr;
};

// One fact whose object is a matching literal. A literal stated in several facts gives one
// hit per fact, all with its score.
struct SearchHit {
  Term subject, predicate, literal, graph;  // graph: Term::DefaultGraph() for the default graph
  double score = 0;                         // BM25; higher is better
  // An HTML fragment: the literal's text (shortened around the first match) with <, > and &
  // escaped and each matching word in <b>...</b>.
  std::string snippet;
};

// Which literals the text index holds (docs/SEARCH.md). Changing it rebuilds the index.
struct TextIndexSettings {
  bool enabled = true;
  // Empty: every predicate / every graph (Term::DefaultGraph() names the default graph).
  std::vector<Term> predicates;
  std::vector<Term> graphs;
  // Stemmer and stop words for literals without a language tag ("" for none, e.g. "en").
  std::string untagged_language;
  // Read-only: literals indexed now.
  uint64_t documents = 0;
};

}  // namespace sextant
