/* SPDX-License-Identifier: MIT */
/* test_pool.c: the operator heap: layout, allocation, parking and reuse, merging, validation of
 * frees, exhaustion, statistics and the design's figures, tracing, a random test against a
 * model, and (debug flavour) canaries, poisoning, leak records and fault injection.
 * Built twice: against aleph_core (release) and aleph_core_debug (POOL_DEBUG=1). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "pool.h"

static uint64_t arena_words[(1u << 20) / 8u]; /* 1 MiB, 8-byte aligned */
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

/* A pool whose heap holds heap_bytes, with the given granule (0: this build's) and park limit. */
static pool_t *make(uint32_t heap_bytes, uint16_t granule, uint16_t park_max) {
  pool_config_t cfg = {granule, 0, park_max};
  pool_t *p = 0;
  uint32_t need = pool_region_size(heap_bytes, &cfg);
  CHECK(need > heap_bytes && need <= sizeof arena_words);
  CHECK_EQ_INT(pool_init(arena, need, &cfg, &plat, &p), POOL_OK);
  CHECK(p != 0);
  faults = 0;
  return p;
}

static pool_stats_t stats(const pool_t *p) {
  pool_stats_t st;
  pool_get_stats(p, &st);
  return st;
}

static void test_layout_and_init_errors(void) {
  pool_t *p = (pool_t *)1;
  pool_config_t bad = {12, 0, 0}, g4 = {4, 0, 0};
  uint32_t r = pool_region_size(10000, 0);
  CHECK(r >= 10000 && r < 10000 + 2048);
  CHECK_EQ_INT(pool_region_size(10000, &bad), 0);
  CHECK_EQ_INT(pool_region_size(0xFFFFFF00u, 0), 0); /* does not fit 32 bits */
  CHECK_EQ_INT(pool_init(0, 4096, 0, 0, &p), POOL_ERR_NULL_ARG);
  CHECK_EQ_INT(pool_init(arena, 4096, 0, 0, 0), POOL_ERR_NULL_ARG);
  CHECK_EQ_INT(pool_init(arena, 4096, &bad, 0, &p), POOL_ERR_BAD_CONFIG);
  CHECK(p == 0);
  CHECK_EQ_INT(pool_init(arena + 2, 4096, 0, 0, &p), POOL_ERR_REGION_MISALIGNED);
  CHECK_EQ_INT(pool_init(arena, 64, 0, 0, &p), POOL_ERR_REGION_TOO_SMALL);
  /* the heap is what the region leaves after the control block, as stated */
  CHECK_EQ_INT(pool_init(arena, r, 0, &plat, &p), POOL_OK);
  CHECK(stats(p).heap_bytes >= 10000);
  CHECK_EQ_INT(stats(p).region_bytes, r);
  CHECK_EQ_INT(stats(p).control_bytes + stats(p).heap_bytes, r);
  CHECK_EQ_INT(stats(p).control_bytes, pool_control_size(r, 0));
  CHECK(pool_invariants_hold(p));
  /* a 4-byte granule (the AVR32's) lays out on any host */
  CHECK_EQ_INT(pool_init(arena, pool_region_size(10000, &g4), &g4, 0, &p), POOL_OK);
  CHECK_EQ_INT(stats(p).granule, 4);
  CHECK(pool_invariants_hold(p));
  /* pool_block_size: header + request, rounded to the granule */
  CHECK_EQ_INT(pool_block_size(36, &g4) % 4u, 0);
  CHECK(pool_block_size(36, &g4) >= 36u + 12u);
  CHECK(pool_block_size(1, 0) >= 16u);
}

