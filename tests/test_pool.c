/* SPDX-License-Identifier: MIT */
/* test_pool.c: the operator pools: plans, allocation, validation, exhaustion, coalescing,
 * statistics, tracing, and (debug flavour) canaries, poisoning and leak records.
 * Built twice: against aleph_core (release) and aleph_core_debug (POOL_DEBUG=1). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "pool.h"

static uint64_t arena_words[(4u << 20) / 8u]; /* 4 MiB, 8-byte aligned */
static uint8_t *const arena = (uint8_t *)arena_words;

static int faults;
static char last_fault_text[256];
static void on_fault(void *ctx, const char *what) {
  (void)ctx;
  faults++;
  snprintf(last_fault_text, sizeof last_fault_text, "%s", what);
}
static uint32_t fake_ticks = 1000;
static uint32_t ticks(void *ctx) {
  (void)ctx;
  return fake_ticks;
}
static platform_t plat = {0, 0, ticks, 0, on_fault, 0};

static pool_t *make(uint32_t ssize, uint32_t scount, uint32_t bsize, uint32_t bcount) {
  pool_plan_t plan = {ssize, scount, bsize, bcount};
  pool_t *p = 0;
  uint32_t need = pool_region_size(&plan);
  CHECK(need > 0 && need <= sizeof arena_words);
  CHECK_EQ_INT(pool_init(arena, need, &plan, &plat, &p), POOL_OK);
  CHECK(p != 0);
  faults = 0;
  return p;
}

static void test_plan_reproduces_bees08(void) {
  pool_plan_t plan;
  CHECK_EQ_INT(pool_plan_from_budget(POOL_BEES08_BUDGET, &POOL_SPLIT_BEES08, &plan), POOL_PLAN_OK);
  CHECK_EQ_INT(plan.small_block_size, 128);
  CHECK_EQ_INT(plan.small_count, 256);
  CHECK_EQ_INT(plan.big_block_size, 16384);
  CHECK_EQ_INT(plan.big_count, 8);
}

static void test_plan_scales_with_arena(void) {
  pool_plan_t a, b;
  uint32_t mib32 = 32u << 20;
  CHECK_EQ_INT(pool_plan_for_arena(mib32, &POOL_SPLIT_BEES08, &a), POOL_PLAN_OK);
  CHECK_EQ_INT(pool_plan_for_arena(mib32 / 4u, &POOL_SPLIT_BEES08, &b), POOL_PLAN_OK);
  /* the region fits the ops share of the arena, and uses most of it */
  CHECK(pool_region_size(&a) <= (uint64_t)mib32 * 600u / 1000u);
  CHECK(pool_region_size(&a) > (uint64_t)mib32 * 590u / 1000u);
  CHECK(pool_region_size(&b) <= (uint64_t)(mib32 / 4u) * 600u / 1000u);
  /* a quarter of the memory gives a quarter of the blocks, within 1% */
  CHECK(b.small_count * 400u <= a.small_count * 101u && b.small_count * 400u >= a.small_count * 99u);
  CHECK(b.big_count * 400u <= a.big_count * 101u && b.big_count * 400u >= a.big_count * 99u);
  /* the split holds: the small pool gets 20% of the region, its bookkeeping included, so its
   * payload is a little under 20% of all payload */
  {
    uint64_t sb = (uint64_t)a.small_count * a.small_block_size;
    uint64_t bb = (uint64_t)a.big_count * a.big_block_size;
    CHECK(sb * 1000u / (sb + bb) >= 150u && sb * 1000u / (sb + bb) <= 200u);
  }
}

