// Choosing a response format from the Accept header, and reading request Content-Types.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sextant/rdf_format.h"
#include "sextant/result_writer.h"

namespace sextant::server {

// The index of the offered media type the client prefers (highest q, then the most specific
// range, then our order); nullopt when the client accepts none. A missing or empty Accept
// accepts everything, so the first offer wins.
std::optional<size_t> Negotiate(std::string_view accept,
                                const std::vector<std::string_view>& offers);

// "text/turtle; charset=utf-8" -> "text/turtle" (lower-cased); the charset parameter, if any.
std::string MediaType(std::string_view content_type);
std::string Charset(std::string_view content_type);

struct ResultOffer {
  std::string_view media_type;
  ResultFormat format;
};
// SELECT/ASK formats, JSON first (what most clients expect when they send */*).
const std::vector<ResultOffer>& ResultOffers();

struct RdfOffer {
  std::string_view media_type;
  RdfFormat format;
};
// Graph formats, Turtle first.
const std::vector<RdfOffer>& RdfOffers();
// The RDF format of a request body's Content-Type; nullopt when we cannot parse it.
std::optional<RdfFormat> RdfFormatForMediaType(std::string_view media_type);

template <typename Offer>
std::vector<std::string_view> MediaTypesOf(const std::vector<Offer>& offers) {
  std::vector<std::string_view> out;
  for (const auto& o : offers) out.push_back(o.media_type);
  return out;
}

}  // namespace sextant::server
