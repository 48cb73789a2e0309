// The `sextant` executable: subcommands for scripts, and (as the shell grows) the REPL.
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli_commands.h"
#include "cli_common.h"

namespace {

constexpr const char* kUsage = R"(usage: sextant COMMAND ...

Commands:
  sextant load DB FILE... [--graph IRI] [--format F] [--lenient] [--quiet]
      Load RDF files (N-Triples .nt, N-Quads .nq, Turtle .ttl, TriG .trig; .gz read
      transparently) into the store directory DB (created if missing). Each file is loaded
      atomically: on a syntax error nothing of it is kept (unless --lenient, which skips bad
      statements and reports each one).
  sextant dump DB [--graph IRI|default] [--format nquads|trig|ntriples|turtle] [--output FILE]
      Write the store (or one graph) out; loading the dump gives back the same quads.
  sextant stats DB
      Quad counts per graph and per predicate (triples, distinct subjects, distinct objects).
  sextant query DB QUERY|-f FILE [--format table|tsv|csv|json|xml] [--timeout MS]
                [--explain|--analyze]
      Run a SPARQL 1.1 query (rdf: rdfs: xsd: owl: and ':' = <http://sextant.local/> are
      predeclared). CONSTRUCT/DESCRIBE print triples (--format turtle|ntriples).
  sextant DB
      Open DB and print a summary.

Exit codes: 0 ok, 1 error in a query/command/input, 2 usage, 3 I/O error,
            4 corrupt or foreign store, 5 store locked by another process, 130 interrupted.
)";

int Summary(const std::string& path) {
  auto db = sextant::cli::OpenStore(path, false, true);
  if (!db.ok()) return sextant::cli::Fail(db.status());
  auto stats = (*db)->GetSnapshot()->Stats();
  if (!stats.ok()) return sextant::cli::Fail(stats.status());
  std::cout << "Sextant " << SEXTANT_VERSION << " — store " << path << ": "
            << sextant::cli::WithThousands(stats->quads) << " quads in " << stats->graphs.size()
            << " graph(s), " << stats->predicates.size() << " predicates.\n";
  for (const auto& g : stats->graphs) {
    std::cout << "  " << (g.graph.is_default_graph() ? std::string("(default graph)") : g.graph.ToNTriples()) << "  "
              << sextant::cli::WithThousands(g.quads) << " quads\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << kUsage;
    return args.empty() ? sextant::cli::kExitUsage : 0;
  }
  if (args[0] == "--version") {
    std::cout << "sextant " << SEXTANT_VERSION << "\n";
    return 0;
  }
  const std::string command = args[0];
  sextant::cli::Args rest(std::vector<std::string>(args.begin() + 1, args.end()));
  if (command == "load") return sextant::cli::RunLoad(rest);
  if (command == "dump") return sextant::cli::RunDump(rest);
  if (command == "stats") return sextant::cli::RunStats(rest);
  if (command == "query") return sextant::cli::RunQuery(rest);
  if (command.size() > 1 && command[0] == '-') return sextant::cli::UsageError("unknown option " + command);
  if (args.size() == 1) return Summary(command);
  return sextant::cli::UsageError("unknown command '" + command + "'");
}
