// Request targets and application/x-www-form-urlencoded data.
#pragma once

#include <atomic>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sextant::server {

// Name/value pairs in order; a name may repeat (default-graph-uri, named-graph-uri).
using Params = std::vector<std::pair<std::string, std::string>>;

// Decodes %XX escapes once ('+' is a space in form data). Malformed escapes are kept as written.
std::string PercentDecode(std::string_view text, bool plus_is_space);
// Escapes everything but RFC 3986 unreserved characters (for query strings and form bodies).
std::string PercentEncode(std::string_view text);
Params ParseForm(std::string_view text);

struct Target {
  std::string path;  // decoded
  Params params;     // from the query string
  // The request's stop flag (router.h), for the handlers to pass to the engine; may be null.
  std::atomic<bool>* stop = nullptr;
};
Target ParseTarget(std::string_view target);

std::vector<std::string> ParamValues(const Params& params, std::string_view name);
bool HasParam(const Params& params, std::string_view name);

}  // namespace sextant::server
