/* SPDX-License-Identifier: MIT */
/* pool_planner.c: heap sizes from traces, by replaying scene switches through the real pool and
 * searching for the least heap that serves them all. */
#include "pool_planner.h"

static uint32_t align8(uint32_t v) { return (v + 7u) & ~7u; }

/* Heap bytes a trace's allocations take if nothing were ever freed: an upper bound. */
static uint64_t total_blocks(const planner_trace_t *t, const pool_config_t *cfg) {
  uint64_t sum = 0;
  uint32_t i;
  for (i = 0; i < t->count; i++)
    if (t->ev[i].ref < 0) sum += pool_block_size(t->ev[i].size, cfg);
  return sum;
}

static uint32_t longest(const planner_trace_t *t, uint32_t n) {
  uint32_t i, m = 0;
  for (i = 0; i < n; i++)
    if (t[i].count > m) m = t[i].count;
  return m;
}

/* The largest heap the search may try: the two largest traces and the headroom, unfreed,
 * twice over. */
static uint64_t upper_bound(const planner_trace_t *t, uint32_t n, const planner_params_t *pp) {
  uint64_t a = 0, b = 0, s;
  uint32_t i;
  for (i = 0; i < n; i++) {
    s = total_blocks(&t[i], &pp->pool);
    if (s > a) {
      b = a;
      a = s;
    } else if (s > b) {
      b = s;
    }
  }
  if (n == 1) b = a;
  return 2u * (a + b + (pp->headroom ? pool_block_size(pp->headroom, &pp->pool) : 0u)) + 64u;
}

uint32_t planner_scratch_size(const planner_trace_t *t, uint32_t n, const planner_params_t *pp) {
  uint64_t heap, region, need;
  if (!t || !n || !pp) return 0;
  heap = upper_bound(t, n, pp);
  if (heap > 0xFFFFFFF0u) return 0;
  region = pool_region_size((uint32_t)heap, &pp->pool);
  if (!region) return 0;
  need = (uint64_t)region + align8((uint32_t)(2u * (uint64_t)longest(t, n) * sizeof(void *)));
  return need > 0xFFFFFFFFu ? 0 : (uint32_t)need;
}

/* Replays t's events into pool, pointers in ptr[]. False on a failed allocation or a bad ref. */
static bool replay(pool_t *pool, const planner_trace_t *t, void **ptr) {
  uint32_t i;
  for (i = 0; i < t->count; i++) {
    const planner_event_t *e = &t->ev[i];
    if (e->ref < 0) {
      ptr[i] = pool_alloc(pool, e->size, 1);
      if (!ptr[i]) return false;
    } else {
      if ((uint32_t)e->ref >= i || !ptr[e->ref]) return false;
      pool_free(pool, ptr[e->ref]);
      ptr[e->ref] = 0;
      ptr[i] = 0;
    }
  }
  return true;
}

bool planner_switch_fits(const planner_trace_t *a, const planner_trace_t *b, uint32_t heap,
                         const planner_params_t *pp, void *scratch, uint32_t scratch_bytes) {
  pool_t *pool;
  void **pa, **pb, *extra = 0;
  uint32_t region, ptrs, i;
  if (!a || !b || !pp || !scratch) return false;
  region = pool_region_size(heap, &pp->pool); /* exactly: the heap is what was asked */
  ptrs = (uint32_t)(((uint64_t)a->count + b->count) * sizeof(void *));
  if (!region || (uint64_t)region + align8(ptrs) > scratch_bytes) return false;
  pa = (void **)scratch; /* the pointers first, the pool's region after them */
  pb = pa + a->count;
  if (pool_init((uint8_t *)scratch + align8(ptrs), region, &pp->pool, 0, &pool) != POOL_OK)
    return false;
  if (!replay(pool, a, pa)) return false;
  if (pp->headroom && !(extra = pool_alloc(pool, pp->headroom, 1))) return false;
  if (!replay(pool, b, pb)) return false;
  /* the commit: the old scene goes (the next switch starts from what this leaves) */
  for (i = 0; i < a->count; i++)
    if (pa[i]) pool_free(pool, pa[i]);
  pool_free(pool, extra);
  pool_settle(pool);
  return pool_invariants_hold(pool);
}

