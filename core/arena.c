/* SPDX-License-Identifier: MIT */
/* arena.c: carves core's arena: the op pool's region (control block and heap) first, then the
 * scene slot's two net tables, from a plan; the rest of the arena is left to the platform. */
#include "arena.h"

static uint32_t align8(uint32_t v) { return (v + 7u) & ~7u; }

static bool plan_ok(const arena_plan_t *p) {
  return p && p->heap_min && p->heap_min <= p->heap_bytes && net_region_size(&p->limits) &&
         pool_region_size(p->heap_bytes, &p->pool);
}

uint32_t arena_size_for(const arena_plan_t *plan) {
  uint64_t n;
  if (!plan_ok(plan)) return 0;
  n = (uint64_t)align8(pool_region_size(plan->heap_bytes, &plan->pool)) +
      scene_slot_region_size(&plan->limits);
  return n > 0xFFFFFFFFu ? 0 : (uint32_t)n;
}

arena_status_t arena_layout(uint32_t arena_bytes, const arena_plan_t *plan, arena_layout_t *out) {
  uint32_t nets, pool_want, room;
  if (!plan || !out) return ARENA_ERR_NULL;
  if (!plan_ok(plan)) return ARENA_ERR_BAD_PLAN;
  out->arena_bytes = arena_bytes;
  out->plan = *plan;
  out->reduced = false;
  nets = scene_slot_region_size(&plan->limits);
  pool_want = pool_region_size(plan->heap_bytes, &plan->pool);
  if (nets >= arena_bytes) return ARENA_ERR_TOO_SMALL;
  room = (arena_bytes - nets) & ~7u;
  if (align8(pool_want) > room) { /* a small arena: the heap shrinks, down to heap_min */
    uint32_t heap = room - pool_control_size(room, &plan->pool);
    if (room < pool_control_size(room, &plan->pool) || heap < plan->heap_min)
      return ARENA_ERR_TOO_SMALL;
    while (align8(pool_region_size(heap, &plan->pool)) > room) heap -= 8u;
    if (heap < plan->heap_min) return ARENA_ERR_TOO_SMALL;
    out->plan.heap_bytes = heap;
    out->reduced = true;
    pool_want = pool_region_size(heap, &plan->pool);
  }
  out->pool_offset = 0;
  out->pool_bytes = pool_want; /* exactly: the heap is the plan's */
  out->net_offset = align8(pool_want);
  out->net_bytes = nets;
  out->used_bytes = out->net_offset + nets;
  out->spare_bytes = arena_bytes - out->used_bytes;
  return ARENA_OK;
}

arena_status_t arena_init(void *arena, const arena_layout_t *l, const platform_t *platform,
                          pool_t **pool, scene_slot_t *slot) {
  uint8_t *base = (uint8_t *)arena;
  if (!arena || !l || !pool || !slot) return ARENA_ERR_NULL;
  if ((uintptr_t)arena & 7u) return ARENA_ERR_MISALIGNED;
  if (pool_init(base + l->pool_offset, l->pool_bytes, &l->plan.pool, platform, pool) != POOL_OK)
    return ARENA_ERR_POOL;
  if (scene_slot_init(slot, base + l->net_offset, l->net_bytes, &l->plan.limits, *pool,
                      platform) != NET_OK)
    return ARENA_ERR_NET;
  return ARENA_OK;
}

const char *arena_strerror(arena_status_t s) {
  switch (s) {
  case ARENA_OK: return "ok";
  case ARENA_ERR_NULL: return "a required argument was NULL";
  case ARENA_ERR_BAD_PLAN: return "the memory plan is unusable";
  case ARENA_ERR_TOO_SMALL:
    return "the arena cannot hold the network tables and the least op heap that lets every "
           "scene replace every other";
  case ARENA_ERR_MISALIGNED: return "the arena is not 8-byte aligned";
  case ARENA_ERR_POOL: return "the op pool could not be laid out";
  case ARENA_ERR_NET: return "the network tables could not be laid out";
  }
  return "unknown arena status";
}
