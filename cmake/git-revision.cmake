# SPDX-License-Identifier: MIT
# Configures the version header from IN into OUT: ALEPH_VERSION (VERSION) and the git revision of
# the source tree SRC (REVISION if not empty; else `git rev-parse`, "-dirty" with uncommitted
# changes to tracked files; "unknown" outside a git checkout). Run at every build (lib/);
# configure_file rewrites OUT only when its text changes, so only a new revision recompiles.
# cmake -DIN=<template> -DOUT=<header> -DVERSION=<x.y.z> -DSRC=<source dir> [-DREVISION=<rev>]
#       -P git-revision.cmake
set(ALEPH_VERSION "${VERSION}")
set(ALEPH_GIT_REVISION "${REVISION}")
if(ALEPH_GIT_REVISION STREQUAL "")
  set(ALEPH_GIT_REVISION unknown)
  find_program(GIT git)
  if(GIT)
    execute_process(COMMAND ${GIT} -C ${SRC} rev-parse --short=12 HEAD
                    OUTPUT_VARIABLE rev RESULT_VARIABLE rc ERROR_QUIET
                    OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(rc EQUAL 0 AND NOT rev STREQUAL "")
      set(ALEPH_GIT_REVISION ${rev})
      execute_process(COMMAND ${GIT} -C ${SRC} status --porcelain --untracked-files=no
                      OUTPUT_VARIABLE changes RESULT_VARIABLE rc ERROR_QUIET)
      if(rc EQUAL 0 AND NOT changes STREQUAL "")
        string(APPEND ALEPH_GIT_REVISION -dirty)
      endif()
    endif()
  endif()
endif()
configure_file(${IN} ${OUT} @ONLY)
