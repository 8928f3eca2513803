/* pool.c: the dual operator pool. Small pool: fixed blocks on an index free list. Big pool:
 * runs of adjacent blocks, free runs in power-of-two size-class lists found through a bitmap,
 * merged with free neighbours on free (boundary tags). All bookkeeping is out of band, in arrays
 * beside the blocks, so a user's overrun can corrupt canaries but never the free lists. */
#include "pool.h"

#include "bytes.h"
#include "strbuf.h"

#define NONE 0xFFFFFFFFu

/* Keeps rare paths (tracing, spills) out of the hot functions so those need no stack frame. */
#if defined(__GNUC__)
#define COLD __attribute__((noinline, cold))
#define NOINLINE __attribute__((noinline))
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define COLD
#define NOINLINE
#define UNLIKELY(x) (x)
#endif
#define NBINS 32u

#if POOL_DEBUG
#define GUARD POOL_CANARY_BYTES
#else
#define GUARD 0u
#endif

/* Big block states, one byte per block. */
enum { B_FREE = 0, B_USED_HEAD = 1, B_USED_BODY = 2 };

typedef struct {
  uint32_t next;      /* free list link (free blocks) */
  uint16_t requested; /* bytes asked for; 0 = free (small blocks are under 64 KiB) */
  uint16_t tag;
} small_meta_t;

typedef struct {
  uint32_t run_len;   /* valid at the head of every run and the tail of free runs */
  uint32_t prev;      /* size-class list links (heads of free runs) */
  uint32_t next;
  uint32_t requested; /* heads of used runs */
  uint16_t tag;
  uint16_t reserved;
} big_meta_t;

#if POOL_DEBUG
typedef struct {
  const char *file;
  uint32_t line;
  uint32_t tick;
} dbg_rec_t;
#endif

struct pool {
  /* small pool: hot fields first */
  uint32_t small_head;
  uint32_t small_stride;
  uint32_t small_bytes;  /* small_count * small_stride */
  uint32_t small_magic;  /* reciprocal of small_stride, 0 = divide */
  uint8_t *small_base;
  small_meta_t *small_meta;
  pool_side_stats_t st[2];
  uint32_t failed_allocs;
  pool_status_t last_status;
  pool_trace_fn trace;
  void *trace_ctx;
  /* big pool */
  uint8_t *big_base;
  big_meta_t *big_meta;
  uint8_t *big_state;
  uint32_t big_stride;
  uint32_t big_bytes;
  uint32_t big_free;     /* free blocks */
  uint32_t bitmap;       /* bit b set: bins[b] not empty */
  uint32_t bins[NBINS];  /* free runs of length in [2^b, 2^(b+1)) */
  /* misc */
  pool_plan_t plan;
  const platform_t *platform;
  uint32_t spills, bad_frees, corruptions;
  uint32_t small_used_at_reset; /* small frees = allocs + this - blocks_used */
  pool_fault_t last_fault;
#if POOL_DEBUG
  dbg_rec_t *small_dbg;
  dbg_rec_t *big_dbg;
  uint32_t fail_after; /* pool_set_fail_after(): calls left until the injected failure, 0 off */
#endif
};

/* ---- arithmetic ---- */

static uint32_t floor_log2(uint32_t v) {
  uint32_t r = 0;
  while (v >>= 1) r++;
  return r;
}

static uint32_t ceil_log2(uint32_t v) {
  uint32_t f = floor_log2(v);
  return (v & (v - 1u)) ? f + 1u : f;
}

static uint32_t ctz32(uint32_t v) {
#if defined(__GNUC__)
  return (uint32_t)__builtin_ctz(v);
#else
  uint32_t r = 0;
  while (!(v & 1u)) {
    v >>= 1;
    r++;
  }
  return r;
#endif
}

static uint64_t align_up(uint64_t v) { return (v + (POOL_ALIGN - 1u)) & ~(uint64_t)(POOL_ALIGN - 1u); }

/* Index of the small slot at byte offset off (a multiple of the stride, < small_bytes). */
static inline uint32_t small_index(const pool_t *p, uint32_t off) {
  if (p->small_magic) return (uint32_t)(((uint64_t)off * p->small_magic) >> 32);
  return off / p->small_stride;
}

static uint32_t big_blocks_for(const pool_t *p, uint32_t size) {
  uint64_t need = (uint64_t)size + 2u * GUARD;
  return (uint32_t)((need + p->big_stride - 1u) / p->big_stride);
}

static uint32_t big_capacity(const pool_t *p, uint32_t blocks) {
  return blocks * p->big_stride - 2u * GUARD;
}

/* ---- layout ---- */

typedef struct {
  uint64_t small_meta, big_meta, big_state, dbg, small_slots, big_slots, total;
} layout_t;

static int layout(const pool_plan_t *plan, layout_t *l) {
  uint64_t off;
  if (pool_plan_validate(plan) != POOL_PLAN_OK) return 0;
  off = align_up(sizeof(pool_t));
  l->small_meta = off;
  off = align_up(off + (uint64_t)plan->small_count * sizeof(small_meta_t));
  l->big_meta = off;
  off = align_up(off + (uint64_t)plan->big_count * sizeof(big_meta_t));
  l->big_state = off;
  off = align_up(off + plan->big_count);
  l->dbg = off;
#if POOL_DEBUG
  off = align_up(off + ((uint64_t)plan->small_count + plan->big_count) * sizeof(dbg_rec_t));
#endif
  l->small_slots = off;
  off += (uint64_t)plan->small_count * (plan->small_block_size + 2u * GUARD);
  l->big_slots = off;
  off += (uint64_t)plan->big_count * (plan->big_block_size + 2u * GUARD);
  l->total = off;
  return off <= 0xFFFFFFFFull;
}

