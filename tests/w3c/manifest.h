// Reading W3C test manifests (Turtle, with our own parser) into TestCases.
#pragma once

#include <string>
#include <vector>

#include "sextant/status.h"
#include "w3c.h"

namespace sextant::w3c {

// Reads the manifest at `path` and, recursively, every manifest it mf:includes; appends the
// mf:entries tests in manifest order. Test and action IRIs use the manifest's
// mf:assumedTestBase when it declares one (the IRIs the specs expect), otherwise file:// IRIs.
// A ".jsonld" manifest (the JSON-LD suites) is read by LoadJsonLdManifest.
Status LoadManifest(const std::string& path, std::vector<TestCase>* tests);
Status LoadJsonLdManifest(const std::string& path, std::vector<TestCase>* tests);

}  // namespace sextant::w3c