static void test_plan_errors(void) {
  pool_plan_t plan;
  pool_split_t s = POOL_SPLIT_BEES08;
  CHECK_EQ_INT(pool_plan_for_arena(1024, &POOL_SPLIT_BEES08, &plan), POOL_PLAN_ERR_TOO_SMALL);
  CHECK_EQ_INT(pool_plan_from_budget(100, &POOL_SPLIT_BEES08, &plan), POOL_PLAN_ERR_TOO_SMALL);
  CHECK_EQ_INT(pool_plan_from_budget(100000, 0, &plan), POOL_PLAN_ERR_NULL);
  s.small_block_size = 100; /* not a multiple of 8 */
  CHECK_EQ_INT(pool_plan_from_budget(100000, &s, &plan), POOL_PLAN_ERR_BLOCK_SIZE);
  s = POOL_SPLIT_BEES08;
  s.small_block_size = 65536; /* over the 16-bit small block limit */
  CHECK_EQ_INT(pool_plan_from_budget(100000, &s, &plan), POOL_PLAN_ERR_BLOCK_SIZE);
  s = POOL_SPLIT_BEES08;
  s.small_permille = 1000;
  CHECK_EQ_INT(pool_plan_from_budget(100000, &s, &plan), POOL_PLAN_ERR_SHARE);
  s = POOL_SPLIT_BEES08;
  s.ops_permille = 0;
  CHECK_EQ_INT(pool_plan_for_arena(1u << 20, &s, &plan), POOL_PLAN_ERR_SHARE);
  CHECK(strlen(pool_plan_strerror(POOL_PLAN_ERR_SHARE)) > 10);
}

static void test_init_errors(void) {
  pool_plan_t plan = {64, 4, 256, 4}, bad = {60, 4, 256, 4}, none = {64, 0, 256, 0};
  pool_t *p = (pool_t *)1;
  uint32_t need = pool_region_size(&plan);
  CHECK(need > 4 * 64 + 4 * 256);
  CHECK_EQ_INT(pool_init(0, need, &plan, 0, &p), POOL_ERR_NULL_ARG);
  CHECK_EQ_INT(pool_init(arena, need, 0, 0, &p), POOL_ERR_NULL_ARG);
  CHECK_EQ_INT(pool_init(arena + 4, need, &plan, 0, &p), POOL_ERR_REGION_MISALIGNED);
  CHECK_EQ_INT(pool_init(arena, need - 1, &plan, 0, &p), POOL_ERR_REGION_TOO_SMALL);
  CHECK(p == 0);
  CHECK_EQ_INT(pool_region_size(&bad), 0);
  CHECK_EQ_INT(pool_init(arena, need, &bad, 0, &p), POOL_ERR_BAD_PLAN);
  CHECK_EQ_INT(pool_init(arena, need, &none, 0, &p), POOL_ERR_BAD_PLAN);
  CHECK_EQ_INT(pool_init(arena, need, &plan, 0, &p), POOL_OK);
  CHECK(pool_invariants_hold(p));
}

static void test_small_alloc_free(void) {
  pool_t *p = make(128, 8, 1024, 4);
  pool_stats_t st;
  void *a = pool_alloc_tagged(p, 96, 7), *b = pool_alloc(p, 128), *c = pool_alloc(p, 1);
  CHECK(a && b && c);
  CHECK(a != b && b != c && a != c);
  CHECK(((uintptr_t)a % POOL_ALIGN) == 0 && ((uintptr_t)b % POOL_ALIGN) == 0);
  CHECK(pool_owns(p, a) && pool_owns(p, b) && pool_owns(p, c));
  CHECK_EQ_INT(pool_usable_size(p, a), 128);
  memset(a, 0x11, 96);
  memset(b, 0x22, 128);
  memset(c, 0x33, 1);
  pool_get_stats(p, &st);
  CHECK_EQ_INT(st.small.blocks_used, 3);
  CHECK_EQ_INT(st.small.live_allocs, 3);
  CHECK_EQ_INT(st.small.bytes_requested, 96 + 128 + 1);
  CHECK_EQ_INT(st.small.bytes_handed_out, 3 * 128);
  CHECK_EQ_INT(st.small.largest_request, 128);
  CHECK_EQ_INT(st.big.blocks_used, 0);
  CHECK(pool_invariants_hold(p));
  CHECK_EQ_INT(pool_free(p, b), POOL_OK);
  CHECK(!pool_owns(p, b));
  CHECK_EQ_INT(pool_usable_size(p, b), 0);
  CHECK_EQ_INT(pool_free(p, a), POOL_OK);
  CHECK_EQ_INT(pool_free(p, c), POOL_OK);
  CHECK_EQ_INT(pool_free(p, 0), POOL_OK);
  pool_get_stats(p, &st);
  CHECK_EQ_INT(st.small.blocks_used, 0);
  CHECK_EQ_INT(st.small.blocks_peak, 3);
  CHECK_EQ_INT(st.small.allocs, 3);
  CHECK_EQ_INT(st.small.frees, 3);
  CHECK_EQ_INT(st.small.bytes_requested, 0);
  CHECK_EQ_INT(st.small.bytes_requested_peak, 96 + 128 + 1);
  CHECK_EQ_INT(pool_foreach_live(p, 0, 0), 0);
  CHECK_EQ_INT(faults, 0);
  CHECK(pool_check(p, 0) == POOL_OK);
}

