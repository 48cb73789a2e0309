// The dot-command table and the commands about settings, files and the store.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli_commands.h"
#include "cli_common.h"
#include "rules_command.h"
#include "session.h"
#include "shacl_commands.h"

namespace sextant::shell {
namespace {

// Splits a dot-command line into words; "..." and '...' group words with spaces.
std::vector<std::string> SplitWords(const std::string& line) {
  std::vector<std::string> words;
  std::string cur;
  bool in_word = false;
  char quote = 0;
  for (const char c : line) {
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else {
        cur += c;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
      in_word = true;
    } else if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      if (in_word) words.push_back(cur);
      cur.clear();
      in_word = false;
    } else {
      cur += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(cur);
  return words;
}

std::optional<bool> ParseOnOff(const std::string& s) {
  if (s == "on" || s == "yes" || s == "true" || s == "1") return true;
  if (s == "off" || s == "no" || s == "false" || s == "0") return false;
  return std::nullopt;
}

std::optional<uint64_t> ParseCount(const std::string& s) {
  if (s.empty() || s.size() > 18 ||
      !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return std::stoull(s);
}

// The usage line of the command `name` (every caller names its own command; an unknown name
// still prints that name, never another command's usage).
int Usage(const char* name) {
  const char* args = "";
  for (const auto& c : Session::Commands()) {
    if (std::strcmp(c.name, name) == 0) args = c.args;
  }
  std::cerr << "Usage: ." << name << (args[0] != '\0' ? " " : "") << args << "\n";
  return cli::kExitUsage;
}

// Removes a ';' the user typed out of SQL habit after a one-line dot-command's query.
std::string StripTrailingSemicolon(std::string s) {
  while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.back())) != 0 || s.back() == ';'))
    s.pop_back();
  return s;
}

}  // namespace

