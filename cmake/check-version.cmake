# SPDX-License-Identifier: MIT
# Runs PROGRAM --version and checks it exits 0 printing one line "NAME VERSION (git REV)", REV a
# revision (hex, maybe -dirty) or "unknown".
# cmake -DPROGRAM=<path> -DNAME=<name> -DVERSION=<x.y.z> -P check-version.cmake
execute_process(COMMAND ${PROGRAM} --version RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${NAME} --version exited ${rc}: ${err}")
endif()
string(REPLACE "." "\\." v "${VERSION}")
if(NOT out MATCHES "^${NAME} ${v} \\(git ([0-9a-f]+(-dirty)?|unknown)\\)\n$")
  message(FATAL_ERROR "${NAME} --version printed '${out}', not '${NAME} ${VERSION} (git REV)'")
endif()
message(STATUS "${out}")
