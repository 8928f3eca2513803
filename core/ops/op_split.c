/* SPDX-License-Identifier: MIT */
/* op_split.c: SPLIT (shown as Y), copies X to A then B (bees op_split). Each output sends the
 * op's X as it is when that output fires (a feedback path can change it in between, as in
 * bees). No state. */
#include "op.h"

typedef struct {
  op_t super;
  io_t in[1];
  op_target_t out[2];
} op_split_t;

static void in_x(op_t *op, io_t v) {
  op->in[0] = v;
  op_fire(op, 0, op->in[0]);
  op_fire(op, 1, op->in[0]);
}

static const char *const ins[] = {"X"};
static const char *const outs[] = {"A", "B"};
static const op_in_fn fns[] = {in_x};

const op_class_t op_class_split = {
  .id = OP_SPLIT, .name = "SPLIT", .display = "Y", .num_ins = 1, .num_outs = 2,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_split_t), .size32 = 44,
  .in_fns = fns,
};
