// `sextant search DB TEXT [--limit N] [--format F] [--timeout MS]`: full-text search over the
// store's literals, one row per matching fact, best first (docs/SEARCH.md).
// `sextant text-index DB [--rebuild] [--all | --off] [--predicate IRI]... [--graph IRI]...
//  [--untagged-language TAG]`: shows or changes what the text index holds.
#include <unistd.h>

#include <cinttypes>
#include <csignal>
#include <cstdio>
#include <iostream>

#include "cli_commands.h"
#include "cli_common.h"
#include "sextant/error_format.h"
#include "sextant/result_writer.h"

namespace sextant::cli {
namespace {

std::atomic<bool> g_search_interrupt{false};
void OnSearchSigint(int /*sig*/) {
  g_search_interrupt.store(true);
}

}  // namespace

std::vector<std::optional<Term>> SearchHitRow(const SearchHit& hit) {
  char score[32];
  std::snprintf(score, sizeof score, "%.4f", hit.score);
  return {hit.subject, hit.predicate, hit.literal,
          hit.graph.is_default_graph() ? std::optional<Term>() : std::optional<Term>(hit.graph),
          Term::TypedLiteral(score, std::string(vocab::kXsdDecimal))};
}

const std::vector<std::string>& SearchColumns() {
  static const std::vector<std::string> columns = {"subject", "predicate", "literal", "graph",
                                                   "score"};
  return columns;
}

int RunSearch(Args args) {
  std::string limit_text, format_name = isatty(STDOUT_FILENO) ? "table" : "tsv", timeout_text;
  const bool has_limit = args.TakeValue("--limit", &limit_text);
  args.TakeValue("--format", &format_name);
  const bool has_timeout = args.TakeValue("--timeout", &timeout_text);
  if (!args.error().empty()) return UsageError(args.error());
  if (!args.Unknown().empty())
    return UsageError("unknown option " + args.Unknown() + " for search");
  if (args.rest().size() != 2) {
    return UsageError("usage: sextant search DB 'TEXT' [--limit N] [--format F] [--timeout MS]");
  }
  SearchOptions options;
  options.snippets = false;
  try {
    if (has_limit) options.limit = std::stoull(limit_text);
    if (has_timeout) options.timeout = std::chrono::milliseconds(std::stoull(timeout_text));
  } catch (const std::exception&) {
    return UsageError("--limit and --timeout take a whole number");
  }
  const auto format = ResultFormatFromName(format_name);
  if (!format) return UsageError("search output formats: table, tsv, csv, json, xml");
  auto db = OpenStore(args.rest()[0], true, false);
  if (!db.ok()) return Fail(db.status());
  options.interrupt = &g_search_interrupt;
  auto previous = std::signal(SIGINT, OnSearchSigint);
  auto hits = (*db)->Search(args.rest()[1], options);
  std::signal(SIGINT, previous);
  if (!hits.ok()) {
    if (hits.status().code() == StatusCode::kSyntaxError) {
      std::cerr << FormatSyntaxError(args.rest()[1], hits.status()) << "\n";
      return kExitError;
    }
    return Fail(hits.status());
  }
  auto writer = MakeResultWriter(*format, std::cout);
  Status s = writer->Begin(SearchColumns());
  for (const auto& hit : *hits) {
    if (s.ok()) s = writer->Row(SearchHitRow(hit));
  }
  if (s.ok()) s = writer->End();
  std::cout.flush();
  return s.ok() ? kExitOk : Fail(s);
}

int RunTextIndex(Args args) {
  const bool rebuild = args.TakeFlag("--rebuild");
  const bool all = args.TakeFlag("--all");
  const bool off = args.TakeFlag("--off");
  std::vector<std::string> predicates, graphs;
  std::string value, language;
  while (args.TakeValue("--predicate", &value)) predicates.push_back(value);
  while (args.TakeValue("--graph", &value)) graphs.push_back(value);
  const bool has_language = args.TakeValue("--untagged-language", &language);
  if (!args.error().empty()) return UsageError(args.error());
  if (!args.Unknown().empty()) {
    return UsageError("unknown option " + args.Unknown() + " for text-index");
  }
  if (args.rest().size() != 1 || (off && (all || !predicates.empty() || !graphs.empty()))) {
    return UsageError(
        "usage: sextant text-index DB [--rebuild] [--all | --off] [--predicate IRI]... "
        "[--graph IRI|default]... [--untagged-language TAG]");
  }
  const bool change = all || off || !predicates.empty() || !graphs.empty() || has_language;
  auto db = OpenStore(args.rest()[0], !change && !rebuild, change || rebuild);
  if (!db.ok()) return Fail(db.status());
  auto settings = (*db)->GetTextIndexSettings();
  if (!settings.ok()) return Fail(settings.status());
  if (change) {
    TextIndexSettings next = *settings;
    next.enabled = !off;
    if (all || off) {
      next.predicates.clear();
      next.graphs.clear();
    }
    if (!predicates.empty()) next.predicates.clear();
    for (const auto& p : predicates) next.predicates.push_back(Term::Iri(p));
    if (!graphs.empty()) next.graphs.clear();
    for (const auto& g : graphs) {
      next.graphs.push_back(g == "default" ? Term::DefaultGraph() : Term::Iri(g));
    }
    if (has_language) next.untagged_language = language;
    if (Status s = (*db)->ConfigureTextIndex(next); !s.ok()) return Fail(s);
  } else if (rebuild) {
    if (Status s = (*db)->RebuildTextIndex(); !s.ok()) return Fail(s);
  }
  if (change || rebuild) {
    settings = (*db)->GetTextIndexSettings();
    if (!settings.ok()) return Fail(settings.status());
  }
  const auto& s = *settings;
  std::cout << "text index: " << (s.enabled ? "on" : "off") << "\n";
  auto list = [](const std::vector<Term>& terms, const char* none) {
    if (terms.empty()) return std::string(none);
    std::string out;
    for (const auto& t : terms) {
      out += (out.empty() ? "" : " ") + (t.is_default_graph() ? "default" : t.ToNTriples());
    }
    return out;
  };
  if (s.enabled) {
    std::cout << "predicates: " << list(s.predicates, "all") << "\n"
              << "graphs: " << list(s.graphs, "all") << "\n"
              << "untagged literals: "
              << (s.untagged_language.empty() ? "no stemming" : s.untagged_language) << "\n"
              << "literals indexed: " << WithThousands(s.documents) << "\n";
  }
  return kExitOk;
}

}  // namespace sextant::cli