static void test_size_selection_and_zero(void) {
  pool_t *p = make(128, 4, 512, 8);
  pool_stats_t st;
  void *s = pool_alloc(p, 128), *b1 = pool_alloc(p, 129), *b3 = pool_alloc(p, 1500);
  CHECK(s && b1 && b3);
  pool_get_stats(p, &st);
  CHECK_EQ_INT(st.small.blocks_used, 1);
  CHECK_EQ_INT(st.big.blocks_used, 1 + 3);
  CHECK_EQ_INT(st.big.live_allocs, 2);
  CHECK(pool_usable_size(p, b3) >= 1500);
  CHECK(pool_alloc(p, 0) == 0);
  CHECK_EQ_INT(pool_last_status(p), POOL_ERR_ZERO_SIZE);
  CHECK(pool_alloc(p, 512u * 9u) == 0);
  CHECK_EQ_INT(pool_last_status(p), POOL_ERR_TOO_LARGE);
  CHECK(pool_alloc(p, 0xFFFFFFFFu) == 0);
  CHECK_EQ_INT(pool_last_status(p), POOL_ERR_TOO_LARGE);
  CHECK(pool_alloc(p, 64) != 0);
  CHECK_EQ_INT(pool_last_status(p), POOL_OK);
  CHECK(pool_invariants_hold(p));
}

static void test_bad_frees_leave_lists_intact(void) {
  pool_t *p = make(64, 4, 256, 4);
  pool_stats_t before, after;
  uint8_t *a = pool_alloc(p, 40), *run = pool_alloc(p, 600), *b = pool_alloc(p, 64);
  int local;
  CHECK(a && run && b);
  pool_get_stats(p, &before);
  CHECK_EQ_INT(pool_free(p, &local), POOL_ERR_FOREIGN);
  CHECK_EQ_INT(pool_free(p, a + 1), POOL_ERR_MISALIGNED);
  CHECK_EQ_INT(pool_free(p, a + 8), POOL_ERR_MISALIGNED);
  CHECK_EQ_INT(pool_free(p, run + 3), POOL_ERR_MISALIGNED);
  CHECK_EQ_INT(pool_free(p, run + pool_usable_size(p, run) + 1000000), POOL_ERR_FOREIGN);
  CHECK(faults >= 5);
  CHECK(strstr(last_fault_text, "does not belong") != 0);
  /* the second block of a 3-block run */
  {
    uint8_t *second = run + 256 + 2u * (POOL_DEBUG ? POOL_CANARY_BYTES : 0u);
    CHECK_EQ_INT(pool_free(p, second), POOL_ERR_INTERIOR);
    CHECK(!pool_owns(p, second));
  }
  pool_get_stats(p, &after);
  CHECK_EQ_INT(after.small.blocks_used, before.small.blocks_used);
  CHECK_EQ_INT(after.big.blocks_used, before.big.blocks_used);
  CHECK_EQ_INT(after.bad_frees, 6);
  CHECK(pool_invariants_hold(p));
  CHECK_EQ_INT(pool_free(p, a), POOL_OK);
  CHECK_EQ_INT(pool_free(p, a), POOL_ERR_DOUBLE_FREE);
  CHECK_EQ_INT(pool_last_fault(p)->status, POOL_ERR_DOUBLE_FREE);
  CHECK_EQ_INT(pool_free(p, run), POOL_OK);
  CHECK_EQ_INT(pool_free(p, run), POOL_ERR_DOUBLE_FREE);
  CHECK(pool_invariants_hold(p));
  /* the free list did not take the block twice: 4 distinct small blocks come back */
  {
    void *x[5];
    int i, j;
    for (i = 0; i < 3; i++) x[i] = pool_alloc(p, 8);
    x[3] = b;
    for (i = 0; i < 4; i++)
      for (j = i + 1; j < 4; j++) CHECK(x[i] != x[j]);
    pool_get_stats(p, &after);
    CHECK_EQ_INT(after.small.blocks_used, 4);
    x[4] = pool_alloc(p, 8); /* small pool full: spills */
    CHECK(x[4] != 0);
    pool_get_stats(p, &after);
    CHECK_EQ_INT(after.spills, 1);
  }
  CHECK(pool_invariants_hold(p));
}

