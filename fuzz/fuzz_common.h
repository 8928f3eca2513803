/* SPDX-License-Identifier: MIT */
/* fuzz_common.h: what the fuzz targets share: a world (arena, debug pools, a scene slot with a
 * screen attached) built once per process, and the checks every input ends with. A problem is
 * an abort() with a line on stderr, which libFuzzer reports as a crash and saves the input. */
#ifndef ALEPH_FUZZ_COMMON_H
#define ALEPH_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "net.h"
#include "net_devices.h"
#include "pool.h"
#include "scene.h"
#include "screen.h"

typedef struct {
  void *arena;
  pool_t *pool;
  scene_slot_t slot;
  platform_t platform;
  screen_t screen;
  uint32_t faults;
} fuzz_world_t;

static inline void fuzz_fault(void *ctx, const char *what) {
  fuzz_world_t *w = ctx;
  w->faults++;
  fprintf(stderr, "core fault: %s\n", what);
}

#include "fuzz_require.h"

/* Pools that hold two of the real scenes at once (256 x 128 B small blocks, 256 x 1 KiB big
 * blocks, four times what the largest needs; pool_check scans every byte of it, which was most
 * of each input's time with 768 big blocks; a scene of many big ops fails with
 * SCENE_ERR_NO_MEMORY, a path worth fuzzing too), bees 0.8.1's limits. */
static inline fuzz_world_t *fuzz_world(void) {
  static fuzz_world_t *w;
  static const pool_plan_t plan = {128, 256, 1024, 256};
  uint32_t psize, ssize;
  if (w) return w;
  w = calloc(1, sizeof *w);
  psize = pool_region_size(&plan);
  ssize = scene_slot_region_size(&NET_LIMITS_BEES08);
  w->arena = aligned_alloc(8, ((size_t)psize + ssize + 7u) & ~(size_t)7u);
  w->platform.fault = fuzz_fault;
  w->platform.ctx = w;
  FUZZ_REQUIRE(pool_init(w->arena, psize, &plan, &w->platform, &w->pool) == POOL_OK);
  FUZZ_REQUIRE(scene_slot_init(&w->slot, (uint8_t *)w->arena + psize, ssize, &NET_LIMITS_BEES08,
                               w->pool, &w->platform) == NET_OK);
  screen_init(&w->screen);
  net_attach_screen(scene_slot_net(&w->slot), &w->screen);
  return w;
}

/* Every input ends here: both nets consistent, then emptied, and the pools hold nothing, with
 * every canary and poison intact and no fault reported. */
static inline void fuzz_world_end(fuzz_world_t *w) {
  FUZZ_REQUIRE(net_check(scene_slot_net(&w->slot)) == NET_OK);
  net_clear(scene_slot_net(&w->slot));
  scene_slot_discard(&w->slot);
  FUZZ_REQUIRE(pool_foreach_live(w->pool, 0, 0) == 0);
  FUZZ_REQUIRE(pool_check(w->pool, 0) == POOL_OK);
  FUZZ_REQUIRE(w->faults == 0);
}

#endif
