/* pool.h: operator memory, the dual pool of bees' design v1.0 (small blocks + big-block runs).
 * Owns the pool region: free lists, coalescing, validation, canaries, leak records, statistics. */
#ifndef ALEPH_POOL_H
#define ALEPH_POOL_H

#include <stdbool.h>
#include <stdint.h>

#include "platform.h"
#include "pool_plan.h"

/* POOL_DEBUG (0 or 1, default 0) turns on, at compile time:
 * - canaries: POOL_CANARY_BYTES of pattern before every allocation, and pattern from the end of
 *   the requested size to the end of the block plus POOL_CANARY_BYTES after it; checked on free
 *   and by pool_check();
 * - poisoning: free blocks are filled with a pattern, checked when handed out and by pool_check(),
 *   so writes through stale pointers are caught;
 * - leak records: file, line and tick of every live allocation (POOL_ALLOC records the caller).
 * A write of exactly the pattern byte at exactly its position cannot be told from no write. */
#ifndef POOL_DEBUG
#define POOL_DEBUG 0
#endif

/* Alignment of every pointer the pool hands out (enough for any scalar on AVR32 and hosts). */
#define POOL_ALIGN 8u
/* Guard bytes on each side of a block in debug builds. */
#define POOL_CANARY_BYTES 8u

/* The instance. It lives at the start of the region given to pool_init(); no globals. */
typedef struct pool pool_t;

/* Every outcome a pool function can report. pool_strerror() gives a sentence for each. */
typedef enum {
  POOL_OK = 0,
  POOL_ERR_NULL_ARG,         /* a required pointer argument was NULL */
  POOL_ERR_BAD_PLAN,         /* block sizes/counts unusable (zero, unaligned, too many) */
  POOL_ERR_REGION_TOO_SMALL, /* the region cannot hold the plan: see pool_region_size() */
  POOL_ERR_REGION_MISALIGNED,/* the region is not POOL_ALIGN-aligned */
  POOL_ERR_ZERO_SIZE,        /* an allocation of 0 bytes was asked for */
  POOL_ERR_TOO_LARGE,        /* larger than the whole big pool could ever hold */
  POOL_ERR_EXHAUSTED,        /* not enough free blocks */
  POOL_ERR_FRAGMENTED,       /* enough free big blocks in total, but no adjacent run long enough */
  POOL_ERR_FOREIGN,          /* freed pointer is not inside this pool's blocks */
  POOL_ERR_MISALIGNED,       /* freed pointer is inside the pool but not at a block start */
  POOL_ERR_INTERIOR,         /* freed pointer is inside a live multi-block run, not its start */
  POOL_ERR_DOUBLE_FREE,      /* freed pointer's block is already free */
  POOL_ERR_OVERRUN,          /* bytes after an allocation's requested size were written */
  POOL_ERR_UNDERRUN,         /* bytes before an allocation were written */
  POOL_ERR_USE_AFTER_FREE,   /* a free block's poison was written */
  POOL_ERR_CORRUPT           /* the pool's own bookkeeping is inconsistent */
} pool_status_t;

/* Which of the two pools a block belongs to. */
typedef enum { POOL_SMALL = 0, POOL_BIG = 1 } pool_kind_t;

/* How close the pools are to full. Callers (the net, the UI) refuse new ops from HIGH on
 * at their discretion; FULL means one of the pools has no free block left. */
typedef enum {
  POOL_PRESSURE_OK = 0,  /* both pools under 75% of their blocks used */
  POOL_PRESSURE_HIGH,    /* a pool at 75% or more */
  POOL_PRESSURE_CRITICAL,/* a pool at 90% or more */
  POOL_PRESSURE_FULL     /* a pool with no free block */
} pool_pressure_t;

/* Statistics of one pool. Counters only grow (until pool_reset_counters()); levels go up and
 * down. Bytes are payload bytes as the caller sees them; canaries are not counted. */