uint32_t pool_region_size(const pool_plan_t *plan) {
  layout_t l;
  if (!plan || !layout(plan, &l)) return 0;
  return (uint32_t)l.total;
}

/* ---- debug patterns ---- */

#if POOL_DEBUG
static const uint8_t CANARY[4] = {0xDE, 0xAD, 0xBE, 0xEF};
static const uint8_t TAIL[4] = {0xBE, 0xEF, 0xDE, 0xAD};
static const uint8_t POISON[4] = {0xFE, 0xED, 0xFA, 0xCE};

/* Pattern bytes are keyed to the address, so the same byte always expects the same value;
 * bytes_fill_pattern / bytes_find_not_pattern go a word at a time over the bulk of a region. */
static void fill_pattern(uint8_t *from, uint8_t *to, const uint8_t pat[4]) {
  bytes_fill_pattern(from, (uint32_t)(to - from), pat, (uint32_t)(uintptr_t)from);
}
/* First byte in [from, to) that differs from the pattern, or NULL. */
static uint8_t *scan_pattern(uint8_t *from, uint8_t *to, const uint8_t pat[4]) {
  uint32_t n = (uint32_t)(to - from);
  uint32_t i = bytes_find_not_pattern(from, n, pat, (uint32_t)(uintptr_t)from);
  return i < n ? from + i : 0;
}
/* Same, scanning downwards from to-1 (so an underrun reports the byte nearest the block). */
static uint8_t *scan_pattern_down(uint8_t *from, uint8_t *to, const uint8_t pat[4]) {
  while (to > from) {
    to--;
    if (*to != pat[(uintptr_t)to & 3u]) return to;
  }
  return 0;
}
#endif

/* ---- faults ---- */

static const char *kind_name(pool_kind_t k) { return k == POOL_SMALL ? "small" : "big"; }

COLD static pool_status_t report(pool_t *p, pool_status_t s, pool_kind_t kind, uint32_t block,
                            int32_t offset, uint16_t tag, const char *file, uint32_t line) {
  char buf[160];
  strbuf_t sb;
  pool_fault_t *f = &p->last_fault;
  f->status = s;
  f->kind = kind;
  f->block = block;
  f->offset = offset;
  f->tag = tag;
  f->file = file;
  f->line = line;
  if (s == POOL_ERR_OVERRUN || s == POOL_ERR_UNDERRUN || s == POOL_ERR_USE_AFTER_FREE ||
      s == POOL_ERR_CORRUPT)
    p->corruptions++;
  else
    p->bad_frees++;
  sb_init(&sb, buf, sizeof buf);
  sb_str(&sb, "pool: ");
  sb_str(&sb, pool_strerror(s));
  sb_str(&sb, " (");
  sb_str(&sb, kind_name(kind));
  sb_str(&sb, " block ");
  sb_u32(&sb, block);
  if (s == POOL_ERR_OVERRUN || s == POOL_ERR_UNDERRUN || s == POOL_ERR_USE_AFTER_FREE) {
    sb_str(&sb, ", byte ");
    sb_i32(&sb, offset);
  }
  if (tag) {
    sb_str(&sb, ", tag ");
    sb_u32(&sb, tag);
  }
  if (file) {
    sb_str(&sb, ", allocated at ");
    sb_str(&sb, file);
    sb_char(&sb, ':');
    sb_u32(&sb, line);
  }
  sb_char(&sb, ')');
  platform_fault(p->platform, buf);
  return s;
}

/* ---- big pool free runs ---- */

static void bin_insert(pool_t *p, uint32_t head, uint32_t len) {
  uint32_t b = floor_log2(len);
  big_meta_t *m = &p->big_meta[head];
  m->run_len = len;
  p->big_meta[head + len - 1u].run_len = len;
  m->prev = NONE;
  m->next = p->bins[b];
  if (m->next != NONE) p->big_meta[m->next].prev = head;
  p->bins[b] = head;
  p->bitmap |= 1u << b;
}

static void bin_remove(pool_t *p, uint32_t head) {
  big_meta_t *m = &p->big_meta[head];
  uint32_t b = floor_log2(m->run_len);
  if (m->prev != NONE)
    p->big_meta[m->prev].next = m->next;
  else
    p->bins[b] = m->next;
  if (m->next != NONE) p->big_meta[m->next].prev = m->prev;
  if (p->bins[b] == NONE) p->bitmap &= ~(1u << b);
}

/* Head of a free run of at least k blocks, or NONE. */
static uint32_t find_run(const pool_t *p, uint32_t k) {
  uint32_t want = ceil_log2(k), mask, i;
  mask = want >= NBINS ? 0u : p->bitmap & (0xFFFFFFFFu << want);
  if (mask) return p->bins[ctz32(mask)];
  /* slow path: the class below may still hold a long enough run */
  if (want == 0) return NONE;
  for (i = p->bins[want - 1u]; i != NONE; i = p->big_meta[i].next)
    if (p->big_meta[i].run_len >= k) return i;
  return NONE;
}

