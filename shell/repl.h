// The interactive loop and the non-interactive entry points of the shell.
#pragma once

#include "session.h"

namespace sextant::shell {

// Reads statements from the terminal with line editing until .quit or Ctrl-D.
int RunRepl(Session& session);

}  // namespace sextant::shell
