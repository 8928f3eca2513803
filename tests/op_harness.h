/* SPDX-License-Identifier: MIT */
/* op_harness.h: a small network for op tests: arena, pool and net in one struct, an op added
 * by class id, and every output it fires recorded in order (through the net's watch hook). */
#ifndef ALEPH_OP_HARNESS_H
#define ALEPH_OP_HARNESS_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "net.h"
#include "op_catalog.h"
#include "op_timer.h"
#include "pool.h"
#include "preset.h"

#define HARNESS_LOG_MAX 512

typedef struct {
  uint16_t op;  /* op index */
  uint16_t out; /* output index within the op */
  io_t value;
} harness_fire_t;

typedef struct {
  void *arena;
  pool_t *pool;
  net_t *net;
  platform_t platform;
  uint32_t faults;
  harness_fire_t log[HARNESS_LOG_MAX];
  uint32_t n;
} harness_t;

static inline void harness_watch(void *ctx, net_event_kind_t kind, const op_t *op, uint16_t idx,
                                 io_t value) {
  harness_t *h = ctx;
  if (kind != NET_EV_OUTPUT || h->n >= HARNESS_LOG_MAX) return;
  h->log[h->n].op = op->index;
  h->log[h->n].out = idx;
  h->log[h->n].value = value;
  h->n++;
}

static inline void harness_fault(void *ctx, const char *what) {
  harness_t *h = ctx;
  h->faults++;
  fprintf(stderr, "fault: %s\n", what);
}

/* A net with a heap of heap_bytes (0: 256 KiB, which holds any op class many times over) and
 * limits (NULL: bees' format limits). */
static inline harness_t *harness_new(uint32_t heap_bytes, const net_limits_t *lim_in) {
  harness_t *h = calloc(1, sizeof *h);
  net_limits_t lim = lim_in ? *lim_in : NET_LIMITS_BEES08;
  uint32_t psize, nsize;
  psize = (pool_region_size(heap_bytes ? heap_bytes : 256u << 10, 0) + 7u) & ~7u;
  nsize = net_region_size(&lim);
  h->arena = aligned_alloc(8, ((size_t)psize + nsize + 7u) & ~(size_t)7u);
  h->platform.fault = harness_fault;
  h->platform.ctx = h;
  CHECK_EQ_INT(pool_init(h->arena, psize, 0, &h->platform, &h->pool), POOL_OK);
  CHECK_EQ_INT(net_init((uint8_t *)h->arena + psize, nsize, &lim, h->pool, &h->platform, &h->net),
               NET_OK);
  net_set_watch(h->net, harness_watch, h);
  return h;
}

/* Frees everything; checks the net and that no op memory leaked. */
static inline void harness_free(harness_t *h) {
  CHECK_EQ_INT(net_check(h->net), NET_OK);
  net_clear(h->net);
  CHECK_EQ_INT(pool_foreach_live(h->pool, 0, 0), 0);
  CHECK_EQ_INT(pool_check(h->pool, 0), POOL_OK);
  CHECK_EQ_INT(h->faults, 0);
  free(h->arena);
  free(h);
}

/* Adds an op of class id at the end; returns its index (checks it succeeded). */
static inline uint16_t harness_add(harness_t *h, op_id_t id) {
  uint16_t idx = 0xFFFF;
  CHECK_EQ_INT(net_add_op(h->net, id, NET_NONE, &idx), NET_OK);
  return idx;
}

/* Sends v to input k of op `op` (runs its handler). */
static inline void harness_in(harness_t *h, uint16_t op, uint8_t k, io_t v) {
  CHECK_EQ_INT(net_activate(h->net, (uint16_t)(net_op_first_in(h->net, op) + k), v), NET_OK);
}

static inline io_t harness_value(harness_t *h, uint16_t op, uint8_t k) {
  return net_get_value(h->net, (uint16_t)(net_op_first_in(h->net, op) + k));
}

static inline void harness_clear_log(harness_t *h) { h->n = 0; }

/* Checks the log holds exactly these (out, value) pairs, fired by op `op`, in order.
 * pairs: out0, value0, out1, value1, ... */
#define HARNESS_EXPECT(h, opidx, ...)                                                        \
  do {                                                                                    \
    const int harness_pairs_[] = {__VA_ARGS__};                                           \
    uint32_t harness_n_ = sizeof harness_pairs_ / sizeof harness_pairs_[0] / 2, i_;        \
    CHECK_EQ_INT((h)->n, harness_n_);                                                     \
    for (i_ = 0; i_ < harness_n_ && i_ < (h)->n; i_++) {                                  \
      CHECK_EQ_INT((h)->log[i_].op, (opidx));                                                \
      CHECK_EQ_INT((h)->log[i_].out, harness_pairs_[2 * i_]);                             \
      CHECK_EQ_INT((h)->log[i_].value, harness_pairs_[2 * i_ + 1]);                       \
    }                                                                                     \
    harness_clear_log(h);                                                                 \
  } while (0)
#define HARNESS_EXPECT_NONE(h)   \
  do {                           \
    CHECK_EQ_INT((h)->n, 0);     \
    harness_clear_log(h);        \
  } while (0)

/* Pickles the op, creates a fresh op of the same class, unpickles into it, and checks the
 * second pickle is byte-identical. Returns the state size. */
static inline int32_t harness_pickle_roundtrip(harness_t *h, uint16_t op, op_format_t fmt) {
  uint8_t a[16384], b[16384];
  op_t *o = net_op(h->net, op), *c;
  int32_t na = op_pickle(o, a, sizeof a, fmt), nb, used;
  uint16_t copy = harness_add(h, o->cls->id);
  c = net_op(h->net, copy);
  CHECK(na >= 0);
  used = op_unpickle(c, a, (uint32_t)na, fmt);
  CHECK_EQ_INT(used, na);
  nb = op_pickle(c, b, sizeof b, fmt);
  CHECK_EQ_INT(nb, na);
  CHECK(na >= 0 && nb == na && memcmp(a, b, (size_t)na) == 0);
  /* a short buffer is refused, not overrun */
  if (na > 0) {
    CHECK_EQ_INT(op_pickle(o, a, (uint32_t)na - 1u, fmt), -1);
    CHECK_EQ_INT(op_unpickle(c, a, (uint32_t)na - 1u, fmt), -1);
  }
  CHECK_EQ_INT(net_remove_op(h->net, copy), NET_OK);
  return na;
}

#endif