static uint8_t *big_block_ptr(const pool_t *p, uint32_t i) {
  return p->big_base + (uint64_t)i * p->big_stride + GUARD;
}
static uint8_t *small_block_ptr(const pool_t *p, uint32_t i) {
  return p->small_base + (uint64_t)i * p->small_stride + GUARD;
}

/* ---- init ---- */

pool_status_t pool_init(void *region, uint32_t region_size, const pool_plan_t *plan,
                        const platform_t *platform, pool_t **out) {
  layout_t l;
  pool_t *p;
  uint8_t *base = (uint8_t *)region;
  uint32_t i;
  if (!region || !plan || !out) return POOL_ERR_NULL_ARG;
  *out = 0;
  if ((uintptr_t)region & (POOL_ALIGN - 1u)) return POOL_ERR_REGION_MISALIGNED;
  if (!layout(plan, &l)) return POOL_ERR_BAD_PLAN;
  if (l.total > region_size) return POOL_ERR_REGION_TOO_SMALL;
  p = (pool_t *)region;
  bytes_fill(p, 0, sizeof *p);
  p->plan = *plan;
  p->platform = platform;
  p->small_meta = (small_meta_t *)(base + l.small_meta);
  p->big_meta = (big_meta_t *)(base + l.big_meta);
  p->big_state = base + l.big_state;
  p->small_base = base + l.small_slots;
  p->big_base = base + l.big_slots;
  p->small_stride = plan->small_block_size + 2u * GUARD;
  p->big_stride = plan->big_block_size + 2u * GUARD;
  p->small_bytes = plan->small_count * p->small_stride;
  p->big_bytes = plan->big_count * p->big_stride;
  /* the reciprocal is exact for every offset below 2^32 / stride */
  p->small_magic = ((uint64_t)p->small_bytes * p->small_stride <= 0xFFFFFFFFull)
                       ? (uint32_t)(0xFFFFFFFFu / p->small_stride) + 1u
                       : 0u;
  if ((p->small_stride & (p->small_stride - 1u)) == 0 && p->small_stride > 1u)
    p->small_magic = (uint32_t)(0x100000000ull / p->small_stride);
#if POOL_DEBUG
  p->small_dbg = (dbg_rec_t *)(base + l.dbg);
  p->big_dbg = p->small_dbg + plan->small_count;
  for (i = 0; i < plan->small_count + plan->big_count; i++) {
    p->small_dbg[i].file = 0;
    p->small_dbg[i].line = 0;
    p->small_dbg[i].tick = 0;
  }
  fill_pattern(p->small_base, p->small_base + p->small_bytes, POISON);
  fill_pattern(p->big_base, p->big_base + p->big_bytes, POISON);
#endif
  for (i = 0; i < plan->small_count; i++) {
    p->small_meta[i].next = i + 1u < plan->small_count ? i + 1u : NONE;
    p->small_meta[i].requested = 0;
    p->small_meta[i].tag = 0;
  }
  p->small_head = plan->small_count ? 0u : NONE;
  for (i = 0; i < NBINS; i++) p->bins[i] = NONE;
  for (i = 0; i < plan->big_count; i++) {
    big_meta_t *m = &p->big_meta[i];
    m->run_len = 0;
    m->prev = m->next = NONE;
    m->requested = 0;
    m->tag = 0;
    m->reserved = 0;
    p->big_state[i] = B_FREE;
  }
  if (plan->big_count) bin_insert(p, 0, plan->big_count);
  p->big_free = plan->big_count;
  p->st[POOL_SMALL].block_size = plan->small_block_size;
  p->st[POOL_SMALL].block_count = plan->small_count;
  p->st[POOL_BIG].block_size = plan->big_block_size;
  p->st[POOL_BIG].block_count = plan->big_count;
  p->last_status = POOL_OK;
  *out = p;
  return POOL_OK;
}

/* ---- allocation ---- */

COLD static void trace_event(pool_t *p, pool_event_kind_t kind, pool_kind_t k, uint32_t size,
                               uint32_t cap, uint16_t tag, pool_status_t why) {
  pool_event_t ev;
  ev.kind = kind;
  ev.pool = k;
  ev.requested = size;
  ev.capacity = cap;
  ev.tag = tag;
  ev.status = why;
  p->trace(p->trace_ctx, &ev);
}

/* Level and counter updates of an allocation. For the small pool, live_allocs, bytes_handed_out
 * and frees follow from blocks_used and allocs, and are filled in by pool_get_stats(). */
static inline void note_alloc(pool_t *p, pool_kind_t k, uint32_t size, uint32_t blocks,
                              uint32_t cap) {
  pool_side_stats_t *s = &p->st[k];
  s->allocs++;
  s->blocks_used += blocks;
  if (s->blocks_used > s->blocks_peak) s->blocks_peak = s->blocks_used;
  s->bytes_requested += size;
  if (s->bytes_requested > s->bytes_requested_peak) s->bytes_requested_peak = s->bytes_requested;
  if (size > s->largest_request) s->largest_request = size;
  if (k == POOL_BIG) {
    s->live_allocs++;
    s->bytes_handed_out += cap;
  }
}

static void *fail(pool_t *p, pool_kind_t k, uint32_t size, uint16_t tag, pool_status_t why) {
  p->st[k].failures++;
  p->failed_allocs++;
  p->last_status = why;
  if (p->trace) trace_event(p, POOL_EV_FAIL, k, size, 0, tag, why);
  return 0;
}

