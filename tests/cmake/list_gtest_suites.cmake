# Script mode (cmake -P), run after each build of a test binary by sextant_gtest_suites: lists
# the binary's tests and writes one add_test per test suite into ${out}, and their names into
# the variable suite_tests. Inputs: exe, out, filter (a --gtest_filter, may be empty), prefix.
set(list_args --gtest_list_tests)
if(filter)
  list(APPEND list_args "--gtest_filter=${filter}")
endif()
execute_process(COMMAND "${exe}" ${list_args} OUTPUT_VARIABLE listing RESULT_VARIABLE rc
                TIMEOUT 60)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${exe} --gtest_list_tests failed (${rc}):\n${listing}")
endif()

# The listing: "Suite." lines, each followed by "  Test" lines ("  # GetParam() = ..." after a
# parameterised test's name).
string(REPLACE ";" "" listing "${listing}")
string(REPLACE "\n" ";" lines "${listing}")
set(suites "")
set(suite "")
foreach(line IN LISTS lines)
  if(line MATCHES "^([^ #][^ ]*)\\.")
    set(suite "${CMAKE_MATCH_1}")
    list(APPEND suites "${suite}")
    set("tests_${suite}" "")
  elseif(suite AND line MATCHES "^  ([^ ]+)")
    list(APPEND "tests_${suite}" "${suite}.${CMAKE_MATCH_1}")
  endif()
endforeach()

set(script "set(suite_tests)\n")
foreach(suite IN LISTS suites)
  if(filter)
    # Only the tests the filter selected: name them.
    string(REPLACE ";" ":" selected "${tests_${suite}}")
  else()
    set(selected "${suite}.*")
  endif()
  set(name "${prefix}${suite}")
  string(APPEND script "add_test([=[${name}]=] [=[${exe}]=] [=[--gtest_filter=${selected}]=])\n")
  string(APPEND script "list(APPEND suite_tests [=[${name}]=])\n")
endforeach()
file(WRITE "${out}" "${script}")
