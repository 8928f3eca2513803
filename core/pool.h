/* SPDX-License-Identifier: MIT */
/* pool.h: operator memory. One heap in a region the caller hands in: blocks with a small
 * in-band header, free blocks in two-level segregated lists (TLSF), neighbours merged through
 * the headers' physical links, freed blocks parked for reuse at their exact size.
 * Owns the region: headers, lists, validation, canaries, leak records, statistics. */
#ifndef ALEPH_POOL_H
#define ALEPH_POOL_H

#include <stdbool.h>
#include <stdint.h>

#include "platform.h"

/* POOL_DEBUG (0 or 1, default 0) turns on, at compile time:
 * - canaries: POOL_CANARY_BYTES of pattern before every allocation, and pattern from the end of
 *   the requested size to the end of the block (at least POOL_CANARY_BYTES); checked on free
 *   and by pool_check();
 * - poisoning: free and parked blocks are filled with a pattern, checked when handed out and by
 *   pool_check(), so writes through stale pointers are caught;
 * - leak records: file, line and tick of every live allocation (pool_alloc_at records them).
 * A write of exactly the pattern byte at exactly its position cannot be told from no write. */
#ifndef POOL_DEBUG
#define POOL_DEBUG 0
#endif

/* The granule of this build: every block is a whole number of granules and every pointer the
 * pool hands out is aligned to it. 4 on a 32-bit target (the AVR32 needs word alignment and no
 * op has a wider member), 8 on 64-bit hosts. A pool may be laid out with another granule
 * (pool_config_t) to measure a target's figures on the host. */
#if UINTPTR_MAX > 0xFFFFFFFFu
#define POOL_ALIGN 8u
#else
#define POOL_ALIGN 4u
#endif
/* Guard bytes before and (at least) after an allocation in debug builds. */
#define POOL_CANARY_BYTES 8u
/* Tags are 8 bits: op memory is tagged with its class id + 1, other owners use their own. */
#define POOL_TAG_MAX 255u

typedef struct pool pool_t;

/* Every outcome a pool function can report. pool_strerror() gives a sentence for each. */
typedef enum {
  POOL_OK = 0,
  POOL_ERR_NULL_ARG,          /* a required pointer argument was NULL */
  POOL_ERR_BAD_CONFIG,        /* granule not 4..64 and a power of two, or a tag over 255 */
  POOL_ERR_REGION_TOO_SMALL,  /* the region cannot hold the control block and one block */
  POOL_ERR_REGION_MISALIGNED, /* the region is not aligned to the granule */
  POOL_ERR_ZERO_SIZE,         /* an allocation of 0 bytes was asked for */
  POOL_ERR_TOO_LARGE,         /* larger than the whole heap could ever hold */
  POOL_ERR_EXHAUSTED,         /* not enough free memory */
  POOL_ERR_FRAGMENTED,        /* enough free bytes in total, but no free block large enough */
  POOL_ERR_FOREIGN,           /* freed pointer is not inside this pool's heap */
  POOL_ERR_MISALIGNED,        /* freed pointer is inside the heap but not on a granule */
  POOL_ERR_INTERIOR,          /* freed pointer is not the start of a live block (inside one,
                                 freed and merged since, or its header was overwritten) */
  POOL_ERR_DOUBLE_FREE,       /* freed pointer's block is already free */
  POOL_ERR_OVERRUN,           /* bytes after an allocation's requested size were written */
  POOL_ERR_UNDERRUN,          /* bytes before an allocation were written */
  POOL_ERR_USE_AFTER_FREE,    /* a free block's poison was written */
  POOL_ERR_CORRUPT            /* a header or list of the pool is inconsistent */
} pool_status_t;

/* How a pool is laid out. Zero fields take the defaults. */
typedef struct {
  uint16_t granule;   /* block unit and alignment: 0 = POOL_ALIGN */
  uint16_t small_max; /* requests up to this many bytes count as small in the statistics
                         (bees 0.8's small-op line); 0 = 128 x granule / 4 */
  uint16_t park_max;  /* freed blocks kept whole for reuse before frees merge at once;
                         0 = POOL_PARK_DEFAULT */
} pool_config_t;
#define POOL_PARK_DEFAULT 256u

/* How close the heap is to full, by the bytes its live blocks take (headers included). Callers
 * (the net, the UI) refuse new ops from HIGH on at their discretion. */
typedef enum {
  POOL_PRESSURE_OK = 0,   /* under 75% of the heap in use */
  POOL_PRESSURE_HIGH,     /* 75% or more */
  POOL_PRESSURE_CRITICAL, /* 90% or more */
  POOL_PRESSURE_FULL      /* no free block could hold the smallest allocation */
} pool_pressure_t;

/* Allocations by size: small (up to small_max bytes) and big. Counters only grow (until
 * pool_reset_counters()), levels go up and down. */
typedef struct {
  uint32_t allocs, frees;    /* counters */
  uint32_t live;             /* level: live allocations */
  uint32_t bytes_handed_out; /* level: usable bytes of the live allocations */
} pool_kind_stats_t;

/* Statistics. Bytes are as the caller sees them (usable payload) unless named otherwise;
 * debug builds' canaries and leak records count as headers. */
