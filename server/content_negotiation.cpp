#include "server/content_negotiation.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace sextant::server {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct Range {
  std::string type;  // "text/turtle", "text/*" or "*/*"
  double q = 1.0;
  int specificity = 0;  // 0 for */*, 1 for type/*, 2 for a full type
};

std::vector<Range> ParseAccept(std::string_view accept) {
  std::vector<Range> out;
  while (!accept.empty()) {
    const size_t comma = accept.find(',');
    std::string_view item = accept.substr(0, comma);
    accept = comma == std::string_view::npos ? std::string_view() : accept.substr(comma + 1);
    const size_t semi = item.find(';');
    Range r;
    r.type = Lower(Trim(item.substr(0, semi)));
    if (r.type.empty()) continue;
    std::string_view params =
        semi == std::string_view::npos ? std::string_view() : item.substr(semi + 1);
    while (!params.empty()) {
      const size_t next = params.find(';');
      const std::string_view p = Trim(params.substr(0, next));
      params = next == std::string_view::npos ? std::string_view() : params.substr(next + 1);
      if (p.size() > 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
        r.q = std::strtod(std::string(p.substr(2)).c_str(), nullptr);
      }
    }
    r.specificity = r.type == "*/*" ? 0 : (r.type.size() > 2 && r.type.ends_with("/*")) ? 1 : 2;
    out.push_back(std::move(r));
  }
  return out;
}

bool Matches(const Range& r, std::string_view offer) {
  if (r.specificity == 0) return true;
  if (r.specificity == 1)
    return offer.substr(0, r.type.size() - 1) ==
           std::string_view(r.type).substr(0, r.type.size() - 1);
  return offer == r.type;
}

}  // namespace

std::optional<size_t> Negotiate(std::string_view accept,
                                const std::vector<std::string_view>& offers) {
  if (offers.empty()) return std::nullopt;
  const std::vector<Range> ranges = ParseAccept(accept);
  if (ranges.empty()) return 0;
  std::optional<size_t> best;
  double best_q = 0;
  for (size_t i = 0; i < offers.size(); ++i) {
    // The most specific matching range decides an offer's quality (RFC 9110 12.5.1).
    const Range* decisive = nullptr;
    for (const Range& r : ranges) {
      if (Matches(r, offers[i]) && (decisive == nullptr || r.specificity > decisive->specificity))
        decisive = &r;
    }
    if (decisive == nullptr || decisive->q <= 0) continue;
    // Ties go to the explicitly named type, then to our order.
    const double q = decisive->q + decisive->specificity * 1e-6;
    if (!best || q > best_q) {
      best = i;
      best_q = q;
    }
  }
  return best;
}

std::string MediaType(std::string_view content_type) {
  return Lower(Trim(content_type.substr(0, content_type.find(';'))));
}

std::string Charset(std::string_view content_type) {
  const std::string lower = Lower(content_type);
  const size_t at = lower.find("charset=");
  if (at == std::string::npos) return {};
  std::string_view v = std::string_view(lower).substr(at + 8);
  v = Trim(v.substr(0, v.find(';')));
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  return std::string(v);
}

const std::vector<ResultOffer>& ResultOffers() {
  static const std::vector<ResultOffer> offers = {
      {"application/sparql-results+json", ResultFormat::kJson},
      {"application/sparql-results+xml", ResultFormat::kXml},
      {"text/csv", ResultFormat::kCsv},
      {"text/tab-separated-values", ResultFormat::kTsv},
      {"application/json", ResultFormat::kJson},
      {"application/xml", ResultFormat::kXml},
      {"text/xml", ResultFormat::kXml},
  };
  return offers;
}

const std::vector<RdfOffer>& RdfOffers() {
  static const std::vector<RdfOffer> offers = {
      {"text/turtle", RdfFormat::kTurtle},          {"application/n-triples", RdfFormat::kNTriples},
      {"application/n-quads", RdfFormat::kNQuads},  {"application/trig", RdfFormat::kTriG},
      {"application/x-turtle", RdfFormat::kTurtle}, {"application/rdf+xml", RdfFormat::kRdfXml},
      {"application/ld+json", RdfFormat::kJsonLd},  {"text/plain", RdfFormat::kNTriples},
  };
  return offers;
}

std::optional<RdfFormat> RdfFormatForMediaType(std::string_view media_type) {
  for (const auto& o : RdfOffers()) {
    if (o.media_type == media_type) return o.format;
  }
  return std::nullopt;
}

}  // namespace sextant::server
