#include "server/rdf_response.h"

#include <ostream>

#include "server/content_negotiation.h"

namespace sextant::server {

std::optional<ChosenRdfFormat> ChooseRdfFormat(const Request& req) {
  const auto& offers = RdfOffers();
  const auto chosen = Negotiate(req[http::field::accept], MediaTypesOf(offers));
  if (!chosen) return std::nullopt;
  return ChosenRdfFormat{offers[*chosen].format, offers[*chosen].media_type};
}

Response NotAcceptable(const Request& req, const std::vector<std::string_view>& offers) {
  std::string message = "none of the accepted media types can be produced; available:";
  for (auto o : offers) message += std::string(" ") + std::string(o);
  return ErrorResponse(req, http::status::not_acceptable, message);
}

Response RdfResponse(const Request& req, const ChosenRdfFormat& chosen, CappedBody& body,
                     const std::function<Status(QuadWriter&)>& emit) {
  std::ostream out(&body);
  auto writer = MakeQuadWriter(chosen.format, out, CommonPrefixes());
  Status s = emit(*writer);
  if (s.ok()) s = writer->Finish();
  if (body.exceeded()) s = body.TooLarge();
  if (!s.ok()) return ErrorResponse(req, HttpStatusFor(s), s.ToString());
  return MakeResponse(req, http::status::ok, std::string(chosen.media_type) + "; charset=utf-8",
                      body.Take());
}

}  // namespace sextant::server