const std::vector<Session::Command>& Session::Commands() {
  static const std::vector<Command> kCommands = {
      {"analyze", "QUERY", "run QUERY and show its plan with actual rows and times",
       "Runs the query to the end (discarding its rows) and prints the plan with the actual rows "
       "and\n"
       "time of each operator next to the estimates.",
       &Session::CmdAnalyze},
      {"bail", "on|off", "stop scripts and piped input at the first error (default on)",
       "With 'off', .read and piped input continue after an error (like --keep-going).",
       &Session::CmdBail},
      {"conflicts", "[SUBJECT [PROPERTY]]",
       "where the sources (named graphs) disagree, each side with its source and quote",
       "Different numbers for a subject and property, different values of a functional "
       "property\n(owl:FunctionalProperty or sh:maxCount 1), a fact one source states and "
       "another denies\n(owl:NegativePropertyAssertion). SUBJECT and PROPERTY as <iri> or :local. "
       "See docs/CONFLICTS.md.",
       &Session::CmdConflicts},
      {"defaultgraph", "[union|standard]",
       "what the default graph is: every graph (union, the default) or the unnamed one",
       "With 'union' a pattern outside GRAPH matches facts of every graph; with 'standard' only\n"
       "those of the unnamed (default) graph, as SPARQL's default dataset. Without an argument,\n"
       "prints the current setting.",
       &Session::CmdDefaultGraph},
      {"derived", "on|off", "whether queries see the facts rules derived (default on)",
       "Derived facts live in the graph <urn:sextant:derived>; with 'off' queries see only "
       "asserted facts.",
       &Session::CmdDerived},
      {"describe", "TERM", "a fact card: every fact about TERM, grouped by predicate, with graphs",
       "TERM is <iri>, prefix:local or a plain IRI. Prints the statements with TERM as subject, "
       "grouped\n"
       "by predicate, then those pointing at it; each fact names the graph it comes from.",
       &Session::CmdDescribe},
      {"dump", "[FILE]", "write the store as N-Quads (TriG or JSON-LD for a .trig or .jsonld FILE)",
       "Without FILE the dump goes to the current output. Loading it back gives the same quads.",
       &Session::CmdDump},
      {"exit", "", "leave the shell", "Same as .quit.", &Session::CmdQuit},
      {"explain", "QUERY", "show the plan of QUERY with estimated rows, without running it",
       "Prints the physical plan the optimizer chose, with estimated cardinalities.",
       &Session::CmdExplain},
      {"graphs", "", "list the graphs with their quad counts",
       "Named graphs first (in IRI order), then the default graph.", &Session::CmdGraphs},
      {"headers", "on|off", "show column names in results",
       "Applies to every output mode but json.", &Session::CmdHeaders},
      {"help", "[NAME]", "list the commands, or explain one",
       "'.help mode' explains .mode, and so on.", &Session::CmdHelp},
      {"limits", "[timeout MS] [rows N]", "show or set the query timeout and row budget",
       "timeout: milliseconds before a query is stopped (0 = none).\n"
       "rows: how many rows blocking operators (sort, group, distinct, hash join) may hold.\n"
       "Example: .limits timeout 5000",
       &Session::CmdLimits},
      {"load", "FILE [GRAPH]", "load an RDF file (into GRAPH when its statements name none)",
       "Formats by extension: .nt .nq .ttl .trig .rdf .owl .xml .jsonld, .gz read transparently.\n"
       "The load is atomic: on a syntax error nothing of the file is kept. A progress bar shows\n"
       "on a terminal for large files.",
       &Session::CmdLoad},
      {"maxrows", "N", "rows shown in box/table/markdown/line modes (0 = all)",
       "Rows past the limit are counted but not shown. Default 1000.", &Session::CmdMaxRows},
      {"maxwidth", "N", "truncate values wider than N columns with '…' (0 = never)",
       "Applies to box/table/markdown/line modes. Width is display width: East Asian wide\n"
       "characters count 2, combining marks 0. Default 40.",
       &Session::CmdMaxWidth},
      {"mode", "[box|table|csv|tsv|json|markdown|line]",
       "set the output mode (box on a terminal, tsv piped)",
       "box, table, markdown and line are for people: columns aligned, IRIs shortened with the "
       "declared\n"
       "prefixes. csv, tsv and json follow the SPARQL 1.1 results formats exactly.",
       &Session::CmdMode},
      {"once", "FILE", "send the next statement's output to FILE",
       "Afterwards output returns where it was.", &Session::CmdOnce},
      {"open", "DB", "close the current store and open DB (created if missing)",
       "A temporary store is deleted when another store is opened.", &Session::CmdOpen},
      {"output", "[FILE]", "send output to FILE, or back to the terminal without FILE",
       "FILE is truncated first.", &Session::CmdOutput},
      {"prefix", "[NAME: <IRI>]",
       "declare a prefix for queries and display, or list the declared ones",
       "Declared prefixes apply to every following query (no PREFIX line needed) and shorten IRIs "
       "in\n"
       "box/table/markdown/line output. Example: .prefix geo: <http://www.geonames.org/ontology#>",
       &Session::CmdPrefix},
      {"prefixes", "", "list every prefix in effect, predeclared ones included", "",
       &Session::CmdPrefixes},
      {"quit", "", "leave the shell", "Ctrl-D at an empty prompt does the same.",
       &Session::CmdQuit},
      {"read", "FILE", "run the statements and dot-commands in FILE", "Statements end with ';'.",
       &Session::CmdRead},
      {"rules", "[list | enable NAME | disable NAME | add FILE | drop NAME]",
       "inference rules of the store",
       "Built-in sets: rdfs, owl-rl-properties. 'add FILE' adds the RULE statements of FILE (one\n"
       "transaction). Every change recomputes the derived facts. See docs/RULES.md.",
       &Session::CmdRules},
      {"schema", "", "the predicate catalogue: counts, typical subject/object classes, labels",
       "For each predicate: its triples, distinct subjects and objects, the most common class of "
       "its\n"
       "subjects and of its objects (or the datatype of literal objects), sampled, and its "
       "rdfs:label.",
       &Session::CmdSchema},
      {"search", "TEXT", "full-text search: the facts whose literal matches, best first",
       "Words (all must match), \"phrases\", prefix*, OR, NOT, parentheses; stemming by "
       "language tag.\nOne row per fact: subject, predicate, literal, graph, score (BM25). "
       "See docs/SEARCH.md.",
       &Session::CmdSearch},
      {"shapes", "[list | enforce FILE | drop SHAPE | drop --all]",
       "SHACL shapes the store enforces",
       "'enforce FILE' adds the shapes of FILE (validating the whole store against them); from "
       "then\n"
       "on a change that would violate them is refused. See docs/SHACL.md.",
       &Session::CmdShapes},
      {"stats", "", "quads, terms, graphs and predicates of the store", "", &Session::CmdStats},
      {"timer", "on|off", "print the run time after each statement", "", &Session::CmdTimer},
      {"validate", "[FILE] [--graph IRI|default] [--format table|turtle] [--max-results N]",
       "validate the store against SHACL shapes (the enforced ones without FILE)",
       "Prints focus node, path, value, severity, source graph and message per result, or the\n"
       "standard validation report with --format turtle. See docs/SHACL.md.",
       &Session::CmdValidate},
      {"why", "S P O",
       "how the store comes to hold a triple: its derivation down to asserted facts",
       "Terms as in queries (<iri>, prefix:local, literals). Same as EXPLAIN WHY { S P O }.",
       &Session::CmdWhy},
  };
  return kCommands;
}