static void test_exhaustion_and_pressure(void) {
  static const uint32_t scounts[] = {1, 4, 16, 100};
  unsigned t;
  for (t = 0; t < sizeof scounts / sizeof scounts[0]; t++) {
    uint32_t n = scounts[t], got = 0, i;
    pool_t *p = make(32, n, 64, n);
    pool_stats_t st;
    void *ptrs[300];
    pool_pressure_t last = POOL_PRESSURE_OK;
    CHECK_EQ_INT(pool_pressure(p), POOL_PRESSURE_OK);
    while (got < 300) {
      void *q = pool_alloc(p, 24);
      pool_pressure_t pr = pool_pressure(p);
      CHECK(pr >= last); /* pressure only rises while filling */
      last = pr;
      if (!q) break;
      ptrs[got++] = q;
    }
    CHECK_EQ_INT(got, 2 * n); /* every small block, then every big block by spilling */
    CHECK_EQ_INT(pool_last_status(p), POOL_ERR_EXHAUSTED);
    CHECK_EQ_INT(pool_pressure(p), POOL_PRESSURE_FULL);
    CHECK(!pool_can_alloc(p, 8));
    CHECK(pool_alloc(p, 40) == 0);
    CHECK_EQ_INT(pool_last_status(p), POOL_ERR_EXHAUSTED);
    pool_get_stats(p, &st);
    CHECK_EQ_INT(st.spills, n);
    CHECK_EQ_INT(st.failed_allocs, 2);
    CHECK(st.small.failures >= 1 && st.big.failures >= 2);
    CHECK(pool_invariants_hold(p));
    for (i = 0; i < got; i++) CHECK_EQ_INT(pool_free(p, ptrs[i]), POOL_OK);
    CHECK_EQ_INT(pool_pressure(p), POOL_PRESSURE_OK);
    CHECK(pool_can_alloc(p, 8));
    CHECK_EQ_INT(pool_foreach_live(p, 0, 0), 0);
    CHECK(pool_invariants_hold(p));
  }
}

static void test_pressure_levels(void) {
  pool_t *p = make(16, 100, 64, 10);
  int i;
  for (i = 0; i < 74; i++) CHECK(pool_alloc(p, 8));
  CHECK_EQ_INT(pool_pressure(p), POOL_PRESSURE_OK);
  CHECK(pool_alloc(p, 8));
  CHECK_EQ_INT(pool_pressure(p), POOL_PRESSURE_HIGH);
  for (i = 0; i < 15; i++) CHECK(pool_alloc(p, 8));
  CHECK_EQ_INT(pool_pressure(p), POOL_PRESSURE_CRITICAL);
  CHECK_EQ_INT(strcmp(pool_pressure_name(POOL_PRESSURE_CRITICAL), "critical"), 0);
}

