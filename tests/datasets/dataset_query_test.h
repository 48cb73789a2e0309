// A test fixture over the bundled datasets loaded once per suite, with the two ways the dataset
// tests ask their questions: a yes/no (ASK) and the first column of a SELECT. Queries get
// `dct:` and `skos:` predeclared besides the store's own prefixes.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sextant/database.h"
#include "testutil/loaded_store.h"

namespace sextant::testing {

class DatasetQueryTest : public LoadedStoreTest {
 protected:
  static std::string WithDct(const std::string& query) {
    return "PREFIX dct: <http://purl.org/dc/terms/>\n"
           "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n" +
           query;
  }

  static bool Ask(const std::string& query) {
    auto cursor = db().Query(WithDct(query));
    EXPECT_TRUE(cursor.ok()) << cursor.status().ToString() << "\n" << query;
    return cursor.ok() && (*cursor)->boolean();
  }

  // The first column of every row, as N-Triples.
  static std::vector<std::string> Column(const std::string& query) {
    std::vector<std::string> out;
    auto cursor = db().Query(WithDct(query));
    EXPECT_TRUE(cursor.ok()) << cursor.status().ToString() << "\n" << query;
    if (!cursor.ok()) return out;
    while ((*cursor)->Next()) {
      const auto& term = (*cursor)->row()[0];
      out.push_back(term ? term->ToNTriples() : std::string("UNDEF"));
    }
    return out;
  }
};

}  // namespace sextant::testing
