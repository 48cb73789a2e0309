// The text index's part of `sextant check`: every literal that is the object of an indexed
// quad is analysed again and its postings, length and statistics compared with what the index
// holds, and the document frequencies with a count of the postings.
#pragma once

#include <functional>
#include <string>

#include "sextant/database.h"
#include "storage/store.h"

namespace sextant::storage {

Status CheckTextIndex(const Store& store, const rocksdb::ReadOptions& ro,
                      const std::function<void(std::string)>& problem, CheckReport* report);

}  // namespace sextant::storage
