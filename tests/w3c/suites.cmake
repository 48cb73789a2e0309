# ctest entries for the W3C suites. The runner exits 77 when the shared data is absent, and every
# suite entry declares 77 its SKIP_RETURN_CODE, so a missing suite shows as skipped, not passed.
set(W3C_RDF11_DIR ${SEXTANT_SHARED_DIR}/w3c-rdf-tests/rdf/rdf11)
set(W3C_KNOWN_FAILURES ${CMAKE_CURRENT_SOURCE_DIR}/known_failures.txt)

foreach(suite rdf-n-triples rdf-n-quads rdf-turtle rdf-trig rdf-xml)
  add_test(NAME w3c_${suite}
           COMMAND w3c_runner --known-failures ${W3C_KNOWN_FAILURES} ${W3C_RDF11_DIR}/${suite}/manifest.ttl)
  set_tests_properties(w3c_${suite} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600 LABELS w3c)
endforeach()

# RDF 1.2: each manifest includes its RDF 1.1 suite, so these run both.
set(W3C_RDF12_DIR ${SEXTANT_SHARED_DIR}/w3c-rdf-tests/rdf/rdf12)
foreach(suite rdf-n-triples rdf-n-quads rdf-turtle rdf-trig rdf-xml)
  add_test(NAME w3c_rdf12_${suite}
           COMMAND w3c_runner --known-failures ${W3C_KNOWN_FAILURES} ${W3C_RDF12_DIR}/${suite}/manifest.ttl)
  set_tests_properties(w3c_rdf12_${suite} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600 LABELS w3c)
endforeach()

# SPARQL 1.1 query evaluation suites that SPARQL query support is held to.
set(W3C_SPARQL_KNOWN_FAILURES ${CMAKE_CURRENT_SOURCE_DIR}/known_failures_sparql.txt)
foreach(suite aggregates bind bindings cast construct csv-tsv-res exists functions grouping json-res negation
        project-expression property-path service subquery)
  add_test(NAME w3c_sparql11_eval_${suite}
           COMMAND w3c_runner --known-failures ${W3C_SPARQL_KNOWN_FAILURES}
                   ${SEXTANT_SHARED_DIR}/w3c-rdf-tests/sparql/sparql11/${suite}/manifest.ttl)
  set_tests_properties(w3c_sparql11_eval_${suite} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600 LABELS w3c)
endforeach()

# SPARQL 1.1 Update evaluation suites that SPARQL Update support is held to.
foreach(suite add basic-update clear copy delete-data delete-insert delete-where delete drop move update-silent)
  add_test(NAME w3c_sparql11_update_${suite}
           COMMAND w3c_runner --known-failures ${W3C_SPARQL_KNOWN_FAILURES}
                   ${SEXTANT_SHARED_DIR}/w3c-rdf-tests/sparql/sparql11/${suite}/manifest.ttl)
  set_tests_properties(w3c_sparql11_update_${suite} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600 LABELS w3c)
endforeach()

# The runner's own tests (selftest/): Turtle and RDF/XML result sets in rs:index order,
# REDUCED, FROM / FROM NAMED datasets, the standard default graph. The must-fail twins have
# wrong expected answers and must fail in the comparison, not earlier.
set(W3C_SELFTEST_DIR ${CMAKE_CURRENT_SOURCE_DIR}/selftest)
add_test(NAME w3c_runner_selftest COMMAND w3c_runner ${W3C_SELFTEST_DIR}/manifest.ttl)
add_test(NAME w3c_runner_selftest_must_fail
         COMMAND w3c_runner --known-failures ${W3C_SELFTEST_DIR}/must-fail.txt
                 ${W3C_SELFTEST_DIR}/manifest-must-fail.ttl)
set_tests_properties(w3c_runner_selftest w3c_runner_selftest_must_fail PROPERTIES LABELS w3c)
set_tests_properties(w3c_runner_selftest_must_fail PROPERTIES
                     FAIL_REGULAR_EXPRESSION "XPASS;#[a-z-]+: (no |query failed|loading|reading|[A-Z])")

# SHACL Core and SHACL-SPARQL (the shapes issue): one entry per folder of the core and sparql
# manifests (each test opens a store: 120 in one run outlast a sanitizer build's timeout).
set(W3C_SHACL_DIR ${SEXTANT_SHARED_DIR}/w3c-shacl-tests/tests)
foreach(suite core/complex core/misc core/node core/path core/property core/targets
        core/validation-reports sparql/component sparql/node sparql/pre-binding sparql/property)
  string(REPLACE "/" "_" name ${suite})
  add_test(NAME w3c_shacl_${name}
           COMMAND w3c_runner --known-failures ${CMAKE_CURRENT_SOURCE_DIR}/known_failures_shacl.txt
                   ${W3C_SHACL_DIR}/${suite}/manifest.ttl)
  set_tests_properties(w3c_shacl_${name} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600 LABELS w3c)
endforeach()

# With a suite absent the runner says so and exits 77, which the SKIP_RETURN_CODE of every suite
# entry above turns into "skipped" (never "passed"); this entry holds the runner to that.
add_test(NAME w3c_runner_missing_suite_is_a_skip
         COMMAND sh -c "\"$0\" \"$1\"; test $? -eq 77" $<TARGET_FILE:w3c_runner>
                 ${CMAKE_CURRENT_BINARY_DIR}/no-such-suite/manifest.ttl)
set_tests_properties(w3c_runner_missing_suite_is_a_skip PROPERTIES LABELS w3c)

# JSON-LD 1.1 API suites: toRdf, expand and fromRdf (their remote documents are read from the
# suite's folder through the context URL mapping).
set(W3C_JSONLD_KNOWN_FAILURES ${CMAKE_CURRENT_SOURCE_DIR}/known_failures_jsonld.txt)
foreach(suite toRdf expand fromRdf)
  add_test(NAME w3c_jsonld_${suite}
           COMMAND w3c_runner --known-failures ${W3C_JSONLD_KNOWN_FAILURES}
                   ${SEXTANT_SHARED_DIR}/w3c-jsonld-tests/${suite}-manifest.jsonld)
  set_tests_properties(w3c_jsonld_${suite} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600 LABELS w3c)
endforeach()