static void test_coalescing(void) {
  pool_t *p = make(16, 2, 256, 8);
  pool_stats_t st;
  void *b[8];
  int i;
  for (i = 0; i < 8; i++) CHECK((b[i] = pool_alloc(p, 200)) != 0);
  /* free every other block: 4 free blocks, none adjacent */
  for (i = 0; i < 8; i += 2) CHECK_EQ_INT(pool_free(p, b[i]), POOL_OK);
  CHECK(pool_alloc(p, 300) == 0); /* needs 2 adjacent blocks */
  CHECK_EQ_INT(pool_last_status(p), POOL_ERR_FRAGMENTED);
  pool_get_stats(p, &st);
  CHECK_EQ_INT(st.big.fragmentation_events, 1);
  CHECK_EQ_INT(st.big.largest_free_run, 1);
  CHECK_EQ_INT(st.big.coalesces, 0);
  /* freeing block 1 joins 0,1,2 into a run of 3 */
  CHECK_EQ_INT(pool_free(p, b[1]), POOL_OK);
  pool_get_stats(p, &st);
  CHECK_EQ_INT(st.big.coalesces, 2);
  CHECK_EQ_INT(st.big.largest_free_run, 3);
  CHECK(pool_invariants_hold(p));
  {
    void *run = pool_alloc(p, 700); /* 3 blocks */
    CHECK(run == b[0]);
    CHECK(pool_usable_size(p, run) >= 700);
    memset(run, 0x5A, 700);
    pool_get_stats(p, &st);
    CHECK_EQ_INT(st.big.blocks_used, 3 + 3);
    CHECK_EQ_INT(pool_free(p, run), POOL_OK);
  }
  /* free everything: one run of 8 again */
  for (i = 3; i < 8; i += 2) CHECK_EQ_INT(pool_free(p, b[i]), POOL_OK);
  pool_get_stats(p, &st);
  CHECK_EQ_INT(st.big.largest_free_run, 8);
  CHECK(pool_invariants_hold(p));
  CHECK(pool_alloc(p, 8u * 256u - 2u * (POOL_DEBUG ? POOL_CANARY_BYTES : 0u)) != 0);
  CHECK(pool_invariants_hold(p));
}

static void test_split_runs(void) {
  pool_t *p = make(16, 1, 64, 64);
  pool_stats_t st;
  void *a = pool_alloc(p, 64 * 5), *b = pool_alloc(p, 64 * 9), *c = pool_alloc(p, 64);
  CHECK(a && b && c);
  pool_get_stats(p, &st);
  CHECK_EQ_INT(st.big.splits, 3);
  CHECK(pool_invariants_hold(p));
  CHECK_EQ_INT(pool_free(p, b), POOL_OK);
  /* a 9-block hole: a 5-block request fits it without touching the tail */
  {
    void *d = pool_alloc(p, 64 * 4);
    CHECK(d == b);
    CHECK(pool_invariants_hold(p));
  }
}

typedef struct {
  int allocs, frees, fails;
  uint32_t last_cap;
  uint16_t last_tag;
} trace_log_t;
static void trace_fn(void *ctx, const pool_event_t *ev) {
  trace_log_t *t = ctx;
  if (ev->kind == POOL_EV_ALLOC) t->allocs++;
  if (ev->kind == POOL_EV_FREE) t->frees++;
  if (ev->kind == POOL_EV_FAIL) t->fails++;
  t->last_cap = ev->capacity;
  t->last_tag = ev->tag;
}

static void test_trace_and_reset(void) {
  pool_t *p = make(32, 2, 128, 2);
  trace_log_t log = {0, 0, 0, 0, 0};
  pool_stats_t st;
  void *a;
  pool_set_trace(p, trace_fn, &log);
  a = pool_alloc_tagged(p, 20, 42);
  CHECK_EQ_INT(log.allocs, 1);
  CHECK_EQ_INT(log.last_tag, 42);
  CHECK_EQ_INT(log.last_cap, 32);
  pool_free(p, a);
  CHECK_EQ_INT(log.frees, 1);
  CHECK(pool_alloc(p, 100000) == 0);
  CHECK_EQ_INT(log.fails, 1);
  pool_set_trace(p, 0, 0);
  pool_alloc(p, 8);
  CHECK_EQ_INT(log.allocs, 1);
  pool_reset_counters(p);
  pool_get_stats(p, &st);
  CHECK_EQ_INT(st.small.allocs, 0);
  CHECK_EQ_INT(st.small.blocks_used, 1);
  CHECK_EQ_INT(st.small.blocks_peak, 1);
  CHECK_EQ_INT(st.failed_allocs, 0);
}

typedef struct {
  int n;
  uint16_t tags[16];
  uint32_t lines[16];
  const char *files[16];
  uint32_t ticks[16];
} live_log_t;
static void live_fn(void *ctx, const pool_block_info_t *info) {
  live_log_t *l = ctx;
  if (l->n < 16) {
    l->tags[l->n] = info->tag;
    l->lines[l->n] = info->line;
    l->files[l->n] = info->file;
    l->ticks[l->n] = info->tick;
  }
  l->n++;
}

