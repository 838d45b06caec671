# Run by ctest when it starts (see catch_discover_pre_test.cmake): asks a
# Catch2 v2 test program for its test cases and writes CTEST_FILE, one ctest
# test per case. In: TEST_EXECUTABLE, TEST_EXECUTOR (the cross emulator,
# a list, maybe empty), TEST_WORKING_DIR, TEST_PREFIX, TEST_PROPERTIES,
# CTEST_FILE.
#
# Catch2's own CatchAddTests.cmake splits a name at ";" (CMake's list
# separator), and several of ours have one, so names stay whole here: each
# is written as a bracket argument, and ";" never meets a list operation.
execute_process(
  COMMAND ${TEST_EXECUTOR} "${TEST_EXECUTABLE}" --list-test-names-only
  OUTPUT_VARIABLE output
  RESULT_VARIABLE result
  WORKING_DIRECTORY "${TEST_WORKING_DIR}")
# Catch2 v2 exits with the number of cases it listed.
if(NOT result MATCHES "^[0-9]+$" OR result EQUAL 0)
  message(FATAL_ERROR "cannot list the test cases of ${TEST_EXECUTABLE}: ${result}\n${output}")
endif()

string(ASCII 30 kSemicolon)
string(REPLACE ";" "${kSemicolon}" output "${output}")
string(REPLACE "\n" ";" lines "${output}")
set(runner "")
foreach(part IN LISTS TEST_EXECUTOR)
  string(APPEND runner " [==[${part}]==]")
endforeach()
list(JOIN TEST_PROPERTIES " " properties)
set(script "")
foreach(line IN LISTS lines)
  if(line STREQUAL "")
    continue()
  endif()
  string(REPLACE "${kSemicolon}" ";" name "${line}")
  # A test spec reads , [ ] and \ itself: escaped, the spec is the name.
  set(spec "${name}")
  foreach(special \\ , [ ])
    string(REPLACE "${special}" "\\${special}" spec "${spec}")
  endforeach()
  # --warn NoTests: a spec that matched no case fails rather than passing empty.
  string(APPEND script "add_test([==[${TEST_PREFIX}${name}]==]${runner} [==[${TEST_EXECUTABLE}]==] [==[${spec}]==] --warn NoTests)\n")
  string(APPEND script "set_tests_properties([==[${TEST_PREFIX}${name}]==] PROPERTIES WORKING_DIRECTORY [==[${TEST_WORKING_DIR}]==] ${properties})\n")
endforeach()
file(WRITE "${CTEST_FILE}" "${script}")
