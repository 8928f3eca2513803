/* SPDX-License-Identifier: MIT */
/* test_pool_planner.c: the planner on synthetic traces with known optimal answers, bounded
 * replays against bees 0.8's plan, budgets, and a recommended plan laid out by the real pool
 * serving its own trace without a failure. */
#include <stdint.h>

#include "check.h"
#include "pool.h"
#include "pool_planner.h"

#define MAXEV 512
static planner_event_t evbuf[4][MAXEV];

static planner_trace_t make(int slot, const uint32_t *sizes, const int8_t *deltas, uint32_t n) {
  planner_trace_t t;
  uint32_t i;
  for (i = 0; i < n; i++) {
    evbuf[slot][i].size = sizes[i];
    evbuf[slot][i].delta = deltas ? deltas[i] : 1;
  }
  t.ev = evbuf[slot];
  t.count = n;
  return t;
}

static planner_trace_t repeat(int slot, uint32_t size, uint32_t n) {
  planner_trace_t t;
  uint32_t i;
  for (i = 0; i < n; i++) {
    evbuf[slot][i].size = size;
    evbuf[slot][i].delta = 1;
  }
  t.ev = evbuf[slot];
  t.count = n;
  return t;
}

static _Alignas(8) uint8_t region[1u << 20];

/* Lays the plan out with the real pool and allocates/frees the trace: failures counted. */
static uint32_t real_failures(const pool_plan_t *plan, const planner_trace_t *t) {
  pool_t *pool;
  void *live[MAXEV];
  uint32_t size[MAXEV];
  uint32_t i, j, n = 0, failures = 0;
  if (pool_init(region, sizeof region, plan, NULL, &pool) != POOL_OK) return 0xFFFFFFFFu;
  for (i = 0; i < t->count; i++) {
    if (t->ev[i].delta > 0) {
      void *p = pool_alloc(pool, t->ev[i].size);
      if (!p) failures++;
      else {
        live[n] = p;
        size[n++] = t->ev[i].size;
      }
    } else {
      for (j = 0; j < n; j++)
        if (size[j] == t->ev[i].size) {
          pool_free(pool, live[j]);
          live[j] = live[--n];
          size[j] = size[n];
          break;
        }
    }
  }
  CHECK(pool_invariants_hold(pool));
  return failures;
}

static void test_replay_counts(void) {
  /* alloc 100, alloc 100, free 100, alloc 100, alloc 2000: 2 small at peak, 2 big granules */
  static const uint32_t sz[] = {100, 100, 100, 100, 2000};
  static const int8_t d[] = {1, 1, -1, 1, 1};
  planner_trace_t t = make(0, sz, d, 5);
  pool_plan_t plan = {128, 4, 1024, 2};
  planner_usage_t u;
  planner_replay(&t, &plan, true, &u);
  CHECK_EQ_INT(u.allocs, 4);
  CHECK_EQ_INT(u.small_peak, 2);
  CHECK_EQ_INT(u.big_peak, 2);
  CHECK_EQ_INT(u.peak_handed, 2 * 128 + 2048);
  CHECK_EQ_INT(u.peak_requested, 2200);
  CHECK_EQ_INT(u.frag_bp, 451); /* 1 - 2200/2304 = 4.51% */
  CHECK_EQ_INT(u.util_bp, 9000); /* 2304 / (512 + 2048) */
  CHECK_EQ_INT(u.failures, 0);
  /* no small pool: everything in 1024-byte granules */
  plan.small_count = 0;
  planner_replay(&t, &plan, false, &u);
  CHECK_EQ_INT(u.small_peak, 0);
  CHECK_EQ_INT(u.big_peak, 4);
  CHECK_EQ_INT(u.util_bp, 0);
}

static void test_bees08_bounded(void) {
  /* 300 requests of 64 B against 256 x 128 + 8 x 16 KiB: 256 small, 8 spill, 36 fail */
  planner_trace_t t = repeat(0, 64, 300);
  pool_plan_t bees = {128, 256, 16384, 8};
  planner_result_t r;
  uint32_t failures, spills;
  planner_evaluate(&t, 1, &bees, &r, &failures, &spills);
  CHECK_EQ_INT(failures, 36);
  CHECK_EQ_INT(spills, 8);
  CHECK_EQ_INT(r.small_peak, 256);
  CHECK_EQ_INT(r.big_peak, 8);
  CHECK_EQ_INT(r.util_bp, 10000);
  /* 264 x 64 requested in 256 x 128 + 8 x 16384 handed out */
  CHECK_EQ_INT(r.frag_bp, 8969);
  /* a free of a failed allocation is not taken from the pool */
  {
    static const uint32_t sz[] = {20000, 20000, 20000};
    static const int8_t d[] = {1, 1, -1};
    planner_trace_t t2 = make(1, sz, d, 3);
    pool_plan_t small = {128, 1, 16384, 2};
    planner_usage_t u;
    planner_replay(&t2, &small, true, &u);
    CHECK_EQ_INT(u.failures, 1);
    CHECK_EQ_INT(u.big_peak, 2);
  }
}

