/* host_system.c: carves the host arena into the pool region and the scene slot's net tables and
 * sets both up (the layout aleph-sim and the tools share). */
#include "host_system.h"

#include <stdio.h>
#include <string.h>

static uint32_t align8(uint32_t v) { return (v + 7u) & ~7u; }

/* Fills out from plan; true if pools and tables fit in arena_bytes. */
static bool layout(uint32_t arena_bytes, const pool_plan_t *plan, host_carve_t *out) {
  uint64_t end;
  memset(out, 0, sizeof *out);
  out->arena_bytes = arena_bytes;
  out->plan = *plan;
  net_limits_for_plan(plan, &out->limits);
  out->pool_offset = 0;
  out->pool_bytes = pool_region_size(plan);
  out->net_offset = align8(out->pool_bytes);
  out->net_bytes = scene_slot_region_size(&out->limits);
  if (out->pool_bytes == 0 || out->net_bytes == 0) return false;
  end = (uint64_t)out->net_offset + out->net_bytes;
  if (end > arena_bytes) return false;
  out->spare_bytes = (uint32_t)(arena_bytes - end);
  return true;
}

bool host_carve_arena(uint32_t arena_bytes, const pool_split_t *split, host_carve_t *out,
                      char *err, size_t errlen) {
  pool_plan_t plan;
  pool_split_t all;
  pool_plan_status_t ps;
  host_carve_t first;
  memset(&first, 0, sizeof first);
  if (!split) split = &POOL_SPLIT_BEES08;
  ps = pool_plan_for_arena(arena_bytes, split, &plan);
  if (ps == POOL_PLAN_OK && layout(arena_bytes, &plan, out)) return true;
  /* The tables did not fit beside the pools: give the pools what the tables leave. */
  if (ps == POOL_PLAN_OK) {
    first = *out;
    all = *split;
    all.ops_permille = 1000u;
    if (first.net_bytes + 8u < arena_bytes &&
        pool_plan_for_arena(arena_bytes - first.net_bytes - 8u, &all, &plan) == POOL_PLAN_OK &&
        layout(arena_bytes, &plan, out))
      return true;
  }
  if (ps == POOL_PLAN_OK)
    snprintf(err, errlen,
             "an arena of %u bytes cannot hold the op pools beside the nets' tables, which alone "
             "take %u bytes; give --arena-size 2M or more",
             (unsigned)arena_bytes, (unsigned)first.net_bytes);
  else
    snprintf(err, errlen, "an arena of %u bytes cannot hold the op pools: %s",
             (unsigned)arena_bytes, pool_plan_strerror(ps));
  return false;
}

bool host_carve_plan(uint32_t arena_bytes, const pool_plan_t *plan, host_carve_t *out, char *err,
                     size_t errlen) {
  if (pool_plan_validate(plan) != POOL_PLAN_OK || pool_region_size(plan) == 0) {
    snprintf(err, errlen, "the pool plan is not usable: %s",
             pool_plan_validate(plan) != POOL_PLAN_OK ? pool_plan_strerror(pool_plan_validate(plan))
                                                      : "its region does not fit 32 bits");
    return false;
  }
  if (layout(arena_bytes, plan, out)) return true;
  snprintf(err, errlen,
           "an arena of %u bytes cannot hold the pool plan (%u bytes) beside the nets' tables "
           "(%u bytes)",
           (unsigned)arena_bytes, (unsigned)out->pool_bytes, (unsigned)out->net_bytes);
  return false;
}

bool host_system_init(host_system_t *sys, size_t arena_bytes, bool virtual_clock, char *err,
                      size_t errlen) {
  return host_system_init_plan(sys, arena_bytes, virtual_clock, NULL, err, errlen);
}

bool host_system_init_plan(host_system_t *sys, size_t arena_bytes, bool virtual_clock,
                           const pool_plan_t *plan, char *err, size_t errlen) {
  uint8_t *base;
  pool_status_t pst;
  net_status_t nst;
  memset(sys, 0, sizeof *sys);
  if (arena_bytes > 0xFFFFFFFFu) {
    snprintf(err, errlen, "an arena of %zu bytes is over the 4 GiB core can address", arena_bytes);
    return false;
  }
  if (plan ? !host_carve_plan((uint32_t)arena_bytes, plan, &sys->carve, err, errlen)
           : !host_carve_arena((uint32_t)arena_bytes, NULL, &sys->carve, err, errlen))
    return false;
  if (!host_platform_init(&sys->host, arena_bytes, virtual_clock)) {
    snprintf(err, errlen, "cannot allocate an arena of %zu bytes", arena_bytes);
    return false;
  }
  base = sys->host.platform.arena;
  pst = pool_init(base + sys->carve.pool_offset, sys->carve.pool_bytes, &sys->carve.plan,
                  &sys->host.platform, &sys->pool);
  if (pst != POOL_OK) {
    snprintf(err, errlen, "pool: %s", pool_strerror(pst));
    host_platform_free(&sys->host);
    return false;
  }
  nst = scene_slot_init(&sys->slot, base + sys->carve.net_offset, sys->carve.net_bytes,
                        &sys->carve.limits, sys->pool, &sys->host.platform);
  if (nst != NET_OK) {
    snprintf(err, errlen, "net: %s", net_strerror(nst));
    host_platform_free(&sys->host);
    return false;
  }
  return true;
}

void host_system_free(host_system_t *sys) {
  if (sys->slot.nets[0]) net_clear(sys->slot.nets[0]);
  if (sys->slot.nets[1]) net_clear(sys->slot.nets[1]);
  sys->slot.nets[0] = sys->slot.nets[1] = NULL;
  sys->pool = NULL;
  host_platform_free(&sys->host);
}

net_t *host_system_net(const host_system_t *sys) { return scene_slot_net(&sys->slot); }
