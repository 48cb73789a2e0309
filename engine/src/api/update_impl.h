// SPARQL 1.1 Update execution: every operation of a request runs in one write transaction.
#pragma once

#include "grammar/ast.h"
#include "sextant/query.h"
#include "sextant/update.h"
#include "storage/store.h"

namespace sextant {

Result<UpdateStats> ExecuteUpdate(storage::Store* store, const ast::Update& update,
                                  const QueryOptions& options);

}  // namespace sextant