#if POOL_DEBUG
/* Checks a free area's poison before handing it out; writes canaries around the new block. */
static void arm_block(pool_t *p, pool_kind_t k, uint32_t idx, uint8_t *payload, uint32_t size,
                      uint32_t cap, uint16_t tag) {
  uint8_t *slot = payload - GUARD, *end = payload + cap + GUARD, *bad;
  bad = scan_pattern(slot, end, POISON);
  if (bad) report(p, POOL_ERR_USE_AFTER_FREE, k, idx, (int32_t)(bad - payload), tag, 0, 0);
  fill_pattern(slot, payload, CANARY);
  /* the payload keeps its poison: reads of uninitialised fields see 0xFEEDFACE, not zeros */
  fill_pattern(payload + size, end, TAIL);
}

static void record(pool_t *p, pool_kind_t k, uint32_t idx, const char *file, uint32_t line) {
  dbg_rec_t *r = (k == POOL_SMALL ? p->small_dbg : p->big_dbg) + idx;
  r->file = file;
  r->line = line;
  r->tick = platform_ticks(p->platform);
}
#endif

/* Reports an allocation to the trace hook, then hands the pointer back (a tail call). */
COLD static void *traced(pool_t *p, void *ptr, pool_kind_t k, uint32_t size, uint32_t cap,
                         uint16_t tag) {
  trace_event(p, POOL_EV_ALLOC, k, size, cap, tag, POOL_OK);
  return ptr;
}

static void *alloc_big(pool_t *p, uint32_t size, uint16_t tag, const char *file, uint32_t line) {
  uint32_t k, head, len, cap;
  big_meta_t *m;
  if (!p->plan.big_count || (uint64_t)size + 2u * GUARD > p->big_bytes)
    return fail(p, POOL_BIG, size, tag, POOL_ERR_TOO_LARGE);
  k = big_blocks_for(p, size);
  head = find_run(p, k);
  if (head == NONE) {
    if (p->big_free >= k) {
      p->st[POOL_BIG].fragmentation_events++;
      return fail(p, POOL_BIG, size, tag, POOL_ERR_FRAGMENTED);
    }
    return fail(p, POOL_BIG, size, tag, POOL_ERR_EXHAUSTED);
  }
  m = &p->big_meta[head];
  len = m->run_len;
  bin_remove(p, head);
  if (len > k) {
    bin_insert(p, head + k, len - k);
    p->st[POOL_BIG].splits++;
  }
  p->big_state[head] = B_USED_HEAD;
  if (k > 1u) bytes_fill(p->big_state + head + 1u, B_USED_BODY, k - 1u);
  m->run_len = k;
  m->requested = size;
  m->tag = tag;
  p->big_free -= k;
  cap = big_capacity(p, k);
  note_alloc(p, POOL_BIG, size, k, cap);
  p->last_status = POOL_OK;
#if POOL_DEBUG
  arm_block(p, POOL_BIG, head, big_block_ptr(p, head), size, cap, tag);
  record(p, POOL_BIG, head, file, line);
#else
  (void)file;
  (void)line;
#endif
  if (UNLIKELY(p->trace != 0)) return traced(p, big_block_ptr(p, head), POOL_BIG, size, cap, tag);
  return big_block_ptr(p, head);
}

/* The small pool is full: the big pool serves the request (a spill). */
COLD static void *spill(pool_t *p, uint32_t size, uint16_t tag, const char *file, uint32_t line) {
  void *r;
  p->st[POOL_SMALL].failures++;
  r = alloc_big(p, size, tag, file, line);
  if (r)
    p->spills++;
  else if (p->last_status == POOL_ERR_TOO_LARGE) /* there is no big pool */
    p->last_status = POOL_ERR_EXHAUSTED;
  return r;
}

static inline void *alloc_impl(pool_t *p, uint32_t size, uint16_t tag, const char *file,
                               uint32_t line) {
#if POOL_DEBUG
  if (UNLIKELY(p->fail_after != 0u) && --p->fail_after == 0u)
    return fail(p, size - 1u < p->plan.small_block_size ? POOL_SMALL : POOL_BIG, size, tag,
                POOL_ERR_EXHAUSTED);
#endif
  if (size - 1u < p->plan.small_block_size) {
    uint32_t i = p->small_head;
    if (i != NONE) {
      small_meta_t *m = &p->small_meta[i];
      uint8_t *ptr = small_block_ptr(p, i);
      p->small_head = m->next;
      m->requested = (uint16_t)size;
      m->tag = tag;
      note_alloc(p, POOL_SMALL, size, 1u, p->plan.small_block_size);
      p->last_status = POOL_OK;
#if POOL_DEBUG
      arm_block(p, POOL_SMALL, i, ptr, size, p->plan.small_block_size, tag);
      record(p, POOL_SMALL, i, file, line);
#else
      (void)file;
      (void)line;
#endif
      if (UNLIKELY(p->trace != 0))
        return traced(p, ptr, POOL_SMALL, size, p->plan.small_block_size, tag);
      return ptr;
    }
    return spill(p, size, tag, file, line);
  }
  if (size == 0) {
    p->last_status = POOL_ERR_ZERO_SIZE;
    p->failed_allocs++;
    return 0;
  }
  return alloc_big(p, size, tag, file, line);
}

