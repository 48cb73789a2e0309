// What Tab offers at the cursor, from the session's commands, prefixes and store.
#pragma once

#include <string>
#include <vector>

#include "session.h"

namespace sextant::shell {

// `line` is the whole line so far, `word` the text being completed, starting at `start`.
std::vector<std::string> CompletionCandidates(Session& session, const std::string& line,
                                              size_t start, const std::string& word);

}  // namespace sextant::shell
