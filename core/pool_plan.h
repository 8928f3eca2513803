/* pool_plan.h: how many blocks of which size the pools get, computed from a memory budget.
 * Owns the plan type and the arithmetic that replaces bees' fixed pool constants. */
#ifndef ALEPH_POOL_PLAN_H
#define ALEPH_POOL_PLAN_H

#include <stdint.h>

/* The layout of the two pools. Block sizes are usable bytes, multiples of POOL_ALIGN (8). The
 * small block may be larger than the big pool's granule (e.g. 40 B blocks beside 8 B granules). */
typedef struct {
  uint32_t small_block_size; /* every request up to this size takes one small block */
  uint32_t small_count;
  uint32_t big_block_size;   /* the granule of the big pool: a request takes a run of these */
  uint32_t big_count;
} pool_plan_t;

/* Small blocks record their requested size in 16 bits. */
#define POOL_SMALL_BLOCK_MAX 0xFFF8u

/* How a budget is divided. Shares are in permille (1000 = all). */
typedef struct {
  uint16_t ops_permille;     /* share of the whole arena given to the op pools */
  uint16_t small_permille;   /* share of the op pools' budget given to the small pool */
  uint32_t small_block_size;
  uint32_t big_block_size;
} pool_split_t;

/* bees 0.8's proportions: 60% of SDRAM for ops (design v1.0), 20% of that small, 128-byte small
 * blocks, 16 KiB big blocks. Given bees 0.8's budget of 160 KiB of blocks it yields bees 0.8's
 * pools exactly: 256 x 128 B and 8 x 16 KiB. */
extern const pool_split_t POOL_SPLIT_BEES08;
/* The payload budget of bees 0.8's pools (256*128 + 8*16384 bytes). */
#define POOL_BEES08_BUDGET (256u * 128u + 8u * 16384u)

typedef enum {
  POOL_PLAN_OK = 0,
  POOL_PLAN_ERR_NULL,        /* a pointer argument was NULL */
  POOL_PLAN_ERR_BLOCK_SIZE,  /* a block size is 0 or not a multiple of 8, or the small one is
                                over POOL_SMALL_BLOCK_MAX */
  POOL_PLAN_ERR_SHARE,       /* a permille share is 0 or over 1000 */
  POOL_PLAN_ERR_TOO_SMALL    /* the budget cannot hold one block of each pool */
} pool_plan_status_t;

/* Splits a budget of block payload bytes (no bookkeeping) by split->small_permille:
 * small_count = floor(budget*small/1000 / small_block_size), big likewise with the rest. */
pool_plan_status_t pool_plan_from_budget(uint32_t payload_budget, const pool_split_t *split,
                                         pool_plan_t *out);

/* The largest plan with split's proportions whose whole pool region (bookkeeping included,
 * in this build's debug mode: see pool_region_size()) fits in split->ops_permille of
 * arena_bytes. */
pool_plan_status_t pool_plan_for_arena(uint32_t arena_bytes, const pool_split_t *split,
                                       pool_plan_t *out);

/* Checks a plan on its own (block sizes multiples of 8, small <= big and under 64 KiB,
 * at least one block). */
pool_plan_status_t pool_plan_validate(const pool_plan_t *plan);

const char *pool_plan_strerror(pool_plan_status_t status);

#endif
