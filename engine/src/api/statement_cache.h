// Parsed queries kept by their text, so a query sent again (a dashboard, an endpoint's
// clients) skips the parser.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "grammar/ast.h"
#include "sextant/query.h"

namespace sextant {

// Parsing is a fifth of a short query's time at a SPARQL endpoint (the ANTLR runtime and the
// AST's allocations). A statement is immutable once built and does not depend on the store's
// data, so one parse serves every later query with the same text and parse settings
// (prefixes, namespace, base IRI, source name), concurrently too. Only successful parses of
// queries are kept; a bounded number, least recently used first out.
class StatementCache {
 public:
  static std::string KeyOf(std::string_view text, const QueryOptions& options) {
    std::string key;
    key.reserve(text.size() + options.store_namespace.size() + options.base_iri.size() + 16);
    auto field = [&key](std::string_view s) {
      key += std::to_string(s.size());
      key += ':';
      key += s;
    };
    field(options.store_namespace);
    field(options.base_iri);
    field(options.source_name);
    key += std::to_string(options.prefixes.size());
    for (const auto& [prefix, iri] : options.prefixes) {
      field(prefix);
      field(iri);
    }
    field(text);
    return key;
  }

  std::shared_ptr<const ast::Statement> Find(const std::string& key) {
    std::lock_guard<std::mutex> lock(mu_);
    const auto it = entries_.find(key);
    if (it == entries_.end()) return nullptr;
    lru_.splice(lru_.begin(), lru_, it->second.lru);
    return it->second.statement;
  }

  void Put(const std::string& key, std::shared_ptr<const ast::Statement> statement) {
    if (key.size() > kMaxKeyBytes) return;
    std::lock_guard<std::mutex> lock(mu_);
    if (entries_.count(key) != 0) return;
    if (entries_.size() >= kMaxEntries) {
      entries_.erase(lru_.back());
      lru_.pop_back();
    }
    lru_.push_front(key);
    entries_.emplace(key, Entry{std::move(statement), lru_.begin()});
  }

 private:
  static constexpr size_t kMaxEntries = 256;
  static constexpr size_t kMaxKeyBytes = 64 << 10;  // a huge generated query is not worth keeping
  struct Entry {
    std::shared_ptr<const ast::Statement> statement;
    std::list<std::string>::iterator lru;
  };
  std::mutex mu_;
  std::list<std::string> lru_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace sextant
