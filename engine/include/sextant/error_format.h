// Presenting errors to people: a syntax error with the offending line and a caret.
#pragma once

#include <string>
#include <string_view>

#include "sextant/export.h"
#include "sextant/status.h"

namespace sextant {

// The offending line of `text`, a line with a caret under the error's column, and the message.
// Returns just the message when `error` carries no position.
SEXTANT_API std::string FormatSyntaxError(std::string_view text, const Status& error);

}  // namespace sextant
