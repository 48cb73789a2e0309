// Shared pieces of the command line: exit codes, argument parsing, error printing.
#pragma once

#include <string>
#include <vector>

#include "sextant/database.h"
#include "sextant/status.h"
#include "sextant/text_table.h"

namespace sextant::cli {

// Documented in the README and `sextant --help`; scripts rely on them.
enum ExitCode : int {
  kExitOk = 0,
  kExitError = 1,    // query, command or input error
  kExitUsage = 2,    // bad command-line usage
  kExitIo = 3,       // file or directory could not be read/written
  kExitCorrupt = 4,  // the store is damaged or not a Sextant store
  kExitLocked = 5,   // the store is open for writing by another process
  kExitInterrupted = 130,
};

int ExitCodeFor(const Status& status);
// Prints "sextant: <message>" to stderr and returns the exit code for it.
int Fail(const Status& status);
// The exit code of a command that wrote to `db`: closing makes its writes durable, and a
// failure there (a full disk) must not end in success.
int CloseAfterWrites(Database& db);
int UsageError(const std::string& message);

// Minimal option parsing: flags with a value ("--graph IRI" or "--graph=IRI") and positionals.
class Args {
 public:
  Args(std::vector<std::string> args) : args_(std::move(args)) {}  // NOLINT
  // Removes and returns the value of --name; empty optional when absent. Sets error on a
  // missing value.
  bool TakeValue(const std::string& name, std::string* value);
  bool TakeFlag(const std::string& name);
  // What is left; an unknown --option is reported by Unknown().
  const std::vector<std::string>& rest() const { return args_; }
  std::string Unknown() const;
  const std::string& error() const { return error_; }

 private:
  std::vector<std::string> args_;
  std::string error_;
};

// The statement text of `query`/`update`: the file given with -f (also recorded as the source
// name for error messages) or the second positional argument. Returns an exit code on failure.
struct StatementText {
  std::string text;
  QueryOptions options;
};
// The whole file (a query, a JSON-LD context); IOError naming it when it cannot be read.
Result<std::string> ReadWholeFile(const std::string& file);
int ReadStatementText(const Args& args, bool has_file, const std::string& file, StatementText* out);
// Takes `--timeout MS` and `--memory-limit MB` into `options`; an exit code on bad values.
int TakeQueryLimits(Args& args, QueryOptions* options);
// Takes `--default-graph union|standard` into `mode`; an exit code on a bad value.
int TakeDefaultGraph(Args& args, DefaultGraph* mode);

// The global --cache-mb and --sync options (taken out of the arguments before the command runs):
// the block cache of every store this process opens, and whether its commits are fsynced.
// Returns kExitOk or a usage error's exit code.
int TakeCacheOption(std::vector<std::string>* args);
// Options for opening a store with the process-wide settings above.
Options StoreOptions();
Result<std::unique_ptr<Database>> OpenStore(const std::string& path, bool read_only, bool create);
using ::sextant::WithThousands;  // sextant/text_table.h

}  // namespace sextant::cli
