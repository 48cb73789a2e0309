// Helpers for the SHACL tests: on the fresh-store fixture, data and shapes as Turtle with shared
// prefixes, and reports reduced to comparable strings.
#pragma once

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "sextant/database.h"
#include "testutil/fresh_store.h"
#include "testutil/test_util.h"

namespace sextant::shacl_test {

inline constexpr const char* kPrefixes =
    "@prefix ex: <http://example.org/> .\n"
    "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
    "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n";

inline constexpr const char* kSparqlPrefixes =
    "PREFIX ex: <http://example.org/>\n"
    "PREFIX sh: <http://www.w3.org/ns/shacl#>\n";

class ShaclTest : public testing::FreshStoreTest {
 protected:
  Status Load(const std::string& turtle, const std::string& graph = "") {
    LoadOptions options;
    options.format = RdfFormat::kTurtle;
    if (!graph.empty()) options.graph = Term::Iri(graph);
    return db_->LoadString(std::string(kPrefixes) + turtle, options).status();
  }
  Status Update(const std::string& update) {
    return db_->Update(std::string(kSparqlPrefixes) + update).status();
  }
  Result<ValidationReport> Validate(const std::string& shapes, ValidateOptions options = {}) {
    return db_->Validate(std::string(kPrefixes) + shapes, options);
  }
  Status Enforce(const std::string& shapes) {
    return db_->EnforceShapes(std::string(kPrefixes) + shapes);
  }

  // "focus component value" per result, IRIs of ex: shortened, e.g. "ex:bob MinCount -".
  static std::multiset<std::string> Summary(const ValidationReport& report) {
    std::multiset<std::string> out;
    auto shorten = [](const Term& t) {
      std::string s = t.ToNTriples();
      const std::string ex = "<http://example.org/";
      if (s.rfind(ex, 0) == 0) s = "ex:" + s.substr(ex.size(), s.size() - ex.size() - 1);
      return s;
    };
    for (const auto& r : report.results) {
      std::string component = r.source_constraint_component.value();
      const std::string sh = "http://www.w3.org/ns/shacl#";
      if (component.rfind(sh, 0) == 0) component = component.substr(sh.size());
      const std::string suffix = "ConstraintComponent";
      if (component.size() > suffix.size() &&
          component.compare(component.size() - suffix.size(), suffix.size(), suffix) == 0) {
        component.resize(component.size() - suffix.size());
      }
      out.insert(shorten(r.focus_node) + " " + component + " " +
                 (r.value ? shorten(*r.value) : "-"));
    }
    return out;
  }
};

}  // namespace sextant::shacl_test
