/* SPDX-License-Identifier: MIT */
/* bench_pool.c: alloc+free pairs of the operator heap against the limit (a bare free list),
 * glibc malloc/free and bees 0.8.1's op pool algorithm, all measured in this run: one op
 * created and deleted over and over ("pair"), and 200 created then deleted in a scrambled order
 * ("batch"), at 40, 96, 168 and 1000 bytes and at a mix of this build's op class sizes; and the
 * heap with its park off (the coalescing TLSF tier alone), to show what the park buys.
 * Rounds are interleaved (every allocator once per round, in a rotating order) so a slow phase
 * of the machine hits all of them; each figure is the median over the rounds, with the spread.
 * Each allocator is a direct call to a function that is not inlined. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bees08_pool.h"
#include "bench_util.h"
#include "op_catalog.h"
#include "pool.h"

#define BATCH 200
#define ORDER_STEP 73 /* coprime with BATCH: a fixed scramble of the free order */
#define ROUNDS 15
#define NALLOC 5
#define MIX 64 /* sizes in the mix sequence */

/* ---- the limit: a bare intrusive free list of 1 KiB blocks (sizes ignored) ---- */
static uint64_t bare_mem[BATCH * 1024 / 8];
static void *bare_head;
static void bare_init(void) {
  int i;
  uint8_t *b = (uint8_t *)bare_mem;
  bare_head = 0;
  for (i = BATCH - 1; i >= 0; i--) {
    *(void **)(b + i * 1024) = bare_head;
    bare_head = b + i * 1024;
  }
}
__attribute__((noinline)) static void *bare_alloc(uint32_t size) {
  void *p = bare_head;
  (void)size;
  if (p) bare_head = *(void **)p;
  return p;
}
__attribute__((noinline)) static void bare_free(void *p) {
  *(void **)p = bare_head;
  bare_head = p;
}

__attribute__((noinline)) static void *malloc_alloc(uint32_t size) { return malloc(size); }
__attribute__((noinline)) static void malloc_free(void *p) { free(p); }

static pool_t *pool, *tlsf;
static void *pool_a(uint32_t size) { return pool_alloc(pool, size, 1); }
static void pool_f(void *p) { pool_free(pool, p); }
/* the same heap with the park off (one parked block at most): the coalescing tier alone */
static void *tlsf_a(uint32_t size) { return pool_alloc(tlsf, size, 1); }
static void tlsf_f(void *p) { pool_free(tlsf, p); }

__attribute__((noinline)) static void *bees_alloc(uint32_t size) {
  return size <= BEES08_SMALL_SIZE ? bees08_alloc_small() : bees08_alloc_big();
}
static void bees_free(void *p) { bees08_free(p); }

typedef struct {
  const char *name;
  void *(*alloc)(uint32_t);
  void (*free)(void *);
} allocator_t;

static const allocator_t ALLOC[NALLOC] = {
    {"bare free list", bare_alloc, bare_free},
    {"aleph pool", pool_a, pool_f},
    {"bees 0.8.1 op_pool", bees_alloc, bees_free},
    {"glibc malloc", malloc_alloc, malloc_free},
    {"aleph, park off", tlsf_a, tlsf_f},
};

/* a workload: fixed size (or 0: the mix), pairs or batches */
typedef struct {
  uint32_t size;
  int batch;
  long reps;
  const allocator_t *a;
} work_t;

static uint32_t mix[MIX];

static void run_pairs(void *ctx) {
  const work_t *w = ctx;
  long r;
  for (r = 0; r < w->reps; r++) {
    void *p = w->a->alloc(w->size ? w->size : mix[r & (MIX - 1)]);
    bench_sink((uintptr_t)p);
    w->a->free(p);
  }
}

