#include "federation/http_service_client.h"

#include <boost/url/encode.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <boost/url/url.hpp>

#include "federation/http_client.h"
#include "results/result_reader.h"

namespace sextant::federation {

namespace {

// Redirects followed per request; each target must pass the allow-list too.
constexpr int kMaxRedirects = 3;
// How much of an error response body goes into the message.
constexpr size_t kErrorExcerpt = 300;

std::string FormEncode(const std::string& value) {
  std::string out = boost::urls::encode(value, boost::urls::unreserved_chars);
  return out;
}

std::string Excerpt(const std::string& body) {
  std::string text = body.substr(0, kErrorExcerpt);
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return body.size() > kErrorExcerpt ? text + "..." : text;
}

std::atomic<uint64_t> request_counter{0};

// A redirect's Location may be relative to the URL that answered it.
Result<std::string> ResolveLocation(const std::string& base, const std::string& location) {
  auto b = boost::urls::parse_uri(base);
  auto ref = boost::urls::parse_uri_reference(location);
  if (!b || !ref) {
    return Status::IOError("SERVICE <" + base + ">: bad redirect to '" + location + "'");
  }
  boost::urls::url out;
  if (auto r = boost::urls::resolve(*b, *ref, out); !r) {
    return Status::IOError("SERVICE <" + base + ">: bad redirect to '" + location + "'");
  }
  return std::string(out.buffer());
}

}  // namespace

bool HttpServiceClient::Allowed(const ServiceOptions& options, const std::string& endpoint) {
  if (options.allowed_prefixes.empty()) return true;
  for (const auto& prefix : options.allowed_prefixes) {
    if (endpoint.starts_with(prefix)) return true;
  }
  return false;
}

Result<query::RemoteSolutions> HttpServiceClient::Select(const std::string& endpoint,
                                                         const std::string& query,
                                                         query::QueryControl& control) {
  if (!options_.enabled) {
    return Status::Unsupported("SERVICE <" + endpoint +
                               ">: federated queries are disabled here (a server calls endpoints "
                               "only when started with --service-allow PREFIX)");
  }
  HttpLimits limits;
  limits.deadline = control.deadline;
  if (options_.request_timeout.count() > 0) {
    limits.deadline =
        std::min(limits.deadline, std::chrono::steady_clock::now() + options_.request_timeout);
  }
  limits.interrupt = control.interrupt;
  limits.max_body_bytes = options_.max_response_bytes;

  HttpRequest request;
  auto alias = options_.endpoint_aliases.find(endpoint);
  request.url = alias == options_.endpoint_aliases.end() ? endpoint : alias->second;
  request.headers = {
      {"Content-Type", "application/x-www-form-urlencoded"},
      {"Accept", "application/sparql-results+json, application/sparql-results+xml;q=0.9"}};
  request.body = "query=" + FormEncode(query);
  if (!Allowed(options_, endpoint)) {
    return Status::InvalidArgument("SERVICE <" + endpoint +
                                   ">: this endpoint is not allowed (allowed: endpoints starting "
                                   "with one of the --service-allow prefixes)");
  }
  for (int redirects = 0;; ++redirects) {
    if (redirects > 0 && !Allowed(options_, request.url)) {
      return Status::InvalidArgument("SERVICE <" + request.url +
                                     ">: this endpoint is not allowed (allowed: endpoints "
                                     "starting with one of the --service-allow prefixes)");
    }
    auto response = HttpFetch(request, limits);
    if (!response.ok()) return response.status().WithContext("SERVICE");
    const int status = response->status;
    if (status >= 300 && status < 400 && !response->location.empty() && redirects < kMaxRedirects) {
      SEXTANT_ASSIGN_OR_RETURN(request.url, ResolveLocation(request.url, response->location));
      continue;
    }
    if (status != 200) {
      return Status::IOError("SERVICE <" + request.url + "> answered HTTP " +
                             std::to_string(status) +
                             (response->body.empty() ? "" : ": " + Excerpt(response->body)));
    }
    const auto syntax = results::ResultsSyntaxFromContentType(response->content_type);
    if (!syntax) {
      return Status::IOError("SERVICE <" + request.url + "> answered with '" +
                             response->content_type + "', not SPARQL results (JSON or XML)");
    }
    const std::string blank_prefix = "svc" + std::to_string(request_counter++) + "_";
    SEXTANT_ASSIGN_OR_RETURN(
        auto table, results::ReadSparqlResults(response->body, *syntax,
                                               "SERVICE <" + request.url + ">", blank_prefix));
    if (table.is_boolean) {
      return Status::IOError("SERVICE <" + request.url + "> answered a boolean to a SELECT");
    }
    query::RemoteSolutions out;
    out.variables = std::move(table.variables);
    out.rows = std::move(table.rows);
    return out;
  }
}

}  // namespace sextant::federation
