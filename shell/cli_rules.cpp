// `sextant rules DB list | enable NAME | disable NAME | add FILE | drop NAME`
#include <iostream>

#include "cli_commands.h"
#include "cli_common.h"
#include "rules_command.h"

namespace sextant::cli {

int RunRules(Args args) {
  if (!args.error().empty()) return UsageError(args.error());
  if (!args.Unknown().empty()) return UsageError("unknown option " + args.Unknown() + " for rules");
  const auto& rest = args.rest();
  if (rest.empty()) return UsageError(std::string("usage: sextant rules DB ") + kRulesUsage);
  const std::vector<std::string> words(rest.begin() + 1, rest.end());
  const bool writes = !words.empty() && words[0] != "list";
  auto db = OpenStore(rest[0], !writes, writes);
  if (!db.ok()) return Fail(db.status());
  return RunRulesCommand(**db, words, std::cout);
}

}  // namespace sextant::cli
