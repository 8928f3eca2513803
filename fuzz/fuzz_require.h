/* SPDX-License-Identifier: MIT */
/* fuzz_require.h: the fuzz targets' check: a failed condition is reported and aborts, which
 * libFuzzer records as a crash and the CTest replay (tests/fuzz_replay.c) as a failure. */
#ifndef ALEPH_FUZZ_REQUIRE_H
#define ALEPH_FUZZ_REQUIRE_H

#include <stdio.h>
#include <stdlib.h>

#define FUZZ_REQUIRE(cond)                                                   \
  do {                                                                       \
    if (!(cond)) {                                                           \
      fprintf(stderr, "%s:%d: FUZZ_REQUIRE failed: %s\n", __FILE__, __LINE__, #cond); \
      abort();                                                               \
    }                                                                        \
  } while (0)

#endif
