// `sextant check DB`: verifies checksums, index agreement, dictionary and statistics. Exit 0 when
// the store is sound, 4 (corrupt) when anything disagrees, so scripts and crash tests can rely on
// it.
#include <iostream>

#include "cli_commands.h"
#include "cli_common.h"

namespace sextant::cli {

int RunCheck(Args args) {
  const bool quiet = args.TakeFlag("--quiet");
  if (!args.Unknown().empty()) return UsageError("unknown option " + args.Unknown() + " for check");
  if (args.rest().size() != 1) return UsageError("usage: sextant check DB [--quiet]");
  auto db = OpenStore(args.rest()[0], true, false);
  if (!db.ok()) return Fail(db.status());
  auto report = (*db)->Check();
  if (!report.ok()) return Fail(report.status());
  if (report->ok()) {
    if (!quiet) {
      std::cout << "ok: " << report->quads << " quads, " << report->index_entries
                << " index entries in 6 indexes, " << report->dictionary_terms
                << " dictionary terms; indexes, dictionary and statistics agree\n";
      if (report->text_index_pending) {
        std::cout << "text index: awaiting a rebuild (an interrupted one); the next writable open "
                     "finishes it\n";
      } else {
        std::cout << "text index: " << report->text_documents << " literals, "
                  << report->text_postings << " postings; agree with the literals\n";
      }
    }
    return kExitOk;
  }
  for (const auto& p : report->problems) std::cerr << "sextant: check: " << p << "\n";
  if (report->problems_omitted > 0)
    std::cerr << "sextant: check: ... and " << report->problems_omitted << " more\n";
  std::cerr << "sextant: check: store '" << args.rest()[0] << "' is inconsistent ("
            << report->problems.size() + report->problems_omitted << " problems)\n";
  return kExitCorrupt;
}

}  // namespace sextant::cli
