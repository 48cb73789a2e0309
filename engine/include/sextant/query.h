// SPARQL queries: run a query, or prepare one and bind parameters, and read the results
// through a streaming cursor.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sextant/export.h"
#include "sextant/status.h"
#include "sextant/term.h"

namespace sextant {

// An RDF dataset given from outside the query text: the SPARQL protocol's default-graph-uri /
// named-graph-uri (queries) and using-graph-uri / using-named-graph-uri (updates).
struct Dataset {
  std::vector<std::string> default_graphs;
  std::vector<std::string> named_graphs;
};

// What a query's default graph is when neither the query (FROM, USING, WITH) nor
// QueryOptions::dataset names its graphs.
enum class DefaultGraph : uint8_t {
  // The union of all graphs: every fact the store holds, whichever source it came from.
  kUnion,
  // The unnamed graph only: SPARQL's own default dataset, as the W3C tests and most stores read
  // it (Jena's and Oxigraph's default; their "union default graph" is kUnion).
  kStandard,
};

// SERVICE (SPARQL 1.1 Federated Query): which endpoints a query may call and how.
struct ServiceOptions {
  // Whether queries may call remote endpoints at all.
  bool enabled = true;
  // When not empty, only endpoints whose IRI starts with one of these are called; a redirect
  // must lead to an allowed endpoint too. (`sextant serve` enables SERVICE only with
  // --service-allow PREFIX, so a public endpoint never calls arbitrary URLs.)
  std::vector<std::string> allowed_prefixes;
  // A limit for each request (the query's own timeout applies as well); 0 = none.
  std::chrono::milliseconds request_timeout{30000};
  // The largest response an endpoint may send.
  uint64_t max_response_bytes = uint64_t{64} << 20;
  // Solutions of the enclosing pattern sent to the endpoint per request (bind join).
  size_t bind_join_batch = 100;
  // Endpoints to reach at another URL (a local mirror, a test server): IRI -> URL. The
  // allow-list applies to the IRI the query names.
  std::map<std::string, std::string> endpoint_aliases;
};

struct QueryOptions {
  // Prefixes added to the predeclared ones (rdf:, rdfs:, xsd:, owl: and ':').
  std::vector<std::pair<std::string, std::string>> prefixes;
  // What ':' means in queries.
  std::string store_namespace = "http://sextant.local/";
  std::string base_iri;
  // 0 = no timeout.
  std::chrono::milliseconds timeout{0};
  // Rows that blocking operators (sort, group, hash join, distinct) may hold: the memory
  // budget, in rows.
  uint64_t max_intermediate_rows = 50'000'000;
  // Memory the query may hold in blocking operators (sorts, hash tables, groups, DISTINCT);
  // beyond it the query ends with ResourceExhausted. Streaming results are not counted.
  uint64_t max_memory_bytes = uint64_t{1} << 30;
  // Set to true from any thread to stop the query (it ends with StatusCode::kInterrupted).
  const std::atomic<bool>* interrupt = nullptr;
  // Shown in syntax errors (a file name); empty for interactive input.
  std::string source_name;
  // When set, replaces the query's FROM / FROM NAMED (the protocol's dataset wins, SPARQL 1.1
  // Protocol 2.1.4). For updates it acts as USING / USING NAMED for every operation with a
  // WHERE clause; an operation that has its own USING or WITH is then an InvalidArgument error.
  std::optional<Dataset> dataset;
  // Whether update's LOAD <file://...> may read files of this machine. Off for requests from
  // the network (`sextant serve`): a client must not read the server's files.
  bool allow_file_load = true;
  // Whether patterns see the triples rules derived (the graph <urn:sextant:derived>).
  bool include_derived = true;
  // The default graph of queries and of update WHERE clauses that name no graphs.
  DefaultGraph default_graph = DefaultGraph::kUnion;
  // SERVICE <endpoint> { ... }.
  ServiceOptions service;
};

// "union" / "standard" for DefaultGraph values, and back (nullopt for any other name).
SEXTANT_API std::string_view DefaultGraphName(DefaultGraph mode);
SEXTANT_API std::optional<DefaultGraph> DefaultGraphFromName(std::string_view name);

enum class QueryForm { kSelect, kAsk, kConstruct, kDescribe };

// Streams results. For SELECT, row() after each successful Next(); for CONSTRUCT/DESCRIBE,
// triple(); for ASK, boolean(). Next() returns false at the end or on an error: check status().
class QueryCursor {
 public:
  virtual ~QueryCursor() = default;
  virtual QueryForm form() const = 0;
  virtual const std::vector<std::string>& variables() const = 0;
  virtual bool Next() = 0;
  virtual const std::vector<std::optional<Term>>& row() const = 0;
  virtual const Quad& triple() const = 0;
  virtual bool boolean() = 0;
  virtual Status status() const = 0;
  // The plan with estimated rows; after the cursor is drained, with `analyze`, the actual rows
  // and time per operator.
  virtual std::string Explain(bool analyze) const = 0;
  // True when the text was EXPLAIN / EXPLAIN ANALYZE (the caller prints Explain()).
  virtual bool explain_requested() const = 0;
  virtual bool analyze_requested() const = 0;
};

// A parsed query that can be run many times with different parameter values.
class PreparedQuery {
 public:
  virtual ~PreparedQuery() = default;
  // Binds ?name to a term for the next executions (every solution starts with it bound).
  virtual Status Bind(const std::string& name, const Term& value) = 0;
  virtual void ClearBindings() = 0;
  // Runs on a fresh snapshot.
  virtual Result<std::unique_ptr<QueryCursor>> Execute() = 0;
};

}  // namespace sextant
