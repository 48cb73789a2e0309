// Tab completion candidates: dot-commands, SPARQL keywords, prefixes, and the predicates and
// classes of the open store (as prefixed names or <IRIs>).
#include "completion.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace sextant::shell {
namespace {

constexpr const char* kKeywords[] = {
    "SELECT",    "DISTINCT", "REDUCED",   "WHERE",    "FILTER",    "OPTIONAL",     "UNION",
    "MINUS",     "GRAPH",    "BIND",      "VALUES",   "ORDER",     "GROUP",        "BY",
    "HAVING",    "LIMIT",    "OFFSET",    "ASK",      "CONSTRUCT", "DESCRIBE",     "PREFIX",
    "BASE",      "FROM",     "NAMED",     "AS",       "ASC",       "DESC",         "COUNT",
    "SUM",       "MIN",      "MAX",       "AVG",      "SAMPLE",    "GROUP_CONCAT", "SEPARATOR",
    "EXISTS",    "NOT",      "IN",        "STR",      "LANG",      "LANGMATCHES",  "DATATYPE",
    "BOUND",     "IRI",      "URI",       "BNODE",    "REGEX",     "CONTAINS",     "STRSTARTS",
    "STRENDS",   "LCASE",    "UCASE",     "STRLEN",   "SUBSTR",    "CONCAT",       "REPLACE",
    "YEAR",      "MONTH",    "DAY",       "NOW",      "COALESCE",  "IF",           "isIRI",
    "isLiteral", "isBlank",  "isNumeric", "sameTerm", "EXPLAIN",   "ANALYZE",      "true",
    "false",     "INSERT",   "DELETE",    "DATA",     "LOAD",      "CLEAR",        "DROP",
    "CREATE",    "WITH",     "USING",     "SILENT",   "DEFAULT",   "ALL",          "INTO",
};

bool StartsWithNoCase(const std::string& s, const std::string& prefix) {
  if (prefix.size() > s.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::vector<std::string> CompletionCandidates(Session& session, const std::string& line,
                                              size_t start, const std::string& word) {
  std::set<std::string> out;
  const size_t first = line.find_first_not_of(" \t");
  const bool dot_line = first != std::string::npos && line[first] == '.';
  if (dot_line && start <= first + 1) {
    for (const auto& c : Session::Commands()) {
      const std::string name = std::string(".") + c.name;
      if (name.rfind(word, 0) == 0) out.insert(name);
    }
    return {out.begin(), out.end()};
  }
  if (dot_line) {
    const std::string cmd = line.substr(first + 1, line.find_first_of(" \t", first) - first - 1);
    std::vector<std::string> options;
    if (cmd == "mode") options = {"box", "table", "csv", "tsv", "json", "markdown", "line"};
    if (cmd == "headers" || cmd == "timer" || cmd == "bail") options = {"on", "off"};
    if (cmd == "limits") options = {"timeout", "rows"};
    if (cmd == "help") {
      for (const auto& c : Session::Commands()) options.emplace_back(c.name);
    }
    if (!options.empty()) {
      for (const auto& o : options) {
        if (o.rfind(word, 0) == 0) out.insert(o);
      }
      return {out.begin(), out.end()};
    }
    // Other dot-commands take terms (.describe) or queries (.explain): fall through.
  }
  if (!word.empty() && word[0] == '?') return {};
  const PrefixList prefixes = session.AllPrefixes();
  auto add_term = [&](const std::string& iri) {
    if (!word.empty() && word[0] == '<') {
      const std::string full = "<" + iri + ">";
      if (full.rfind(word, 0) == 0) out.insert(full);
      return;
    }
    if (auto s = ShortenIri(iri, prefixes); s && s->rfind(word, 0) == 0) out.insert(*s);
  };
  for (const auto& iri : session.PredicateIris()) add_term(iri);
  for (const auto& iri : session.ClassIris()) add_term(iri);
  if (!word.empty() && word[0] == '<') return {out.begin(), out.end()};
  if (word.find(':') == std::string::npos) {
    for (const auto& p : prefixes) {
      if (!p.first.empty() && (p.first + ":").rfind(word, 0) == 0) out.insert(p.first + ":");
    }
    // Keywords in the case the user is typing in.
    const bool lower = !word.empty() && std::none_of(word.begin(), word.end(), [](char c) {
      return std::isupper(static_cast<unsigned char>(c)) != 0;
    });
    for (const char* k : kKeywords) {
      std::string kw = k;
      if (!StartsWithNoCase(kw, word) || word.empty()) continue;
      if (lower) {
        std::transform(kw.begin(), kw.end(), kw.begin(),
                       [](unsigned char c) { return std::tolower(c); });
      }
      out.insert(kw);
    }
  }
  return {out.begin(), out.end()};
}

}  // namespace sextant::shell
