/* host_system.h: a whole core on a PC: the host arena carved into the op pool region and the
 * scene slot's two net tables, with pool and slot laid out on them (for aleph-sim and tools). */
#ifndef ALEPH_HOST_SYSTEM_H
#define ALEPH_HOST_SYSTEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "host_platform.h"
#include "net.h"
#include "pool.h"
#include "pool_plan.h"
#include "scene.h"

/* Where each part of the arena goes. Offsets are from the arena's start, 8-byte aligned. */
typedef struct {
  uint32_t arena_bytes;
  pool_plan_t plan;      /* the op pools */
  net_limits_t limits;   /* the net's capacities, from the plan */
  uint32_t pool_offset, pool_bytes;
  uint32_t net_offset, net_bytes; /* both nets of the scene slot (scene_slot_region_size) */
  uint32_t spare_bytes;  /* left over after both regions */
} host_carve_t;

/* Plans the carving of an arena of arena_bytes with split's proportions (NULL: bees 0.8's).
 * The pools get split->ops_permille of the arena (pool_plan_for_arena); the tables of the scene
 * slot's two nets are sized from that plan (net_limits_for_plan, scene_slot_region_size: a
 * scene is decoded into the spare net while the running one stays intact) and placed after the
 * pools. If the rest of the arena cannot hold the tables, the pools shrink to make room.
 * Returns false with a sentence in err (errlen bytes) if even that is impossible. */
bool host_carve_arena(uint32_t arena_bytes, const pool_split_t *split, host_carve_t *out,
                      char *err, size_t errlen);

/* Carves with a given pool plan (e.g. a recommended one, aleph-sim --pool-plan) instead of a
 * split: the plan must be valid and fit beside the nets' tables. false with a sentence in err. */
bool host_carve_plan(uint32_t arena_bytes, const pool_plan_t *plan, host_carve_t *out, char *err,
                     size_t errlen);

typedef struct {
  host_platform_t host;  /* arena, clock, log, fault counter */
  host_carve_t carve;
  pool_t *pool;
  scene_slot_t slot;     /* the running net (empty at first) and the spare scenes load into */
} host_system_t;

/* Allocates the arena (host_platform_init), carves it and initialises the pool and the slot.
 * Returns false with a sentence in err; nothing is left allocated then. */
bool host_system_init(host_system_t *sys, size_t arena_bytes, bool virtual_clock, char *err,
                      size_t errlen);
/* As host_system_init, with the pools laid out by plan (NULL: the default carving). */
bool host_system_init_plan(host_system_t *sys, size_t arena_bytes, bool virtual_clock,
                           const pool_plan_t *plan, char *err, size_t errlen);
/* Clears both nets (returning their op memory) and frees the arena. */
void host_system_free(host_system_t *sys);
/* The running net (scene_slot_net). */
net_t *host_system_net(const host_system_t *sys);

#endif
