// Helpers for the rule tests: on the fresh-store fixture, Turtle in, derived triples out.
#pragma once

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "sextant/database.h"
#include "testutil/fresh_store.h"
#include "testutil/test_util.h"

namespace sextant::rules_test {

inline constexpr const char* kPrefixes =
    "PREFIX ex: <http://example.org/>\n"
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX owl: <http://www.w3.org/2002/07/owl#>\n";

class RulesTest : public testing::FreshStoreTest {
 protected:
  // Runs an update with the test prefixes in front.
  Status Run(const std::string& update) {
    return db_->Update(std::string(kPrefixes) + update).status();
  }
  Status AddRules(const std::string& rules) {
    return db_->AddRules(std::string(kPrefixes) + rules);
  }

  // Rows of a SELECT, each row its N-Triples terms joined by spaces.
  std::multiset<std::string> Rows(const std::string& query, const QueryOptions& options = {}) {
    std::multiset<std::string> out;
    auto cursor = db_->Query(std::string(kPrefixes) + query, options);
    EXPECT_TRUE(cursor.ok()) << cursor.status().ToString();
    if (!cursor.ok()) return out;
    while ((*cursor)->Next()) {
      std::string row;
      for (const auto& t : (*cursor)->row())
        row += (row.empty() ? "" : " ") + (t ? t->ToNTriples() : "UNDEF");
      out.insert(row);
    }
    EXPECT_TRUE((*cursor)->status().ok()) << (*cursor)->status().ToString();
    return out;
  }
  std::set<std::string> Derived() {
    auto rows = Rows("SELECT ?s ?p ?o WHERE { GRAPH <urn:sextant:derived> { ?s ?p ?o } }");
    return {rows.begin(), rows.end()};
  }
  bool Holds(const std::string& triple) {
    return !Rows("SELECT * WHERE { " + triple + " }").empty();
  }
};

}  // namespace sextant::rules_test