typedef struct {
  uint32_t block_size;       /* usable bytes of one block */
  uint32_t block_count;      /* blocks in the pool */
  uint32_t blocks_used;      /* level: blocks in live allocations */
  uint32_t blocks_peak;      /* high-water mark of blocks_used */
  uint32_t live_allocs;      /* level: live allocations (runs count once) */
  uint32_t bytes_requested;  /* level: sum of requested sizes of live allocations */
  uint32_t bytes_handed_out; /* level: sum of usable sizes of live allocations */
  uint32_t bytes_requested_peak; /* high-water mark of bytes_requested */
  uint32_t largest_request;  /* largest size ever served by this pool */
  uint32_t largest_free_run; /* big pool: longest run of adjacent free blocks (small: free count) */
  uint32_t allocs;           /* counter: successful allocations */
  uint32_t frees;            /* counter: successful frees */
  uint32_t failures;         /* counter: allocations this pool could not serve */
  uint32_t fragmentation_events; /* counter: big pool failed although enough blocks were free */
  uint32_t splits;           /* counter: big pool free runs split to serve a request */
  uint32_t coalesces;        /* counter: big pool free runs merged with a neighbour on free */
} pool_side_stats_t;

typedef struct {
  pool_side_stats_t small;
  pool_side_stats_t big;
  uint32_t spills;        /* small-sized requests served by the big pool (small pool full) */
  uint32_t bad_frees;     /* frees refused: foreign, misaligned, interior, double */
  uint32_t corruptions;   /* overruns, underruns and use-after-free writes detected */
  uint32_t failed_allocs; /* allocations that returned NULL (any reason) */
  pool_pressure_t pressure;
} pool_stats_t;

/* Where and what a detected problem was. */
typedef struct {
  pool_status_t status;
  pool_kind_t kind;      /* pool of the block concerned */
  uint32_t block;        /* index of the (first) block concerned in that pool */
  int32_t offset;        /* first bad byte, relative to the allocation's start (negative: before) */
  uint16_t tag;          /* the allocation's tag (e.g. op class), 0 if none */
  const char *file;      /* debug builds: where it was allocated, else NULL */
  uint32_t line;
} pool_fault_t;

/* One live allocation, as enumerated by pool_foreach_live(). */
typedef struct {
  const void *ptr;
  pool_kind_t kind;
  uint32_t block;        /* first block index in its pool */
  uint32_t requested;    /* bytes asked for */
  uint32_t capacity;     /* usable bytes handed out */
  uint16_t tag;
  const char *file;      /* debug builds only, else NULL */
  uint32_t line;
  uint32_t tick;         /* debug builds: platform tick at allocation */
} pool_block_info_t;

/* A pool event for profiling (see pool_set_trace()). */
typedef enum { POOL_EV_ALLOC, POOL_EV_FREE, POOL_EV_FAIL } pool_event_kind_t;
typedef struct {
  pool_event_kind_t kind;
  pool_kind_t pool;      /* for FAIL: the pool the size selects */
  uint32_t requested;
  uint32_t capacity;     /* 0 for FAIL */
  uint16_t tag;
  pool_status_t status;  /* FAIL: why */
} pool_event_t;
typedef void (*pool_trace_fn)(void *ctx, const pool_event_t *ev);

/* Bytes a region must have for pool_init() to lay out this plan (instance, bookkeeping,
 * blocks, in this build's POOL_DEBUG mode). 0 if the plan is invalid or does not fit 32 bits. */
uint32_t pool_region_size(const pool_plan_t *plan);

/* Lays a pool out in [region, region+region_size). The region must be POOL_ALIGN-aligned and
 * at least pool_region_size(plan) bytes. platform may be NULL; else its fault hook hears of
 * every bad free and corruption, and its clock stamps debug leak records. On success *out
 * points into the region. O(block count) (debug: O(region bytes) for poisoning). */
pool_status_t pool_init(void *region, uint32_t region_size, const pool_plan_t *plan,
                        const platform_t *platform, pool_t **out);

/* Allocates size bytes, POOL_ALIGN-aligned. Sizes up to the small block size come from the
 * small pool (or, if it is full, from the big pool: a spill); larger ones get a run of adjacent
 * big blocks. Returns NULL on failure with the reason in pool_last_status(); never aborts.
 * Small pool: constant time. Big pool: constant time, except that when no free run is known to
 * fit by its size class, the one size class that may hold a fit is searched linearly.
 * tag is kept with the block (e.g. op class) for statistics, traces and fault reports. */