static void test_alloc_free_basics(void) {
  pool_t *p = make(64u << 10, 0, 0);
  uint8_t *a = pool_alloc(p, 40, 3), *b = pool_alloc(p, 1000, 4), *c;
  pool_stats_t st;
  CHECK(a && b && a != b);
  CHECK_EQ_INT((uintptr_t)a % POOL_ALIGN, 0);
  CHECK_EQ_INT((uintptr_t)b % POOL_ALIGN, 0);
  CHECK(pool_owns(p, a) && pool_owns(p, b));
  CHECK(!pool_owns(p, a + 8) && !pool_owns(p, 0));
  CHECK(pool_usable_size(p, a) >= 40 && pool_usable_size(p, a) < 40 + 32);
  CHECK(pool_footprint(p, b) >= 1000 + 12);
  memset(a, 0x11, 40);
  memset(b, 0x22, 1000);
  st = stats(p);
  CHECK_EQ_INT(st.live_allocs, 2);
  CHECK_EQ_INT(st.bytes_requested, 1040);
  CHECK_EQ_INT(st.bytes_handed_out, pool_usable_size(p, a) + pool_usable_size(p, b));
  CHECK_EQ_INT(st.small.live, 1);
  CHECK_EQ_INT(st.big.live, 1);
  CHECK_EQ_INT(st.allocs, 2);
  CHECK_EQ_INT(st.largest_request, 1000);
  CHECK_EQ_INT(pool_free(p, a), POOL_OK);
  CHECK_EQ_INT(pool_free(p, 0), POOL_OK);
  /* a freed block is parked whole and the next request of its size takes it back */
  st = stats(p);
  CHECK_EQ_INT(st.parked_blocks, 1);
  c = pool_alloc(p, 40, 3);
  CHECK(c == a);
  CHECK_EQ_INT(stats(p).reuses, 1);
  CHECK_EQ_INT(stats(p).parked_blocks, 0);
  CHECK_EQ_INT(pool_free(p, c), POOL_OK);
  CHECK_EQ_INT(pool_free(p, b), POOL_OK);
  CHECK(pool_invariants_hold(p));
  /* settling merges every parked block back: one free block again */
  pool_settle(p);
  st = stats(p);
  CHECK_EQ_INT(st.blocks, 1);
  CHECK_EQ_INT(st.parked_blocks, 0);
  CHECK_EQ_INT(st.free_bytes, st.heap_bytes);
  CHECK_EQ_INT(st.frees, 3);
  CHECK(st.largest_free + st.header_bytes == st.heap_bytes);
  CHECK_EQ_INT(pool_check(p, 0), POOL_OK);
  CHECK_EQ_INT(faults, 0);
}

static void test_zero_and_too_large(void) {
  pool_t *p = make(8192, 0, 0);
  CHECK(pool_alloc(p, 0, 0) == 0);
  CHECK_EQ_INT(pool_last_status(p), POOL_ERR_ZERO_SIZE);
  CHECK(pool_alloc(p, 9000, 0) == 0);
  CHECK_EQ_INT(pool_last_status(p), POOL_ERR_TOO_LARGE);
  CHECK(pool_alloc(p, 0xFFFFFFFFu, 0) == 0);
  CHECK_EQ_INT(pool_last_status(p), POOL_ERR_TOO_LARGE);
  CHECK(pool_alloc(p, 16, 300) == 0); /* tags are 8 bits */
  CHECK_EQ_INT(pool_last_status(p), POOL_ERR_BAD_CONFIG);
  CHECK_EQ_INT(stats(p).failures, 4);
  /* the whole heap in one block */
  {
    pool_stats_t st = stats(p);
    uint8_t *all = pool_alloc(p, st.largest_free, 1);
    CHECK(all != 0);
    CHECK_EQ_INT(pool_pressure(p), POOL_PRESSURE_FULL);
    CHECK(pool_alloc(p, 1, 1) == 0);
    CHECK_EQ_INT(pool_last_status(p), POOL_ERR_EXHAUSTED);
    CHECK_EQ_INT(pool_free(p, all), POOL_OK);
  }
  CHECK(pool_invariants_hold(p));
}

