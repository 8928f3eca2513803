/* SPDX-License-Identifier: MIT */
/* test_overrun.c: the overrun detection matrix (issue 9). For every op class, in a net on the
 * debug pools, bytes are written through the op pointer the net gives: 1..16 bytes just past
 * the op's struct (its requested size), 1..8 past the end of its block, and 1..8 before it.
 * Each write is found by pool_check() (overrun or underrun, at the first bad byte) and
 * attributed to the class (the fault's tag is class id + 1, as net_add_op tags allocations;
 * the offset is the bad byte nearest the op: its size, the block's end, or -1 before it);
 * once the bytes are restored the pools check clean. Finally a corrupted op is removed: the
 * free reports it, the block still returns, nothing leaks. Debug flavour only. */
#include "op_harness.h"

#if !POOL_DEBUG
#error "test_overrun needs the debug core (POOL_DEBUG=1): canaries"
#endif

static uint32_t writes, detected;

/* The harness's fault hook prints every report; this one counts them quietly. */
static void quiet_fault(void *ctx, const char *what) {
  (void)what;
  ((harness_t *)ctx)->faults++;
}

/* Flips bytes [from, from+n) relative to the op, checks the fault, restores them. */
static void probe(harness_t *h, op_t *op, int32_t from, uint32_t n, pool_status_t want,
                  int32_t want_offset) {
  uint8_t *base = (uint8_t *)op, saved[16];
  pool_fault_t f;
  uint32_t i;
  pool_status_t st;
  for (i = 0; i < n; i++) {
    saved[i] = base[from + (int32_t)i];
    base[from + (int32_t)i] = (uint8_t)~saved[i];
  }
  writes++;
  memset(&f, 0, sizeof f);
  st = pool_check(h->pool, &f);
  if (st != want || f.tag != op->cls->id + 1u || f.byte != want_offset)
    fprintf(stderr, "%s: %u byte(s) at %d: status %s tag %u offset %d\n", op->cls->name, n,
            from, pool_strerror(st), f.tag, f.byte);
  CHECK_EQ_INT(st, want);
  CHECK_EQ_INT(f.tag, op->cls->id + 1u);
  CHECK_EQ_INT(f.byte, want_offset);
  if (st == want && f.tag == op->cls->id + 1u) detected++;
  for (i = 0; i < n; i++) base[from + (int32_t)i] = saved[i];
  CHECK_EQ_INT(pool_check(h->pool, 0), POOL_OK);
}

static void test_matrix(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t i;
  h->platform.fault = quiet_fault;
  for (i = 0; i < op_class_count(); i++) {
    const op_class_t *c = op_class_at(i);
    uint16_t idx = harness_add(h, c->id);
    op_t *op = net_op(h->net, idx);
    int32_t size = (int32_t)c->size, cap = (int32_t)pool_usable_size(h->pool, op);
    uint32_t n;
    CHECK(cap >= size);
    for (n = 1; n <= 16; n++) /* past the struct, inside the block's slack or its guard */
      if (size + (int32_t)n <= cap + (int32_t)POOL_CANARY_BYTES)
        probe(h, op, size, n, POOL_ERR_OVERRUN, size);
    for (n = 1; n <= POOL_CANARY_BYTES; n++) { /* past the block */
      probe(h, op, cap, n, POOL_ERR_OVERRUN, cap);
      probe(h, op, -(int32_t)n, n, POOL_ERR_UNDERRUN, -1); /* nearest bad byte */
    }
    CHECK_EQ_INT(net_check(h->net), NET_OK);
    if (!(c->flags & OP_FLAG_SYSTEM)) /* system ops stay until the net is cleared */
      CHECK_EQ_INT(net_remove_op(h->net, idx), NET_OK);
  }
  CHECK_EQ_INT(h->faults, detected); /* the fault hook heard each one, once */
  h->faults = 0;
  harness_free(h);
  printf("test_overrun: %u classes, %u corrupting writes, %u detected and attributed\n",
         op_class_count(), writes, detected);
}

/* Removing an op whose guard was hit: the pool's free and the net report it, the block still
 * goes back. */
static void test_remove_corrupted(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t idx = harness_add(h, OP_ADD);
  op_t *op = net_op(h->net, idx);
  uint8_t *p = (uint8_t *)op + op->cls->size;
  *p = (uint8_t)~*p;
  CHECK_EQ_INT(net_remove_op(h->net, idx), NET_OK);
  CHECK_EQ_INT(h->faults, 2); /* the pool's report, then the net's */
  CHECK_EQ_INT(pool_last_fault(h->pool)->status, POOL_ERR_OVERRUN);
  CHECK_EQ_INT(pool_last_fault(h->pool)->tag, OP_ADD + 1);
  CHECK_EQ_INT(pool_foreach_live(h->pool, 0, 0), 0);
  CHECK_EQ_INT(pool_check(h->pool, 0), POOL_OK);
  h->faults = 0;
  harness_free(h);
}

int main(void) {
  RUN(test_matrix);
  RUN(test_remove_corrupted);
  return check_summary("test_overrun");
}
