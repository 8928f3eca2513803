/* pool_planner.c: replays allocation traces against candidate pool plans and picks the plan that
 * serves the observed peaks (plus a margin) with the least internal fragmentation. */
#include "pool_planner.h"

#include "pool.h"

const uint32_t PLANNER_GRANULE[PLANNER_GRANULES] = {8u,   16u,   32u,   64u,   128u,  256u,
                                                    512u, 1024u, 2048u, 4096u, 8192u, 16384u};

/* Sizes of allocations that failed or spilled, so their frees are accounted the same way. */
#define PLANNER_PENDING 64u
typedef struct {
  uint32_t size[PLANNER_PENDING];
  uint32_t n;
} pending_t;

static void pending_add(pending_t *p, uint32_t size) {
  if (p->n < PLANNER_PENDING) p->size[p->n++] = size;
}

static bool pending_take(pending_t *p, uint32_t size) {
  uint32_t i;
  for (i = 0; i < p->n; i++)
    if (p->size[i] == size) {
      p->size[i] = p->size[--p->n];
      return true;
    }
  return false;
}

static uint32_t granules(uint32_t size, uint32_t g) { return (size + g - 1u) / g; }

static uint32_t ratio_bp(uint64_t num, uint64_t den) {
  return den ? (uint32_t)((num * 10000u + den / 2u) / den) : 0u;
}

void planner_replay(const planner_trace_t *t, const pool_plan_t *plan, bool bounded,
                    planner_usage_t *out) {
  const uint32_t S = plan->small_block_size, G = plan->big_block_size;
  const bool small_on = plan->small_count > 0;
  uint32_t sl = 0, bl = 0, i;
  uint64_t rq = 0, hd = 0, payload;
  pending_t failed, spilled;
  failed.n = spilled.n = 0;
  out->small_peak = out->big_peak = out->peak_requested = out->peak_handed = 0;
  out->allocs = out->spills = out->failures = out->frag_bp = out->util_bp = 0;
  if (!t || !t->ev || G == 0) return;
  for (i = 0; i < t->count; i++) {
    const uint32_t z = t->ev[i].size;
    if (z == 0) continue;
    if (t->ev[i].delta > 0) {
      out->allocs++;
      if (z <= S && small_on && (!bounded || sl < plan->small_count)) {
        sl++;
        rq += z;
        hd += S;
      } else {
        uint32_t g = granules(z, G);
        bool spill = z <= S;
        if (bounded && (uint64_t)bl + g > plan->big_count) {
          out->failures++;
          pending_add(&failed, z);
          continue;
        }
        if (spill && bounded) {
          out->spills++;
          pending_add(&spilled, z);
        }
        bl += g;
        rq += z;
        hd += (uint64_t)g * G;
      }
      if (sl > out->small_peak) out->small_peak = sl;
      if (bl > out->big_peak) out->big_peak = bl;
      if (hd > out->peak_handed) {
        out->peak_handed = (uint32_t)hd;
        out->peak_requested = (uint32_t)rq;
      }
    } else {
      if (pending_take(&failed, z)) continue;
      if (z <= S && small_on && !pending_take(&spilled, z) && sl > 0) {
        sl--;
        rq -= rq >= z ? z : rq;
        hd -= hd >= S ? S : hd;
      } else {
        uint32_t g = granules(z, G);
        bl -= bl >= g ? g : bl;
        rq -= rq >= z ? z : rq;
        hd -= hd >= (uint64_t)g * G ? (uint64_t)g * G : hd;
      }
    }
  }
  out->frag_bp = ratio_bp(out->peak_handed - out->peak_requested, out->peak_handed);
  payload = (uint64_t)plan->small_count * S + (uint64_t)plan->big_count * G;
  if (bounded) out->util_bp = ratio_bp((uint64_t)out->small_peak * S + (uint64_t)out->big_peak * G,
                                       payload);
}

/* Runs every trace; maxima of the peaks, sums of the bytes at each run's peak. */
static uint32_t replay_all(const planner_trace_t *traces, uint32_t n, const pool_plan_t *plan,
                           bool bounded, planner_result_t *r, uint32_t *failures,
                           uint32_t *spills) {
  uint64_t req = 0, hand = 0;
  uint32_t i, allocs = 0;
  r->small_peak = r->big_peak = 0;
  if (failures) *failures = 0;
  if (spills) *spills = 0;
  for (i = 0; i < n; i++) {
    planner_usage_t u;
    planner_replay(&traces[i], plan, bounded, &u);
    if (u.small_peak > r->small_peak) r->small_peak = u.small_peak;
    if (u.big_peak > r->big_peak) r->big_peak = u.big_peak;
    req += u.peak_requested;
    hand += u.peak_handed;
    allocs += u.allocs;
    if (failures) *failures += u.failures;
    if (spills) *spills += u.spills;
  }
  r->frag_bp = ratio_bp(hand - req, hand);
  return allocs;
}