/* Every refused free leaves the heap exactly as it was. */
static void test_bad_frees_leave_lists_intact(void) {
  pool_t *p = make(16384, 0, 0);
  uint8_t *a = pool_alloc(p, 100, 1), *b = pool_alloc(p, 300, 2);
  uint8_t outside[16];
  pool_stats_t before, after;
  CHECK(a && b);
  before = stats(p);
  CHECK_EQ_INT(pool_free(p, outside), POOL_ERR_FOREIGN);
  CHECK_EQ_INT(pool_free(p, a + 1), POOL_ERR_MISALIGNED);
  CHECK_EQ_INT(pool_free(p, a + POOL_ALIGN), POOL_ERR_INTERIOR);
  CHECK_EQ_INT(pool_free(p, b + 64), POOL_ERR_INTERIOR);
  CHECK_EQ_INT(pool_last_fault(p)->status, POOL_ERR_INTERIOR);
  CHECK_EQ_INT(faults, 4);
  CHECK(strstr(last_fault_text, "not the start of a live block") != 0);
  after = stats(p);
  CHECK_EQ_INT(after.bad_frees, 4);
  CHECK_EQ_INT(after.live_allocs, before.live_allocs);
  CHECK_EQ_INT(after.bytes_requested, before.bytes_requested);
  CHECK(pool_invariants_hold(p));
  CHECK_EQ_INT(pool_free(p, a), POOL_OK);
  CHECK_EQ_INT(pool_free(p, a), POOL_ERR_DOUBLE_FREE); /* parked: its header says free */
  CHECK(pool_invariants_hold(p));
  CHECK_EQ_INT(pool_free(p, b), POOL_OK);
  /* once merged, a (the first block) names the free block it merged into, b names none */
  pool_settle(p);
  CHECK_EQ_INT(pool_free(p, a), POOL_ERR_DOUBLE_FREE);
  CHECK_EQ_INT(pool_free(p, b), POOL_ERR_INTERIOR);
  CHECK_EQ_INT(stats(p).live_allocs, 0);
  CHECK(pool_invariants_hold(p));
}

/* With the park full (park_max 1, one block parked), a free merges with free neighbours at once,
 * on both sides; parked blocks merge only when settled. */
static void test_merging_on_free(void) {
  pool_t *p = make(16384, 0, 1);
  uint8_t *x = pool_alloc(p, 64, 1), *a = pool_alloc(p, 200, 1), *b = pool_alloc(p, 200, 1);
  uint8_t *c = pool_alloc(p, 200, 1), *d = pool_alloc(p, 200, 1);
  pool_stats_t st;
  CHECK(x && a && b && c && d);
  CHECK_EQ_INT(pool_free(p, x), POOL_OK); /* fills the one park slot */
  CHECK_EQ_INT(stats(p).parked_blocks, 1);
  st = stats(p);
  CHECK_EQ_INT(st.blocks, 6);
  CHECK_EQ_INT(pool_free(p, b), POOL_OK); /* merges with nothing: neighbours live */
  CHECK_EQ_INT(stats(p).blocks, 6);
  CHECK_EQ_INT(pool_free(p, c), POOL_OK); /* merges with b */
  CHECK_EQ_INT(stats(p).blocks, 5);
  CHECK_EQ_INT(pool_free(p, d), POOL_OK); /* merges with b+c and the free rest */
  CHECK_EQ_INT(stats(p).blocks, 3);
  CHECK_EQ_INT(pool_free(p, a), POOL_OK); /* with the rest after; the parked x stays parked */
  st = stats(p);
  CHECK_EQ_INT(st.blocks, 2);
  CHECK_EQ_INT(st.parked_blocks, 1);
  CHECK_EQ_INT(st.merges, 4);
  pool_settle(p); /* which merges x too */
  st = stats(p);
  CHECK_EQ_INT(st.blocks, 1);
  CHECK_EQ_INT(st.parked_blocks, 0);
  CHECK_EQ_INT(st.merges, 5);
  CHECK(pool_invariants_hold(p));
  CHECK_EQ_INT(pool_check(p, 0), POOL_OK);
}

