// Writers for query results: SPARQL 1.1 Query Results JSON, XML, CSV and TSV (byte-correct per
// the W3C specs), and an aligned text table for people.
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "sextant/export.h"
#include "sextant/query.h"
#include "sextant/status.h"
#include "sextant/term.h"

namespace sextant {

enum class ResultFormat { kJson, kXml, kCsv, kTsv, kTable };

SEXTANT_API std::optional<ResultFormat> ResultFormatFromName(const std::string& name);

class ResultWriter {
 public:
  virtual ~ResultWriter() = default;
  // SELECT: the variables (without '?'), then rows (nullopt = unbound), then End().
  virtual Status Begin(const std::vector<std::string>& vars) = 0;
  virtual Status Row(const std::vector<std::optional<Term>>& row) = 0;
  virtual Status End() = 0;
  // ASK.
  virtual Status Boolean(bool value) = 0;
};

SEXTANT_API std::unique_ptr<ResultWriter> MakeResultWriter(ResultFormat format, std::ostream& out);

// Drains a SELECT or ASK cursor into `writer`: the rows and End(), or Boolean(). The first error,
// the cursor's or the writer's, is returned.
SEXTANT_API Status WriteResults(QueryCursor& cursor, ResultWriter& writer);

}  // namespace sextant