int Session::RunDot(const std::string& line) {
  std::string body = line.substr(1);
  size_t name_end = 0;
  while (name_end < body.size() && std::isspace(static_cast<unsigned char>(body[name_end])) == 0)
    ++name_end;
  const std::string name = body.substr(0, name_end);
  std::string rest = body.substr(name_end);
  rest.erase(0, std::min(rest.size(), rest.find_first_not_of(" \t")));
  const Command* found = nullptr;
  for (const auto& c : Commands()) {
    if (name == c.name) found = &c;
  }
  if (found == nullptr) {
    // Unambiguous abbreviations, like sqlite3 (".sch" for .schema).
    for (const auto& c : Commands()) {
      if (!name.empty() && std::string(c.name).rfind(name, 0) == 0) {
        if (found != nullptr) {
          std::cerr << "Error: ambiguous command '." << name << "'\n";
          return cli::kExitError;
        }
        found = &c;
      }
    }
  }
  if (found == nullptr) {
    std::cerr << "Error: unknown command '." << name << "'. Enter \".help\" for the list.\n";
    return cli::kExitError;
  }
  auto args = SplitWords(rest);
  // A habitual ';' after a dot-command is not an argument.
  if (!args.empty() && args.back() == ";") args.pop_back();
  if (!args.empty() && args.back().size() > 1 && args.back().back() == ';') args.back().pop_back();
  const int rc = (this->*(found->run))(args, rest);
  return rc == cli::kExitUsage ? cli::kExitError : rc;
}

int Session::CmdHelp(const std::vector<std::string>& a, const std::string&) {
  if (!a.empty()) {
    std::string name = a[0];
    if (!name.empty() && name[0] == '.') name.erase(0, 1);
    for (const auto& c : Commands()) {
      if (name == c.name) {
        out() << "." << c.name << (c.args[0] != '\0' ? " " : "") << c.args << "\n  " << c.summary
              << "\n";
        if (c.help[0] != '\0') out() << "\n" << c.help << "\n";
        return 0;
      }
    }
    std::cerr << "Error: no command '." << name << "'\n";
    return cli::kExitError;
  }
  size_t w = 0;
  for (const auto& c : Commands()) w = std::max(w, std::strlen(c.name) + std::strlen(c.args) + 2);
  for (const auto& c : Commands()) {
    std::string head = std::string(".") + c.name + (c.args[0] != '\0' ? " " : "") + c.args;
    out() << head << std::string(w + 2 > head.size() ? w + 2 - head.size() : 1, ' ') << c.summary
          << "\n";
  }
  out() << "\nStatements are SPARQL 1.1 queries and updates ending with ';' (they may span lines). "
           "Ctrl-C stops a\n"
           "running query, Ctrl-D leaves. \".help NAME\" explains one command.\n";
  return 0;
}