/* A request that only merged parked blocks can serve settles them, then succeeds. */
static void test_settle_on_miss_and_fragmentation(void) {
  enum { N = 40 };
  pool_t *p = make(N * 256u, 0, 0);
  uint8_t *q[N];
  uint32_t i, n = 0, big;
  pool_stats_t st;
  for (i = 0; i < N; i++) {
    q[i] = pool_alloc(p, 200, 1);
    if (q[i]) n++;
  }
  CHECK(n >= N - 1);
  for (i = 0; i < n; i++) CHECK_EQ_INT(pool_free(p, q[i]), POOL_OK);
  CHECK_EQ_INT(stats(p).parked_blocks, n);
  big = stats(p).largest_free;
  CHECK(big > 200u * (n - 1));
  CHECK(pool_alloc(p, big, 2) != 0); /* needs them all merged */
  st = stats(p);
  CHECK_EQ_INT(st.settles, 1);
  CHECK_EQ_INT(st.parked_blocks, 0);
  CHECK(pool_invariants_hold(p));
  /* fragmentation: every other block live, the holes too small for a large request */
  p = make(N * 256u, 0, 1);
  for (i = 0, n = 0; i < N; i++)
    if ((q[i] = pool_alloc(p, 200, 1)) != 0) n++;
  for (i = 0; i < n; i += 2) pool_free(p, q[i]);
  pool_settle(p);
  st = stats(p);
  CHECK(st.free_bytes >= 2000);
  CHECK(pool_alloc(p, 2000, 1) == 0);
  CHECK_EQ_INT(pool_last_status(p), POOL_ERR_FRAGMENTED);
  CHECK_EQ_INT(stats(p).fragmentation_events, 1);
  CHECK(pool_invariants_hold(p));
}

static void test_pressure_levels(void) {
  pool_t *p = make(10000, 0, 0);
  uint32_t heap = stats(p).heap_bytes, used = 0;
  void *q[200];
  int n = 0;
  CHECK_EQ_INT(pool_pressure(p), POOL_PRESSURE_OK);
  while (used * 100u < heap * 76u && n < 200) {
    q[n] = pool_alloc(p, 100, 1);
    CHECK(q[n] != 0);
    used += pool_footprint(p, q[n]);
    n++;
  }
  CHECK_EQ_INT(pool_pressure(p), POOL_PRESSURE_HIGH);
  while (used * 100u < heap * 91u && n < 200) {
    q[n] = pool_alloc(p, 100, 1);
    CHECK(q[n] != 0);
    used += pool_footprint(p, q[n]);
    n++;
  }
  CHECK_EQ_INT(pool_pressure(p), POOL_PRESSURE_CRITICAL);
  while (n < 200 && (q[n] = pool_alloc(p, 16, 1)) != 0) n++;
  CHECK_EQ_INT(pool_pressure(p), POOL_PRESSURE_FULL);
  CHECK_EQ_INT(stats(p).pressure, POOL_PRESSURE_FULL);
}

static pool_event_t events[16];
static int nevents;
static void trace_fn(void *ctx, const pool_event_t *ev) {
  (void)ctx;
  if (nevents < 16) events[nevents] = *ev;
  nevents++;
}

static void test_trace_and_reset(void) {
  pool_t *p = make(8192, 0, 0);
  uint8_t *a;
  nevents = 0;
  pool_set_trace(p, trace_fn, 0);
  a = pool_alloc(p, 50, 9);
  pool_free(p, a);
  pool_alloc(p, 100000, 9);
  pool_set_trace(p, 0, 0);
  pool_alloc(p, 10, 1);
  CHECK_EQ_INT(nevents, 3);
  CHECK_EQ_INT(events[0].kind, POOL_EV_ALLOC);
  CHECK_EQ_INT(events[0].requested, 50);
  CHECK(events[0].capacity >= 50);
  CHECK_EQ_INT(events[0].tag, 9);
  CHECK_EQ_INT(events[1].kind, POOL_EV_FREE);
  CHECK_EQ_INT(events[1].tag, 9);
  CHECK_EQ_INT(events[1].capacity, events[0].capacity);
  CHECK_EQ_INT(events[2].kind, POOL_EV_FAIL);
  CHECK_EQ_INT(events[2].status, POOL_ERR_TOO_LARGE);
  pool_reset_counters(p);
  {
    pool_stats_t st = stats(p);
    CHECK_EQ_INT(st.allocs, 0);
    CHECK_EQ_INT(st.failures, 0);
    CHECK_EQ_INT(st.live_allocs, 1); /* levels stay */
    CHECK_EQ_INT(st.handed_out_peak, st.bytes_handed_out);
  }
}

