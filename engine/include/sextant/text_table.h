// Result tables for people: the one renderer behind `sextant query --format table` and the
// shell's box, table, markdown and line modes, so a result reads the same wherever it is
// printed. Machine formats (csv, tsv, json, xml) are the result writers' job.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "sextant/export.h"
#include "sextant/term.h"

namespace sextant {

enum class TableFrame {
  kBox,       // Unicode box-drawing lines
  kAscii,     // +---+ and |
  kMarkdown,  // a GitHub-flavoured markdown table
  kLine,      // one "name = value" line per cell, a blank line between rows
};

// (prefix name without ':', namespace IRI) pairs.
using PrefixList = std::vector<std::pair<std::string, std::string>>;

// `iri` as prefix:local using the longest matching namespace whose local part is a valid
// prefixed-name local part; nullopt when none fits.
SEXTANT_API std::optional<std::string> ShortenIri(const std::string& iri,
                                                  const PrefixList& prefixes);

// A term as people read it in a table: IRIs shortened (or <iri>), plain strings, numbers,
// booleans and dates bare, other literals with their language or datatype.
SEXTANT_API std::string DisplayTerm(const Term& term, const PrefixList& prefixes);

struct TableStyle {
  TableFrame frame = TableFrame::kBox;
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

// The first `max_rows` result rows as display cells (DisplayTerm; unbound cells empty), with a
// column marked numeric when it has values and all of them are numbers.
SEXTANT_API TextTable MakeTextTable(const std::vector<std::string>& columns,
                                    const std::vector<std::vector<std::optional<Term>>>& rows,
                                    const PrefixList& prefixes,
                                    size_t max_rows = std::numeric_limits<size_t>::max());

SEXTANT_API void RenderTable(const TextTable& table, const TableStyle& style, std::ostream& out);

// 12345 as "12,345".
SEXTANT_API std::string WithThousands(uint64_t n);

// "1 row", "12,345 rows": the line under a boxed or ASCII table.
SEXTANT_API std::string RowCountLine(uint64_t rows);

}  // namespace sextant
