/* SPDX-License-Identifier: MIT */
/* pool.c: the operator heap, in two tiers. Blocks tile the heap; each starts with a header giving
 * its size, its physical predecessor's size and a check word, so a free is validated in constant
 * time. Tier 1, the park: a freed block is kept whole on a singly linked list of its size class,
 * so the next request of its size takes it back with a pop. Tier 2, the coalescing heap: free
 * blocks merged with their free neighbours, in two-level segregated lists (TLSF) found with two
 * bit scans, split to the exact size asked for. Parked blocks move to tier 2 when a free finds
 * the park full (that block) or when pool_settle() empties the park (all of them). */
#include "pool.h"

#include "bytes.h"
#include "strbuf.h"

#if defined(__GNUC__)
#define COLD __attribute__((noinline, cold))
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define COLD
#define LIKELY(x) (x)
#define UNLIKELY(x) (x)
#endif

#define NONE 0xFFFFFFFFu
#define SLI 3u            /* log2 of the second-level lists per power of two */
#define SL (1u << SLI)
#define SIZE_MAX_G 0xFFFFFFu /* block sizes are 24-bit granule counts */
#define SLACK_MAX 63u        /* usable bytes past the request: 6 bits */

/* Block states (header bits 0-1). Parked blocks are free but not merged with free neighbours. */
enum { S_FREE = 0, S_USED = 1, S_PARKED = 2 };

/* The header at the start of every block. w0: size in granules (bits 8-31), slack (usable bytes
 * past the request, bits 2-7), state (bits 0-1). w1: the physical predecessor's size in
 * granules (bits 8-31, 0 for the first block), tag (bits 0-7). check: seal(position, w0, w1).
 * Free and parked blocks keep their list links (next, prev: block indices) right after it. */
typedef struct {
  uint32_t w0, w1, check;
} hdr_t;

#define HDR_BYTES 12u
#define LINK_BYTES 8u

#if POOL_DEBUG
typedef struct {
  const char *file;
  uint32_t line;
  uint32_t tick;
} dbg_rec_t;
static const uint8_t CANARY[4] = {0xDE, 0xAD, 0xBE, 0xEF};
static const uint8_t TAIL[4] = {0xBE, 0xEF, 0xDE, 0xAD};
static const uint8_t POISON[4] = {0xFE, 0xED, 0xFA, 0xCE};
#endif

struct pool {
  uint8_t *heap;        /* block 0 */
  uint32_t heap_g;      /* heap size in granules */
  uint32_t gmask;       /* granule - 1 */
  uint32_t glog;
  uint32_t po;          /* payload offset in a block: header (debug: + record + front guard) */
  uint32_t tg;          /* tail guard bytes (debug) */
  uint32_t min_g;       /* smallest block (header + links), granules */
  uint32_t max_request; /* largest request that could ever fit */
  uint32_t fast_max;    /* largest request the fast path takes: the largest served so far
                           (a larger one cannot be a reuse), 0 while a trace hook is set */
  uint32_t min_alloc_g; /* the block of a 1-byte request, granules */
  uint32_t salt;
  uint32_t extra;       /* po + tg: a block's bytes beyond its usable bytes */
  uint32_t nfl;         /* first-level lists */
  uint32_t fl_map;
  uint32_t *sl_map;     /* [nfl] */
  uint32_t *heads;      /* [nfl * SL]: tier 2, doubly linked */
  uint32_t *park;       /* [nfl * SL]: tier 1, singly linked */
  uint32_t parked;      /* blocks in the park */
  uint32_t park_max;
  uint32_t small_max;
  /* the hot statistics (the rest of st is derived or cold); live = allocs + base - frees */
  uint32_t requested, handed, handed_peak, requested_at_peak;
  pool_kind_stats_t kinds[2];
  uint32_t live_base[2];
  uint32_t heap_allocs; /* allocations tier 2 served (the rest were reuses) */
  pool_status_t last_status;
  pool_stats_t st;      /* cold counters and the fixed layout */
  pool_trace_fn trace;
  void *trace_ctx;
  const platform_t *platform;
  pool_fault_t last_fault;
#if POOL_DEBUG
  uint32_t fail_after;
#endif
};

/* ---- arithmetic ---- */

/* floor(log2(v)) and trailing zeros, v > 0 (the AVR32 has clz too) */
#if defined(__GNUC__)
static uint32_t fls32(uint32_t v) { return 31u - (uint32_t)__builtin_clz(v); }
static uint32_t ctz32(uint32_t v) { return (uint32_t)__builtin_ctz(v); }
#else
static uint32_t fls32(uint32_t v) {
  uint32_t r = 0;
  while (v >>= 1) r++;
  return r;
}
static uint32_t ctz32(uint32_t v) { return fls32(v & (0u - v)); }
#endif

static uint32_t round_up(uint32_t v, uint32_t to) { return (v + to - 1u) & ~(to - 1u); }

/* The list a block of g granules belongs to: exact below 2 SL (list g), then SL lists per power
 * of two. */
static inline uint32_t bin_of(uint32_t g) {
  uint32_t f;
  if (g < 2u * SL) return g;
  f = fls32(g);
  return ((f - SLI + 1u) << SLI) | ((g >> (f - SLI)) & (SL - 1u));
}

/* The first list whose every block holds g granules. */
static inline uint32_t bin_up(uint32_t g) {
  if (g < 2u * SL) return g;
  return bin_of(g + (1u << (fls32(g) - SLI)) - 1u);
}

static inline hdr_t *hdr(const pool_t *p, uint32_t i) {
  return (hdr_t *)(void *)(p->heap + ((uintptr_t)i << p->glog));
}
static inline uint32_t *links(const pool_t *p, uint32_t i) {
  return (uint32_t *)(void *)(p->heap + ((uintptr_t)i << p->glog) + HDR_BYTES);
}
static inline uint8_t *payload(const pool_t *p, uint32_t i) {
  return p->heap + ((uintptr_t)i << p->glog) + p->po;
}