static void test_uniform(void) {
  /* 10 x 64 B: a small pool of 64-byte blocks, 10 + 10% margin, no waste; the smallest region
   * among the zero-fragmentation plans (small blocks have less bookkeeping than granules) */
  planner_trace_t t = repeat(0, 64, 10);
  planner_params_t p = {0, 100, 0};
  planner_result_t r;
  CHECK_EQ_INT(planner_recommend(&t, 1, &p, &r), PLANNER_OK);
  CHECK_EQ_INT(r.plan.small_block_size, 64);
  CHECK_EQ_INT(r.plan.small_count, 11);
  CHECK_EQ_INT(r.plan.big_count, 0);
  CHECK_EQ_INT(r.frag_bp, 0);
  CHECK_EQ_INT(r.util_bp, 9091);
  CHECK_EQ_INT(r.margin_permille, 100);
  CHECK(r.region_bytes == pool_region_size(&r.plan));
  CHECK(r.candidates > 10);
  CHECK_EQ_INT(real_failures(&r.plan, &t), 0);
}

static void test_mixed(void) {
  /* 40 B and 120 B ops: the 40 B ones in 40 B small blocks, the 120 B ones in runs of 8 B
   * granules (a small block may be larger than the granule): nothing wasted, and less
   * bookkeeping than granules alone */
  uint32_t sz[20];
  uint32_t i;
  planner_trace_t t;
  planner_params_t p = {0, 100, 0};
  planner_result_t r;
  for (i = 0; i < 20; i++) sz[i] = (i & 1) ? 120u : 40u;
  t = make(0, sz, NULL, 20);
  CHECK_EQ_INT(planner_recommend(&t, 1, &p, &r), PLANNER_OK);
  CHECK_EQ_INT(r.plan.big_block_size, 8);
  CHECK_EQ_INT(r.plan.small_block_size, 40);
  CHECK_EQ_INT(r.plan.small_count, 11);
  CHECK_EQ_INT(r.small_peak, 10);
  CHECK_EQ_INT(r.big_peak, 10 * 15);
  CHECK_EQ_INT(r.plan.big_count, 165);
  CHECK_EQ_INT(r.frag_bp, 0);
  {
    pool_plan_t granules_only = {8, 0, 8, 220};
    CHECK(r.region_bytes < pool_region_size(&granules_only));
  }
  CHECK_EQ_INT(real_failures(&r.plan, &t), 0);
}

static void test_corpus_max(void) {
  /* two runs: the corpus plan serves the larger peak of each, not their sum */
  planner_trace_t t[2];
  planner_params_t p = {0, 0, 0};
  planner_result_t r;
  t[0] = repeat(0, 64, 5);
  t[1] = repeat(1, 64, 7);
  CHECK_EQ_INT(planner_recommend(t, 2, &p, &r), PLANNER_OK);
  CHECK_EQ_INT(r.plan.small_block_size, 64);
  CHECK_EQ_INT(r.plan.small_count, 7);
  CHECK_EQ_INT(r.util_bp, 10000);
}

static void test_budget(void) {
  planner_trace_t t = repeat(0, 64, 10);
  planner_params_t p = {0, 100, 0};
  planner_result_t r, tight;
  pool_plan_t bare = {64, 10, 64, 0};
  CHECK_EQ_INT(planner_recommend(&t, 1, &p, &r), PLANNER_OK);
  /* a budget that holds the peaks but not the margin: the margin shrinks to what fits */
  p.region_budget = pool_region_size(&bare);
  CHECK_EQ_INT(planner_recommend(&t, 1, &p, &tight), PLANNER_OK);
  CHECK_EQ_INT(tight.plan.small_count, 10);
  CHECK_EQ_INT(tight.margin_permille, 0);
  CHECK(tight.region_bytes <= p.region_budget);
  p.region_budget = pool_region_size(&bare) - 1u;
  CHECK_EQ_INT(planner_recommend(&t, 1, &p, &tight), PLANNER_ERR_BUDGET);
  p.region_budget = 0;
  t.count = 0;
  CHECK_EQ_INT(planner_recommend(&t, 1, &p, &tight), PLANNER_ERR_EMPTY);
  CHECK_EQ_INT(planner_recommend(NULL, 1, &p, &tight), PLANNER_ERR_NULL);
  CHECK(planner_strerror(PLANNER_ERR_BUDGET)[0] != 0);
}

int main(void) {
  test_replay_counts();
  test_bees08_bounded();
  test_uniform();
  test_mixed();
  test_corpus_max();
  test_budget();
  return check_summary("test_pool_planner");
}
