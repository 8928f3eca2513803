/* SPDX-License-Identifier: MIT */
/* op_split4.c: SPLIT4 (shown as Y4), copies X to A, B, C, D in that order (bees op_split4).
 * Each output sends the op's X as it is when that output fires. No state. */
#include "op.h"

typedef struct {
  op_t super;
  io_t in[1];
  op_target_t out[4];
} op_split4_t;

static void in_x(op_t *op, io_t v) {
  uint8_t k;
  op->in[0] = v;
  for (k = 0; k < 4; k++) op_fire(op, k, op->in[0]);
}

static const char *const ins[] = {"X"};
static const char *const outs[] = {"A", "B", "C", "D"};
static const op_in_fn fns[] = {in_x};

const op_class_t op_class_split4 = {
  .id = OP_SPLIT4, .name = "SPLIT4", .display = "Y4", .num_ins = 1, .num_outs = 4,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_split4_t), .size32 = 60,
  .in_fns = fns,
};