static void test_leak_report(void) {
  pool_t *p = make(32, 4, 128, 4);
  live_log_t log;
  void *a, *b;
  uint32_t line_a;
  memset(&log, 0, sizeof log);
  line_a = __LINE__ + 1;
  a = POOL_ALLOC(p, 16, 3);
  b = POOL_ALLOC(p, 300, 9);
  CHECK(a && b);
  CHECK_EQ_INT(pool_foreach_live(p, live_fn, &log), 2);
  CHECK_EQ_INT(log.n, 2);
  CHECK_EQ_INT(log.tags[0], 3);
  CHECK_EQ_INT(log.tags[1], 9);
#if POOL_DEBUG
  CHECK_EQ_INT(log.lines[0], line_a);
  CHECK(log.files[0] && strstr(log.files[0], "test_pool.c"));
#else
  (void)line_a;
  CHECK(log.files[0] == 0);
#endif
  pool_free(p, a);
  pool_free(p, b);
  CHECK_EQ_INT(pool_foreach_live(p, live_fn, &log), 0);
}

/* Random allocs and frees against a model; payloads are checked for integrity. */
/* Small blocks larger than the big pool's granule (what the planner picks for fine granules):
 * sizes up to the small block go small, larger ones take granule runs, and a full small pool
 * spills into exactly as many granules as a request needs. */
#if POOL_DEBUG
#define GUARD_BYTES POOL_CANARY_BYTES
#else
#define GUARD_BYTES 0u
#endif
/* Granules of 8 B a request of size takes (each granule carries guards in debug builds), and
 * the bytes such a run can hold. */
#define STRIDE (8u + 2u * GUARD_BYTES)
static uint32_t granules(uint32_t size) { return (size + 2u * GUARD_BYTES + STRIDE - 1u) / STRIDE; }
static uint32_t run_capacity(uint32_t size) { return granules(size) * STRIDE - 2u * GUARD_BYTES; }

static void test_small_block_over_granule(void) {
  pool_t *p = make(40, 2, 8, 64);
  pool_stats_t st;
  void *a = pool_alloc(p, 40), *b = pool_alloc(p, 9), *big = pool_alloc(p, 41), *sp;
  CHECK(a && b && big);
  pool_get_stats(p, &st);
  CHECK_EQ_INT(st.small.blocks_used, 2);
  CHECK_EQ_INT(st.big.blocks_used, granules(41)); /* release: 6 granules of 8 */
  CHECK_EQ_INT(pool_usable_size(p, big), run_capacity(41));
  CHECK_EQ_INT(pool_usable_size(p, b), 40);
  sp = pool_alloc(p, 20); /* the small pool is full: 3 granules */
  CHECK(sp != 0);
  pool_get_stats(p, &st);
  CHECK_EQ_INT(st.spills, 1);
  CHECK_EQ_INT(st.big.blocks_used, granules(41) + granules(20));
  CHECK_EQ_INT(pool_usable_size(p, sp), run_capacity(20));
  CHECK(pool_invariants_hold(p));
  CHECK_EQ_INT(pool_free(p, big), POOL_OK);
  CHECK_EQ_INT(pool_free(p, sp), POOL_OK);
  CHECK_EQ_INT(pool_free(p, a), POOL_OK);
  CHECK_EQ_INT(pool_free(p, b), POOL_OK);
  pool_get_stats(p, &st);
  CHECK_EQ_INT(st.small.blocks_used + st.big.blocks_used, 0);
  CHECK_EQ_INT(st.big.largest_free_run, 64);
  CHECK_EQ_INT(pool_check(p, 0), POOL_OK);
  CHECK_EQ_INT(faults, 0);
}