/* The check word: both header words and the block's position, mixed with the pool's salt. The
 * position's share does not depend on the header, so checking costs little more than the loads. */
static inline uint32_t seal(const pool_t *p, uint32_t i, uint32_t w0, uint32_t w1) {
  return w0 ^ w1 ^ (i * 0x9E3779B1u) ^ p->salt;
}
static inline bool sealed(const pool_t *p, uint32_t i, const hdr_t *h) {
  return h->check == seal(p, i, h->w0, h->w1);
}
static inline void put_hdr(const pool_t *p, uint32_t i, uint32_t w0, uint32_t w1) {
  hdr_t *h = hdr(p, i);
  h->w0 = w0;
  h->w1 = w1;
  h->check = seal(p, i, w0, w1);
}
/* New words for a header, its check updated by what changed (the seal is linear in w0 and w1):
 * no position hash to recompute, and a header that was not sound stays not sound. */
static inline void reseal(hdr_t *h, uint32_t w0, uint32_t w1) {
  h->check ^= (h->w0 ^ w0) ^ (h->w1 ^ w1);
  h->w0 = w0;
  h->w1 = w1;
}
#define SIZE_G(w0) ((w0) >> 8)
#define STATE(w0) ((w0)&3u)
#define SLACK(w0) (((w0) >> 2) & SLACK_MAX)
#define TAG(w1) ((w1)&0xFFu)

/* ---- configuration and layout ---- */

typedef struct {
  uint32_t granule, glog, hdr, po, tg, min_g, small_max, park_max;
} cfg_t;

static bool get_cfg(const pool_config_t *c, cfg_t *o) {
  uint32_t g = c && c->granule ? c->granule : POOL_ALIGN;
  if (g < 4u || g > 32u || (g & (g - 1u))) return false;
  o->granule = g;
  o->glog = fls32(g);
  o->hdr = round_up(HDR_BYTES, g);
  o->po = o->hdr;
  o->tg = 0;
#if POOL_DEBUG
  o->po += round_up((uint32_t)sizeof(dbg_rec_t), g) + round_up(POOL_CANARY_BYTES, g);
  o->tg = POOL_CANARY_BYTES;
#endif
  o->min_g = round_up(o->hdr + LINK_BYTES, g) >> o->glog;
  o->small_max = c && c->small_max ? c->small_max : 128u * g / 4u;
  o->park_max = c && c->park_max ? c->park_max : POOL_PARK_DEFAULT;
  return true;
}

static uint32_t control_size(uint32_t region_bytes, const cfg_t *c) {
  uint32_t heap_g = region_bytes >> c->glog, nfl;
  if (heap_g > SIZE_MAX_G) heap_g = SIZE_MAX_G;
  nfl = (bin_of(heap_g ? heap_g : 1u) >> SLI) + 1u;
  return round_up((uint32_t)sizeof(pool_t), 8u) + nfl * (2u * SL + 1u) * 4u;
}

uint32_t pool_control_size(uint32_t region_bytes, const pool_config_t *cfg) {
  cfg_t c;
  return get_cfg(cfg, &c) ? round_up(control_size(region_bytes, &c), c.granule) : 0;
}

uint32_t pool_region_size(uint32_t heap_bytes, const pool_config_t *cfg) {
  cfg_t c;
  uint64_t r;
  int k;
  if (!get_cfg(cfg, &c)) return 0;
  r = round_up(heap_bytes, c.granule);
  for (k = 0; k < 3; k++) { /* the control block grows by at most a level per pass */
    uint64_t want = (uint64_t)round_up(heap_bytes, c.granule) +
                    round_up(control_size(r > 0xFFFFFFFFu ? 0xFFFFFFFFu : (uint32_t)r, &c), c.granule);
    if (want == r) break;
    r = want;
  }
  return r > 0xFFFFFFFFu ? 0 : (uint32_t)r;
}

uint32_t pool_block_size(uint32_t size, const pool_config_t *cfg) {
  cfg_t c;
  uint64_t need;
  if (!get_cfg(cfg, &c)) return 0;
  need = (uint64_t)size + c.po + c.tg;
  need = (need + c.granule - 1u) & ~(uint64_t)(c.granule - 1u);
  if (need < ((uint64_t)c.min_g << c.glog)) need = (uint64_t)c.min_g << c.glog;
  return need > 0xFFFFFFFFu ? 0 : (uint32_t)need;
}

/* ---- faults ---- */

