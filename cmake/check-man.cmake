# SPDX-License-Identifier: MIT
# Checks that a manual page names every long option its program's --help names, so the page
# cannot fall behind the program.
# cmake -DPROGRAM=<path> -DMAN=<page.1> -P check-man.cmake
execute_process(COMMAND ${PROGRAM} --help RESULT_VARIABLE rc OUTPUT_VARIABLE help)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} --help exited ${rc}")
endif()
file(READ ${MAN} page)
string(REPLACE "\\-" "-" page "${page}")
string(REGEX MATCHALL "--[a-z][a-z-]*[a-z]" options "${help}")
list(REMOVE_DUPLICATES options)
set(missing "")
foreach(o ${options})
  string(FIND "${page}" "${o}" at)
  if(at EQUAL -1)
    list(APPEND missing ${o})
  endif()
endforeach()
if(missing)
  message(FATAL_ERROR "${MAN} does not describe ${missing} (from ${PROGRAM} --help)")
endif()
list(LENGTH options n)
message(STATUS "${MAN}: all ${n} options of --help described")
