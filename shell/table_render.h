// Text renderers for people: box, table (ASCII), markdown and line modes. The machine formats
// (csv, tsv, json) come from the engine's result writers.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "sextant/term.h"

namespace sextant::shell {

enum class OutputMode { kBox, kTable, kCsv, kTsv, kJson, kMarkdown, kLine };

std::optional<OutputMode> OutputModeFromName(const std::string& name);
const char* OutputModeName(OutputMode mode);
bool IsTextMode(OutputMode mode);  // box, table, markdown, line

// (prefix name without ':', namespace IRI) pairs.
using PrefixList = std::vector<std::pair<std::string, std::string>>;

// `iri` as prefix:local using the longest matching namespace whose local part is a valid
// prefixed-name local part; nullopt when none fits.
std::optional<std::string> ShortenIri(const std::string& iri, const PrefixList& prefixes);

// A term as people read it in a table: IRIs shortened (or <iri>), plain strings, numbers,
// booleans and dates bare, other literals with their language or datatype.
std::string DisplayTerm(const Term& term, const PrefixList& prefixes);

struct TableStyle {
  OutputMode mode = OutputMode::kBox;
  bool headers = true;
  size_t max_width = 0;  // per value, display columns; 0 = unlimited
  bool color = false;    // bold headers
};

// A result held for rendering: cells already formatted for display.
struct TextTable {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> numeric;  // per column: every non-empty value is a number (right-aligned)
};

void RenderTable(const TextTable& table, const TableStyle& style, std::ostream& out);

}  // namespace sextant::shell
