// `list | enable NAME | disable NAME | add FILE | drop NAME` on a store's rules: shared by
// `sextant rules DB ...` and the shell's `.rules ...`.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "sextant/database.h"

namespace sextant::cli {

inline constexpr const char* kRulesUsage =
    "list | enable NAME | disable NAME | add FILE | drop NAME";

// Runs one rules sub-command; messages to `out`, errors to stderr. Returns an exit code.
int RunRulesCommand(Database& db, const std::vector<std::string>& words, std::ostream& out);

}  // namespace sextant::cli
