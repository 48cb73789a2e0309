#include "sextant/rdf_format.h"

#include <algorithm>
#include <string>

namespace sextant {

std::optional<RdfFormat> RdfFormatFromName(std::string_view name) {
  std::string n(name);
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
  if (n == "ntriples" || n == "nt" || n == "n-triples") return RdfFormat::kNTriples;
  if (n == "nquads" || n == "nq" || n == "n-quads") return RdfFormat::kNQuads;
  if (n == "turtle" || n == "ttl") return RdfFormat::kTurtle;
  if (n == "trig") return RdfFormat::kTriG;
  if (n == "rdfxml" || n == "rdf/xml" || n == "rdf" || n == "owl" || n == "xml") {
    return RdfFormat::kRdfXml;
  }
  if (n == "jsonld" || n == "json-ld") return RdfFormat::kJsonLd;
  return std::nullopt;
}

std::optional<RdfFormat> RdfFormatFromPath(std::string_view path) {
  if (path.size() > 3 && path.substr(path.size() - 3) == ".gz") path.remove_suffix(3);
  const auto dot = path.rfind('.');
  const auto slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return std::nullopt;
  }
  return RdfFormatFromName(path.substr(dot + 1));
}

std::string_view RdfFormatName(RdfFormat format) {
  switch (format) {
    case RdfFormat::kNTriples: return "ntriples";
    case RdfFormat::kNQuads: return "nquads";
    case RdfFormat::kTurtle: return "turtle";
    case RdfFormat::kTriG: return "trig";
    case RdfFormat::kRdfXml: return "rdfxml";
    case RdfFormat::kJsonLd: return "jsonld";
  }
  return "unknown";
}

std::string_view RdfFormatNameList() {
  return "ntriples, nquads, turtle, trig, rdfxml, jsonld";
}

bool RdfFormatHasGraphs(RdfFormat format) {
  return format == RdfFormat::kNQuads || format == RdfFormat::kTriG || format == RdfFormat::kJsonLd;
}

}  // namespace sextant