/* The pairs a search covers: old scenes [a0, a1) against new scenes [b0, b1). */
typedef struct {
  uint32_t a0, a1, b0, b1;
} pairs_t;

/* The least heap in [lo, hi] (granule steps) in which every pair fits, by bisection. */
static uint32_t search(const planner_trace_t *t, pairs_t pr, const planner_params_t *pp,
                       uint32_t lo, uint32_t hi, void *scratch, uint32_t sb, uint32_t *replays) {
  uint32_t g = pp->pool.granule ? pp->pool.granule : POOL_ALIGN;
  while (lo + g <= hi) {
    uint32_t mid = lo + ((hi - lo) / 2u / g) * g, i, j;
    bool all = true;
    for (i = pr.a0; i < pr.a1 && all; i++)
      for (j = pr.b0; j < pr.b1 && all; j++) {
        (*replays)++;
        all = planner_switch_fits(&t[i], &t[j], mid, pp, scratch, sb);
      }
    if (all)
      hi = mid;
    else
      lo = mid + g;
  }
  return hi;
}

planner_status_t planner_plan(const planner_trace_t *t, uint32_t n, const planner_params_t *pp,
                              void *scratch, uint32_t scratch_bytes, planner_result_t *out) {
  planner_params_t bare;
  pairs_t all = {0, n, 0, n};
  uint32_t i, j, k, hi, g, allocs = 0;
  if (!t || !pp || !out || !scratch) return PLANNER_ERR_NULL;
  if (!pool_block_size(1, &pp->pool)) return PLANNER_ERR_CONFIG;
  if (!n) return PLANNER_ERR_EMPTY;
  for (i = 0; i < n; i++)
    for (k = 0; k < t[i].count; k++) {
      int32_t ref = t[i].ev[k].ref;
      if (ref < 0)
        allocs++;
      else if ((uint32_t)ref >= k || t[i].ev[ref].ref >= 0)
        return PLANNER_ERR_TRACE;
    }
  if (!allocs) return PLANNER_ERR_EMPTY;
  if (scratch_bytes < planner_scratch_size(t, n, pp)) return PLANNER_ERR_SCRATCH;
  g = pp->pool.granule ? pp->pool.granule : POOL_ALIGN;
  out->replays = 0;
  hi = (uint32_t)upper_bound(t, n, pp) / g * g;
  bare = *pp;
  bare.headroom = 0;
  out->heap_min = search(t, all, &bare, g, hi, scratch, scratch_bytes, &out->replays);
  out->heap_bytes = search(t, all, pp, out->heap_min, hi, scratch, scratch_bytes, &out->replays);
  /* the pair that needs the most on its own */
  out->worst_old = out->worst_new = 0;
  out->worst_bytes = 0;
  for (i = 0; i < n; i++)
    for (j = 0; j < n; j++) {
      pairs_t one = {i, i + 1u, j, j + 1u};
      uint32_t need = search(t, one, pp, g, out->heap_bytes, scratch, scratch_bytes, &out->replays);
      if (need > out->worst_bytes) {
        out->worst_bytes = need;
        out->worst_old = i;
        out->worst_new = j;
      }
    }
  return PLANNER_OK;
}

const char *planner_strerror(planner_status_t st) {
  switch (st) {
  case PLANNER_OK: return "ok";
  case PLANNER_ERR_NULL: return "a required argument was NULL";
  case PLANNER_ERR_EMPTY: return "no allocation to plan for";
  case PLANNER_ERR_TRACE: return "a free in a trace names no earlier allocation";
  case PLANNER_ERR_SCRATCH: return "the scratch area is too small";
  case PLANNER_ERR_CONFIG: return "the pool configuration is invalid";
  }
  return "unknown planner status";
}
