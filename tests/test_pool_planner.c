/* SPDX-License-Identifier: MIT */
/* test_pool_planner.c: the planner on synthetic traces with known answers (exact size classes,
 * so the least heap is a sum of block sizes), frees inside a trace, the headroom, the worst
 * pair, its bound (the heap found serves every pair, one granule less fails one), and errors. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "pool.h"
#include "pool_planner.h"

#define MAXEV 64
static planner_event_t evbuf[4][MAXEV];

/* n allocations of size bytes. */
static planner_trace_t allocs(int slot, uint32_t size, uint32_t n) {
  planner_trace_t t;
  uint32_t i;
  for (i = 0; i < n; i++) {
    evbuf[slot][i].size = size;
    evbuf[slot][i].ref = -1;
  }
  t.ev = evbuf[slot];
  t.count = n;
  return t;
}

static void *scratch_for(const planner_trace_t *t, uint32_t n, const planner_params_t *pp,
                         uint32_t *bytes) {
  *bytes = planner_scratch_size(t, n, pp);
  CHECK(*bytes > 0);
  return aligned_alloc(8, ((size_t)*bytes + 7u) & ~(size_t)7u);
}

/* 50-byte requests on an 8-byte granule take blocks of under 16 granules (an exact size class,
 * in release and debug builds), so two scenes of one and three such ops need exactly 2 x 3
 * blocks at the worst. */
static void test_known_answers(void) {
  planner_params_t pp = {{8, 0, 0}, 0};
  planner_trace_t t[2];
  planner_result_t r;
  uint32_t b = pool_block_size(50, &pp.pool), sb;
  void *scratch;
  CHECK(b % 8u == 0 && b / 8u < 16u);
  t[0] = allocs(0, 50, 1);
  t[1] = allocs(1, 50, 3);
  scratch = scratch_for(t, 2, &pp, &sb);
  CHECK_EQ_INT(planner_plan(t, 2, &pp, scratch, sb, &r), PLANNER_OK);
  CHECK_EQ_INT(r.heap_min, 6u * b); /* the larger scene replacing itself */
  CHECK_EQ_INT(r.heap_bytes, 6u * b);
  CHECK_EQ_INT(r.worst_old, 1);
  CHECK_EQ_INT(r.worst_new, 1);
  CHECK(r.replays > 8);
  /* with headroom: one more exact-class block beside the old scene */
  pp.headroom = 30; /* an exact-class block too */
  free(scratch);
  scratch = scratch_for(t, 2, &pp, &sb);
  CHECK_EQ_INT(planner_plan(t, 2, &pp, scratch, sb, &r), PLANNER_OK);
  CHECK_EQ_INT(r.heap_min, 6u * b);
  CHECK_EQ_INT(r.heap_bytes, 6u * b + pool_block_size(30, &pp.pool));
  /* the bound is tight: the worst pair fits the heap found, and not a granule less */
  CHECK(planner_switch_fits(&t[1], &t[1], r.heap_bytes, &pp, scratch, sb));
  CHECK(!planner_switch_fits(&t[1], &t[1], r.heap_bytes - 8u, &pp, scratch, sb));
  CHECK(planner_switch_fits(&t[0], &t[1], r.heap_bytes - 8u, &pp, scratch, sb));
  free(scratch);
}

/* Frees within a trace: only what is live at once counts; a free naming nothing is refused. */
static void test_frees_in_a_trace(void) {
  planner_params_t pp = {{8, 0, 0}, 0};
  planner_trace_t t;
  planner_result_t r;
  uint32_t b = pool_block_size(50, &pp.pool), sb;
  void *scratch;
  /* a, b, free a, c: two live at most */
  static planner_event_t ev[4] = {{50, -1}, {50, -1}, {0, 0}, {50, -1}};
  t.ev = ev;
  t.count = 4;
  scratch = scratch_for(&t, 1, &pp, &sb);
  CHECK_EQ_INT(planner_plan(&t, 1, &pp, scratch, sb, &r), PLANNER_OK);
  /* the old scene ends with two live; the new one needs two at once beside them */
  CHECK_EQ_INT(r.heap_min, 4u * b);
  ev[2].ref = 2; /* a free of itself */
  CHECK_EQ_INT(planner_plan(&t, 1, &pp, scratch, sb, &r), PLANNER_ERR_TRACE);
  ev[2].ref = 1;
  ev[1].ref = 0; /* a free of a free */
  CHECK_EQ_INT(planner_plan(&t, 1, &pp, scratch, sb, &r), PLANNER_ERR_TRACE);
  free(scratch);
}

