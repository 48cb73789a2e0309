# The W3C SPARQL syntax suites (query, update, federation) on the runner. Included from
# tests/w3c/CMakeLists.txt after w3c_runner is defined: links the parser and switches on
# sparql_syntax_suite.cpp.
target_link_libraries(w3c_runner PRIVATE sextant_grammar)
target_compile_definitions(w3c_runner PRIVATE SEXTANT_W3C_SPARQL_SYNTAX=1)

set(W3C_SPARQL11_DIR ${SEXTANT_SHARED_DIR}/w3c-rdf-tests/sparql/sparql11)
foreach(suite syntax-query syntax-update-1 syntax-update-2 syntax-fed)
  add_test(NAME w3c_sparql11_${suite}
           COMMAND w3c_runner ${W3C_SPARQL11_DIR}/${suite}/manifest.ttl)
  set_tests_properties(w3c_sparql11_${suite} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600 LABELS w3c)
endforeach()

# SPARQL 1.2 (syntax and evaluation), with the failures listed and explained in
# known_failures_sparql12.txt.
set(W3C_SPARQL12_DIR ${SEXTANT_SHARED_DIR}/w3c-rdf-tests/sparql/sparql12)
set(W3C_SPARQL12_KNOWN_FAILURES ${CMAKE_CURRENT_SOURCE_DIR}/known_failures_sparql12.txt)
foreach(suite syntax syntax-triple-terms-positive syntax-triple-terms-negative version
        codepoint-escapes eval-triple-terms expression grouping lang-basedir rdf11)
  add_test(NAME w3c_sparql12_${suite}
           COMMAND w3c_runner --known-failures ${W3C_SPARQL12_KNOWN_FAILURES}
                   ${W3C_SPARQL12_DIR}/${suite}/manifest.ttl)
  set_tests_properties(w3c_sparql12_${suite} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600 LABELS w3c)
endforeach()