void *pool_alloc(pool_t *p, uint32_t size) { return alloc_impl(p, size, 0, 0, 0); }
void *pool_alloc_tagged(pool_t *p, uint32_t size, uint16_t tag) {
  return alloc_impl(p, size, tag, 0, 0);
}
void *pool_alloc_at(pool_t *p, uint32_t size, uint16_t tag, const char *file, uint32_t line) {
  return alloc_impl(p, size, tag, file, line);
}

/* ---- free ---- */

static inline void note_free(pool_t *p, pool_kind_t k, uint32_t size, uint32_t blocks,
                             uint32_t cap, uint16_t tag) {
  pool_side_stats_t *s = &p->st[k];
  s->blocks_used -= blocks;
  s->bytes_requested -= size;
  if (k == POOL_BIG) {
    s->frees++;
    s->live_allocs--;
    s->bytes_handed_out -= cap;
  }
  if (UNLIKELY(p->trace != 0)) trace_event(p, POOL_EV_FREE, k, size, cap, tag, POOL_OK);
}

#if POOL_DEBUG
/* Checks a live block's guards. Returns POOL_OK or the fault (reported). */
static pool_status_t check_guards(pool_t *p, pool_kind_t k, uint32_t idx, uint8_t *payload,
                                  uint32_t size, uint32_t cap, uint16_t tag) {
  const dbg_rec_t *r = (k == POOL_SMALL ? p->small_dbg : p->big_dbg) + idx;
  uint8_t *bad = scan_pattern_down(payload - GUARD, payload, CANARY);
  if (bad) return report(p, POOL_ERR_UNDERRUN, k, idx, (int32_t)(bad - payload), tag, r->file, r->line);
  bad = scan_pattern(payload + size, payload + cap + GUARD, TAIL);
  if (bad) return report(p, POOL_ERR_OVERRUN, k, idx, (int32_t)(bad - payload), tag, r->file, r->line);
  return POOL_OK;
}
#endif

NOINLINE static pool_status_t free_big(pool_t *p, uint8_t *ptr) {
  uintptr_t off = (uintptr_t)ptr - (uintptr_t)p->big_base;
  uint32_t idx, len, size, cap;
  uint16_t tag;
  pool_status_t st = POOL_OK;
  big_meta_t *m;
  if (off >= p->big_bytes) return report(p, POOL_ERR_FOREIGN, POOL_BIG, 0, 0, 0, 0, 0);
  idx = (uint32_t)off / p->big_stride;
  if ((uint32_t)off != idx * p->big_stride + GUARD)
    return report(p, POOL_ERR_MISALIGNED, POOL_BIG, idx, 0, 0, 0, 0);
  if (p->big_state[idx] == B_FREE)
    return report(p, POOL_ERR_DOUBLE_FREE, POOL_BIG, idx, 0, 0, 0, 0);
  if (p->big_state[idx] == B_USED_BODY)
    return report(p, POOL_ERR_INTERIOR, POOL_BIG, idx, 0, 0, 0, 0);
  m = &p->big_meta[idx];
  len = m->run_len;
  size = m->requested;
  tag = m->tag;
  cap = big_capacity(p, len);
#if POOL_DEBUG
  st = check_guards(p, POOL_BIG, idx, ptr, size, cap, tag);
  fill_pattern(ptr - GUARD, ptr + cap + GUARD, POISON);
  p->big_dbg[idx].file = 0;
#endif
  bytes_fill(p->big_state + idx, B_FREE, len);
  m->requested = 0;
  m->tag = 0;
  p->big_free += len;
  note_free(p, POOL_BIG, size, len, cap, tag);
  /* coalesce with the following run, then with the preceding one */
  if (idx + len < p->plan.big_count && p->big_state[idx + len] == B_FREE) {
    uint32_t n = idx + len;
    len += p->big_meta[n].run_len;
    bin_remove(p, n);
    p->st[POOL_BIG].coalesces++;
  }
  if (idx > 0 && p->big_state[idx - 1u] == B_FREE) {
    uint32_t plen = p->big_meta[idx - 1u].run_len;
    idx -= plen;
    len += plen;
    bin_remove(p, idx);
    p->st[POOL_BIG].coalesces++;
  }
  bin_insert(p, idx, len);
  return st;
}

pool_status_t pool_free(pool_t *p, void *ptr) {
  uintptr_t off;
  if (!ptr) return POOL_OK;
  if (!p) return POOL_ERR_NULL_ARG;
  off = (uintptr_t)ptr - (uintptr_t)p->small_base;
  if (off < p->small_bytes) {
    uint32_t slot = (uint32_t)off - GUARD, idx;
    small_meta_t *m;
    pool_status_t st = POOL_OK;
#if POOL_DEBUG
    if ((uint32_t)off < GUARD) return report(p, POOL_ERR_MISALIGNED, POOL_SMALL, 0, 0, 0, 0, 0);
#endif
    idx = small_index(p, slot);
    if (idx * p->small_stride != slot)
      return report(p, POOL_ERR_MISALIGNED, POOL_SMALL, idx, 0, 0, 0, 0);
    m = &p->small_meta[idx];
    if (m->requested == 0) return report(p, POOL_ERR_DOUBLE_FREE, POOL_SMALL, idx, 0, 0, 0, 0);
#if POOL_DEBUG
    st = check_guards(p, POOL_SMALL, idx, (uint8_t *)ptr, m->requested,
                      p->plan.small_block_size, m->tag);
    fill_pattern((uint8_t *)ptr - GUARD, (uint8_t *)ptr + p->plan.small_block_size + GUARD, POISON);
    p->small_dbg[idx].file = 0;
#endif
    note_free(p, POOL_SMALL, m->requested, 1u, p->plan.small_block_size, m->tag);
    m->requested = 0;
    m->tag = 0;
    m->next = p->small_head;
    p->small_head = idx;
    return st;
  }
  return free_big(p, (uint8_t *)ptr);
}

