// `sextant conflicts DB [--subject IRI] [--property IRI] [--limit N] [--format F]
//  [--timeout MS]`: where the store's sources (named graphs) disagree, one row per source and
// value (docs/CONFLICTS.md).
#include <unistd.h>

#include <csignal>
#include <iostream>

#include "cli_commands.h"
#include "cli_common.h"
#include "sextant/conflicts.h"
#include "sextant/result_writer.h"

namespace sextant::cli {
namespace {

std::atomic<bool> g_conflicts_interrupt{false};
void OnConflictsSigint(int /*sig*/) {
  g_conflicts_interrupt.store(true);
}

}  // namespace

Term ConflictIriArgument(const std::string& text) {
  if (text.size() >= 2 && text.front() == '<' && text.back() == '>') {
    return Term::Iri(text.substr(1, text.size() - 2));
  }
  // ':' is the store namespace, as in queries.
  if (!text.empty() && text.front() == ':')
    return Term::Iri(QueryOptions().store_namespace + text.substr(1));
  return Term::Iri(text);
}

std::string ConflictSummary(const ConflictReport& report) {
  std::string line =
      WithThousands(report.conflicts.size() + report.conflicts_omitted) +
      (report.conflicts.size() + report.conflicts_omitted == 1 ? " conflict" : " conflicts");
  if (report.conflicts_omitted != 0) {
    line += " (" + WithThousands(report.conflicts_omitted) + " beyond the limit not shown)";
  }
  return line;
}

int RunConflicts(Args args) {
  std::string limit_text, timeout_text, subject, property;
  std::string format_name = isatty(STDOUT_FILENO) ? "table" : "tsv";
  const bool has_limit = args.TakeValue("--limit", &limit_text);
  const bool has_timeout = args.TakeValue("--timeout", &timeout_text);
  const bool has_subject = args.TakeValue("--subject", &subject);
  const bool has_property = args.TakeValue("--property", &property);
  args.TakeValue("--format", &format_name);
  if (!args.error().empty()) return UsageError(args.error());
  if (!args.Unknown().empty()) {
    return UsageError("unknown option " + args.Unknown() + " for conflicts");
  }
  if (args.rest().size() != 1) {
    return UsageError(
        "usage: sextant conflicts DB [--subject IRI] [--property IRI] [--limit N] "
        "[--format table|tsv|csv|json|xml] [--timeout MS]");
  }
  ConflictOptions options;
  try {
    if (has_limit) options.max_conflicts = std::stoull(limit_text);
    if (has_timeout) options.timeout = std::chrono::milliseconds(std::stoull(timeout_text));
  } catch (const std::exception&) {
    return UsageError("--limit and --timeout take a whole number");
  }
  if (has_subject) options.subject = ConflictIriArgument(subject);
  if (has_property) options.predicate = ConflictIriArgument(property);
  const auto format = ResultFormatFromName(format_name);
  if (!format) return UsageError("conflicts output formats: table, tsv, csv, json, xml");
  auto db = OpenStore(args.rest()[0], true, false);
  if (!db.ok()) return Fail(db.status());
  options.interrupt = &g_conflicts_interrupt;
  auto previous = std::signal(SIGINT, OnConflictsSigint);
  auto report = FindConflicts(**db, options);
  std::signal(SIGINT, previous);
  if (!report.ok()) return Fail(report.status());
  auto writer = MakeResultWriter(*format, std::cout);
  Status s = writer->Begin(ConflictColumns());
  for (const auto& row : ConflictRows(*report)) {
    if (s.ok()) s = writer->Row(row);
  }
  if (s.ok()) s = writer->End();
  std::cout.flush();
  if (!s.ok()) return Fail(s);
  std::cerr << ConflictSummary(*report) << "\n";
  return kExitOk;
}

}  // namespace sextant::cli
