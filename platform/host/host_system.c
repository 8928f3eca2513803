/* SPDX-License-Identifier: MIT */
/* host_system.c: the host arena carved by core's arena module, with pool and slot set up on it
 * (the layout aleph-sim and the tools share). */
#include "host_system.h"

#include <stdio.h>
#include <string.h>

bool host_system_layout(size_t arena_bytes, const arena_plan_t *plan, arena_layout_t *out,
                        char *err, size_t errlen) {
  arena_status_t st;
  if (!plan) plan = &ARENA_PLAN_SHIPPED;
  if (arena_bytes > 0xFFFFFFFFu) {
    snprintf(err, errlen, "an arena of %zu bytes is over the 4 GiB core can address", arena_bytes);
    return false;
  }
  st = arena_layout((uint32_t)arena_bytes, plan, out);
  if (st == ARENA_OK) return true;
  if (st == ARENA_ERR_TOO_SMALL)
    snprintf(err, errlen,
             "an arena of %zu bytes cannot hold the network tables and the op heap (at least "
             "%u bytes in all; %u with the planned editing headroom)",
             arena_bytes,
             (unsigned)(scene_slot_region_size(&plan->limits) +
                        pool_region_size(plan->heap_min, &plan->pool) + 8u),
             (unsigned)arena_size_for(plan));
  else
    snprintf(err, errlen, "the memory plan cannot be laid out: %s", arena_strerror(st));
  return false;
}

bool host_system_init(host_system_t *sys, size_t arena_bytes, bool virtual_clock,
                      const arena_plan_t *plan, char *err, size_t errlen) {
  arena_status_t st;
  memset(sys, 0, sizeof *sys);
  if (!host_system_layout(arena_bytes, plan, &sys->layout, err, errlen)) return false;
  if (!host_platform_init(&sys->host, arena_bytes, virtual_clock)) {
    snprintf(err, errlen, "cannot allocate an arena of %zu bytes", arena_bytes);
    return false;
  }
  st = arena_init(sys->host.platform.arena, &sys->layout, &sys->host.platform, &sys->pool,
                  &sys->slot);
  if (st != ARENA_OK) {
    snprintf(err, errlen, "%s", arena_strerror(st));
    host_platform_free(&sys->host);
    return false;
  }
  return true;
}

static void report_leak(void *ctx, const pool_block_info_t *b) {
  host_system_t *sys = ctx;
  char line[512];
  if (b->file)
    snprintf(line, sizeof line, "leak: %u bytes (tag %u) allocated at %s:%u, tick %u",
             (unsigned)b->requested, (unsigned)b->tag, b->file, (unsigned)b->line,
             (unsigned)b->tick);
  else
    snprintf(line, sizeof line, "leak: %u bytes (tag %u) at heap byte %u", (unsigned)b->requested,
             (unsigned)b->tag, (unsigned)b->offset);
  platform_log(&sys->host.platform, PLATFORM_LOG_ERROR, line);
}

uint32_t host_system_free(host_system_t *sys) {
  uint32_t leaks = 0;
  if (sys->slot.nets[0]) net_clear(sys->slot.nets[0]);
  if (sys->slot.nets[1]) net_clear(sys->slot.nets[1]);
  sys->slot.nets[0] = sys->slot.nets[1] = NULL;
  if (sys->pool) leaks = pool_foreach_live(sys->pool, report_leak, sys);
  sys->pool = NULL;
  host_platform_free(&sys->host);
  return leaks;
}

net_t *host_system_net(const host_system_t *sys) { return scene_slot_net(&sys->slot); }