static int leaks_seen;
static const char *leak_file;
static uint32_t leak_line, leak_tick;
static void live_fn(void *ctx, const pool_block_info_t *info) {
  (void)ctx;
  leaks_seen++;
  leak_file = info->file;
  leak_line = info->line;
  leak_tick = info->tick;
  CHECK(info->requested <= info->capacity);
}

static void test_leak_report(void) {
  pool_t *p = make(8192, 0, 0);
  uint8_t *a = pool_alloc(p, 20, 5);
  void *b;
  fake_ticks = 4242;
  b = POOL_ALLOC(p, 30, 6);
  leaks_seen = 0;
  CHECK_EQ_INT(pool_foreach_live(p, live_fn, 0), 2);
  CHECK_EQ_INT(leaks_seen, 2);
#if POOL_DEBUG
  CHECK(leak_file && strstr(leak_file, "test_pool.c"));
  CHECK(leak_line > 0);
  CHECK_EQ_INT(leak_tick, 4242);
#else
  CHECK(leak_file == 0);
#endif
  pool_free(p, a);
  pool_free(p, b);
  CHECK_EQ_INT(pool_foreach_live(p, 0, 0), 0);
}

/* The design's figures: fragmentation 1 - requested/handed out at the peak; bookkeeping over
 * the payload capacity. */
static void test_figures(void) {
  pool_stats_t st;
  pool_config_t g4 = {4, 0, 0};
  pool_t *p = make(32768, 4, 0);
  void *q[20];
  int i;
  (void)g4;
  for (i = 0; i < 20; i++) q[i] = pool_alloc(p, 36 + 4u * (uint32_t)(i % 5), 1);
  st = stats(p);
  /* AVR32 op sizes are multiples of 4: nothing is wasted but what a free block too small to
   * split off adds */
  CHECK_EQ_INT(st.bytes_handed_out, st.bytes_requested);
  CHECK_EQ_INT(pool_frag_permille(&st), 0);
  CHECK(pool_bookkeeping_permille(&st) > 0 && pool_bookkeeping_permille(&st) < 100);
  for (i = 0; i < 20; i++) pool_free(p, q[i]);
  CHECK_EQ_INT(stats(p).handed_out_peak, st.bytes_handed_out);
  /* a hand-made case: 100 requested of 120 handed out at the peak is 167 permille */
  memset(&st, 0, sizeof st);
  st.handed_out_peak = 120;
  st.requested_at_peak = 100;
  CHECK_EQ_INT(pool_frag_permille(&st), 167);
  st.control_bytes = 100;
  st.header_bytes = 10;
  st.blocks_peak = 10;
  st.heap_bytes = 1100;
  st.region_bytes = 1200;
  CHECK_EQ_INT(pool_bookkeeping_permille(&st), 200); /* (100 + 100) / (1100 - 100) */
}

/* Random allocations and frees of op-like sizes against a model: contents survive, blocks never
 * overlap, the counters match, refused requests are only for want of memory. */
