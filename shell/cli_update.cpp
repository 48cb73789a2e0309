// `sextant update DB UPDATE|-f FILE [--timeout MS] [--default-graph union|standard]`: runs a SPARQL
// Update request as one transaction and prints what changed.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli_commands.h"
#include "cli_common.h"
#include "sextant/error_format.h"

namespace sextant::cli {

int RunUpdate(Args args) {
  std::string file;
  const bool has_file = args.TakeValue("-f", &file);
  StatementText st;
  if (int rc = TakeQueryLimits(args, &st.options); rc != kExitOk) return rc;
  if (int rc = TakeDefaultGraph(args, &st.options.default_graph); rc != kExitOk) return rc;
  if (!args.error().empty()) return UsageError(args.error());
  if (!args.Unknown().empty())
    return UsageError("unknown option " + args.Unknown() + " for update");
  if (args.rest().size() != (has_file ? 1u : 2u))
    return UsageError("usage: sextant update DB UPDATE|-f FILE [--timeout MS] [--memory-limit MB]");
  if (int rc = ReadStatementText(args, has_file, file, &st); rc != kExitOk) return rc;
  const std::string& text = st.text;
  auto db = OpenStore(args.rest()[0], false, true);
  if (!db.ok()) return Fail(db.status());
  auto stats = (*db)->Update(text, st.options);
  if (!stats.ok()) {
    if (stats.status().code() == StatusCode::kSyntaxError) {
      std::cerr << FormatSyntaxError(text, stats.status()) << "\n";
      return kExitError;
    }
    std::cerr << "sextant: " << stats.status().ToString()
              << "\nsextant: the update was not applied\n";
    return ExitCodeFor(stats.status());
  }
  std::cout << stats->inserted << " quads inserted, " << stats->deleted << " deleted ("
            << stats->operations << (stats->operations == 1 ? " operation)" : " operations)")
            << "\n";
  return CloseAfterWrites(**db);
}

}  // namespace sextant::cli