typedef struct {
  /* layout (fixed) */
  uint32_t region_bytes;     /* the whole region: control block + heap */
  uint32_t control_bytes;    /* the instance, list heads and bitmaps */
  uint32_t heap_bytes;       /* the blocks, headers included */
  uint16_t granule;
  uint16_t header_bytes;     /* in-band bytes of every block (debug: plus records and guards) */
  uint32_t small_max;
  /* levels */
  uint32_t live_allocs;
  uint32_t bytes_requested;  /* sum of the live allocations' requested sizes */
  uint32_t bytes_handed_out; /* sum of their usable sizes (requested + rounding) */
  uint32_t used_bytes;       /* heap bytes of live blocks, headers included */
  uint32_t blocks;           /* blocks in the heap: live, parked and free (one header each) */
  uint32_t parked_blocks, parked_bytes; /* freed blocks kept whole (heap bytes) */
  uint32_t free_bytes;       /* heap bytes of free and parked blocks */
  uint32_t largest_free;     /* usable bytes of the largest block an allocation could get now,
                                parked blocks merged (O(blocks) to compute) */
  /* peaks */
  uint32_t handed_out_peak;   /* high-water mark of bytes_handed_out ... */
  uint32_t requested_at_peak; /* ... and bytes_requested at that moment */
  uint32_t blocks_peak;       /* high-water mark of blocks */
  uint32_t largest_request;   /* largest request served (never reset: the fast path relies on
                                 it, as a request larger than any before is never a reuse) */
  /* counters */
  uint32_t allocs, frees, failures;
  uint32_t reuses;           /* allocations served by a parked block of their size */
  uint32_t splits;           /* free blocks split to serve a request */
  uint32_t merges;           /* neighbours merged on free or settle */
  uint32_t settles;          /* passes that merged every parked block */
  uint32_t fragmentation_events; /* failures although enough bytes were free in total */
  uint32_t bad_frees;        /* frees refused: foreign, misaligned, interior, double */
  uint32_t corruptions;      /* overruns, underruns, use-after-free writes, bad headers */
  pool_kind_stats_t small, big;
  pool_pressure_t pressure;
} pool_stats_t;

/* The design's figures, from pool_stats_t, in permille (1000 = 100%):
 * internal fragmentation at the peak = 1 - requested / handed out, when handed out peaked;
 * bookkeeping = control block + one header per block at the block peak, over the payload
 * capacity (the heap less those headers). */
uint32_t pool_frag_permille(const pool_stats_t *st);
uint32_t pool_bookkeeping_permille(const pool_stats_t *st);

/* Where and what a detected problem was. */
typedef struct {
  pool_status_t status;
  uint32_t offset;   /* the block's byte offset in the heap */
  int32_t byte;      /* first bad byte, relative to the allocation's start (negative: before) */
  uint16_t tag;      /* the allocation's tag, 0 if none or unknown */
  const char *file;  /* debug builds: where it was allocated, else NULL */
  uint32_t line;
} pool_fault_t;

/* One live allocation, as enumerated by pool_foreach_live(). */
typedef struct {
  const void *ptr;
  uint32_t offset;     /* the block's byte offset in the heap */
  uint32_t requested;  /* bytes asked for */
  uint32_t capacity;   /* usable bytes handed out */
  uint16_t tag;
  const char *file;    /* debug builds only, else NULL */
  uint32_t line;
  uint32_t tick;       /* debug builds: platform tick at allocation */
} pool_block_info_t;

/* A pool event for profiling (see pool_set_trace()). */
typedef enum { POOL_EV_ALLOC, POOL_EV_FREE, POOL_EV_FAIL } pool_event_kind_t;
typedef struct {
  pool_event_kind_t kind;
  const void *ptr;       /* the allocation (ALLOC, FREE); NULL for FAIL */
  uint32_t requested;
  uint32_t capacity;     /* usable bytes; 0 for FAIL */
  uint16_t tag;
  pool_status_t status;  /* FAIL: why */
} pool_event_t;
typedef void (*pool_trace_fn)(void *ctx, const pool_event_t *ev);

/* Bytes of the control block for a region of region_bytes: the instance, the list heads and
 * the bitmaps (their number follows the largest block the heap can hold). 0 if cfg is bad. */
uint32_t pool_control_size(uint32_t region_bytes, const pool_config_t *cfg);
/* Bytes a region needs so that its heap has at least heap_bytes (0 if cfg is bad or it does not
 * fit 32 bits). */
uint32_t pool_region_size(uint32_t heap_bytes, const pool_config_t *cfg);
/* The bytes a block takes in the heap for a request of size (header, rounding, debug guards). */
uint32_t pool_block_size(uint32_t size, const pool_config_t *cfg);

/* Lays a pool out in [region, region + region_size): the control block first, the heap after
 * it as one free block. The region must be aligned to the granule. cfg may be NULL (defaults).
 * platform may be NULL; else its fault hook hears of every bad free and corruption and its
 * clock stamps debug leak records. On success *out points into the region.
 * Time: O(list heads) (debug: plus O(heap bytes) for the poison). */
