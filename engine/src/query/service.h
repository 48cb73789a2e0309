// What a SERVICE pattern needs from outside the query engine: something that sends a query to
// an endpoint and returns its solutions. The API layer provides it (engine/src/federation); the
// query layer stays free of HTTP.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "query/operator.h"
#include "sextant/status.h"
#include "sextant/term.h"

namespace sextant::query {

struct RemoteSolutions {
  std::vector<std::string> variables;
  // One entry per variable; nullopt where unbound.
  std::vector<std::vector<std::optional<Term>>> rows;
};

class ServiceClient {
 public:
  virtual ~ServiceClient() = default;
  // Runs `query` (a complete SPARQL SELECT) at `endpoint`. Honours the control's deadline and
  // interrupt; errors name the endpoint (and its HTTP status when it answered).
  virtual Result<RemoteSolutions> Select(const std::string& endpoint, const std::string& query,
                                         QueryControl& control) = 0;
  // How many outer solutions one bind-join request carries.
  virtual size_t batch_size() const { return 100; }
};

}  // namespace sextant::query