/* ---- queries ---- */

pool_status_t pool_last_status(const pool_t *p) { return p ? p->last_status : POOL_ERR_NULL_ARG; }
const pool_fault_t *pool_last_fault(const pool_t *p) { return p ? &p->last_fault : 0; }
const pool_plan_t *pool_get_plan(const pool_t *p) { return p ? &p->plan : 0; }

/* Locates a live allocation's first block. Returns 0 if ptr is not one. */
static int locate(const pool_t *p, const void *ptr, pool_kind_t *kind, uint32_t *idx) {
  uintptr_t off = (uintptr_t)ptr - (uintptr_t)p->small_base;
#if POOL_DEBUG
  if (off < GUARD) return 0;
#endif
  if (off < p->small_bytes) {
    uint32_t slot = (uint32_t)off - GUARD, i = small_index(p, slot);
    if (i * p->small_stride != slot || p->small_meta[i].requested == 0) return 0;
    *kind = POOL_SMALL;
    *idx = i;
    return 1;
  }
  off = (uintptr_t)ptr - (uintptr_t)p->big_base;
  if (off < p->big_bytes) {
    uint32_t i = (uint32_t)off / p->big_stride;
    if ((uint32_t)off != i * p->big_stride + GUARD || p->big_state[i] != B_USED_HEAD) return 0;
    *kind = POOL_BIG;
    *idx = i;
    return 1;
  }
  return 0;
}

bool pool_owns(const pool_t *p, const void *ptr) {
  pool_kind_t k;
  uint32_t i;
  return p && ptr && locate(p, ptr, &k, &i);
}

uint32_t pool_usable_size(const pool_t *p, const void *ptr) {
  pool_kind_t k;
  uint32_t i;
  if (!p || !ptr || !locate(p, ptr, &k, &i)) return 0;
  return k == POOL_SMALL ? p->plan.small_block_size : big_capacity(p, p->big_meta[i].run_len);
}

bool pool_can_alloc(const pool_t *p, uint32_t size) {
  if (!p || size == 0) return false;
  if (size <= p->plan.small_block_size && p->small_head != NONE) return true;
  if (!p->plan.big_count || (uint64_t)size + 2u * GUARD > p->big_bytes) return false;
  return find_run(p, big_blocks_for(p, size)) != NONE;
}

static uint32_t largest_free_run(const pool_t *p) {
  uint32_t best = 0, i;
  if (!p->bitmap) return 0;
  for (i = p->bins[floor_log2(p->bitmap)]; i != NONE; i = p->big_meta[i].next)
    if (p->big_meta[i].run_len > best) best = p->big_meta[i].run_len;
  return best;
}

static uint32_t used_permille(const pool_side_stats_t *s) {
  if (!s->block_count) return 0;
  return (uint32_t)(((uint64_t)s->blocks_used * 1000u) / s->block_count);
}

pool_pressure_t pool_pressure(const pool_t *p) {
  uint32_t a, b, worst;
  if (!p) return POOL_PRESSURE_FULL;
  if ((p->plan.small_count && p->small_head == NONE) || (p->plan.big_count && p->big_free == 0))
    return POOL_PRESSURE_FULL;
  a = used_permille(&p->st[POOL_SMALL]);
  b = used_permille(&p->st[POOL_BIG]);
  worst = a > b ? a : b;
  if (worst >= 900u) return POOL_PRESSURE_CRITICAL;
  if (worst >= 750u) return POOL_PRESSURE_HIGH;
  return POOL_PRESSURE_OK;
}

void pool_get_stats(const pool_t *p, pool_stats_t *out) {
  if (!p || !out) return;
  out->small = p->st[POOL_SMALL];
  out->small.live_allocs = out->small.blocks_used;
  out->small.bytes_handed_out = out->small.blocks_used * p->plan.small_block_size;
  out->small.frees = out->small.allocs + p->small_used_at_reset - out->small.blocks_used;
  out->big = p->st[POOL_BIG];
  out->small.largest_free_run = p->plan.small_count - p->st[POOL_SMALL].blocks_used;
  out->big.largest_free_run = largest_free_run(p);
  out->spills = p->spills;
  out->bad_frees = p->bad_frees;
  out->corruptions = p->corruptions;
  out->failed_allocs = p->failed_allocs;
  out->pressure = pool_pressure(p);
}

void pool_reset_counters(pool_t *p) {
  int k;
  if (!p) return;
  for (k = 0; k < 2; k++) {
    pool_side_stats_t *s = &p->st[k];
    s->allocs = s->frees = s->failures = 0;
    s->fragmentation_events = s->splits = s->coalesces = 0;
    s->blocks_peak = s->blocks_used;
    s->bytes_requested_peak = s->bytes_requested;
    s->largest_request = 0;
  }
  p->small_used_at_reset = p->st[POOL_SMALL].blocks_used;
  p->spills = p->bad_frees = p->corruptions = p->failed_allocs = 0;
}

#if POOL_DEBUG
void pool_set_fail_after(pool_t *p, uint32_t n) {
  if (p) p->fail_after = n;
}
#endif

