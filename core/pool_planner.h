/* pool_planner.h: data-driven pool plans. Replays recorded allocation traces (sizes as the target
 * sees them, e.g. the AVR32's size32) against candidate plans, measures peaks, utilization and
 * internal fragmentation, and recommends the plan that serves the observed peaks with a margin.
 * Portable (no malloc, no floats): the caller owns the traces. */
#ifndef ALEPH_POOL_PLANNER_H
#define ALEPH_POOL_PLANNER_H

#include <stdbool.h>
#include <stdint.h>

#include "pool_plan.h"

/* One pool event as the planner sees it: +1 an allocation of size bytes, -1 its free. A failed
 * allocation in a recording counts as +1 (demand the plan should have served). */
typedef struct {
  uint32_t size;
  int8_t delta;
} planner_event_t;

/* One recorded run (one scene). Runs are independent: the corpus plan serves each run's peaks,
 * not their sum (one scene runs at a time). */
typedef struct {
  const planner_event_t *ev;
  uint32_t count;
} planner_trace_t;

/* What a run needs from (or got out of) a plan. Ratios are in basis points (10000 = 100%). */
typedef struct {
  uint32_t small_peak;     /* small blocks used at their peak */
  uint32_t big_peak;       /* big granules used at their peak */
  uint32_t peak_requested; /* bytes requested when handed-out bytes peaked */
  uint32_t peak_handed;    /* bytes handed out at that moment (the peak) */
  uint32_t allocs, spills, failures; /* failures/spills only when evaluating a bounded plan */
  uint32_t frag_bp;        /* 1 - requested/handed out, at the peak */
  uint32_t util_bp;        /* handed out at the peak / payload bytes of the plan */
} planner_usage_t;

/* Replays a trace on plan. bounded: the plan's counts limit (spills to the big pool when the
 * small one is full, failures when the big one is), as the pool does, counting blocks only (no
 * placement: a real big pool can also fail by external fragmentation). Unbounded: counts are
 * ignored and the demand is measured (util_bp is then 0). */
void planner_replay(const planner_trace_t *trace, const pool_plan_t *plan, bool bounded,
                    planner_usage_t *out);

typedef struct {
  uint32_t region_budget;    /* most bytes the pool region may take (pool_region_size); 0: any */
  uint16_t margin_permille;  /* headroom over the observed peaks (100 = +10%) */
  uint32_t max_small_block;  /* largest small block size tried (0: 4096) */
} planner_params_t;

typedef struct {
  pool_plan_t plan;
  uint32_t region_bytes;     /* pool_region_size(plan) in this build */
  uint32_t payload_bytes;    /* blocks only */
  uint32_t small_peak, big_peak; /* max over the runs */
  uint32_t frag_bp;          /* over all runs' peaks: 1 - sum requested / sum handed out */
  uint32_t util_bp;          /* payload needed at the peaks / payload of the plan */
  uint16_t small_permille;   /* the small pool's share of the payload */
  uint16_t margin_permille;  /* the margin actually applied (less than asked if the budget is tight) */
  uint32_t candidates;       /* plans evaluated */
} planner_result_t;

typedef enum {
  PLANNER_OK = 0,
  PLANNER_ERR_NULL,   /* a required pointer was NULL */
  PLANNER_ERR_EMPTY,  /* no allocation in any trace */
  PLANNER_ERR_BUDGET  /* no plan that serves the peaks fits the budget */
} planner_status_t;

/* Candidate granules (big block sizes) the planner tries. */
#define PLANNER_GRANULES 12u
extern const uint32_t PLANNER_GRANULE[PLANNER_GRANULES];

/* Smallest plan with block sizes (S, G) that serves every run's peaks plus the margin; counts
 * are 0 for a pool nothing uses. Fills *out, false if it is not a valid plan (see
 * pool_plan_validate) or does not fit the budget even without margin. */
bool planner_fit(const planner_trace_t *traces, uint32_t ntraces, uint32_t small_block,
                 uint32_t granule, const planner_params_t *params, planner_result_t *out);

/* Tries every small block size (multiples of 8 up to the largest request, and "no small pool")
 * against every granule in PLANNER_GRANULE, keeps the plans pool_plan_validate() accepts, and
 * picks the best: least internal fragmentation (whole percent), then highest utilization (whole
 * percent), then least region bytes (bookkeeping included). */
planner_status_t planner_recommend(const planner_trace_t *traces, uint32_t ntraces,
                                   const planner_params_t *params, planner_result_t *out);

/* The same figures for a given plan (e.g. bees 0.8's), bounded: small_peak/big_peak and the
 * ratios are taken over the runs as above; failures and spills summed into failures and spills. */
void planner_evaluate(const planner_trace_t *traces, uint32_t ntraces, const pool_plan_t *plan,
                      planner_result_t *out, uint32_t *failures, uint32_t *spills);

const char *planner_strerror(planner_status_t st);

#endif