static void random_against_model(uint32_t ssize, uint32_t scount, uint32_t bsize,
                                 uint32_t bcount) {
  enum { SLOTS = 200 };
  pool_t *p = make(ssize, scount, bsize, bcount);
  uint8_t *ptr[SLOTS] = {0};
  uint32_t size[SLOTS] = {0};
  uint32_t live_req = 0;
  unsigned seed = 12345;
  int step;
  for (step = 0; step < 20000; step++) {
    int i = (int)((seed = seed * 1103515245u + 12345u) >> 16) % SLOTS;
    if (ptr[i]) {
      uint32_t k;
      int ok = 1;
      for (k = 0; k < size[i]; k++) ok &= ptr[i][k] == (uint8_t)(i + k);
      CHECK(ok);
      CHECK_EQ_INT(pool_free(p, ptr[i]), POOL_OK);
      live_req -= size[i];
      ptr[i] = 0;
    } else {
      uint32_t sz = 1u + ((seed >> 8) % ((seed & 4u) ? 128u : 3000u));
      ptr[i] = pool_alloc(p, sz);
      if (ptr[i]) {
        uint32_t k;
        size[i] = sz;
        live_req += sz;
        for (k = 0; k < sz; k++) ptr[i][k] = (uint8_t)(i + k);
      } else {
        CHECK(pool_last_status(p) == POOL_ERR_EXHAUSTED ||
              pool_last_status(p) == POOL_ERR_FRAGMENTED);
      }
    }
    if (step % 97 == 0) {
      pool_stats_t st;
      CHECK(pool_invariants_hold(p));
      pool_get_stats(p, &st);
      CHECK_EQ_INT(st.small.bytes_requested + st.big.bytes_requested, live_req);
    }
  }
  CHECK_EQ_INT(pool_check(p, 0), POOL_OK);
  for (step = 0; step < SLOTS; step++)
    if (ptr[step]) CHECK_EQ_INT(pool_free(p, ptr[step]), POOL_OK);
  CHECK_EQ_INT(pool_foreach_live(p, 0, 0), 0);
  {
    pool_stats_t st;
    pool_get_stats(p, &st);
    CHECK_EQ_INT(st.big.largest_free_run, bcount); /* everything coalesced back */
    CHECK_EQ_INT(st.corruptions, 0);
  }
  CHECK_EQ_INT(faults, 0);
}

static void test_random_against_model(void) {
  random_against_model(128, 64, 512, 64);
  random_against_model(40, 64, 8, 2048); /* small blocks over the granule */
}

#if POOL_DEBUG
/* Writes one byte at offset off from an allocation of req bytes and expects detection. */
static int overrun_detected(pool_t *p, uint32_t req, int32_t off, pool_status_t want) {
  uint8_t *q = pool_alloc_tagged(p, req, 77);
  pool_status_t got;
  pool_fault_t f;
  int ok;
  if (!q) return 0;
  q[off] = (uint8_t)~q[off];
  got = pool_check(p, &f);
  ok = got == want && f.tag == 77 && f.offset == off;
  got = pool_free(p, q);
  ok &= got == want;
  ok &= pool_invariants_hold(p);
  ok &= pool_check(p, 0) == POOL_OK; /* freeing re-poisons the block */
  return ok;
}

static void test_canaries_detect_every_offset(void) {
  pool_t *p = make(128, 4, 256, 8);
  static const uint32_t small_reqs[] = {1, 60, 127, 128};
  static const uint32_t big_reqs[] = {129, 256, 300, 700};
  unsigned r;
  int tried = 0, detected = 0;
  int32_t off;
  for (r = 0; r < 4; r++) {
    uint32_t req = small_reqs[r];
    for (off = (int32_t)req; off < (int32_t)(128 + POOL_CANARY_BYTES); off++) {
      tried++;
      detected += overrun_detected(p, req, off, POOL_ERR_OVERRUN);
    }
    for (off = -1; off >= -(int32_t)POOL_CANARY_BYTES; off--) {
      tried++;
      detected += overrun_detected(p, req, off, POOL_ERR_UNDERRUN);
    }
  }
  for (r = 0; r < 4; r++) {
    uint32_t req = big_reqs[r];
    uint8_t *probe = pool_alloc(p, req);
    uint32_t cap = pool_usable_size(p, probe);
    pool_free(p, probe);
    for (off = (int32_t)req; off < (int32_t)(cap + POOL_CANARY_BYTES); off++) {
      tried++;
      detected += overrun_detected(p, req, off, POOL_ERR_OVERRUN);
    }
    for (off = -1; off >= -(int32_t)POOL_CANARY_BYTES; off--) {
      tried++;
      detected += overrun_detected(p, req, off, POOL_ERR_UNDERRUN);
    }
  }
  CHECK(tried > 700);
  CHECK_EQ_INT(detected, tried);
  printf("canaries: %d of %d injected overruns/underruns detected\n", detected, tried);
}