COLD static pool_status_t report(pool_t *p, pool_status_t s, uint32_t i, int32_t byte,
                                 uint16_t tag, const char *file, uint32_t line) {
  char buf[160];
  strbuf_t sb;
  pool_fault_t *f = &p->last_fault;
  f->status = s;
  f->offset = i << p->glog;
  f->byte = byte;
  f->tag = tag;
  f->file = file;
  f->line = line;
  if (s >= POOL_ERR_OVERRUN) /* overrun, underrun, use after free, corrupt */
    p->st.corruptions++;
  else
    p->st.bad_frees++;
  sb_init(&sb, buf, sizeof buf);
  sb_str(&sb, "pool: ");
  sb_str(&sb, pool_strerror(s));
  sb_str(&sb, " (block at heap byte ");
  sb_u32(&sb, f->offset);
  if (s == POOL_ERR_OVERRUN || s == POOL_ERR_UNDERRUN || s == POOL_ERR_USE_AFTER_FREE) {
    sb_str(&sb, ", byte ");
    sb_i32(&sb, byte);
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

/* ---- debug patterns ---- */

#if POOL_DEBUG
/* Pattern bytes are keyed to the address, so the same byte always expects the same value. */
static void fill_pattern(uint8_t *from, uint8_t *to, const uint8_t pat[4]) {
  if (to > from) bytes_fill_pattern(from, (uint32_t)(to - from), pat, (uint32_t)(uintptr_t)from);
}
static uint8_t *scan_pattern(uint8_t *from, uint8_t *to, const uint8_t pat[4]) {
  uint32_t n, i;
  if (to <= from) return 0;
  n = (uint32_t)(to - from);
  i = bytes_find_not_pattern(from, n, pat, (uint32_t)(uintptr_t)from);
  return i < n ? from + i : 0;
}
/* Scanning downwards, so an underrun reports the byte nearest the allocation. */
static uint8_t *scan_pattern_down(uint8_t *from, uint8_t *to, const uint8_t pat[4]) {
  while (to > from) {
    to--;
    if (*to != pat[(uintptr_t)to & 3u]) return to;
  }
  return 0;
}
static uint8_t *block_end(const pool_t *p, uint32_t i, uint32_t g) {
  return p->heap + (((uintptr_t)i + g) << p->glog);
}
/* A free block's bytes past its header and links hold poison. */
static void poison_free(pool_t *p, uint32_t i, uint32_t g) {
  fill_pattern((uint8_t *)links(p, i) + LINK_BYTES, block_end(p, i, g), POISON);
}
/* Header and links of a block that merged into its neighbour become poison too. */
static void poison_absorbed(pool_t *p, uint32_t i) {
  fill_pattern((uint8_t *)hdr(p, i), (uint8_t *)links(p, i) + LINK_BYTES, POISON);
}
/* The record sits after the header, aligned only to the granule: read and written by copy. */
static uint8_t *rec_at(const pool_t *p, uint32_t i) {
  return (uint8_t *)hdr(p, i) + round_up(HDR_BYTES, p->gmask + 1u);
}
static dbg_rec_t rec(const pool_t *p, uint32_t i) {
  dbg_rec_t r;
  bytes_copy(&r, rec_at(p, i), sizeof r);
  return r;
}
/* Checks a live block's guards. */
static pool_status_t check_guards(pool_t *p, uint32_t i, const hdr_t *h) {
  uint32_t g = SIZE_G(h->w0), req = (g << p->glog) - p->extra - SLACK(h->w0);
  uint8_t *pl = payload(p, i), *bad;
  dbg_rec_t r = rec(p, i);
  bad = scan_pattern_down(pl - POOL_CANARY_BYTES, pl, CANARY);
  if (bad)
    return report(p, POOL_ERR_UNDERRUN, i, (int32_t)(bad - pl), (uint16_t)TAG(h->w1), r.file, r.line);
  bad = scan_pattern(pl + req, block_end(p, i, g), TAIL);
  if (bad)
    return report(p, POOL_ERR_OVERRUN, i, (int32_t)(bad - pl), (uint16_t)TAG(h->w1), r.file, r.line);
  return POOL_OK;
}
/* Checks the poison of a block about to be handed out, then lays its record and guards. */
static void arm(pool_t *p, uint32_t i, uint32_t g, uint32_t size, uint16_t tag, const char *file,
                uint32_t line) {
  uint8_t *pl = payload(p, i), *bad = scan_pattern((uint8_t *)links(p, i) + LINK_BYTES,
                                                   block_end(p, i, g), POISON);
  dbg_rec_t r;
  if (bad) report(p, POOL_ERR_USE_AFTER_FREE, i, (int32_t)(bad - pl), tag, 0, 0);
  r.file = file;
  r.line = line;
  r.tick = platform_ticks(p->platform);
  bytes_copy(rec_at(p, i), &r, sizeof r);
  fill_pattern(rec_at(p, i) + sizeof r, pl, CANARY);
  /* the payload keeps its poison: reads of uninitialised fields see 0xFEEDFACE, not zeros */
  fill_pattern(pl + size, block_end(p, i, g), TAIL);
}
#endif

/* ---- free lists ---- */

static inline void list_insert(pool_t *p, uint32_t i, uint32_t b) {
  uint32_t *l = links(p, i), head = p->heads[b];
  l[0] = head;
  l[1] = NONE;
  if (head != NONE) links(p, head)[1] = i;
  p->heads[b] = i;
  p->sl_map[b >> SLI] |= 1u << (b & (SL - 1u));
  p->fl_map |= 1u << (b >> SLI);
}

static inline void list_remove(pool_t *p, uint32_t i, uint32_t b) {
  uint32_t *l = links(p, i), next = l[0], prev = l[1];
  if (prev != NONE) {
    links(p, prev)[0] = next;
  } else {
    p->heads[b] = next;
    if (next == NONE) {
      p->sl_map[b >> SLI] &= ~(1u << (b & (SL - 1u)));
      if (!p->sl_map[b >> SLI]) p->fl_map &= ~(1u << (b >> SLI));
    }
  }
  if (next != NONE) links(p, next)[1] = prev;
}

/* Head of the first list, from g's rounded-up class on, whose blocks all hold g; NONE if none. */
static uint32_t find_fit(const pool_t *p, uint32_t g) {
  uint32_t b = bin_up(g), fl = b >> SLI, m;
  if (fl >= p->nfl) return NONE;
  m = p->sl_map[fl] & (~0u << (b & (SL - 1u)));
  if (!m) {
    uint32_t fm = fl + 1u < 32u ? p->fl_map & (~0u << (fl + 1u)) : 0u;
    if (!fm) return NONE;
    fl = ctz32(fm);
    m = p->sl_map[fl];
  }
  return p->heads[(fl << SLI) | ctz32(m)];
}

/* Sets the predecessor size recorded in the block after i (if any) to g. */
static void set_next_prev(pool_t *p, uint32_t i, uint32_t g) {
  uint32_t n = i + g;
  if (n < p->heap_g) {
    hdr_t *h = hdr(p, n);
    if (sealed(p, n, h))
      put_hdr(p, n, h->w0, (g << 8) | TAG(h->w1));
    else /* never seal what an overrun wrote */
      report(p, POOL_ERR_CORRUPT, n, 0, 0, 0, 0);
  }
}

/* Takes a free neighbour out of its list for merging; false if it is live or parked, or its
 * header is not sound (reported: a neighbour's overrun reached it), in which case it stays. */
static bool claim(pool_t *p, uint32_t n) {
  hdr_t *h = hdr(p, n);
  if (!sealed(p, n, h)) {
    report(p, POOL_ERR_CORRUPT, n, 0, 0, 0, 0);
    return false;
  }
  if (STATE(h->w0) != S_FREE) return false;
  list_remove(p, n, bin_of(SIZE_G(h->w0)));
  p->st.merges++;
  p->st.blocks--;
  return true;
}

/* The header of a block merged into the one before it: scrubbed, so a stale pointer to it names
 * no block (debug: poisoned with the rest of the free block). */
static void absorb(pool_t *p, uint32_t i) {
  hdr_t *h = hdr(p, i);
  h->check = ~seal(p, i, h->w0, h->w1);
#if POOL_DEBUG
  poison_absorbed(p, i);
#endif
}

/* Block i (in no list) becomes free, merged with a free neighbour on either side. Free blocks
 * never neighbour each other, so that is all there is to merge; parked neighbours stay parked
 * (pool_settle merges them). Returns the merged block's index. */
static uint32_t merge_free(pool_t *p, uint32_t i) {
  uint32_t g = SIZE_G(hdr(p, i)->w0), pg = SIZE_G(hdr(p, i)->w1), n = i + g;
  if (n < p->heap_g && claim(p, n)) {
    g += SIZE_G(hdr(p, n)->w0);
    absorb(p, n);
  }
  if (pg && claim(p, i - pg)) {
    absorb(p, i);
    i -= pg;
    g += pg;
    pg = SIZE_G(hdr(p, i)->w1);
  }
  put_hdr(p, i, (g << 8) | S_FREE, pg << 8);
  set_next_prev(p, i, g);
  list_insert(p, i, bin_of(g));
  return i;
}

/* ---- init ---- */

pool_status_t pool_init(void *region, uint32_t region_size, const pool_config_t *cfg,
                        const platform_t *platform, pool_t **out) {
  cfg_t c;
  pool_t *p;
  uint32_t ctrl, heap_g, i;
  if (!region || !out) return POOL_ERR_NULL_ARG;
  *out = 0;
  if (!get_cfg(cfg, &c)) return POOL_ERR_BAD_CONFIG;
  if ((uintptr_t)region & (c.granule - 1u) || (uintptr_t)region & 3u)
    return POOL_ERR_REGION_MISALIGNED;
  ctrl = round_up(control_size(region_size, &c), c.granule);
  if (region_size < ctrl || ((region_size - ctrl) >> c.glog) < c.min_g ||
      region_size - ctrl < c.po + c.tg + c.granule)
    return POOL_ERR_REGION_TOO_SMALL;
  heap_g = (region_size - ctrl) >> c.glog;
  if (heap_g > SIZE_MAX_G) heap_g = SIZE_MAX_G;
  p = (pool_t *)region;
  bytes_fill(p, 0, sizeof *p);
  p->heap = (uint8_t *)region + ctrl;
  p->heap_g = heap_g;
  p->gmask = c.granule - 1u;
  p->glog = c.glog;
  p->po = c.po;
  p->tg = c.tg;
  p->min_g = c.min_g;
  p->max_request = (heap_g << c.glog) - c.po - c.tg;
  p->min_alloc_g = (1u + c.po + c.tg + p->gmask) >> c.glog;
  if (p->min_alloc_g < c.min_g) p->min_alloc_g = c.min_g;
  p->salt = 0x5EA1AB1Eu ^ (uint32_t)(uintptr_t)region;
  p->nfl = (bin_of(heap_g) >> SLI) + 1u;
  p->sl_map = (uint32_t *)(void *)((uint8_t *)region + round_up((uint32_t)sizeof(pool_t), 8u));
  p->heads = p->sl_map + p->nfl;
  p->park = p->heads + p->nfl * SL;
  p->extra = c.po + c.tg;
  for (i = 0; i < p->nfl; i++) p->sl_map[i] = 0;
  for (i = 0; i < p->nfl * SL; i++) p->heads[i] = p->park[i] = NONE;
  p->park_max = c.park_max;
  p->small_max = c.small_max;
  p->platform = platform;
  p->st.region_bytes = ctrl + (heap_g << c.glog);
  p->st.control_bytes = ctrl;
  p->st.heap_bytes = heap_g << c.glog;
  p->st.granule = (uint16_t)c.granule;
  p->st.header_bytes = (uint16_t)(c.po + c.tg);
  p->st.small_max = c.small_max;
  put_hdr(p, 0, (heap_g << 8) | S_FREE, 0);
  list_insert(p, 0, bin_of(heap_g));
#if POOL_DEBUG
  poison_free(p, 0, heap_g);
#endif
  p->st.blocks = p->st.blocks_peak = 1;
  *out = p;
  return POOL_OK;
}

/* ---- allocation ---- */

COLD static void trace_event(pool_t *p, pool_event_kind_t kind, const void *ptr, uint32_t size,
                             uint32_t cap, uint16_t tag, pool_status_t why) {
  pool_event_t ev;
  ev.kind = kind;
  ev.ptr = ptr;
  ev.requested = size;
  ev.capacity = cap;
  ev.tag = tag;
  ev.status = why;
  p->trace(p->trace_ctx, &ev);
}

COLD static void *fail(pool_t *p, uint32_t size, uint16_t tag, pool_status_t why) {
  p->st.failures++;
  p->last_status = why;
  if (why == POOL_ERR_FRAGMENTED) p->st.fragmentation_events++;
  if (p->trace) trace_event(p, POOL_EV_FAIL, 0, size, 0, tag, why);
  return 0;
}

/* Live allocations of a kind, and of both. */
static inline uint32_t kind_live(const pool_t *p, int k) {
  return p->kinds[k].allocs + p->live_base[k] - p->kinds[k].frees;
}
static inline uint32_t live_allocs(const pool_t *p) { return kind_live(p, 0) + kind_live(p, 1); }

/* Heap bytes in live blocks (headers included). */
static inline uint32_t used_bytes(const pool_t *p) { return p->handed + live_allocs(p) * p->extra; }

/* Tier 2: the first free block that holds g granules, after settling the park if need be. */
static uint32_t find_block(pool_t *p, uint32_t g) {
  uint32_t i = p->heads[bin_of(g)];
  if (i != NONE && SIZE_G(hdr(p, i)->w0) >= g) return i;
  i = find_fit(p, g);
  if (i == NONE && p->parked) {
    pool_settle(p);
    i = p->heads[bin_of(g)];
    if (i == NONE || SIZE_G(hdr(p, i)->w0) < g) i = find_fit(p, g);
  }
  return i;
}

/* Tier 2: takes free block i (checked), splits off what g does not need. Returns g as served. */
static uint32_t take_free(pool_t *p, uint32_t i, uint32_t g) {
  hdr_t *h = hdr(p, i);
  uint32_t bg = SIZE_G(h->w0), rem = bg - g;
  list_remove(p, i, bin_of(bg));
  if (rem < p->min_g) return bg; /* too little to split off: handed out with the block */
  put_hdr(p, i, (g << 8) | S_USED, h->w1);
  put_hdr(p, i + g, (rem << 8) | S_USED, g << 8); /* the rest, freed at once */
  set_next_prev(p, i + g, rem);
  p->st.splits++;
  if (++p->st.blocks > p->st.blocks_peak) p->st.blocks_peak = p->st.blocks;
  merge_free(p, i + g);
  return g;
}

/* Hands block i (g granules) out for size bytes: header, statistics. Returns the payload. */
static inline void *hand_out(pool_t *p, hdr_t *h, uint32_t g, uint32_t size, uint16_t tag) {
  uint32_t cap = (g << p->glog) - p->extra;
  pool_kind_stats_t *k = &p->kinds[size > p->small_max];
  reseal(h, (g << 8) | ((cap - size) << 2) | S_USED, (h->w1 & ~0xFFu) | tag);
  p->last_status = POOL_OK;
  p->requested += size;
  p->handed += cap;
  if (p->handed > p->handed_peak) {
    p->handed_peak = p->handed;
    p->requested_at_peak = p->requested;
  }
  k->allocs++;
  return (uint8_t *)h + p->po;
}

#if !POOL_DEBUG
/* Tier 1: takes the parked block at the head of list b if it has exactly g granules (and a
 * sound header: its link may have been written through a stale pointer). NONE if not. */
static inline hdr_t *pop_parked(pool_t *p, uint32_t b, uint32_t g) {
  uint32_t i = p->park[b];
  hdr_t *h;
  if (i >= p->heap_g) return 0;
  h = hdr(p, i);
  if (h->w0 != ((g << 8) | S_PARKED) || h->check != seal(p, i, h->w0, h->w1)) return 0;
  p->park[b] = ((const uint32_t *)(void *)((uint8_t *)h + HDR_BYTES))[0];
  p->parked--;
  return h;
}
#endif

/* Tier 1, past the head: a parked block of exactly g granules among the first PARK_PROBE of
 * list b (a list holds every size of its class), unlinked; NONE if none. */
#define PARK_PROBE 4u
static uint32_t probe_parked(pool_t *p, uint32_t b, uint32_t g) {
  uint32_t *at = &p->park[b], k;
  for (k = 0; k < PARK_PROBE && *at < p->heap_g; k++) {
    uint32_t i = *at;
    const hdr_t *h = hdr(p, i);
    if (h->w0 == ((g << 8) | S_PARKED) && sealed(p, i, h)) {
      *at = links(p, i)[0];
      p->parked--;
      return i;
    }
    at = &links(p, i)[0];
  }
  return NONE;
}

/* The granules of a request's block; 0 for a request no block can hold (or a bad tag). */
static inline uint32_t granules_for(const pool_t *p, uint32_t size, uint16_t tag) {
  uint32_t g = (size + p->extra + p->gmask) >> p->glog;
  if (size - 1u >= p->max_request || tag > POOL_TAG_MAX) return 0;
  return g < p->min_g ? p->min_g : g;
}

/* The general path: checks, tier 1 or tier 2, debug guards, trace. */
static void *alloc_impl(pool_t *p, uint32_t size, uint16_t tag, const char *file, uint32_t line) {
  uint32_t g = granules_for(p, size, tag), i;
  void *ptr;
#if POOL_DEBUG
  if (UNLIKELY(p->fail_after != 0u) && --p->fail_after == 0u)
    return fail(p, size, tag, POOL_ERR_EXHAUSTED);
#endif
  if (!g)
    return fail(p, size, tag,
                size == 0 ? POOL_ERR_ZERO_SIZE
                          : tag > POOL_TAG_MAX ? POOL_ERR_BAD_CONFIG : POOL_ERR_TOO_LARGE);
  i = probe_parked(p, bin_of(g), g);
  if (i == NONE) { /* tier 2: a free block, split to size */
    hdr_t *h;
    i = find_block(p, g);
    if (i == NONE)
      return fail(p, size, tag,
                  p->st.heap_bytes - used_bytes(p) >= (g << p->glog) ? POOL_ERR_FRAGMENTED
                                                                     : POOL_ERR_EXHAUSTED);
    h = hdr(p, i);
    if (!sealed(p, i, h) || STATE(h->w0) != S_FREE) {
      report(p, POOL_ERR_CORRUPT, i, 0, 0, 0, 0);
      return fail(p, size, tag, POOL_ERR_CORRUPT);
    }
    g = take_free(p, i, g);
    p->heap_allocs++;
  }
  if (size > p->st.largest_request) p->st.largest_request = size;
  if (!p->trace) p->fast_max = p->st.largest_request;
  ptr = hand_out(p, hdr(p, i), g, size, tag);
#if POOL_DEBUG
  arm(p, i, g, size, tag, file, line);
#else
  (void)file;
  (void)line;
#endif
  if (p->trace)
    trace_event(p, POOL_EV_ALLOC, ptr, size, (g << p->glog) - p->extra, tag, POOL_OK);
  return ptr;
}

COLD static void *alloc_cold(pool_t *p, uint32_t size, uint16_t tag) {
  return alloc_impl(p, size, tag, 0, 0);
}

/* The fast path, a pop from the park, in a function small enough to need no stack frame;
 * everything else goes to alloc_impl. */
void *pool_alloc(pool_t *p, uint32_t size, uint16_t tag) {
#if !POOL_DEBUG
  uint32_t g = (size + p->extra + p->gmask) >> p->glog;
  hdr_t *h;
  if (g < p->min_g) g = p->min_g;
  if (LIKELY(size - 1u < p->fast_max && tag <= POOL_TAG_MAX) && (h = pop_parked(p, bin_of(g), g)))
    return hand_out(p, h, g, size, tag);
#endif
  return alloc_cold(p, size, tag);
}

void *pool_alloc_at(pool_t *p, uint32_t size, uint16_t tag, const char *file, uint32_t line) {
  return alloc_impl(p, size, tag, file, line);
}

/* ---- free ---- */

/* The block whose payload starts at ptr, validated: its index, or NONE with *why set. */
static inline uint32_t locate(const pool_t *p, const void *ptr, pool_status_t *why) {
  uintptr_t off = (uintptr_t)ptr - (uintptr_t)p->heap;
  uint32_t i;
  const hdr_t *h;
  if (UNLIKELY(off >= ((uintptr_t)p->heap_g << p->glog))) {
    *why = POOL_ERR_FOREIGN;
    return NONE;
  }
  if (UNLIKELY(off & p->gmask)) {
    *why = POOL_ERR_MISALIGNED;
    return NONE;
  }
  i = (uint32_t)((off - p->po) >> p->glog);
  if (UNLIKELY(off < p->po || !sealed(p, i, h = hdr(p, i)))) {
    *why = POOL_ERR_INTERIOR;
    return NONE;
  }
  if (UNLIKELY(STATE(h->w0) != S_USED)) {
    *why = POOL_ERR_DOUBLE_FREE;
    return NONE;
  }
  return i;
}

COLD static pool_status_t bad_free(pool_t *p, const void *ptr, pool_status_t why) {
  uintptr_t off = (uintptr_t)ptr - (uintptr_t)p->heap;
  return report(p, why, off < ((uintptr_t)p->heap_g << p->glog) ? (uint32_t)(off >> p->glog) : 0u,
                0, 0, 0, 0);
}

/* Statistics of freeing live block i, then the block parked (tier 1) or merged (tier 2). */
static inline void release(pool_t *p, uint32_t i, hdr_t *h) {
  uint32_t w0 = h->w0, g = SIZE_G(w0), cap = (g << p->glog) - p->extra, size = cap - SLACK(w0);
  pool_kind_stats_t *k = &p->kinds[size > p->small_max];
  p->requested -= size;
  p->handed -= cap;
  k->frees++;
  if (p->parked < p->park_max) {
    uint32_t b = bin_of(g);
    reseal(h, (g << 8) | S_PARKED, h->w1);
    ((uint32_t *)(void *)((uint8_t *)h + HDR_BYTES))[0] = p->park[b];
    p->park[b] = i;
    p->parked++;
  } else {
    merge_free(p, i);
  }
}

/* The general path: validation with reasons, debug guards, trace. */
COLD static pool_status_t free_cold(pool_t *p, void *ptr) {
  pool_status_t st = POOL_OK;
  uint32_t i;
  hdr_t *h;
  if (!p) return POOL_ERR_NULL_ARG;
  i = locate(p, ptr, &st);
  if (i == NONE) return bad_free(p, ptr, st);
  h = hdr(p, i);
#if POOL_DEBUG
  st = check_guards(p, i, h);
  poison_free(p, i, SIZE_G(h->w0));
#endif
  if (p->trace) {
    uint32_t cap = (SIZE_G(h->w0) << p->glog) - p->extra;
    trace_event(p, POOL_EV_FREE, ptr, cap - SLACK(h->w0), cap, (uint16_t)TAG(h->w1), POOL_OK);
  }
  release(p, i, h);
  return st;
}

/* The fast path, validate and park, without a stack frame; the rest goes to free_cold. */
pool_status_t pool_free(pool_t *p, void *ptr) {
#if !POOL_DEBUG
  pool_status_t why;
  uint32_t i;
  if (!ptr) return POOL_OK;
  if (LIKELY(p && !p->trace) && (i = locate(p, ptr, &why)) != NONE) {
    release(p, i, (hdr_t *)(void *)((uint8_t *)ptr - p->po));
    return POOL_OK;
  }
#endif
  if (!ptr) return POOL_OK;
  return free_cold(p, ptr);
}

/* Tier 1 to tier 2: every parked block merged with its free neighbours. Whatever the order, a
 * block merged later finds its already merged neighbours free, so no two free blocks are left
 * side by side. O(parked blocks + lists). */
void pool_settle(pool_t *p) {
  uint32_t b;
  if (!p || !p->parked) return;
  p->st.settles++;
  for (b = 0; b < p->nfl * SL; b++) {
    while (p->park[b] != NONE) {
      uint32_t i = p->park[b];
      hdr_t *h = hdr(p, i);
      if (i >= p->heap_g || !sealed(p, i, h) || STATE(h->w0) != S_PARKED) {
        /* a parked block's header or link was overwritten: drop the rest of this list */
        report(p, POOL_ERR_CORRUPT, i < p->heap_g ? i : 0u, 0, 0, 0, 0);
        p->park[b] = NONE;
        break;
      }
      p->park[b] = links(p, i)[0];
      p->parked--;
      merge_free(p, i);
    }
  }
}

/* ---- queries ---- */

pool_status_t pool_last_status(const pool_t *p) { return p ? p->last_status : POOL_ERR_NULL_ARG; }
const pool_fault_t *pool_last_fault(const pool_t *p) { return p ? &p->last_fault : 0; }

uint32_t pool_footprint(const pool_t *p, const void *ptr) {
  pool_status_t why;
  uint32_t i = p && ptr ? locate(p, ptr, &why) : NONE;
  return i == NONE ? 0 : SIZE_G(hdr(p, i)->w0) << p->glog;
}
bool pool_owns(const pool_t *p, const void *ptr) { return pool_footprint(p, ptr) != 0; }
uint32_t pool_usable_size(const pool_t *p, const void *ptr) {
  uint32_t f = pool_footprint(p, ptr);
  return f ? f - p->extra : 0;
}

pool_pressure_t pool_pressure(const pool_t *p) {
  uint32_t permille;
  if (!p) return POOL_PRESSURE_FULL;
  if (find_fit(p, p->min_alloc_g) == NONE && !p->parked) return POOL_PRESSURE_FULL;
  permille = (uint32_t)(((uint64_t)used_bytes(p) * 1000u) / p->st.heap_bytes);
  if (permille >= 900u) return POOL_PRESSURE_CRITICAL;
  if (permille >= 750u) return POOL_PRESSURE_HIGH;
  return POOL_PRESSURE_OK;
}

void pool_get_stats(const pool_t *p, pool_stats_t *out) {
  uint32_t i, run = 0, best = 0;
  if (!p || !out) return;
  *out = p->st;
  out->small = p->kinds[0];
  out->big = p->kinds[1];
  out->small.live = kind_live(p, 0);
  out->big.live = kind_live(p, 1);
  out->small.bytes_handed_out = out->big.bytes_handed_out = 0;
  out->live_allocs = live_allocs(p);
  out->allocs = p->kinds[0].allocs + p->kinds[1].allocs;
  out->reuses = out->allocs - p->heap_allocs;
  out->frees = p->kinds[0].frees + p->kinds[1].frees;
  out->bytes_requested = p->requested;
  out->bytes_handed_out = p->handed;
  out->handed_out_peak = p->handed_peak;
  out->requested_at_peak = p->requested_at_peak;
  out->used_bytes = used_bytes(p);
  out->free_bytes = p->st.heap_bytes - out->used_bytes;
  out->parked_blocks = p->parked;
  out->parked_bytes = 0;
  /* one walk: the bytes of each kind, the parked bytes, and the largest run of free and parked
   * blocks (what a request could get, as a settle would merge them) */
  for (i = 0; i < p->heap_g;) {
    const hdr_t *h = hdr(p, i);
    uint32_t g = SIZE_G(h->w0), cap = (g << p->glog) - p->extra;
    if (!sealed(p, i, h) || !g) break;
    if (STATE(h->w0) == S_USED)
      *(cap - SLACK(h->w0) > p->small_max ? &out->big.bytes_handed_out
                                          : &out->small.bytes_handed_out) += cap;
    else if (STATE(h->w0) == S_PARKED)
      out->parked_bytes += g << p->glog;
    run = STATE(h->w0) == S_USED ? 0 : run + g;
    if (run > best) best = run;
    i += g;
  }
  out->largest_free = best >= p->min_g ? (best << p->glog) - p->extra : 0;
  out->pressure = pool_pressure(p);
}

uint32_t pool_frag_permille(const pool_stats_t *st) {
  if (!st || !st->handed_out_peak) return 0;
  return (uint32_t)(((uint64_t)(st->handed_out_peak - st->requested_at_peak) * 1000u +
                     st->handed_out_peak / 2u) / st->handed_out_peak);
}

uint32_t pool_bookkeeping_permille(const pool_stats_t *st) {
  uint64_t meta, payload;
  if (!st) return 0;
  meta = (uint64_t)st->control_bytes + (uint64_t)st->blocks_peak * st->header_bytes;
  if (meta >= st->region_bytes) return 1000u;
  payload = (uint64_t)st->heap_bytes - (uint64_t)st->blocks_peak * st->header_bytes;
  return (uint32_t)((meta * 1000u + payload / 2u) / payload);
}

void pool_reset_counters(pool_t *p) {
  int k;
  if (!p) return;
  p->st.failures = p->st.splits = 0;
  p->st.merges = p->st.settles = p->st.fragmentation_events = 0;
  p->st.bad_frees = p->st.corruptions = 0;
  p->handed_peak = p->handed;
  p->requested_at_peak = p->requested;
  p->st.blocks_peak = p->st.blocks;
  p->heap_allocs = 0;
  for (k = 0; k < 2; k++) {
    p->live_base[k] = kind_live(p, k);
    p->kinds[k].allocs = p->kinds[k].frees = 0;
  }
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
  p->fast_max = fn ? 0u : p->st.largest_request; /* every event through the traced path */
}

uint32_t pool_foreach_live(const pool_t *p, void (*fn)(void *ctx, const pool_block_info_t *info),
                           void *ctx) {
  uint32_t n = 0, i = 0;
  pool_block_info_t info;
  if (!p) return 0;
  while (i < p->heap_g) {
    const hdr_t *h = hdr(p, i);
    uint32_t g = SIZE_G(h->w0);
    if (!sealed(p, i, h) || g == 0) break;
    if (STATE(h->w0) == S_USED) {
      n++;
      if (fn) {
        info.ptr = payload(p, i);
        info.offset = i << p->glog;
        info.capacity = (g << p->glog) - p->extra;
        info.requested = info.capacity - SLACK(h->w0);
        info.tag = (uint16_t)TAG(h->w1);
#if POOL_DEBUG
        dbg_rec_t r = rec(p, i);
        info.file = r.file;
        info.line = r.line;
        info.tick = r.tick;
#else
        info.file = 0;
        info.line = 0;
        info.tick = 0;
#endif
        fn(ctx, &info);
      }
    }
    i += g;
  }
  return n;
}

/* ---- checking ---- */

/* The structure, recomputed: returns POOL_OK or POOL_ERR_CORRUPT with *where at the block. */
static pool_status_t check_structure(const pool_t *p, uint32_t *where) {
  uint32_t i = 0, pg = 0, prev_state = S_USED, b;
  uint32_t blocks = 0, live = 0, parked = 0, nfree = 0, listed = 0, in_park = 0;
  uint32_t req = 0, handed = 0;
  while (i < p->heap_g) {
    const hdr_t *h = hdr(p, i);
    uint32_t g = SIZE_G(h->w0), s = STATE(h->w0);
    *where = i;
    if (!sealed(p, i, h) || g < p->min_g || g > p->heap_g - i || SIZE_G(h->w1) != pg || s > 2u)
      return POOL_ERR_CORRUPT;
    if (s == S_FREE && prev_state == S_FREE) return POOL_ERR_CORRUPT; /* not merged */
    blocks++;
    if (s == S_USED) {
      uint32_t cap = (g << p->glog) - p->extra;
      if (SLACK(h->w0) >= cap) return POOL_ERR_CORRUPT;
      live++;
      req += cap - SLACK(h->w0);
      handed += cap;
    } else if (s == S_PARKED) {
      parked++;
    } else {
      nfree++;
    }
    prev_state = s;
    pg = g;
    i += g;
  }
  *where = 0;
  if (i != p->heap_g) return POOL_ERR_CORRUPT;
  for (b = 0; b < p->nfl * SL; b++) {
    uint32_t prev = NONE, e;
    bool bit = (p->sl_map[b >> SLI] >> (b & (SL - 1u))) & 1u;
    if (bit != (p->heads[b] != NONE)) return POOL_ERR_CORRUPT;
    if (((p->fl_map >> (b >> SLI)) & 1u) != (p->sl_map[b >> SLI] != 0)) return POOL_ERR_CORRUPT;
    for (e = p->heads[b]; e != NONE; prev = e, e = links(p, e)[0]) {
      const hdr_t *h;
      *where = e;
      if (e >= p->heap_g || ++listed > nfree) return POOL_ERR_CORRUPT;
      h = hdr(p, e);
      if (!sealed(p, e, h) || STATE(h->w0) != S_FREE || bin_of(SIZE_G(h->w0)) != b ||
          links(p, e)[1] != prev)
        return POOL_ERR_CORRUPT;
    }
    for (e = p->park[b]; e != NONE; e = links(p, e)[0]) {
      const hdr_t *h;
      *where = e;
      if (e >= p->heap_g || ++in_park > parked) return POOL_ERR_CORRUPT;
      h = hdr(p, e);
      if (!sealed(p, e, h) || STATE(h->w0) != S_PARKED || bin_of(SIZE_G(h->w0)) != b)
        return POOL_ERR_CORRUPT;
    }
  }
  *where = 0;
  if (listed != nfree || in_park != parked || parked != p->parked || blocks != p->st.blocks ||
      live != live_allocs(p) || req != p->requested ||
      handed != p->handed)
    return POOL_ERR_CORRUPT;
  return POOL_OK;
}

bool pool_invariants_hold(const pool_t *p) {
  uint32_t w;
  return p && check_structure(p, &w) == POOL_OK;
}

/* pool_check and pool_check_live: scan_free says whether free blocks' poison is scanned too. */
static pool_status_t check(pool_t *p, pool_fault_t *first, bool scan_free) {
  uint32_t w;
  pool_status_t result = POOL_OK;
  pool_fault_t keep;
  (void)scan_free; /* (release builds have no bytes to scan) */
  if (!p) return POOL_ERR_NULL_ARG;
  if (check_structure(p, &w) != POOL_OK) {
    result = report(p, POOL_ERR_CORRUPT, w, 0, 0, 0, 0);
    keep = p->last_fault;
  }
#if POOL_DEBUG
  else {
    uint32_t i = 0;
    while (i < p->heap_g) { /* the structure is sound, so the walk is safe */
      const hdr_t *h = hdr(p, i);
      uint32_t g = SIZE_G(h->w0);
      pool_status_t s = POOL_OK;
      if (STATE(h->w0) == S_USED) {
        s = check_guards(p, i, h);
      } else if (scan_free) {
        uint8_t *bad = scan_pattern((uint8_t *)links(p, i) + LINK_BYTES, block_end(p, i, g), POISON);
        if (bad) s = report(p, POOL_ERR_USE_AFTER_FREE, i, (int32_t)(bad - payload(p, i)), 0, 0, 0);
      }
      if (s != POOL_OK && result == POOL_OK) {
        result = s;
        keep = p->last_fault;
      }
      i += g;
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
  case POOL_ERR_BAD_CONFIG: return "the pool configuration or tag is invalid";
  case POOL_ERR_REGION_TOO_SMALL: return "the memory region is too small for a pool";
  case POOL_ERR_REGION_MISALIGNED: return "the memory region is not aligned to the granule";
  case POOL_ERR_ZERO_SIZE: return "an allocation of zero bytes was requested";
  case POOL_ERR_TOO_LARGE: return "the request is larger than the whole heap";
  case POOL_ERR_EXHAUSTED: return "operator memory is exhausted";
  case POOL_ERR_FRAGMENTED: return "no free block is large enough, though enough bytes are free";
  case POOL_ERR_FOREIGN: return "pointer does not belong to the pool";
  case POOL_ERR_MISALIGNED: return "pointer is not aligned to the pool's granule";
  case POOL_ERR_INTERIOR: return "pointer is not the start of a live block (or its header was overwritten)";
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
