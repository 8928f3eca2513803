/* SPDX-License-Identifier: MIT */
/* bees08_pool.h: the bees 0.8.1 op pool algorithm, re-implemented from its description
 * (bees-reference.md) as the benchmarks' baseline: two arrays of cons cells (block pointer +
 * next cell) as free lists, free tries the small pool then the big one, validating by
 * division. */
#ifndef ALEPH_BEES08_POOL_H
#define ALEPH_BEES08_POOL_H

#include <stdint.h>

#define BEES08_SMALL_SIZE 128u
#define BEES08_SMALL_COUNT 256u
#define BEES08_BIG_SIZE 16384u
#define BEES08_BIG_COUNT 8u

/* Storage for up to this many blocks of each size (bees had 256 small and 8 big). */
#define BEES08_MAX_BLOCKS 256u

/* bees' own counts. */
void bees08_pool_init(void);
/* The same algorithm with more blocks (at most BEES08_MAX_BLOCKS each), for a benchmark that
 * holds more big ops at once than bees' 8. */
void bees08_pool_init_counts(uint32_t small, uint32_t big);
/* bees chose the pool by the op class's size before calling alloc. */
uint8_t *bees08_alloc_small(void);
uint8_t *bees08_alloc_big(void);
/* 0 on success, -1 if the pointer belongs to neither pool. */
int bees08_free(uint8_t *region);

#endif
