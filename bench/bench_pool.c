/* bench_pool.c: alloc+free pairs of the operator pools against the limit (a bare free list),
 * glibc malloc/free, and bees 0.8.1's op pool algorithm, all measured in this run.
 * Each allocator is a direct call to a function that is not inlined, as the pools are. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "bees08_pool.h"
#include "bench_util.h"
#include "pool.h"

#define BATCH 200
#define ORDER_STEP 73 /* coprime with BATCH: a fixed scramble of the free order */
#define OP_SIZE 96u   /* an ADD op on a 32-bit target */

/* ---- the limit: a bare intrusive free list of 128-byte blocks ---- */
static uint64_t bare_mem[256 * 128 / 8];
static void *bare_head;
static void bare_init(void) {
  int i;
  uint8_t *b = (uint8_t *)bare_mem;
  bare_head = 0;
  for (i = 255; i >= 0; i--) {
    *(void **)(b + i * 128) = bare_head;
    bare_head = b + i * 128;
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

static pool_t *pool;
#define POOL_A(size) pool_alloc(pool, (size))
#define POOL_F(p) pool_free(pool, (p))

__attribute__((noinline)) static void *bees_alloc(uint32_t size) {
  return size <= BEES08_SMALL_SIZE ? bees08_alloc_small() : bees08_alloc_big();
}

static long reps;

/* pairs: one op created and deleted, over and over.
 * batch: a scene's worth of ops created, then deleted in a scrambled order. */
#define LOOPS(name, ALLOC, FREE)                                        \
  static void pairs_##name(void *ctx) {                                 \
    long r;                                                             \
    (void)ctx;                                                          \
    for (r = 0; r < reps; r++) {                                        \
      void *p = ALLOC(OP_SIZE);                                         \
      bench_sink((uintptr_t)p);                                         \
      FREE(p);                                                          \
    }                                                                   \
  }                                                                     \
  static void batch_##name(void *ctx) {                                 \
    void *ptrs[BATCH];                                                  \
    long r;                                                             \
    int i;                                                              \
    (void)ctx;                                                          \
    for (r = 0; r < reps; r++) {                                        \
      for (i = 0; i < BATCH; i++) ptrs[i] = ALLOC(OP_SIZE);             \
      for (i = 0; i < BATCH; i++) FREE(ptrs[(i * ORDER_STEP) % BATCH]); \
    }                                                                   \
  }
LOOPS(bare, bare_alloc, bare_free)
LOOPS(pool, POOL_A, POOL_F)
LOOPS(bees, bees_alloc, bees08_free)
LOOPS(malloc, malloc_alloc, malloc_free)

int main(void) {
  static uint64_t region[(1u << 20) / 8];
  static const char *names[4] = {"bare free list", "aleph pool", "bees 0.8.1 op_pool",
                                 "glibc malloc"};
  void (*pairs[4])(void *) = {pairs_bare, pairs_pool, pairs_bees, pairs_malloc};
  void (*batch[4])(void *) = {batch_bare, batch_pool, batch_bees, batch_malloc};
  const long pair_reps = 20000000, batch_reps = 100000;
  pool_plan_t plan;
  pool_stats_t st;
  double t[4][2];
  int k;

  pool_plan_from_budget(POOL_BEES08_BUDGET, &POOL_SPLIT_BEES08, &plan);
  if (pool_init(region, sizeof region, &plan, NULL, &pool) != POOL_OK) {
    fprintf(stderr, "bench_pool: pool_init failed\n");
    return 1;
  }
  bare_init();
  bees08_pool_init();
  printf("bench_pool: alloc+free pairs of %u-byte ops, plan %u x %u B + %u x %u B, POOL_DEBUG=%d\n",
         OP_SIZE, plan.small_count, plan.small_block_size, plan.big_count, plan.big_block_size,
         POOL_DEBUG);
  for (k = 0; k < 4; k++) {
    reps = pair_reps;
    t[k][0] = bench_best_ns(7, (uint64_t)pair_reps, pairs[k], NULL);
    reps = batch_reps;
    t[k][1] = bench_best_ns(7, (uint64_t)batch_reps * BATCH, batch[k], NULL);
  }
  printf("%-26s %14s %14s\n", "ns per alloc+free", "create+delete", "batch of 200");
  for (k = 0; k < 4; k++) printf("%-26s %14.2f %14.2f\n", names[k], t[k][0], t[k][1]);
  printf("%-26s %14.2f %14.2f   (target <= 1.5)\n", "pool / bare free list", t[1][0] / t[0][0],
         t[1][1] / t[0][1]);
  printf("%-26s %14.2f %14.2f   (target > 1)\n", "glibc malloc / pool", t[3][0] / t[1][0],
         t[3][1] / t[1][1]);
  printf("%-26s %14.2f %14.2f\n", "bees 0.8.1 op_pool / pool", t[2][0] / t[1][0],
         t[2][1] / t[1][1]);
  pool_get_stats(pool, &st);
  if (st.small.blocks_used || st.big.blocks_used || st.failed_allocs) {
    fprintf(stderr, "bench_pool: pool not empty after the run (leak or failure)\n");
    return 1;
  }
  return 0;
}
