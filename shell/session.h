// One shell session: the open store, output settings, declared prefixes, and the execution of
// statements and dot-commands. The REPL and the non-interactive runners feed it text.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "output_mode.h"
#include "sextant/database.h"
#include "sextant/status.h"

namespace sextant::shell {

// Set by the SIGINT handler; the running query watches it, the line editor clears the line.
extern std::atomic<bool> g_interrupted;
// Installs the SIGINT handler. `restart`: whether interrupted system calls resume (true for
// scripts, false at a prompt so the line editor sees the interruption).
void InstallSigintHandler(bool restart);

struct Settings {
  OutputMode mode = OutputMode::kTsv;
  bool headers = true;
  size_t max_width = 40;     // display columns per value in text modes; 0 = unlimited
  uint64_t max_rows = 1000;  // rows shown in text modes; 0 = unlimited
  bool timer = false;
  bool color = false;  // stdout is a terminal and NO_COLOR is unset
  std::chrono::milliseconds timeout{0};
  uint64_t row_budget = 50'000'000;
  bool keep_going = false;
  bool include_derived = true;                        // .derived on|off
  DefaultGraph default_graph = DefaultGraph::kUnion;  // .defaultgraph union|standard
};

class Session {
 public:
  Session(bool interactive, Settings settings);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Opens a store directory (created if missing); when it is locked by another process, opens
  // it read-only and says so. An empty path opens a temporary store removed at exit.
  Status Open(const std::string& path);
  Database* db() { return db_.get(); }
  bool is_temporary() const { return !temp_dir_.empty(); }
  const std::string& store_path() const { return path_; }
  bool read_only() const { return read_only_; }

  // Runs one statement: a dot-command line or SPARQL text. Prints results to the current
  // output and errors to stderr; returns the exit code (0 on success).
  int Execute(const std::string& statement);
  // Runs a script: statements end with ';', dot-commands at statement start. Stops at the first
  // error unless keep_going; returns the first error's exit code (0 when none).
  int RunScript(std::istream& in);

  bool quit_requested() const { return quit_; }
  Settings& settings() { return settings_; }
  bool interactive() const { return interactive_; }

  // Predeclared (rdf, rdfs, xsd, owl, ':') and declared prefixes, for display and completion.
  PrefixList AllPrefixes() const;
  const PrefixList& declared_prefixes() const { return prefixes_; }

  // Names for completion: predicates and classes of the store (cached until the store changes).
  const std::vector<std::string>& PredicateIris();
  const std::vector<std::string>& ClassIris();

  std::string Banner() const;

  // The command table, for .help and completion.
  struct Command {
    const char* name;
    const char* args;
    const char* summary;
    const char* help;
    int (Session::*run)(const std::vector<std::string>& args, const std::string& rest);
  };
  static const std::vector<Command>& Commands();

 private:
  int RunDot(const std::string& line);
  int RunSparql(const std::string& text, bool explain, bool analyze);
  // SPARQL Update: one statement is one transaction.
  int RunUpdate(const std::string& text, std::chrono::steady_clock::time_point start);
  int QueryError(const Status& status, const std::string& text);
  int Error(const Status& status);
  QueryOptions MakeQueryOptions() const;
  std::ostream& out();
  void EndStatement();
  void InvalidateCaches();

  // Dot-commands (dot_commands.cpp, knowledge.cpp).
  int CmdHelp(const std::vector<std::string>& a, const std::string& rest);
  int CmdOpen(const std::vector<std::string>& a, const std::string& rest);
  int CmdLoad(const std::vector<std::string>& a, const std::string& rest);
  int CmdDump(const std::vector<std::string>& a, const std::string& rest);
  int CmdRead(const std::vector<std::string>& a, const std::string& rest);
  int CmdOutput(const std::vector<std::string>& a, const std::string& rest);
  int CmdOnce(const std::vector<std::string>& a, const std::string& rest);
  int CmdMode(const std::vector<std::string>& a, const std::string& rest);
  int CmdHeaders(const std::vector<std::string>& a, const std::string& rest);
  int CmdMaxWidth(const std::vector<std::string>& a, const std::string& rest);
  int CmdMaxRows(const std::vector<std::string>& a, const std::string& rest);
  int CmdTimer(const std::vector<std::string>& a, const std::string& rest);
  int CmdExplain(const std::vector<std::string>& a, const std::string& rest);
  int CmdAnalyze(const std::vector<std::string>& a, const std::string& rest);
  int CmdPrefix(const std::vector<std::string>& a, const std::string& rest);
  int CmdPrefixes(const std::vector<std::string>& a, const std::string& rest);
  int CmdGraphs(const std::vector<std::string>& a, const std::string& rest);
  int CmdSchema(const std::vector<std::string>& a, const std::string& rest);
  int CmdDescribe(const std::vector<std::string>& a, const std::string& rest);
  int CmdStats(const std::vector<std::string>& a, const std::string& rest);
  int CmdSearch(const std::vector<std::string>& a, const std::string& rest);
  int CmdConflicts(const std::vector<std::string>& a, const std::string& rest);
  int CmdLimits(const std::vector<std::string>& a, const std::string& rest);
  int CmdBail(const std::vector<std::string>& a, const std::string& rest);
  int CmdQuit(const std::vector<std::string>& a, const std::string& rest);
  int CmdRules(const std::vector<std::string>& a, const std::string& rest);
  int CmdWhy(const std::vector<std::string>& a, const std::string& rest);
  int CmdShapes(const std::vector<std::string>& a, const std::string& rest);
  int CmdValidate(const std::vector<std::string>& a, const std::string& rest);
  int CmdDerived(const std::vector<std::string>& a, const std::string& rest);
  int CmdDefaultGraph(const std::vector<std::string>& a, const std::string& rest);

  // Prints a table in the current mode (text modes render, csv/tsv/json via the writers).
  // `total` counts rows not passed in (beyond .maxrows), for the footer.
  int PrintTable(const std::vector<std::string>& columns,
                 const std::vector<std::vector<std::optional<Term>>>& rows, uint64_t total = 0);
  // Resolves "<iri>", "prefix:local" or a bare IRI to a term.
  std::optional<Term> ParseTermArg(const std::string& text) const;

  bool interactive_;
  Settings settings_;
  std::unique_ptr<Database> db_;
  std::string path_;
  std::string temp_dir_;
  bool read_only_ = false;
  PrefixList prefixes_;
  std::unique_ptr<std::ofstream> output_;
  std::string output_name_;
  bool once_ = false;          // the current statement's output goes to a .once file
  bool once_pending_ = false;  // .once ran; the next statement is the one
  bool quit_ = false;
  int read_depth_ = 0;
  std::optional<std::vector<std::string>> predicate_cache_;
  std::optional<std::vector<std::string>> class_cache_;
};

}  // namespace sextant::shell