void *pool_alloc(pool_t *pool, uint32_t size);
void *pool_alloc_tagged(pool_t *pool, uint32_t size, uint16_t tag);
/* As pool_alloc_tagged, recording file/line for the leak report in debug builds. */
void *pool_alloc_at(pool_t *pool, uint32_t size, uint16_t tag, const char *file, uint32_t line);

/* Allocation that records its caller in debug builds. */
#if POOL_DEBUG
#define POOL_ALLOC(pool, size, tag) pool_alloc_at((pool), (size), (tag), __FILE__, __LINE__)
#else
#define POOL_ALLOC(pool, size, tag) pool_alloc_tagged((pool), (size), (tag))
#endif

/* Returns a block to its pool. NULL is a no-op returning POOL_OK. A pointer that is foreign,
 * misaligned, interior to a run or already free is refused (lists untouched) with that status.
 * Debug builds check the block's canaries first: if they were overwritten the block is still
 * freed (bookkeeping is out of band, so it is intact) and POOL_ERR_OVERRUN/UNDERRUN is returned.
 * Constant time (debug: plus the block's bytes). */
pool_status_t pool_free(pool_t *pool, void *ptr);

/* Why the last pool_alloc() returned NULL (or POOL_OK if it did not). */
pool_status_t pool_last_status(const pool_t *pool);
/* Details of the last problem detected (bad free, corruption, failed check). */
const pool_fault_t *pool_last_fault(const pool_t *pool);

/* True if ptr is the start of a live allocation of this pool. Constant time. */
bool pool_owns(const pool_t *pool, const void *ptr);
/* Usable bytes of the live allocation at ptr, 0 if ptr is not one. Constant time. */
uint32_t pool_usable_size(const pool_t *pool, const void *ptr);
/* Whether an allocation of size would succeed now, without making it. */
bool pool_can_alloc(const pool_t *pool, uint32_t size);

void pool_get_stats(const pool_t *pool, pool_stats_t *out);
pool_pressure_t pool_pressure(const pool_t *pool);
/* Zeroes the counters (allocs, frees, failures, events) and sets peaks to current levels. */
void pool_reset_counters(pool_t *pool);
/* The plan the pool was laid out with. */
const pool_plan_t *pool_get_plan(const pool_t *pool);

/* Calls fn for every live allocation in address order (small pool first). Returns their count.
 * fn may be NULL to just count. At shutdown a non-zero count is a leak. */
uint32_t pool_foreach_live(const pool_t *pool,
                           void (*fn)(void *ctx, const pool_block_info_t *info), void *ctx);

/* Full walk: bookkeeping consistency (free lists, run tags, size-class bins, counters agree)
 * and, in debug builds, every live block's canaries and every free block's poison.
 * Returns POOL_OK or the first problem found (details in *first if non-NULL, and in
 * pool_last_fault()); calls the platform fault hook for each problem found. O(region). */
pool_status_t pool_check(pool_t *pool, pool_fault_t *first);
/* pool_check without the scan of free blocks: bookkeeping and, in debug builds, every live
 * block's canaries. O(blocks + live guard bytes), cheap enough for every step of a test or every
 * tick of a debug build; a write into a free block is still caught when that block is handed out
 * (its poison is checked then) or by the next pool_check. */
pool_status_t pool_check_live(pool_t *pool, pool_fault_t *first);
/* Bookkeeping consistency only (no byte scans): what every test asserts after each step. */
bool pool_invariants_hold(const pool_t *pool);

#if POOL_DEBUG
/* Test-only fault injection (debug builds only; issue 9, tests/test_faults.c): the n-th
 * allocation call from now fails as if the pools were full (NULL, POOL_ERR_EXHAUSTED, counted
 * as a failure); the calls before and after it are served normally. n = 0 disarms. */
void pool_set_fail_after(pool_t *pool, uint32_t n);
#endif

/* Installs (or with NULL removes) a hook called on every allocation, free and failure. */
void pool_set_trace(pool_t *pool, pool_trace_fn fn, void *ctx);

const char *pool_strerror(pool_status_t status);
const char *pool_pressure_name(pool_pressure_t pressure);

#endif
