/* SPDX-License-Identifier: MIT */
/* fuzz_common.h: what the fuzz targets share: a world (arena, debug pools, a scene slot with a
 * screen attached) built once per process, and the checks every input ends with. A problem is
 * an abort() with a line on stderr, which libFuzzer reports as a crash and saves the input. */
#ifndef ALEPH_FUZZ_COMMON_H
#define ALEPH_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "arena.h"
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

/* The memory that ships (ARENA_PLAN_SHIPPED: the real scenes each replace each other in it; a
 * scene of many big ops fails with SCENE_ERR_NO_MEMORY, a path worth fuzzing too; pool_check
 * scans every byte of it, so it stays small), bees 0.8.1's limits. */
static inline fuzz_world_t *fuzz_world(void) {
  static fuzz_world_t *w;
  arena_layout_t l;
  if (w) return w;
  w = calloc(1, sizeof *w);
  FUZZ_REQUIRE(arena_layout(arena_size_for(&ARENA_PLAN_SHIPPED), &ARENA_PLAN_SHIPPED, &l) ==
               ARENA_OK);
  w->arena = aligned_alloc(8, ((size_t)l.used_bytes + 7u) & ~(size_t)7u);
  w->platform.fault = fuzz_fault;
  w->platform.ctx = w;
  FUZZ_REQUIRE(arena_init(w->arena, &l, &w->platform, &w->pool, &w->slot) == ARENA_OK);
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