pool_status_t pool_init(void *region, uint32_t region_size, const pool_config_t *cfg,
                        const platform_t *platform, pool_t **out);

/* Allocates size bytes aligned to the granule, tagged (0..POOL_TAG_MAX: e.g. op class + 1) for
 * statistics, traces and fault reports. Returns NULL on failure with the reason in
 * pool_last_status(); never aborts.
 * Time: O(1): a parked block of the request's size is reused (from the first 4 of its class's
 * list), else the two bitmaps give the first free list whose blocks all fit, and its head is
 * split. Only if that finds nothing while blocks are parked does it first merge every parked
 * block (pool_settle: O(parked blocks)), once, and try again; with nothing parked a failure is
 * O(1). */
void *pool_alloc(pool_t *pool, uint32_t size, uint16_t tag);
/* As pool_alloc, recording file and line for the leak report in debug builds. */
void *pool_alloc_at(pool_t *pool, uint32_t size, uint16_t tag, const char *file, uint32_t line);

/* Allocation that records its caller in debug builds. */
#if POOL_DEBUG
#define POOL_ALLOC(pool, size, tag) pool_alloc_at((pool), (size), (tag), __FILE__, __LINE__)
#else
#define POOL_ALLOC(pool, size, tag) pool_alloc((pool), (size), (tag))
#endif

/* Returns a block. NULL is a no-op returning POOL_OK. A pointer that is foreign, misaligned,
 * not a live block's start, or already free is refused with that status, lists untouched: the
 * header's check word (a hash of the block's position and header) must match. While fewer than
 * park_max blocks are parked the block is parked (kept whole in its size class's list for the
 * next request of its size); otherwise it is merged with free neighbours at once.
 * Debug builds check the block's canaries first: if they were overwritten the block is still
 * freed (its header is intact) and POOL_ERR_OVERRUN/UNDERRUN is returned.
 * Time: O(1) (debug: plus the block's bytes). */
pool_status_t pool_free(pool_t *pool, void *ptr);

/* Merges every parked block with its free neighbours, so the heap holds as few, as large free
 * blocks as it can. The net calls it when a network is cleared (a scene switch).
 * Time: O(parked blocks + list heads), each merge O(1). */
void pool_settle(pool_t *pool);

/* Why the last pool_alloc() returned NULL (or POOL_OK if it did not). O(1). */
pool_status_t pool_last_status(const pool_t *pool);
/* Details of the last problem detected (bad free, corruption, failed check). O(1). */
const pool_fault_t *pool_last_fault(const pool_t *pool);

/* True if ptr is the start of a live allocation of this pool. O(1). */
bool pool_owns(const pool_t *pool, const void *ptr);
/* Usable bytes of the live allocation at ptr, 0 if ptr is not one. O(1). */
uint32_t pool_usable_size(const pool_t *pool, const void *ptr);
/* Heap bytes (headers included) the live allocation at ptr takes, 0 if ptr is not one. O(1). */
uint32_t pool_footprint(const pool_t *pool, const void *ptr);

/* Fills *out. O(blocks): one walk for largest_free, parked_bytes and the per-kind bytes. */
void pool_get_stats(const pool_t *pool, pool_stats_t *out);
/* O(1). */
pool_pressure_t pool_pressure(const pool_t *pool);
/* Zeroes the counters and sets the peaks to the current levels. O(1). */
void pool_reset_counters(pool_t *pool);

/* Calls fn for every live allocation in address order. Returns their count. fn may be NULL to
 * just count. At shutdown a non-zero count is a leak. O(blocks). */
uint32_t pool_foreach_live(const pool_t *pool,
                           void (*fn)(void *ctx, const pool_block_info_t *info), void *ctx);

/* Full check: every header's check word and physical links, no two free neighbours, every free
 * and parked block in the list of its size class and nowhere else, bitmaps and counters agree;
 * in debug builds also every live block's canaries and every free block's poison.
 * Returns POOL_OK or the first problem found (details in *first if non-NULL, and in
 * pool_last_fault()); calls the platform fault hook for each problem found. O(heap bytes). */
pool_status_t pool_check(pool_t *pool, pool_fault_t *first);
/* pool_check without the scan of free blocks' poison: O(blocks + live guard bytes), cheap
 * enough for every step of a test or every tick of a debug build. */
pool_status_t pool_check_live(pool_t *pool, pool_fault_t *first);
/* Structure only (no byte scans, no fault reports): what every test asserts after each step. */
bool pool_invariants_hold(const pool_t *pool);

#if POOL_DEBUG
/* Test-only fault injection (debug builds only): the n-th allocation call from now fails as if
 * the heap were full (NULL, POOL_ERR_EXHAUSTED, counted as a failure); the calls before and
 * after it are served normally. n = 0 disarms. */
void pool_set_fail_after(pool_t *pool, uint32_t n);
#endif

/* Installs (or with NULL removes) a hook called on every allocation, free and failure. */
void pool_set_trace(pool_t *pool, pool_trace_fn fn, void *ctx);

const char *pool_strerror(pool_status_t status);
const char *pool_pressure_name(pool_pressure_t pressure);

#endif