void pool_set_trace(pool_t *p, pool_trace_fn fn, void *ctx) {
  if (!p) return;
  p->trace = fn;
  p->trace_ctx = ctx;
}

uint32_t pool_foreach_live(const pool_t *p, void (*fn)(void *ctx, const pool_block_info_t *info),
                           void *ctx) {
  uint32_t n = 0, i;
  pool_block_info_t info;
  if (!p) return 0;
  for (i = 0; i < p->plan.small_count; i++) {
    const small_meta_t *m = &p->small_meta[i];
    if (!m->requested) continue;
    n++;
    if (!fn) continue;
    info.ptr = small_block_ptr(p, i);
    info.kind = POOL_SMALL;
    info.block = i;
    info.requested = m->requested;
    info.capacity = p->plan.small_block_size;
    info.tag = m->tag;
#if POOL_DEBUG
    info.file = p->small_dbg[i].file;
    info.line = p->small_dbg[i].line;
    info.tick = p->small_dbg[i].tick;
#else
    info.file = 0;
    info.line = 0;
    info.tick = 0;
#endif
    fn(ctx, &info);
  }
  for (i = 0; i < p->plan.big_count;) {
    const big_meta_t *m = &p->big_meta[i];
    uint32_t len = m->run_len ? m->run_len : 1u;
    if (p->big_state[i] == B_USED_HEAD) {
      n++;
      if (fn) {
        info.ptr = big_block_ptr(p, i);
        info.kind = POOL_BIG;
        info.block = i;
        info.requested = m->requested;
        info.capacity = big_capacity(p, len);
        info.tag = m->tag;
#if POOL_DEBUG
        info.file = p->big_dbg[i].file;
        info.line = p->big_dbg[i].line;
        info.tick = p->big_dbg[i].tick;
#else
        info.file = 0;
        info.line = 0;
        info.tick = 0;
#endif
        fn(ctx, &info);
      }
    }
    i += len;
  }
  return n;
}

/* ---- checking ---- */

/* Structural check. Returns POOL_OK or POOL_ERR_CORRUPT with *where set to a block index. */
static pool_status_t check_structure(const pool_t *p, pool_kind_t *kind, uint32_t *where) {
  uint32_t i, n, used = 0, live = 0, req = 0, free_runs = 0, binned = 0, b;
  /* small pool: the free list is acyclic, holds exactly the free blocks */
  *kind = POOL_SMALL;
  for (i = p->small_head, n = 0; i != NONE; i = p->small_meta[i].next, n++) {
    *where = i;
    if (i >= p->plan.small_count || n > p->plan.small_count) return POOL_ERR_CORRUPT;
    if (p->small_meta[i].requested != 0) return POOL_ERR_CORRUPT;
  }
  for (i = 0; i < p->plan.small_count; i++) {
    if (p->small_meta[i].requested) {
      *where = i;
      if (p->small_meta[i].requested > p->plan.small_block_size) return POOL_ERR_CORRUPT;
      used++;
      req += p->small_meta[i].requested;
    }
  }
  *where = 0;
  if (used + n != p->plan.small_count || used != p->st[POOL_SMALL].blocks_used ||
      req != p->st[POOL_SMALL].bytes_requested)
    return POOL_ERR_CORRUPT;
  /* big pool: runs tile the pool, free runs are maximal and binned by size class */
  *kind = POOL_BIG;
  used = 0;
  req = 0;
  n = 0;
  for (i = 0; i < p->plan.big_count;) {
    const big_meta_t *m = &p->big_meta[i];
    uint32_t len = m->run_len, j;
    *where = i;
    if (len == 0 || i + len > p->plan.big_count) return POOL_ERR_CORRUPT;
    if (p->big_state[i] == B_FREE) {
      if (p->big_meta[i + len - 1u].run_len != len) return POOL_ERR_CORRUPT;
      for (j = 1; j < len; j++)
        if (p->big_state[i + j] != B_FREE) return POOL_ERR_CORRUPT;
      if (i + len < p->plan.big_count && p->big_state[i + len] == B_FREE) return POOL_ERR_CORRUPT;
      free_runs++;
      n += len;
    } else if (p->big_state[i] == B_USED_HEAD) {
      for (j = 1; j < len; j++)
        if (p->big_state[i + j] != B_USED_BODY) return POOL_ERR_CORRUPT;
      if (m->requested == 0 || m->requested > big_capacity(p, len)) return POOL_ERR_CORRUPT;
      if (big_blocks_for(p, m->requested) != len) return POOL_ERR_CORRUPT;
      used += len;
      live++;
      req += m->requested;
    } else {
      return POOL_ERR_CORRUPT;
    }
    i += len;
  }
  *where = 0;
  for (b = 0; b < NBINS; b++) {
    uint32_t prev = NONE, k = 0;
    if (((p->bitmap >> b) & 1u) != (p->bins[b] != NONE)) return POOL_ERR_CORRUPT;
    for (i = p->bins[b]; i != NONE; prev = i, i = p->big_meta[i].next) {
      *where = i;
      if (i >= p->plan.big_count || ++k > p->plan.big_count) return POOL_ERR_CORRUPT;
      if (p->big_state[i] != B_FREE || floor_log2(p->big_meta[i].run_len) != b ||
          p->big_meta[i].prev != prev)
        return POOL_ERR_CORRUPT;
      if (i > 0 && p->big_state[i - 1u] == B_FREE) return POOL_ERR_CORRUPT; /* not a head */
      binned++;
    }
  }
  *where = 0;
  if (binned != free_runs || n != p->big_free || used + n != p->plan.big_count ||
      used != p->st[POOL_BIG].blocks_used || live != p->st[POOL_BIG].live_allocs ||
      req != p->st[POOL_BIG].bytes_requested)
    return POOL_ERR_CORRUPT;
  return POOL_OK;
}

