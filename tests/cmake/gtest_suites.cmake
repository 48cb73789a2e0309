# sextant_gtest_suites(TARGET [FILTER gtest-filter] [PREFIX p] [PROPERTIES ...]): one ctest entry
# per GoogleTest test suite of TARGET, instead of gtest_discover_tests' one per test.
#
# Why: a test process pays the binary's start (a few hundred milliseconds under the sanitizers)
# and its suite's SetUpTestSuite (the dataset questions load two datasets, the golden queries a
# store) once per entry. With one entry per test that was over 100 s of the sanitizer stage's
# CPU. The suites still run in parallel, and a failure still names its test in the output.
#
# The entries are listed after each build (the binary's --gtest_list_tests), as
# gtest_discover_tests does, by tests/cmake/list_gtest_suites.cmake.
function(sextant_gtest_suites target)
  cmake_parse_arguments(arg "" "FILTER;PREFIX" "PROPERTIES" ${ARGN})
  if(NOT arg_PREFIX)
    set(arg_PREFIX "${target}.")
  endif()
  set(list_file "${CMAKE_CURRENT_BINARY_DIR}/${target}_suites.cmake")
  if(arg_FILTER)
    string(MD5 filter_hash "${arg_FILTER}")
    set(list_file "${CMAKE_CURRENT_BINARY_DIR}/${target}_suites_${filter_hash}.cmake")
  endif()
  add_custom_command(
    TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_COMMAND} "-Dexe=$<TARGET_FILE:${target}>" "-Dout=${list_file}"
            "-Dfilter=${arg_FILTER}" "-Dprefix=${arg_PREFIX}"
            -P ${PROJECT_SOURCE_DIR}/tests/cmake/list_gtest_suites.cmake
    BYPRODUCTS ${list_file}
    VERBATIM)
  # ctest reads the entries at test time (the list file sets suite_tests to their names); before
  # the first build it reports the binary as not built.
  set(props "SKIP_RETURN_CODE 77")
  foreach(prop IN LISTS arg_PROPERTIES)
    string(APPEND props " [=[${prop}]=]")
  endforeach()
  file(WRITE "${list_file}.include"
       "if(EXISTS \"${list_file}\")\n"
       "  include(\"${list_file}\")\n"
       "  if(suite_tests)\n"
       "    set_tests_properties(\${suite_tests} PROPERTIES ${props})\n"
       "  endif()\n"
       "else()\n"
       "  add_test(${arg_PREFIX}NOT_BUILT ${arg_PREFIX}NOT_BUILT)\n"
       "endif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${list_file}.include")
endfunction()
