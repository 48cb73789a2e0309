// The `sextant` executable: subcommands for scripts, and the interactive shell.
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_commands.h"
#include "cli_common.h"
#include "repl.h"
#include "session.h"
#include "sextant/memory.h"

namespace {

constexpr const char* kUsage = R"(usage: sextant [OPTIONS] [DB [QUERY]]
       sextant COMMAND ...

The shell:
  sextant                 interactive shell on a temporary store (deleted at exit)
  sextant DB              interactive shell on the store directory DB (created if missing)
  sextant DB QUERY        run one query (or dot-command) and exit
  -c CMD                  run CMD (a query or a dot-command); repeatable, in order
  -f FILE                 run the statements and dot-commands in FILE; repeatable
  --mode MODE             output mode: box, table, csv, tsv, json, markdown, line
                          (default: box on a terminal, tsv otherwise)
  --keep-going            do not stop at the first error in -c, -f or piped input
  When standard input is not a terminal (and no QUERY, -c or -f is given), statements are read
  from it. Statements end with ';'. Enter ".help" in the shell for the dot-commands.

Commands:
  sextant load DB FILE... [--graph IRI] [--format F] [--lenient] [--quiet]
      Load RDF files (N-Triples .nt, N-Quads .nq, Turtle .ttl, TriG .trig, RDF/XML .rdf .owl
      .xml, JSON-LD .jsonld; .gz read transparently) into the store directory DB (created if
      missing). JSON-LD contexts named by URL come from local files: --context-map URL=FILE,
      --context-cache DIR (docs/FORMATS.md). Each file is loaded atomically: on a syntax
      error nothing of it is kept (unless --lenient, which skips bad statements and reports
      each one).
  sextant dump DB [--graph IRI|default] [--format nquads|trig|ntriples|turtle|rdfxml|jsonld]
                 [--context FILE] [--output FILE]
      Write the store (or one graph) out; loading the dump gives back the same quads. JSON-LD
      is compacted with the common prefixes, or with the context document in FILE.
  sextant stats DB
      Quad counts per graph and per predicate (triples, distinct subjects, distinct objects).
  sextant check DB [--quiet]
      Verify file checksums and that the six indexes, the dictionary and the statistics agree
      (exit 4 when they do not).
  sextant search DB TEXT [--limit N] [--format table|tsv|csv|json|xml] [--timeout MS]
      Full-text search over the literals: words (all must match), "phrases", prefix*, OR,
      NOT, parentheses. One row per matching fact (subject, predicate, literal, graph, score),
      best first (BM25); 100 rows unless --limit (0: all). See docs/SEARCH.md.
  sextant text-index DB [--rebuild] [--all | --off] [--predicate IRI]... [--graph IRI|default]...
                     [--untagged-language TAG]
      Show what the text index holds, or change it (which predicates and graphs, the stemmer
      for literals without a language tag) and rebuild it.
  sextant query DB QUERY|-f FILE [--format table|tsv|csv|json|xml] [--timeout MS]
                [--memory-limit MB] [--explain|--analyze] [--no-derived]
                [--default-graph union|standard]
      Run a SPARQL 1.1 query (rdf: rdfs: xsd: owl: and ':' = <http://sextant.local/> are
      predeclared). CONSTRUCT/DESCRIBE print triples (--format turtle|ntriples). --no-derived
      hides what rules derived. EXPLAIN WHY { s p o } prints how a triple is derived.
      The default graph is the union of all graphs; --default-graph standard makes it the
      unnamed graph only (SPARQL's default dataset).
  sextant update DB UPDATE|-f FILE [--timeout MS] [--memory-limit MB]
                [--default-graph union|standard]
      Run a SPARQL 1.1 Update request as one transaction (all or nothing) and print what changed.
  sextant rules DB list | enable NAME | disable NAME | add FILE | drop NAME
      Inference rules (docs/RULES.md): built-in sets rdfs and owl-rl-properties, and user rules
      added from a file of RULE statements. Every change updates the derived facts at once.
  sextant validate DB [SHAPES.ttl] [--graph IRI|default] [--format table|turtle]
                   [--max-results N]
      Validate the store (or one graph) against SHACL shapes (Core and SPARQL; docs/SHACL.md),
      or against the shapes the store enforces when no file is given. Prints a table (focus
      node, path, value, severity, source graph, message) or the standard validation report
      (--format turtle). Exit 0 when the data conforms, 1 when it does not.
  sextant conflicts DB [--subject IRI] [--property IRI] [--limit N]
                    [--format table|tsv|csv|json|xml] [--timeout MS]
      Where the sources (named graphs) disagree: different numbers for a subject and property,
      different values of a functional property (owl:FunctionalProperty, or sh:maxCount 1),
      a fact one source states and another denies (owl:NegativePropertyAssertion). One row per
      source and value, with the source's title, date, URL and quote. See docs/CONFLICTS.md.
  sextant shapes DB list | enforce FILE | drop SHAPE | drop --all
      Shapes the store enforces (graph <urn:sextant:shapes>): every later transaction, update
      or load whose result would violate one is refused whole, with the report as the error.
  sextant serve DB [--port N] [--bind ADDR] [--read-only] [--token T] [--max-request-bytes N]
                [--timeout-ms N] [--max-concurrent N] [--assets DIR]
                [--default-graph union|standard]
      Serve the store over HTTP until Ctrl-C: the SPARQL 1.1 Protocol at /sparql, the Graph
      Store Protocol at /rdf-graphs/service, the workbench at /. Binds 127.0.0.1:7171 by
      default; --token T makes writes need "Authorization: Bearer T". A request's
      default-graph=union|standard parameter overrides --default-graph.

Options for every command:
  --cache-mb N            memory for the store's cached data: N MB of block cache (default 64)
                          and N/4 MB of decoded index ranges (default 64), taken only as
                          data is read
  --sync                  every commit is on disk (the write-ahead log fsynced) before it is
                          reported: acknowledged writes survive a power loss
  --help, --version

Exit codes: 0 ok, 1 error in a query/command/input, 2 usage, 3 I/O error,
            4 corrupt or foreign store, 5 store locked by another process, 130 interrupted.
)";

using sextant::cli::kExitUsage;
using sextant::cli::UsageError;

int RunShell(const std::vector<std::string>& args) {
  struct Source {
    bool is_file;
    std::string text;
  };
  std::vector<Source> sources;
  std::vector<std::string> positional;
  std::string mode_name;
  bool keep_going = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* v) {
      if (i + 1 >= args.size()) return false;
      *v = args[++i];
      return true;
    };
    std::string v;
    if (a == "-c") {
      if (!value(&v)) return UsageError("option -c needs a command");
      sources.push_back({false, v});
    } else if (a == "-f") {
      if (!value(&v)) return UsageError("option -f needs a file");
      sources.push_back({true, v});
    } else if (a == "--mode" || a == "-m") {
      if (!value(&mode_name)) return UsageError("option --mode needs a mode");
    } else if (a.rfind("--mode=", 0) == 0) {
      mode_name = a.substr(7);
    } else if (a == "--keep-going") {
      keep_going = true;
    } else if (a == "--") {
      positional.insert(positional.end(), args.begin() + static_cast<long>(i) + 1, args.end());
      break;
    } else if (a.size() > 1 && a[0] == '-') {
      return UsageError("unknown option " + a);
    } else {
      positional.push_back(a);
    }
  }
  if (positional.size() > 2)
    return UsageError("too many arguments: put the query in one quoted argument");
  if (positional.size() == 2) sources.push_back({false, positional[1]});

  const bool stdout_tty = isatty(STDOUT_FILENO) != 0;
  const bool stdin_tty = isatty(STDIN_FILENO) != 0;
  sextant::shell::Settings settings;
  settings.mode = stdout_tty ? sextant::shell::OutputMode::kBox : sextant::shell::OutputMode::kTsv;
  if (!mode_name.empty()) {
    auto m = sextant::shell::OutputModeFromName(mode_name);
    if (!m)
      return UsageError("unknown mode '" + mode_name +
                        "' (box, table, csv, tsv, json, markdown, line)");
    settings.mode = *m;
  }
  const char* no_color = std::getenv("NO_COLOR");
  settings.color = stdout_tty && (no_color == nullptr || *no_color == '\0');
  settings.keep_going = keep_going;

  const bool interactive = sources.empty() && stdin_tty;
  if (!interactive) sextant::shell::InstallSigintHandler(/*restart=*/true);
  sextant::shell::Session session(interactive, settings);
  const sextant::Status opened = session.Open(positional.empty() ? std::string() : positional[0]);
  if (!opened.ok()) return sextant::cli::Fail(opened);
  if (interactive) return sextant::shell::RunRepl(session);

  if (sources.empty()) return session.RunScript(std::cin);
  int first_error = 0;
  for (const auto& s : sources) {
    int rc;
    if (s.is_file) {
      std::ifstream in(s.text, std::ios::binary);
      if (!in) {
        rc = sextant::cli::Fail(sextant::Status::IOError("cannot read '" + s.text + "'"));
      } else {
        rc = session.RunScript(in);
      }
    } else {
      std::istringstream in(s.text);
      rc = session.RunScript(in);
    }
    if (rc != 0 && first_error == 0) first_error = rc;
    if (rc != 0 && (!keep_going || rc == sextant::cli::kExitInterrupted)) return rc;
    if (session.quit_requested()) break;
  }
  return first_error;
}

}  // namespace