int Session::CmdOpen(const std::vector<std::string>& a, const std::string&) {
  if (a.size() != 1) return Usage("open");
  const Status s = Open(a[0]);
  if (!s.ok()) return Error(s);
  if (interactive_) std::cerr << Banner();
  return 0;
}

int Session::CmdLoad(const std::vector<std::string>& a, const std::string&) {
  if (a.empty() || a.size() > 2) return Usage("load");
  if (db_ == nullptr) return Error(Status::InvalidArgument("no store is open"));
  if (read_only_)
    return Error(
        Status::Locked("the store is open for writing by another process; opened read-only"));
  LoadOptions options;
  if (a.size() == 2) {
    auto g = ParseTermArg(a[1]);
    if (!g || !g->is_iri()) return Error(Status::InvalidArgument("GRAPH must be an IRI: " + a[1]));
    options.graph = *g;
  }
  // The bar is for big files only; small loads finish before it would be readable.
  std::error_code ec;
  const auto size = std::filesystem::file_size(a[0], ec);
  const bool bar = isatty(STDERR_FILENO) != 0 && !ec && size >= (4u << 20);
  if (bar) {
    options.progress = [](const LoadProgress& p) {
      constexpr int kWidth = 30;
      if (p.bytes_total > 0) {
        const double frac =
            std::min(1.0, static_cast<double>(p.bytes_read) / static_cast<double>(p.bytes_total));
        const int filled = static_cast<int>(frac * kWidth);
        std::string line = "\r[" + std::string(static_cast<size_t>(filled), '#') +
                           std::string(static_cast<size_t>(kWidth - filled), ' ') + "] ";
        std::fprintf(stderr, "%s%3.0f%%  %s statements", line.c_str(), frac * 100,
                     cli::WithThousands(p.statements).c_str());
      } else {
        std::fprintf(stderr, "\r%s statements", cli::WithThousands(p.statements).c_str());
      }
      std::fflush(stderr);
    };
  }
  g_interrupted.store(false);
  const auto start = std::chrono::steady_clock::now();
  auto stats = db_->LoadFile(a[0], options);
  if (bar) std::fprintf(stderr, "\r\033[K");
  InvalidateCaches();
  if (!stats.ok()) {
    const int rc = Error(stats.status());
    std::cerr << "Nothing from " << a[0] << " was loaded.\n";
    return rc;
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (interactive_) {
    char buf[32];
    std::snprintf(buf, sizeof buf, " (%.2f s)", secs);
    std::cerr << a[0] << ": " << cli::WithThousands(stats->statements_read) << " statements read, "
              << cli::WithThousands(stats->quads_inserted) << " new quads" << buf << "\n";
  }
  return 0;
}

int Session::CmdDump(const std::vector<std::string>& a, const std::string&) {
  if (a.size() > 1) return Usage("dump");
  if (db_ == nullptr) return Error(Status::InvalidArgument("no store is open"));
  DumpOptions options;
  if (a.size() == 1) {
    const auto format = RdfFormatFromPath(a[0]);
    if (format && RdfFormatHasGraphs(*format)) options.format = *format;
    std::ofstream file(a[0], std::ios::binary);
    if (!file) return Error(Status::IOError("cannot write '" + a[0] + "'"));
    const Status s = db_->Dump(file, options);
    return s.ok() ? 0 : Error(s);
  }
  const Status s = db_->Dump(out(), options);
  return s.ok() ? 0 : Error(s);
}

int Session::CmdRead(const std::vector<std::string>& a, const std::string&) {
  if (a.size() != 1) return Usage("read");
  if (read_depth_ >= 16) return Error(Status::InvalidArgument(".read nested too deeply"));
  std::ifstream in(a[0], std::ios::binary);
  if (!in) return Error(Status::IOError("cannot read '" + a[0] + "'"));
  ++read_depth_;
  const int rc = RunScript(in);
  --read_depth_;
  return rc;
}

int Session::CmdOutput(const std::vector<std::string>& a, const std::string&) {
  if (a.size() > 1) return Usage("output");
  output_.reset();
  once_ = false;
  once_pending_ = false;
  if (a.empty() || a[0] == "stdout") return 0;
  auto f = std::make_unique<std::ofstream>(a[0], std::ios::binary | std::ios::trunc);
  if (!*f) return Error(Status::IOError("cannot write '" + a[0] + "'"));
  output_ = std::move(f);
  return 0;
}

int Session::CmdOnce(const std::vector<std::string>& a, const std::string& rest) {
  if (a.size() != 1) return Usage("once");
  const int rc = CmdOutput(a, rest);
  // Execute() ends every statement; this one is the .once itself, so arm it after that.
  if (rc == 0) once_pending_ = true;
  return rc;
}

int Session::CmdMode(const std::vector<std::string>& a, const std::string&) {
  if (a.empty()) {
    out() << "current output mode: " << OutputModeName(settings_.mode) << "\n";
    return 0;
  }
  const auto mode = OutputModeFromName(a[0]);
  if (!mode || a.size() > 1) return Usage("mode");
  settings_.mode = *mode;
  return 0;
}

int Session::CmdHeaders(const std::vector<std::string>& a, const std::string&) {
  const auto v = a.size() == 1 ? ParseOnOff(a[0]) : std::nullopt;
  if (!v) return Usage("headers");
  settings_.headers = *v;
  return 0;
}

int Session::CmdMaxWidth(const std::vector<std::string>& a, const std::string&) {
  if (a.empty()) {
    out() << settings_.max_width << "\n";
    return 0;
  }
  const auto v = a.size() == 1 ? ParseCount(a[0]) : std::nullopt;
  if (!v || (*v != 0 && *v < 2)) return Usage("maxwidth");
  settings_.max_width = *v;
  return 0;
}

int Session::CmdMaxRows(const std::vector<std::string>& a, const std::string&) {
  if (a.empty()) {
    out() << settings_.max_rows << "\n";
    return 0;
  }
  const auto v = a.size() == 1 ? ParseCount(a[0]) : std::nullopt;
  if (!v) return Usage("maxrows");
  settings_.max_rows = *v;
  return 0;
}

int Session::CmdTimer(const std::vector<std::string>& a, const std::string&) {
  const auto v = a.size() == 1 ? ParseOnOff(a[0]) : std::nullopt;
  if (!v) return Usage("timer");
  settings_.timer = *v;
  return 0;
}

int Session::CmdDerived(const std::vector<std::string>& a, const std::string&) {
  const auto v = a.size() == 1 ? ParseOnOff(a[0]) : std::nullopt;
  if (!v) return Usage("derived");
  settings_.include_derived = *v;
  return 0;
}

int Session::CmdDefaultGraph(const std::vector<std::string>& a, const std::string&) {
  if (a.empty()) {
    out() << DefaultGraphName(settings_.default_graph) << "\n";
    return 0;
  }
  const auto mode = a.size() == 1 ? DefaultGraphFromName(a[0]) : std::nullopt;
  if (!mode) return Usage("defaultgraph");
  settings_.default_graph = *mode;
  return 0;
}

int Session::CmdRules(const std::vector<std::string>& a, const std::string&) {
  if (db_ == nullptr) return Error(Status::InvalidArgument("no store is open"));
  const int rc = cli::RunRulesCommand(*db_, a, out());
  InvalidateCaches();
  return rc;
}

int Session::CmdShapes(const std::vector<std::string>& a, const std::string&) {
  if (db_ == nullptr) return Error(Status::InvalidArgument("no store is open"));
  const int rc = cli::RunShapesCommand(*db_, a, out());
  InvalidateCaches();
  return rc;
}

int Session::CmdValidate(const std::vector<std::string>& a, const std::string&) {
  if (db_ == nullptr) return Error(Status::InvalidArgument("no store is open"));
  cli::ValidateRequest request;
  if (auto error = cli::ParseValidateArgs(a, &request)) {
    return Error(Status::InvalidArgument(*error));
  }
  return cli::RunValidateCommand(*db_, request, AllPrefixes(), out());
}

int Session::CmdWhy(const std::vector<std::string>&, const std::string& rest) {
  const std::string triple = StripTrailingSemicolon(rest);
  if (triple.empty()) return Usage("why");
  return RunSparql("EXPLAIN WHY { " + triple + " }", false, false);
}

int Session::CmdBail(const std::vector<std::string>& a, const std::string&) {
  const auto v = a.size() == 1 ? ParseOnOff(a[0]) : std::nullopt;
  if (!v) return Usage("bail");
  settings_.keep_going = !*v;
  return 0;
}

int Session::CmdExplain(const std::vector<std::string>&, const std::string& rest) {
  const std::string q = StripTrailingSemicolon(rest);
  if (q.empty()) return Usage("explain");
  return RunSparql(q, true, false);
}

int Session::CmdAnalyze(const std::vector<std::string>&, const std::string& rest) {
  const std::string q = StripTrailingSemicolon(rest);
  if (q.empty()) return Usage("analyze");
  return RunSparql(q, true, true);
}

int Session::CmdPrefix(const std::vector<std::string>& a, const std::string&) {
  if (a.empty()) {
    for (const auto& p : prefixes_) out() << p.first << ": <" << p.second << ">\n";
    return 0;
  }
  // Accept "p: <iri>", "p <iri>", "p: iri" and "p:<iri>".
  std::string name, iri;
  if (a.size() == 2) {
    name = a[0];
    iri = a[1];
  } else if (a.size() == 1 && a[0].find(":<") != std::string::npos) {
    name = a[0].substr(0, a[0].find(":<") + 1);
    iri = a[0].substr(a[0].find(":<") + 1);
  } else {
    return Usage("prefix");
  }
  if (!name.empty() && name.back() == ':') name.pop_back();
  if (iri.size() >= 2 && iri.front() == '<' && iri.back() == '>')
    iri = iri.substr(1, iri.size() - 2);
  const bool name_ok = std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.' ||
           static_cast<unsigned char>(c) >= 0x80;
  });
  if (!name_ok || iri.empty() || iri.find_first_of("<>\" ") != std::string::npos)
    return Usage("prefix");
  bool replaced = false;
  for (auto& p : prefixes_) {
    if (p.first == name) {
      p.second = iri;
      replaced = true;
    }
  }
  if (!replaced) prefixes_.emplace_back(name, iri);
  return 0;
}