static void random_against_model(uint32_t heap, uint16_t granule, uint16_t park_max,
                                 unsigned seed) {
  enum { SLOTS = 160 };
  static const uint32_t op_sizes[] = {36, 40, 44, 48, 52, 64, 72, 104, 116, 156, 336, 444, 860,
                                      4172, 6304, 1000, 2960, 12};
  pool_t *p = make(heap, granule, park_max);
  uint8_t *ptr[SLOTS] = {0};
  uint32_t size[SLOTS] = {0};
  uint32_t live_req = 0, served = 0, refused = 0;
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
      uint32_t sz = (seed & 0x100u) ? op_sizes[(seed >> 9) % (sizeof op_sizes / 4u)]
                                    : 1u + ((seed >> 9) % 2000u);
      ptr[i] = pool_alloc(p, sz, (uint16_t)(i & 0xFF));
      if (ptr[i]) {
        uint32_t k;
        size[i] = sz;
        live_req += sz;
        served++;
        CHECK_EQ_INT((uintptr_t)ptr[i] % (granule ? granule : POOL_ALIGN), 0);
        for (k = 0; k < sz; k++) ptr[i][k] = (uint8_t)(i + k);
      } else {
        refused++;
        CHECK(pool_last_status(p) == POOL_ERR_EXHAUSTED ||
              pool_last_status(p) == POOL_ERR_FRAGMENTED);
      }
    }
    if (step % 61 == 0) {
      pool_stats_t st = stats(p);
      CHECK(pool_invariants_hold(p));
      CHECK_EQ_INT(st.bytes_requested, live_req);
      CHECK(st.bytes_handed_out - st.bytes_requested <= st.live_allocs * 31u);
    }
    if (step % 4999 == 0) pool_settle(p);
  }
  CHECK(served > 5000);
  CHECK(refused > 0); /* the heap is small enough to run out now and then */
  CHECK_EQ_INT(pool_check(p, 0), POOL_OK);
  for (step = 0; step < SLOTS; step++)
    if (ptr[step]) CHECK_EQ_INT(pool_free(p, ptr[step]), POOL_OK);
  CHECK_EQ_INT(pool_foreach_live(p, 0, 0), 0);
  pool_settle(p);
  {
    pool_stats_t st = stats(p);
    CHECK_EQ_INT(st.blocks, 1); /* everything merged back */
    CHECK_EQ_INT(st.corruptions, 0);
    CHECK_EQ_INT(st.bad_frees, 0);
  }
  CHECK_EQ_INT(faults, 0);
}

static void test_random_against_model(void) {
  random_against_model(96u << 10, 0, 0, 12345);   /* this build's granule, parking */
  random_against_model(96u << 10, 4, 0, 777);     /* the AVR32's granule */
  random_against_model(96u << 10, 8, 1, 4242);    /* merging on every free */
  random_against_model(48u << 10, 16, 3, 99);     /* a coarse granule, small park */
}

#if !POOL_DEBUG
/* An overrun that reaches the next block's header (release builds have no canaries) is caught
 * by its check word: the block cannot be freed through it, merging stops there, pool_check
 * names it, and nothing crashes. */
static void test_smashed_header_detected(void) {
  pool_t *p = make(16384, 0, 0);
  uint8_t *a = pool_alloc(p, 64, 1), *b = pool_alloc(p, 64, 2);
  pool_stats_t st = stats(p);
  pool_fault_t f;
  CHECK(a && b);
  CHECK(b > a && b - a == (ptrdiff_t)pool_footprint(p, a)); /* b's block follows a's */
  memset(b - st.header_bytes, 0x5A, st.header_bytes);        /* a runs over into b's header */
  CHECK(!pool_invariants_hold(p));
  faults = 0;
  CHECK_EQ_INT(pool_check(p, &f), POOL_ERR_CORRUPT);
  CHECK_EQ_INT(f.offset, (uint32_t)(b - a)); /* a is the first block: b's starts there */
  CHECK_EQ_INT(pool_free(p, b), POOL_ERR_INTERIOR);
  CHECK_EQ_INT(pool_free(p, a), POOL_OK); /* a is sound; it is parked, b left alone */
  pool_settle(p);                          /* the walk stops at b's header and says so */
  CHECK_EQ_INT(pool_last_fault(p)->status, POOL_ERR_CORRUPT);
  CHECK(faults >= 3);
}
#endif

#if POOL_DEBUG
/* Writes one byte at offset off from an allocation of req bytes and expects detection. */
static int overrun_detected(pool_t *p, uint32_t req, int32_t off, pool_status_t want) {
  uint8_t *q = pool_alloc(p, req, 77);
  pool_status_t got;
  pool_fault_t f;
  int ok;
  if (!q) return 0;
  q[off] = (uint8_t)~q[off];
  got = pool_check(p, &f);
  ok = got == want && f.tag == 77 && f.byte == off;
  got = pool_free(p, q);
  ok &= got == want;
  ok &= pool_invariants_hold(p);
  ok &= pool_check(p, 0) == POOL_OK; /* freeing re-poisons the block */
  return ok;
}

