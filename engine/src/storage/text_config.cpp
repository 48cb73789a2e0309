#include "storage/text_config.h"

#include <algorithm>

#include "storage/index_order.h"

namespace sextant::storage {

bool TextConfig::Indexes(TermId predicate, TermId graph) const {
  if (!enabled) return false;
  if (!predicates.empty() && !std::binary_search(predicates.begin(), predicates.end(), predicate)) {
    return false;
  }
  return graphs.empty() || std::binary_search(graphs.begin(), graphs.end(), graph);
}

// "on"/"off", then a line per id list ("p" or "g" and 16 hex digits per id), then "u" and the
// untagged language: text, so a store's configuration can be read with any RocksDB tool.
std::string TextConfig::Encode() const {
  std::string out = enabled ? "on\n" : "off\n";
  auto ids = [&out](char kind, const std::vector<TermId>& list) {
    for (TermId id : list) {
      char hex[17];
      for (int i = 0; i < 16; ++i) hex[i] = "0123456789abcdef"[(id >> (60 - 4 * i)) & 0xf];
      hex[16] = '\0';
      out += kind;
      out += hex;
      out += '\n';
    }
  };
  ids('p', predicates);
  ids('g', graphs);
  out += "u" + untagged_language + "\n";
  return out;
}

Result<TextConfig> TextConfig::Decode(std::string_view value) {
  TextConfig c;
  size_t line_no = 0;
  while (!value.empty()) {
    const size_t nl = value.find('\n');
    const std::string_view line = value.substr(0, nl);
    value = nl == std::string_view::npos ? std::string_view() : value.substr(nl + 1);
    if (line_no++ == 0) {
      if (line != "on" && line != "off") break;
      c.enabled = line == "on";
      continue;
    }
    if (line.empty()) continue;
    if (line[0] == 'u') {
      c.untagged_language = std::string(line.substr(1));
      continue;
    }
    if ((line[0] != 'p' && line[0] != 'g') || line.size() != 17) {
      return Status::Corruption("bad text index configuration record");
    }
    TermId id = 0;
    for (char h : line.substr(1)) {
      const int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : -1;
      if (d < 0) return Status::Corruption("bad text index configuration record");
      id = (id << 4) | static_cast<TermId>(d);
    }
    (line[0] == 'p' ? c.predicates : c.graphs).push_back(id);
  }
  if (line_no == 0) return Status::Corruption("empty text index configuration record");
  std::sort(c.predicates.begin(), c.predicates.end());
  std::sort(c.graphs.begin(), c.graphs.end());
  return c;
}

std::optional<IndexableText> IndexableTextOf(std::string_view encoded) {
  if (encoded.empty()) return std::nullopt;
  if (encoded[0] == 'S') return IndexableText{encoded.substr(1), {}};
  if (encoded[0] == 'L' || encoded[0] == 'M') {
    // 'M' (a base direction) has its direction byte before the language tag.
    const size_t tag = encoded[0] == 'M' ? 2 : 1;
    const size_t zero = encoded.find('\0', tag);
    if (zero == std::string_view::npos) return std::nullopt;
    return IndexableText{encoded.substr(zero + 1), encoded.substr(tag, zero - tag)};
  }
  return std::nullopt;
}

}  // namespace sextant::storage