static void finish(planner_result_t *r) {
  const pool_plan_t *p = &r->plan;
  uint64_t small = (uint64_t)p->small_count * p->small_block_size;
  uint64_t payload = small + (uint64_t)p->big_count * p->big_block_size;
  uint64_t needed = (uint64_t)r->small_peak * p->small_block_size +
                    (uint64_t)r->big_peak * p->big_block_size;
  r->payload_bytes = (uint32_t)payload;
  r->util_bp = ratio_bp(needed, payload);
  r->small_permille = (uint16_t)(payload ? (small * 1000u + payload / 2u) / payload : 0u);
  r->region_bytes = pool_region_size(p);
}

static uint32_t with_margin(uint32_t peak, uint32_t permille) {
  return peak + (uint32_t)(((uint64_t)peak * permille + 999u) / 1000u);
}

bool planner_fit(const planner_trace_t *traces, uint32_t ntraces, uint32_t small_block,
                 uint32_t granule, const planner_params_t *params, planner_result_t *out) {
  planner_result_t r;
  pool_plan_t probe;
  int32_t m;
  if (!traces || !params || !out) return false;
  probe.small_block_size = small_block ? small_block : 8u;
  probe.small_count = small_block ? 1u : 0u;
  probe.big_block_size = granule;
  probe.big_count = 1u;
  if (pool_plan_validate(&probe) != POOL_PLAN_OK) return false;
  r.candidates = 0;
  if (replay_all(traces, ntraces, &probe, false, &r, NULL, NULL) == 0) return false;
  for (m = (int32_t)params->margin_permille; m >= 0; m -= 10) {
    r.plan = probe;
    r.plan.small_count = small_block ? with_margin(r.small_peak, (uint32_t)m) : 0u;
    r.plan.big_count = with_margin(r.big_peak, (uint32_t)m);
    if (pool_plan_validate(&r.plan) != POOL_PLAN_OK) return false;
    finish(&r);
    if (r.region_bytes == 0) return false;
    if (!params->region_budget || r.region_bytes <= params->region_budget) {
      r.margin_permille = (uint16_t)m;
      *out = r;
      return true;
    }
    if (m > 0 && m < 10) m = 10; /* the last step tries no margin at all */
  }
  return false;
}

/* a better than b: less fragmentation (whole %), more utilization (whole %), fewer bytes. */
static bool better(const planner_result_t *a, const planner_result_t *b) {
  uint32_t fa = (a->frag_bp + 99u) / 100u, fb = (b->frag_bp + 99u) / 100u;
  uint32_t ua = a->util_bp / 100u, ub = b->util_bp / 100u;
  if (fa != fb) return fa < fb;
  if (ua != ub) return ua > ub;
  return a->region_bytes < b->region_bytes;
}

planner_status_t planner_recommend(const planner_trace_t *traces, uint32_t ntraces,
                                   const planner_params_t *params, planner_result_t *out) {
  uint32_t i, j, gi, largest = 0, limit, candidates = 0;
  bool found = false, any = false;
  planner_result_t best, r;
  if (!traces || !params || !out) return PLANNER_ERR_NULL;
  for (i = 0; i < ntraces; i++)
    for (j = 0; traces[i].ev && j < traces[i].count; j++)
      if (traces[i].ev[j].delta > 0 && traces[i].ev[j].size) {
        any = true;
        if (traces[i].ev[j].size > largest) largest = traces[i].ev[j].size;
      }
  if (!any) return PLANNER_ERR_EMPTY;
  limit = params->max_small_block ? params->max_small_block : 4096u;
  if (limit > ((largest + 7u) & ~7u)) limit = (largest + 7u) & ~7u;
  for (gi = 0; gi < PLANNER_GRANULES; gi++) {
    uint32_t s;
    for (s = 0; s <= limit; s += 8u) {
      pool_plan_t probe = {s ? s : 8u, 1u, PLANNER_GRANULE[gi], 1u};
      if (pool_plan_validate(&probe) != POOL_PLAN_OK) continue;
      candidates++;
      if (!planner_fit(traces, ntraces, s, PLANNER_GRANULE[gi], params, &r)) continue;
      if (!found || better(&r, &best)) best = r;
      found = true;
    }
  }
  if (!found) return PLANNER_ERR_BUDGET;
  best.candidates = candidates;
  *out = best;
  return PLANNER_OK;
}

void planner_evaluate(const planner_trace_t *traces, uint32_t ntraces, const pool_plan_t *plan,
                      planner_result_t *out, uint32_t *failures, uint32_t *spills) {
  out->plan = *plan;
  out->candidates = 1;
  out->margin_permille = 0;
  replay_all(traces, ntraces, plan, true, out, failures, spills);
  finish(out);
}

const char *planner_strerror(planner_status_t st) {
  switch (st) {
  case PLANNER_OK: return "ok";
  case PLANNER_ERR_NULL: return "a required argument was NULL";
  case PLANNER_ERR_EMPTY: return "the profiles hold no allocation";
  case PLANNER_ERR_BUDGET: return "no plan that serves the observed peaks fits the budget";
  }
  return "unknown planner status";
}