int Session::CmdPrefixes(const std::vector<std::string>&, const std::string&) {
  for (const auto& p : AllPrefixes()) out() << p.first << ": <" << p.second << ">\n";
  return 0;
}

int Session::CmdGraphs(const std::vector<std::string>&, const std::string&) {
  if (db_ == nullptr) return Error(Status::InvalidArgument("no store is open"));
  auto graphs = db_->GetSnapshot()->Graphs();
  if (!graphs.ok()) return Error(graphs.status());
  std::vector<std::vector<std::optional<Term>>> rows;
  for (const auto& g : *graphs) {
    rows.push_back({g.graph.is_default_graph()
                        ? std::optional<Term>(Term::Literal("(default graph)"))
                        : std::optional<Term>(g.graph),
                    Term::TypedLiteral(std::to_string(g.quads), std::string(vocab::kXsdInteger))});
  }
  return PrintTable({"graph", "quads"}, rows);
}

int Session::CmdStats(const std::vector<std::string>&, const std::string&) {
  if (db_ == nullptr) return Error(Status::InvalidArgument("no store is open"));
  auto stats = db_->GetSnapshot()->Stats();
  if (!stats.ok()) return Error(stats.status());
  auto num = [](uint64_t n) -> std::optional<Term> {
    return Term::TypedLiteral(std::to_string(n), std::string(vocab::kXsdInteger));
  };
  std::vector<std::vector<std::optional<Term>>> rows = {
      {Term::Literal("store"), Term::Literal(is_temporary() ? "(temporary)" : path_)},
      {Term::Literal("quads"), num(stats->quads)},
      {Term::Literal("terms"), num(stats->terms)},
      {Term::Literal("graphs"), num(stats->graphs.size())},
      {Term::Literal("predicates"), num(stats->predicates.size())},
  };
  return PrintTable({"statistic", "value"}, rows);
}

