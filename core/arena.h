/* SPDX-License-Identifier: MIT */
/* arena.h: the SDRAM region core receives, carved into the op pool and the scene slot's two net
 * tables, from a data-driven plan. The host and the AVR32 shims both carve through here. */
#ifndef ALEPH_ARENA_H
#define ALEPH_ARENA_H

#include <stdint.h>

#include "net.h"
#include "platform.h"
#include "pool.h"
#include "scene.h"

/* What core needs. heap_bytes is the op heap that every scene of the corpus can replace every
 * other in (the old and the new scene live at once during a switch), plus editing headroom;
 * heap_min is the same without the headroom: the least an arena may give before loading stops
 * being safe. Both come from the corpus (arena_plan.c, checked by the test memory_corpus). */
typedef struct {
  uint32_t heap_bytes;
  uint32_t heap_min;
  net_limits_t limits;   /* every net's (bees' scene format limits) */
  pool_config_t pool;
} arena_plan_t;

/* The plan that ships for this build's word size: 32-bit builds (the AVR32) get the figures
 * planned at 32-bit sizes, 64-bit hosts those planned at theirs. */
extern const arena_plan_t ARENA_PLAN_SHIPPED;

/* Where each part goes. Offsets from the arena's start, 8-byte aligned. */
typedef struct {
  uint32_t arena_bytes;
  arena_plan_t plan;      /* as laid out: heap_bytes is less than planned if the arena is small */
  uint32_t pool_offset, pool_bytes; /* the pool's region: control block and heap */
  uint32_t net_offset, net_bytes;   /* both nets' tables (scene_slot_region_size) */
  uint32_t used_bytes;    /* what core takes; the rest of the arena is not core's */
  uint32_t spare_bytes;
  bool reduced;           /* the arena could not hold the planned heap: headroom is short */
} arena_layout_t;

typedef enum {
  ARENA_OK = 0,
  ARENA_ERR_NULL,        /* a required pointer was NULL */
  ARENA_ERR_BAD_PLAN,    /* limits or pool configuration unusable, or heap_min over heap_bytes */
  ARENA_ERR_TOO_SMALL,   /* the arena cannot hold the net tables and heap_min */
  ARENA_ERR_MISALIGNED,  /* the arena is not 8-byte aligned */
  ARENA_ERR_POOL,        /* pool_init refused the region */
  ARENA_ERR_NET          /* scene_slot_init refused the region */
} arena_status_t;

/* Bytes core takes under plan with nothing short (the AVR32 shim asks SDRAM for this much). */
uint32_t arena_size_for(const arena_plan_t *plan);

/* Carves an arena of arena_bytes: the pool region first (the planned heap, or what the arena
 * leaves beside the tables if that is less, down to heap_min), then the two nets' tables. */
arena_status_t arena_layout(uint32_t arena_bytes, const arena_plan_t *plan, arena_layout_t *out);

/* Lays the pool and the scene slot out in arena as l says. platform may be NULL. */
arena_status_t arena_init(void *arena, const arena_layout_t *l, const platform_t *platform,
                          pool_t **pool, scene_slot_t *slot);

const char *arena_strerror(arena_status_t status);

#endif
