/* SPDX-License-Identifier: MIT */
/* op_iter.c: ITER, fires a value TIMES times (bees op_iter). TIMES accepts 0..16 (other values
 * are ignored). VAL stores, clears STOP, then for i = 0 .. TIMES-1: if STOP is 1 it returns at
 * once (no DONE); else it fires IDX = i and then VAL (the stored VAL, read again each time).
 * After the loop it fires DONE = 1. STOP sets STOP to 1 whatever the value; it takes effect
 * when it arrives re-entrantly, from downstream of IDX or VAL during the loop, and is checked
 * before each iteration, so a STOP raised in the last iteration still lets DONE fire. TIMES and
 * VAL may also change re-entrantly; the loop reads both each iteration, as bees does.
 * Differs from bees: a TIMES above 255 read from a scene runs TIMES iterations (IDX counting
 * modulo 256); bees' 8-bit counter would never reach it and loop until stopped. */
#include "op.h"

enum { IN_TIMES, IN_VAL, IN_STOP };
#define ITER_MAX 16

typedef struct {
  op_t super;
  io_t in[3];
  op_target_t out[3];
} op_iter_t;

static void in_times(op_t *op, io_t v) {
  if (v >= 0 && v <= ITER_MAX) op->in[IN_TIMES] = v;
}
static void in_val(op_t *op, io_t v) {
  int32_t i;
  op->in[IN_VAL] = v;
  op->in[IN_STOP] = 0;
  for (i = 0; i < op->in[IN_TIMES]; i++) {
    if (op->in[IN_STOP] == 1) return;
    op_fire(op, 0, (io_t)(uint8_t)i);
    op_fire(op, 1, op->in[IN_VAL]);
  }
  op_fire(op, 2, 1);
}
static void in_stop(op_t *op, io_t v) {
  (void)v;
  op->in[IN_STOP] = 1;
}

/* state (0.8.1 only; both layouts): TIMES, VAL, STOP */
static const uint8_t order[] = {IN_TIMES, IN_VAL, IN_STOP};

static const char *const ins[] = {"TIMES", "VAL", "STOP"};
static const char *const outs[] = {"IDX", "VAL", "DONE"};
static const op_in_fn fns[] = {in_times, in_val, in_stop};

const op_class_t op_class_iter = {
  .id = OP_ITER, .name = "ITER", .display = "ITER", .num_ins = 3, .num_outs = 3,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_iter_t), .size32 = 56,
  .in_fns = fns, OP_STATE_INPUTS(order),
};