int Session::CmdSearch(const std::vector<std::string>&, const std::string& rest) {
  if (db_ == nullptr) return Error(Status::InvalidArgument("no store is open"));
  const std::string text = StripTrailingSemicolon(rest);
  if (text.empty()) return Usage("search");
  SearchOptions options;
  options.snippets = false;
  options.limit = settings_.row_budget;
  options.timeout = settings_.timeout;
  g_interrupted.store(false);
  options.interrupt = &g_interrupted;
  auto hits = db_->Search(text, options);
  if (!hits.ok()) return Error(hits.status());
  std::vector<std::vector<std::optional<Term>>> rows;
  for (const auto& hit : *hits) rows.push_back(cli::SearchHitRow(hit));
  return PrintTable(cli::SearchColumns(), rows);
}

int Session::CmdConflicts(const std::vector<std::string>& a, const std::string&) {
  if (db_ == nullptr) return Error(Status::InvalidArgument("no store is open"));
  if (a.size() > 2) return Usage("conflicts");
  ConflictOptions options;
  if (!a.empty()) options.subject = cli::ConflictIriArgument(a[0]);
  if (a.size() == 2) options.predicate = cli::ConflictIriArgument(a[1]);
  options.max_conflicts = settings_.row_budget;
  options.timeout = settings_.timeout;
  g_interrupted.store(false);
  options.interrupt = &g_interrupted;
  auto report = FindConflicts(*db_, options);
  if (!report.ok()) return Error(report.status());
  const int rc = PrintTable(ConflictColumns(), ConflictRows(*report));
  out() << cli::ConflictSummary(*report) << "\n";
  return rc;
}

