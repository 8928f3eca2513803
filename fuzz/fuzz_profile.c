/* SPDX-License-Identifier: MIT */
/* fuzz_profile.c: the pool usage profile reader (lib/profile_read.c, what aleph-profile reads)
 * on arbitrary text. A profile that reads must be self-consistent: every event has both sizes
 * above 0, the recorded peaks do not exceed the run's plan's blocks by more than the events
 * allow, and the planner can evaluate it against bees 0.8's plan without trouble. What was
 * read is freed (LeakSanitizer checks the rest). */
#include <stdio.h>
#include <stdlib.h>

#include "pool_planner.h"
#include "profile_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_require.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const pool_plan_t bees = {128u, 256u, 16384u, 8u};
  profile_t p;
  char err[1024];
  uint32_t i;
  err[0] = '\0';
  if (!profile_read_text(&p, (const char *)data, size, "fuzz", err, sizeof err)) {
    FUZZ_REQUIRE(err[0] != '\0');
    FUZZ_REQUIRE(p.avr32 == NULL && p.host == NULL && p.samples == NULL);
    return 0;
  }
  FUZZ_REQUIRE(p.plan.big_block_size > 0);
  FUZZ_REQUIRE(p.live_peak <= p.nev && p.fails <= p.nev);
  for (i = 0; i < p.nev; i++) {
    FUZZ_REQUIRE(p.avr32[i].size > 0 && p.host[i].size > 0);
    FUZZ_REQUIRE(p.avr32[i].delta == p.host[i].delta);
  }
  {
    planner_trace_t t = {p.avr32, p.nev};
    planner_result_t r;
    uint32_t fails = 0, spills = 0;
    planner_evaluate(&t, 1, &bees, &r, &fails, &spills);
  }
  profile_free(&p);
  return 0;
}
