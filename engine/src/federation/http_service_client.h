// SERVICE requests over HTTP: the SPARQL 1.1 Protocol (a form-encoded POST), JSON or XML
// results, the endpoint allow-list, and errors that name the endpoint and its HTTP status.
#pragma once

#include <atomic>
#include <string>

#include "query/service.h"
#include "sextant/query.h"

namespace sextant::federation {

class HttpServiceClient : public query::ServiceClient {
 public:
  explicit HttpServiceClient(ServiceOptions options) : options_(std::move(options)) {}

  Result<query::RemoteSolutions> Select(const std::string& endpoint, const std::string& query,
                                        query::QueryControl& control) override;
  size_t batch_size() const override { return options_.bind_join_batch; }

  // Whether the options let a query call `endpoint` (prefix match on the IRI as written).
  static bool Allowed(const ServiceOptions& options, const std::string& endpoint);

 private:
  ServiceOptions options_;
};

}  // namespace sextant::federation