int main(int argc, char** argv) {
  // A shell or server runs query after query: freed buffers are kept for the next one.
  sextant::RetainFreedMemory();
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    std::cout << kUsage;
    return 0;
  }
  if (!args.empty() && args[0] == "--version") {
    std::cout << "sextant " << SEXTANT_VERSION << "\n";
    return 0;
  }
  if (const int rc = sextant::cli::TakeCacheOption(&args); rc != sextant::cli::kExitOk) return rc;
  if (!args.empty()) {
    const std::string& command = args[0];
    sextant::cli::Args rest(std::vector<std::string>(args.begin() + 1, args.end()));
    if (command == "load") return sextant::cli::RunLoad(rest);
    if (command == "dump") return sextant::cli::RunDump(rest);
    if (command == "stats") return sextant::cli::RunStats(rest);
    if (command == "check") return sextant::cli::RunCheck(rest);
    if (command == "query") return sextant::cli::RunQuery(rest);
    if (command == "update") return sextant::cli::RunUpdate(rest);
    if (command == "serve") return sextant::cli::RunServe(rest);
    if (command == "rules") return sextant::cli::RunRules(rest);
    if (command == "search") return sextant::cli::RunSearch(rest);
    if (command == "text-index") return sextant::cli::RunTextIndex(rest);
    if (command == "validate") return sextant::cli::RunValidate(rest);
    if (command == "conflicts") return sextant::cli::RunConflicts(rest);
    if (command == "shapes") return sextant::cli::RunShapes(rest);
  }
  return RunShell(args);
}
