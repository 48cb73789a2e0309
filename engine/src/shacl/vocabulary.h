// The SHACL vocabulary (http://www.w3.org/ns/shacl#) and the few RDF/RDFS terms validation
// reads, as full IRIs.
#pragma once

#include <string>
#include <string_view>

namespace sextant::shacl::vocab {

inline constexpr std::string_view kSh = "http://www.w3.org/ns/shacl#";
inline constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
inline constexpr std::string_view kRdfFirst = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first";
inline constexpr std::string_view kRdfRest = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest";
inline constexpr std::string_view kRdfNil = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil";
inline constexpr std::string_view kRdfsSubClassOf =
    "http://www.w3.org/2000/01/rdf-schema#subClassOf";
inline constexpr std::string_view kRdfsClass = "http://www.w3.org/2000/01/rdf-schema#Class";
inline constexpr std::string_view kOwlImports = "http://www.w3.org/2002/07/owl#imports";

// sh:<local>
inline std::string Sh(std::string_view local) {
  return std::string(kSh) + std::string(local);
}

}  // namespace sextant::shacl::vocab
