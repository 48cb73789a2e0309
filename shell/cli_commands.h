// The subcommands of the `sextant` executable.
#pragma once

#include "cli_common.h"

namespace sextant::cli {

int RunLoad(Args args);
int RunDump(Args args);
int RunStats(Args args);

}  // namespace sextant::cli