static void run_batch(void *ctx) {
  const work_t *w = ctx;
  void *ptrs[BATCH];
  long r;
  int i;
  for (r = 0; r < w->reps; r++) {
    for (i = 0; i < BATCH; i++) ptrs[i] = w->a->alloc(w->size ? w->size : mix[i & (MIX - 1)]);
    bench_sink((uintptr_t)ptrs[BATCH - 1]);
    for (i = 0; i < BATCH; i++) w->a->free(ptrs[(i * ORDER_STEP) % BATCH]);
  }
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(void) {
  static const uint32_t sizes[5] = {40, 96, 168, 1000, 0};
  static uint64_t region[(8u << 20) / 8], region2[(8u << 20) / 8];
  const pool_config_t park_off = {0, 0, 1};
  double t[NALLOC][ROUNDS], med[2][5][NALLOC], lo[2][5][NALLOC], hi[2][5][NALLOC];
  pool_stats_t st;
  uint32_t i, s, k, r;
  int batch;
  /* the mix: this build's op class sizes in a fixed scramble */
  for (i = 0; i < MIX; i++) mix[i] = op_class_at((uint16_t)((i * 37u) % op_class_count()))->size;
  /* the shipped configuration (granule, park), in a heap large enough for a batch of the
   * largest classes */
  if (pool_init(region, sizeof region, 0, NULL, &pool) != POOL_OK ||
      pool_init(region2, sizeof region2, &park_off, NULL, &tlsf) != POOL_OK) {
    fprintf(stderr, "bench_pool: pool_init failed\n");
    return 1;
  }
  bare_init();
  bees08_pool_init_counts(BEES08_MAX_BLOCKS, BEES08_MAX_BLOCKS);
  pool_get_stats(pool, &st);
  printf("bench_pool: ns per alloc+free, median of %d interleaved rounds [min..max]; heap %u B, "
         "granule %u, POOL_DEBUG=%d; bees 0.8.1 with %u blocks of each size\n",
         ROUNDS, (unsigned)st.heap_bytes, (unsigned)st.granule, POOL_DEBUG,
         (unsigned)BEES08_MAX_BLOCKS);
  for (batch = 0; batch < 2; batch++) {
    for (s = 0; s < 5; s++) {
      for (r = 0; r < ROUNDS; r++) {
        for (k = 0; k < NALLOC; k++) {
          uint32_t a = (k + r) % NALLOC; /* a rotating order within the round */
          work_t w;
          w.size = sizes[s];
          w.batch = batch;
          w.reps = batch ? 20000 : 4000000;
          w.a = &ALLOC[a];
          if (a == 1) pool_settle(pool); /* each workload starts from a merged heap */
          if (a == 4) pool_settle(tlsf);
          t[a][r] = bench_best_ns(1, (uint64_t)w.reps * (batch ? BATCH : 1),
                                  batch ? run_batch : run_pairs, &w);
        }
      }
      for (k = 0; k < NALLOC; k++) {
        qsort(t[k], ROUNDS, sizeof t[k][0], cmp_double);
        med[batch][s][k] = t[k][ROUNDS / 2];
        lo[batch][s][k] = t[k][0];
        hi[batch][s][k] = t[k][ROUNDS - 1];
      }
    }
  }
  for (batch = 0; batch < 2; batch++) {
    printf("\n%s\n%-20s", batch ? "batch of 200, freed in a scrambled order" : "create+delete pairs",
           "");
    for (s = 0; s < 5; s++) {
      char h[16];
      if (sizes[s]) snprintf(h, sizeof h, "%u B", (unsigned)sizes[s]);
      else snprintf(h, sizeof h, "op mix");
      printf(" %19s", h);
    }
    printf("\n");
    for (k = 0; k < NALLOC; k++) {
      printf("%-20s", ALLOC[k].name);
      for (s = 0; s < 5; s++)
        printf("  %5.2f [%5.2f..%5.2f]", med[batch][s][k], lo[batch][s][k], hi[batch][s][k]);
      printf("\n");
    }
    printf("%-20s", "pool / bare");
    for (s = 0; s < 5; s++) printf(" %19.2f", med[batch][s][1] / med[batch][s][0]);
    printf("   (target <= 2 for small ops)\n%-20s", "glibc / pool");
    for (s = 0; s < 5; s++) printf(" %19.2f", med[batch][s][3] / med[batch][s][1]);
    printf("   (target > 1)\n%-20s", "bees 0.8.1 / pool");
    for (s = 0; s < 5; s++) printf(" %19.2f", med[batch][s][2] / med[batch][s][1]);
    printf("   (target > 1)\n%-20s", "park off / pool");
    for (s = 0; s < 5; s++) printf(" %19.2f", med[batch][s][4] / med[batch][s][1]);
    printf("   (what the park saves)\n");
  }
  pool_get_stats(pool, &st);
  if (st.live_allocs || st.failures || st.corruptions || st.bad_frees) {
    fprintf(stderr, "bench_pool: pool not empty after the run, or it failed (%u live, %u "
                    "failures)\n", (unsigned)st.live_allocs, (unsigned)st.failures);
    return 1;
  }
  memset(t, 0, sizeof t);
  return 0;
}