bool pool_invariants_hold(const pool_t *p) {
  pool_kind_t k;
  uint32_t w;
  return p && check_structure(p, &k, &w) == POOL_OK;
}

/* pool_check and pool_check_live: scan_free says whether free blocks' poison is scanned too. */
static pool_status_t check(pool_t *p, pool_fault_t *first, bool scan_free) {
  pool_kind_t k;
  uint32_t w;
  pool_status_t result = POOL_OK;
  pool_fault_t keep;
  bool sound;
  (void)scan_free; /* (release builds have no bytes to scan) */
  if (!p) return POOL_ERR_NULL_ARG;
  sound = check_structure(p, &k, &w) == POOL_OK;
  if (!sound) {
    result = report(p, POOL_ERR_CORRUPT, k, w, 0, 0, 0, 0);
    keep = p->last_fault;
  }
#if POOL_DEBUG
  {
    uint32_t i;
    for (i = 0; i < p->plan.small_count; i++) {
      uint8_t *ptr = small_block_ptr(p, i), *bad;
      const small_meta_t *m = &p->small_meta[i];
      pool_status_t s = POOL_OK;
      if (m->requested) {
        s = check_guards(p, POOL_SMALL, i, ptr, m->requested, p->plan.small_block_size, m->tag);
      } else if (scan_free &&
                 (bad = scan_pattern(ptr - GUARD, ptr + p->plan.small_block_size + GUARD, POISON))) {
        s = report(p, POOL_ERR_USE_AFTER_FREE, POOL_SMALL, i, (int32_t)(bad - ptr), 0, 0, 0);
      }
      if (s != POOL_OK && result == POOL_OK) {
        result = s;
        keep = p->last_fault;
      }
    }
    if (sound) { /* the run walk is safe (the scan above writes nothing the structure reads) */
      for (i = 0; i < p->plan.big_count;) {
        const big_meta_t *m = &p->big_meta[i];
        uint32_t len = m->run_len;
        uint8_t *ptr = big_block_ptr(p, i), *bad;
        pool_status_t s = POOL_OK;
        if (p->big_state[i] == B_USED_HEAD) {
          s = check_guards(p, POOL_BIG, i, ptr, m->requested, big_capacity(p, len), m->tag);
        } else if (scan_free &&
                   (bad = scan_pattern(ptr - GUARD, ptr + big_capacity(p, len) + GUARD, POISON))) {
          s = report(p, POOL_ERR_USE_AFTER_FREE, POOL_BIG, i, (int32_t)(bad - ptr), 0, 0, 0);
        }
        if (s != POOL_OK && result == POOL_OK) {
          result = s;
          keep = p->last_fault;
        }
        i += len;
      }
    }
  }
#endif
  if (result != POOL_OK) {
    p->last_fault = keep;
    if (first) *first = keep;
  }
  return result;
}

pool_status_t pool_check(pool_t *p, pool_fault_t *first) { return check(p, first, true); }

pool_status_t pool_check_live(pool_t *p, pool_fault_t *first) { return check(p, first, false); }

/* ---- text ---- */

const char *pool_strerror(pool_status_t s) {
  switch (s) {
  case POOL_OK: return "ok";
  case POOL_ERR_NULL_ARG: return "a required argument was NULL";
  case POOL_ERR_BAD_PLAN: return "the pool plan is invalid";
  case POOL_ERR_REGION_TOO_SMALL: return "the memory region is too small for the pool plan";
  case POOL_ERR_REGION_MISALIGNED: return "the memory region is not 8-byte aligned";
  case POOL_ERR_ZERO_SIZE: return "an allocation of zero bytes was requested";
  case POOL_ERR_TOO_LARGE: return "the request is larger than the whole big pool";
  case POOL_ERR_EXHAUSTED: return "operator memory is exhausted";
  case POOL_ERR_FRAGMENTED: return "no run of adjacent free big blocks is long enough";
  case POOL_ERR_FOREIGN: return "pointer does not belong to the pool";
  case POOL_ERR_MISALIGNED: return "pointer is not the start of a block";
  case POOL_ERR_INTERIOR: return "pointer is inside a multi-block allocation";
  case POOL_ERR_DOUBLE_FREE: return "block was already free (double free)";
  case POOL_ERR_OVERRUN: return "buffer overrun past the end of a block";
  case POOL_ERR_UNDERRUN: return "buffer underrun before the start of a block";
  case POOL_ERR_USE_AFTER_FREE: return "a free block was written (use after free)";
  case POOL_ERR_CORRUPT: return "pool bookkeeping is corrupt";
  }
  return "unknown pool status";
}

const char *pool_pressure_name(pool_pressure_t pr) {
  switch (pr) {
  case POOL_PRESSURE_OK: return "ok";
  case POOL_PRESSURE_HIGH: return "high";
  case POOL_PRESSURE_CRITICAL: return "critical";
  case POOL_PRESSURE_FULL: return "full";
  }
  return "unknown";
}
