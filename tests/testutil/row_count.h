// Counting a query's rows (header-only: callers link the engine themselves).
#pragma once

#include <string>

#include "sextant/database.h"

namespace sextant::testing {

inline Result<uint64_t> CountRows(Database& db, const std::string& text,
                                  const QueryOptions& options = {}) {
  SEXTANT_ASSIGN_OR_RETURN(auto cursor, db.Query(text, options));
  uint64_t rows = 0;
  while (cursor->Next()) ++rows;
  SEXTANT_RETURN_IF_ERROR(cursor->status());
  return rows;
}

}  // namespace sextant::testing
