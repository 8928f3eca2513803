/* SPDX-License-Identifier: MIT */
/* fuzz_profile.c: the heap usage profile reader (lib/profile_read.c, what aleph-profile reads)
 * on arbitrary text. A profile that reads must be self-consistent: every allocation has both
 * sizes above 0, every free names an earlier allocation once, the peaks agree, and the planner
 * plans a small one without trouble. What was read is freed (LeakSanitizer checks the rest). */
#include <stdio.h>
#include <stdlib.h>

#include "pool_planner.h"
#include "profile_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_require.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  profile_t p;
  char err[1024];
  uint32_t i;
  err[0] = '\0';
  if (!profile_read_text(&p, (const char *)data, size, "fuzz", err, sizeof err)) {
    FUZZ_REQUIRE(err[0] != '\0');
    FUZZ_REQUIRE(p.avr32 == NULL && p.host == NULL && p.samples == NULL);
    return 0;
  }
  FUZZ_REQUIRE(p.live_peak <= p.nev && p.fails <= p.nev);
  FUZZ_REQUIRE(p.requested_at_peak <= p.handed_peak);
  for (i = 0; i < p.nev; i++) {
    FUZZ_REQUIRE(p.avr32[i].ref == p.host[i].ref);
    if (p.host[i].ref < 0) {
      FUZZ_REQUIRE(p.avr32[i].size > 0 && p.host[i].size > 0);
    } else { /* a free names an earlier allocation of the trace, freed once */
      uint32_t j;
      FUZZ_REQUIRE((uint32_t)p.host[i].ref < i && p.host[p.host[i].ref].ref < 0);
      for (j = p.host[i].ref + 1u; j < i; j++) FUZZ_REQUIRE(p.host[j].ref != p.host[i].ref);
    }
  }
  {
    /* the planner takes what the reader gives (a small trace: the replays stay quick) */
    planner_trace_t t = {p.avr32, p.nev};
    planner_params_t pp = {{4, 0, 0}, 64};
    planner_result_t r;
    uint32_t sb = p.nev <= 64 ? planner_scratch_size(&t, 1, &pp) : 0;
    void *scratch = sb && sb <= (4u << 20) ? malloc(sb) : NULL;
    if (scratch) {
      planner_status_t st = planner_plan(&t, 1, &pp, scratch, sb, &r);
      FUZZ_REQUIRE(st == PLANNER_OK || st == PLANNER_ERR_EMPTY);
      if (st == PLANNER_OK) FUZZ_REQUIRE(r.heap_min <= r.heap_bytes);
    }
    free(scratch);
  }
  profile_free(&p);
  return 0;
}