int Session::CmdLimits(const std::vector<std::string>& a, const std::string&) {
  if (a.empty()) {
    out() << "timeout " << settings_.timeout.count() << " ms"
          << (settings_.timeout.count() == 0 ? " (none)" : "") << "\nrows    "
          << settings_.row_budget << "\n";
    return 0;
  }
  if (a.size() % 2 != 0) return Usage("limits");
  for (size_t i = 0; i < a.size(); i += 2) {
    const auto v = ParseCount(a[i + 1]);
    if (!v) return Usage("limits");
    if (a[i] == "timeout") {
      settings_.timeout = std::chrono::milliseconds(*v);
    } else if (a[i] == "rows") {
      settings_.row_budget = *v;
    } else {
      return Usage("limits");
    }
  }
  return 0;
}

int Session::CmdQuit(const std::vector<std::string>&, const std::string&) {
  quit_ = true;
  return 0;
}

std::optional<Term> Session::ParseTermArg(const std::string& text) const {
  if (text.size() >= 2 && text.front() == '<' && text.back() == '>')
    return Term::Iri(text.substr(1, text.size() - 2));
  if (text.rfind("_:", 0) == 0) return Term::Blank(text.substr(2));
  const auto colon = text.find(':');
  if (colon == std::string::npos) return std::nullopt;
  const std::string name = text.substr(0, colon);
  const std::string local = text.substr(colon + 1);
  // http://... and the like: an IRI typed without brackets.
  if (local.rfind("//", 0) == 0) return Term::Iri(text);
  for (const auto& p : AllPrefixes()) {
    if (p.first == name) return Term::Iri(p.second + local);
  }
  return std::nullopt;
}

}  // namespace sextant::shell
