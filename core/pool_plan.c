/* pool_plan.c: pool sizes from a budget (bees 0.8's fixed 256 x 128 B + 8 x 16 KiB become the
 * result of a split applied to a budget, so a smaller or larger SDRAM scales the pools). */
#include "pool_plan.h"

#include "pool.h"

const pool_split_t POOL_SPLIT_BEES08 = {600u, 200u, 128u, 16384u};

static pool_plan_status_t check_split(const pool_split_t *s) {
  if (!s) return POOL_PLAN_ERR_NULL;
  if (s->small_block_size == 0 || s->big_block_size == 0 || (s->small_block_size % POOL_ALIGN) ||
      (s->big_block_size % POOL_ALIGN) || s->small_block_size > POOL_SMALL_BLOCK_MAX)
    return POOL_PLAN_ERR_BLOCK_SIZE;
  if (s->ops_permille == 0 || s->ops_permille > 1000u || s->small_permille == 0 ||
      s->small_permille >= 1000u)
    return POOL_PLAN_ERR_SHARE;
  return POOL_PLAN_OK;
}

pool_plan_status_t pool_plan_validate(const pool_plan_t *p) {
  if (!p) return POOL_PLAN_ERR_NULL;
  /* The small block may be larger than the big pool's granule: requests up to the small block
   * size go small (one block each), larger ones take runs of granules. */
  if (p->small_block_size == 0 || p->big_block_size == 0 || (p->small_block_size % POOL_ALIGN) ||
      (p->big_block_size % POOL_ALIGN) || p->small_block_size > POOL_SMALL_BLOCK_MAX)
    return POOL_PLAN_ERR_BLOCK_SIZE;
  if (p->small_count == 0 && p->big_count == 0) return POOL_PLAN_ERR_TOO_SMALL;
  if (p->small_count >= 0xFFFFFFFFu || p->big_count >= 0xFFFFFFFFu) return POOL_PLAN_ERR_TOO_SMALL;
  return POOL_PLAN_OK;
}

pool_plan_status_t pool_plan_from_budget(uint32_t budget, const pool_split_t *split,
                                         pool_plan_t *out) {
  pool_plan_status_t st = check_split(split);
  uint64_t small_bytes;
  if (st != POOL_PLAN_OK) return st;
  if (!out) return POOL_PLAN_ERR_NULL;
  small_bytes = (uint64_t)budget * split->small_permille / 1000u;
  out->small_block_size = split->small_block_size;
  out->big_block_size = split->big_block_size;
  out->small_count = (uint32_t)(small_bytes / split->small_block_size);
  out->big_count = (uint32_t)((budget - small_bytes) / split->big_block_size);
  if (out->small_count == 0 || out->big_count == 0) return POOL_PLAN_ERR_TOO_SMALL;
  return POOL_PLAN_OK;
}

pool_plan_status_t pool_plan_for_arena(uint32_t arena_bytes, const pool_split_t *split,
                                       pool_plan_t *out) {
  pool_plan_status_t st = check_split(split);
  pool_plan_t plan, more_small, more_big;
  uint64_t region, base, per_small, per_big, avail;
  if (st != POOL_PLAN_OK) return st;
  if (!out) return POOL_PLAN_ERR_NULL;
  region = (uint64_t)arena_bytes * split->ops_permille / 1000u;
  /* what one more block of each kind costs, bookkeeping included, taken from the layout */
  plan.small_block_size = split->small_block_size;
  plan.big_block_size = split->big_block_size;
  plan.small_count = plan.big_count = 1;
  more_small = more_big = plan;
  more_small.small_count += 1024u;
  more_big.big_count += 1024u;
  base = pool_region_size(&plan);
  per_small = (pool_region_size(&more_small) - base + 1023u) / 1024u;
  per_big = (pool_region_size(&more_big) - base + 1023u) / 1024u;
  if (base == 0 || region < base) return POOL_PLAN_ERR_TOO_SMALL;
  avail = region - base;
  plan.small_count += (uint32_t)(avail * split->small_permille / 1000u / per_small);
  plan.big_count += (uint32_t)(avail * (1000u - split->small_permille) / 1000u / per_big);
  /* alignment padding can cost a few bytes more than the linear estimate */
  while (pool_region_size(&plan) == 0 || pool_region_size(&plan) > region) {
    if (plan.big_count > 1u) plan.big_count--;
    else if (plan.small_count > 1u) plan.small_count--;
    else return POOL_PLAN_ERR_TOO_SMALL;
  }
  *out = plan;
  return POOL_PLAN_OK;
}

const char *pool_plan_strerror(pool_plan_status_t s) {
  switch (s) {
  case POOL_PLAN_OK: return "ok";
  case POOL_PLAN_ERR_NULL: return "a required argument was NULL";
  case POOL_PLAN_ERR_BLOCK_SIZE:
    return "block sizes must be non-zero multiples of 8, the small one at most 65528 bytes";
  case POOL_PLAN_ERR_SHARE: return "shares must be between 1 and 999 permille";
  case POOL_PLAN_ERR_TOO_SMALL: return "the budget cannot hold one block of each pool";
  }
  return "unknown plan status";
}
