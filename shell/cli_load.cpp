// `sextant load DB FILE... [--graph IRI] [--format F] [--lenient]`
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli_commands.h"
#include "cli_common.h"

namespace sextant::cli {

int RunLoad(Args args) {
  std::string graph, format_name, memory;
  const bool has_graph = args.TakeValue("--graph", &graph);
  const bool has_format = args.TakeValue("--format", &format_name);
  const bool lenient = args.TakeFlag("--lenient");
  const bool quiet = args.TakeFlag("--quiet");
  LoadOptions options;
  // JSON-LD contexts: URL=FILE pairs and a cache folder; local files may be read here.
  options.jsonld.allow_files = true;
  for (std::string mapping; args.TakeValue("--context-map", &mapping);) {
    const size_t eq = mapping.find('=');
    if (eq == std::string::npos) return UsageError("--context-map takes URL=FILE");
    options.jsonld.map.emplace_back(mapping.substr(0, eq), mapping.substr(eq + 1));
  }
  args.TakeValue("--context-cache", &options.jsonld.cache_folder);
  if (!args.error().empty()) return UsageError(args.error());
  if (!args.Unknown().empty()) return UsageError("unknown option " + args.Unknown() + " for load");
  if (args.rest().size() < 2)
    return UsageError(
        "usage: sextant load DB FILE... [--graph IRI] [--format F] [--lenient] "
        "[--context-map URL=FILE] [--context-cache DIR]");

  options.lenient = lenient;
  if (has_graph) options.graph = Term::Iri(graph);
  if (has_format) {
    options.format = RdfFormatFromName(format_name);
    if (!options.format)
      return UsageError("unknown format '" + format_name + "' (" +
                        std::string(RdfFormatNameList()) + ")");
  }
  const bool tty = isatty(STDERR_FILENO) != 0 && !quiet;
  if (tty) {
    options.progress = [](const LoadProgress& p) {
      if (p.bytes_total > 0) {
        std::fprintf(
            stderr, "\r  %s statements, %3.0f%%", WithThousands(p.statements).c_str(),
            100.0 * static_cast<double>(p.bytes_read) / static_cast<double>(p.bytes_total));
      } else {
        std::fprintf(stderr, "\r  %s statements", WithThousands(p.statements).c_str());
      }
    };
  }
  auto db = OpenStore(args.rest()[0], false, true);
  if (!db.ok()) return Fail(db.status());
  for (size_t i = 1; i < args.rest().size(); ++i) {
    const std::string& file = args.rest()[i];
    const auto start = std::chrono::steady_clock::now();
    auto stats = (*db)->LoadFile(file, options);
    if (tty) std::fprintf(stderr, "\r\033[K");
    if (!stats.ok()) {
      std::cerr << "sextant: " << stats.status().ToString() << "\nsextant: nothing from " << file
                << " was loaded\n";
      return ExitCodeFor(stats.status());
    }
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (const auto& d : stats->diagnostics)
      std::cerr << "sextant: skipped: " << d.ToString() << "\n";
    if (!quiet) {
      std::cout << file << ": " << WithThousands(stats->statements_read) << " statements read, "
                << WithThousands(stats->quads_inserted) << " new quads";
      if (lenient) std::cout << ", " << WithThousands(stats->statements_skipped) << " skipped";
      std::printf(" (%.2f s)\n", secs);
      std::cout.flush();
    }
  }
  return CloseAfterWrites(**db);
}

}  // namespace sextant::cli
