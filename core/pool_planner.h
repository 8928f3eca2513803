/* SPDX-License-Identifier: MIT */
/* pool_planner.h: data-driven heap sizes. Replays recorded allocation traces (sizes as the target
 * sees them) through the real pool, to find the least heap in which every scene of a corpus can
 * replace every other: the old scene, grown by editing headroom, and the new one live at once, as
 * in a scene switch. Portable (no malloc, no floats): the caller owns traces and scratch. */
#ifndef ALEPH_POOL_PLANNER_H
#define ALEPH_POOL_PLANNER_H

#include <stdbool.h>
#include <stdint.h>

#include "pool.h"

/* One pool event: an allocation of size bytes (ref < 0), or the free of the allocation at index
 * ref of the same trace. */
typedef struct {
  uint32_t size;
  int32_t ref;
} planner_event_t;

/* One scene's events (a load, and whatever ran after it). */
typedef struct {
  const planner_event_t *ev;
  uint32_t count;
} planner_trace_t;

typedef struct {
  pool_config_t pool; /* the target's granule (4 for the AVR32, 8 for 64-bit hosts) */
  uint32_t headroom;  /* bytes of one more allocation beside the old scene: what editing may add */
} planner_params_t;

typedef struct {
  uint32_t heap_bytes; /* least heap in which every ordered pair switches, with the headroom */
  uint32_t heap_min;   /* the same without the headroom */
  uint32_t worst_old, worst_new; /* the pair that needed the most (trace indices) */
  uint32_t worst_bytes;          /* ... and what it needed alone, with the headroom */
  uint32_t replays;    /* switches replayed */
} planner_result_t;

typedef enum {
  PLANNER_OK = 0,
  PLANNER_ERR_NULL,      /* a required pointer was NULL */
  PLANNER_ERR_EMPTY,     /* no trace, or no allocation in any */
  PLANNER_ERR_TRACE,     /* a free names no earlier live allocation of its trace */
  PLANNER_ERR_SCRATCH,   /* the scratch area is smaller than planner_scratch_size() */
  PLANNER_ERR_CONFIG     /* the pool configuration is invalid */
} planner_status_t;

/* Bytes of scratch planner_plan() and planner_switch_fits() need for these traces: a pool
 * region large enough for any pair and a pointer per event of two traces. 0 if invalid. */
uint32_t planner_scratch_size(const planner_trace_t *traces, uint32_t ntraces,
                              const planner_params_t *params);

/* Replays, in a fresh pool with a heap of heap_bytes laid out in scratch: old's events, a
 * headroom allocation (if headroom), new's events, then the frees of old's live blocks and the
 * headroom. True if no allocation failed. */
bool planner_switch_fits(const planner_trace_t *old_scene, const planner_trace_t *new_scene,
                         uint32_t heap_bytes, const planner_params_t *params, void *scratch,
                         uint32_t scratch_bytes);

/* The least heap (a multiple of the granule) in which every ordered pair of traces, a trace
 * replacing itself included, switches without a failure, with and without the headroom. */
planner_status_t planner_plan(const planner_trace_t *traces, uint32_t ntraces,
                              const planner_params_t *params, void *scratch,
                              uint32_t scratch_bytes, planner_result_t *out);

const char *planner_strerror(planner_status_t st);

#endif
