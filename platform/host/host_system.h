/* SPDX-License-Identifier: MIT */
/* host_system.h: a whole core on a PC: the host arena (simulated SDRAM) carved by core's arena
 * module into the op pool and the scene slot's two net tables (for aleph-sim and the tools). */
#ifndef ALEPH_HOST_SYSTEM_H
#define ALEPH_HOST_SYSTEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "host_platform.h"
#include "net.h"
#include "pool.h"
#include "scene.h"

typedef struct {
  host_platform_t host;  /* arena, clock, log, fault counter */
  arena_layout_t layout; /* where the pool and the nets' tables are */
  pool_t *pool;
  scene_slot_t slot;     /* the running net (empty at first) and the spare scenes load into */
} host_system_t;

/* Carves an arena of arena_bytes with plan (NULL: the shipped plan). false with a sentence in
 * err (errlen bytes) if it cannot. */
bool host_system_layout(size_t arena_bytes, const arena_plan_t *plan, arena_layout_t *out,
                        char *err, size_t errlen);

/* Allocates the arena (host_platform_init), carves it with plan (NULL: ARENA_PLAN_SHIPPED) and
 * initialises the pool and the slot. Returns false with a sentence in err; nothing is left
 * allocated then. */
bool host_system_init(host_system_t *sys, size_t arena_bytes, bool virtual_clock,
                      const arena_plan_t *plan, char *err, size_t errlen);
/* Clears both nets (returning their memory), reports what is still allocated then (a leak: with
 * the file and line that asked for it in debug builds) through the platform's log, and frees the
 * arena. Returns the number of leaked allocations. */
uint32_t host_system_free(host_system_t *sys);
/* The running net (scene_slot_net). */
net_t *host_system_net(const host_system_t *sys);

#endif
