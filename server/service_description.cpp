// The SPARQL 1.1 Service Description of the endpoint (GET /sparql without a query).
#include "server/content_negotiation.h"
#include "server/rdf_response.h"
#include "server/sparql_protocol.h"

namespace sextant::server {

Response ServiceDescription(const ServiceContext& ctx, const Request& req) {
  const auto chosen = ChooseRdfFormat(req);
  if (!chosen) return NotAcceptable(req, MediaTypesOf(RdfOffers()));
  const std::string sd = "http://www.w3.org/ns/sparql-service-description#";
  const std::string formats = "http://www.w3.org/ns/formats/";
  const Term service = Term::Iri(BaseUrl(req) + "/sparql");
  const Term type = Term::Iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
  auto iri = [](const std::string& s) { return Term::Iri(s); };
  std::vector<Quad> quads = {
      {service, type, iri(sd + "Service"), {}},
      {service, iri(sd + "endpoint"), service, {}},
      {service, iri(sd + "supportedLanguage"), iri(sd + "SPARQL11Query"), {}},
  };
  if (!ctx.config.read_only)
    quads.push_back({service, iri(sd + "supportedLanguage"), iri(sd + "SPARQL11Update"), {}});
  for (const char* f :
       {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
        "Turtle", "N-Triples", "N-Quads", "TriG", "RDF_XML"}) {
    quads.push_back({service, iri(sd + "resultFormat"), iri(formats + f), {}});
  }
  for (const char* f : {"Turtle", "N-Triples", "N-Quads", "TriG"}) {
    quads.push_back({service, iri(sd + "inputFormat"), iri(formats + f), {}});
  }
  // Without FROM (or default-graph-uri) a query's default graph is every graph merged.
  quads.push_back({service, iri(sd + "feature"), iri(sd + "UnionDefaultGraph"), {}});
  const Term dataset = Term::Blank("dataset");
  const Term default_graph = Term::Blank("defaultGraph");
  quads.push_back({service, iri(sd + "defaultDataset"), dataset, {}});
  quads.push_back({dataset, type, iri(sd + "Dataset"), {}});
  quads.push_back({dataset, iri(sd + "defaultGraph"), default_graph, {}});
  quads.push_back({default_graph, type, iri(sd + "Graph"), {}});
  CappedBody body(ctx.config.max_response_bytes, &ctx.response_bytes);
  return RdfResponse(req, *chosen, body, [&](QuadWriter& writer) -> Status {
    for (const Quad& q : quads) SEXTANT_RETURN_IF_ERROR(writer.Write(q));
    return Status::OK();
  });
}

}  // namespace sextant::server