static void test_canaries_detect_every_offset(void) {
  static const uint32_t reqs[] = {1, 36, 60, 127, 128, 129, 300, 701};
  pool_t *p = make(16384, 0, 0);
  unsigned r;
  int tried = 0, detected = 0;
  int32_t off;
  for (r = 0; r < sizeof reqs / sizeof reqs[0]; r++) {
    uint32_t req = reqs[r];
    uint8_t *probe = pool_alloc(p, req, 1);
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
  CHECK(tried > 100);
  CHECK_EQ_INT(detected, tried);
  printf("canaries: %d of %d injected overruns/underruns detected\n", detected, tried);
}

static void test_overrun_attribution_and_message(void) {
  pool_t *p = make(8192, 0, 0);
  uint8_t *a = POOL_ALLOC(p, 50, 12), *b = POOL_ALLOC(p, 50, 13);
  pool_fault_t f;
  CHECK(a && b);
  b[50] = 0;
  CHECK_EQ_INT(pool_check(p, &f), POOL_ERR_OVERRUN);
  CHECK_EQ_INT(f.tag, 13);
  CHECK_EQ_INT(f.byte, 50);
  CHECK(f.file && strstr(f.file, "test_pool.c"));
  CHECK(strstr(last_fault_text, "overrun") && strstr(last_fault_text, "test_pool.c"));
  CHECK_EQ_INT(pool_free(p, b), POOL_ERR_OVERRUN);
  CHECK_EQ_INT(pool_free(p, a), POOL_OK);
  CHECK(pool_invariants_hold(p));
}

static void test_use_after_free_detected(void) {
  pool_t *p = make(8192, 0, 0);
  uint8_t *a = pool_alloc(p, 100, 1);
  pool_fault_t f;
  CHECK(a);
  pool_free(p, a);
  a[40] = 1; /* through a stale pointer */
  CHECK_EQ_INT(pool_check_live(p, 0), POOL_OK); /* not scanned there */
  CHECK_EQ_INT(pool_check(p, &f), POOL_ERR_USE_AFTER_FREE);
  faults = 0;
  CHECK(pool_alloc(p, 100, 1) == a); /* handing it out again reports it too */
  CHECK_EQ_INT(faults, 1);
  CHECK_EQ_INT(pool_last_fault(p)->status, POOL_ERR_USE_AFTER_FREE);
}

static void test_fault_injection(void) {
  pool_t *p = make(8192, 0, 0);
  void *a, *b, *c;
  pool_set_fail_after(p, 2);
  a = pool_alloc(p, 40, 1);
  b = pool_alloc(p, 40, 1);
  c = pool_alloc(p, 40, 1);
  CHECK(a && !b && c);
  CHECK_EQ_INT(stats(p).failures, 1);
  pool_free(p, a);
  pool_free(p, c);
  CHECK(pool_invariants_hold(p));
}
#endif

int main(void) {
  RUN(test_layout_and_init_errors);
  RUN(test_alloc_free_basics);
  RUN(test_zero_and_too_large);
  RUN(test_bad_frees_leave_lists_intact);
  RUN(test_merging_on_free);
  RUN(test_settle_on_miss_and_fragmentation);
  RUN(test_pressure_levels);
  RUN(test_trace_and_reset);
  RUN(test_leak_report);
  RUN(test_figures);
  RUN(test_random_against_model);
#if !POOL_DEBUG
  RUN(test_smashed_header_detected);
#else
  RUN(test_canaries_detect_every_offset);
  RUN(test_overrun_attribution_and_message);
  RUN(test_use_after_free_detected);
  RUN(test_fault_injection);
#endif
  return check_summary(POOL_DEBUG ? "test_pool (debug)" : "test_pool");
}