static void test_overrun_attribution_and_message(void) {
  pool_t *p = make(64, 4, 256, 4);
  uint8_t *a = POOL_ALLOC(p, 50, 12), *b = POOL_ALLOC(p, 50, 13);
  pool_fault_t f;
  CHECK(a && b);
  b[50] = 0; /* one past b's struct: inside its block's slack */
  CHECK_EQ_INT(pool_check_live(p, &f), POOL_ERR_OVERRUN); /* live blocks: the cheap check too */
  CHECK_EQ_INT(f.tag, 13);
  CHECK_EQ_INT(pool_check(p, &f), POOL_ERR_OVERRUN);
  CHECK_EQ_INT(f.kind, POOL_SMALL);
  CHECK_EQ_INT(f.tag, 13);
  CHECK_EQ_INT(f.offset, 50);
  CHECK(f.file && strstr(f.file, "test_pool.c"));
  CHECK(strstr(last_fault_text, "overrun") && strstr(last_fault_text, "tag 13"));
  CHECK_EQ_INT(pool_free(p, b), POOL_ERR_OVERRUN);
  CHECK_EQ_INT(pool_free(p, a), POOL_OK);
  CHECK(pool_invariants_hold(p));
  {
    pool_stats_t st;
    pool_get_stats(p, &st);
    CHECK(st.corruptions >= 2);
  }
}

static void test_use_after_free_detected(void) {
  pool_t *p = make(64, 1, 256, 2);
  uint8_t *a = pool_alloc(p, 32), *big = pool_alloc(p, 300);
  pool_fault_t f;
  CHECK(a && big);
  pool_free(p, a);
  pool_free(p, big);
  a[3] = 0x00;
  CHECK_EQ_INT(pool_check_live(p, &f), POOL_OK); /* free blocks are pool_check's (or alloc's) */
  CHECK_EQ_INT(pool_check(p, &f), POOL_ERR_USE_AFTER_FREE);
  CHECK_EQ_INT(f.kind, POOL_SMALL);
  CHECK_EQ_INT(f.offset, 3);
  faults = 0;
  a = pool_alloc(p, 32); /* handing the block out again reports the stale write */
  CHECK(a != 0);
  CHECK_EQ_INT(faults, 1);
  pool_free(p, a);
  big[400] = 0x01;
  CHECK_EQ_INT(pool_check(p, &f), POOL_ERR_USE_AFTER_FREE);
  CHECK_EQ_INT(f.kind, POOL_BIG);
  CHECK(pool_invariants_hold(p));
}

static void test_debug_stamps_tick(void) {
  pool_t *p = make(32, 2, 64, 2);
  live_log_t log;
  fake_ticks = 4242;
  memset(&log, 0, sizeof log);
  CHECK(POOL_ALLOC(p, 8, 1));
  {
    uint32_t n = pool_foreach_live(p, live_fn, &log);
    CHECK_EQ_INT(n, 1);
    CHECK_EQ_INT(log.ticks[0], 4242);
  }
}
#endif

int main(void) {
  RUN(test_plan_reproduces_bees08);
  RUN(test_plan_scales_with_arena);
  RUN(test_plan_errors);
  RUN(test_init_errors);
  RUN(test_small_alloc_free);
  RUN(test_size_selection_and_zero);
  RUN(test_bad_frees_leave_lists_intact);
  RUN(test_exhaustion_and_pressure);
  RUN(test_pressure_levels);
  RUN(test_coalescing);
  RUN(test_split_runs);
  RUN(test_trace_and_reset);
  RUN(test_leak_report);
  RUN(test_small_block_over_granule);
  RUN(test_random_against_model);
#if POOL_DEBUG
  RUN(test_canaries_detect_every_offset);
  RUN(test_overrun_attribution_and_message);
  RUN(test_use_after_free_detected);
  RUN(test_debug_stamps_tick);
  return check_summary("test_pool (debug)");
#else
  return check_summary("test_pool (release)");
#endif
}