/* Mixed op-like sizes on the AVR32's granule: whatever the placement, the planned heap serves
 * every pair and is close to the byte count of the worst pair (classes are not all exact). */
static void test_mixed_sizes(void) {
  static const uint32_t sizes[3][6] = {{36, 40, 104, 444, 48, 40},
                                       {4172, 40, 40, 64, 2, 44},
                                       {860, 336, 336, 36, 36, 52}};
  planner_params_t pp = {{4, 0, 0}, 6304};
  planner_trace_t t[3];
  planner_result_t r;
  uint32_t sb, i, j, k, bytes[3];
  void *scratch;
  for (i = 0; i < 3; i++) {
    bytes[i] = 0;
    for (k = 0; k < 6; k++) {
      evbuf[i][k].size = sizes[i][k];
      evbuf[i][k].ref = -1;
      bytes[i] += pool_block_size(sizes[i][k], &pp.pool);
    }
    t[i].ev = evbuf[i];
    t[i].count = 6;
  }
  scratch = scratch_for(t, 3, &pp, &sb);
  CHECK_EQ_INT(planner_plan(t, 3, &pp, scratch, sb, &r), PLANNER_OK);
  for (i = 0; i < 3; i++)
    for (j = 0; j < 3; j++) CHECK(planner_switch_fits(&t[i], &t[j], r.heap_bytes, &pp, scratch, sb));
  CHECK_EQ_INT(r.worst_old, 1); /* the SCREEN-sized scene twice */
  CHECK_EQ_INT(r.worst_new, 1);
  CHECK(r.heap_min >= 2u * bytes[1]);
  CHECK(r.heap_min <= 2u * bytes[1] + 2u * 1024u);
  CHECK(r.heap_bytes >= r.heap_min + pool_block_size(6304, &pp.pool));
  CHECK_EQ_INT(r.heap_bytes % 4u, 0);
  free(scratch);
}

static void test_errors(void) {
  planner_params_t pp = {{8, 0, 0}, 0}, bad = {{12, 0, 0}, 0};
  planner_trace_t t = allocs(0, 100, 2), empty = {evbuf[0], 0};
  planner_result_t r;
  uint32_t sb = planner_scratch_size(&t, 1, &pp);
  void *scratch = malloc(sb);
  CHECK_EQ_INT(planner_plan(0, 1, &pp, scratch, sb, &r), PLANNER_ERR_NULL);
  CHECK_EQ_INT(planner_plan(&t, 0, &pp, scratch, sb, &r), PLANNER_ERR_EMPTY);
  CHECK_EQ_INT(planner_plan(&empty, 1, &pp, scratch, sb, &r), PLANNER_ERR_EMPTY);
  CHECK_EQ_INT(planner_plan(&t, 1, &bad, scratch, sb, &r), PLANNER_ERR_CONFIG);
  CHECK_EQ_INT(planner_plan(&t, 1, &pp, scratch, sb - 1u, &r), PLANNER_ERR_SCRATCH);
  CHECK(!planner_switch_fits(&t, &t, 1u << 20, &pp, scratch, sb)); /* more than the scratch */
  CHECK(planner_strerror(PLANNER_ERR_TRACE)[0] != '\0');
  free(scratch);
}

int main(void) {
  RUN(test_known_answers);
  RUN(test_frees_in_a_trace);
  RUN(test_mixed_sizes);
  RUN(test_errors);
  return check_summary("test_pool_planner");
}
