/* SPDX-License-Identifier: MIT */
/* op_change.c: CHANGE, passes VAL on only when it differs from LAST (bees op_change).
 * VAL stores; if it differs from LAST, LAST takes it and VAL fires. LAST stores silently. */
#include "op.h"

enum { IN_VAL, IN_LAST };

typedef struct {
  op_t super;
  io_t in[2];
  op_target_t out[1];
} op_change_t;

static void in_val(op_t *op, io_t v) {
  op->in[IN_VAL] = v;
  if (v != op->in[IN_LAST]) {
    op->in[IN_LAST] = v;
    op_fire(op, 0, v);
  }
}
static void in_last(op_t *op, io_t v) { op->in[IN_LAST] = v; }

/* state (both layouts): LAST, VAL */
static const uint8_t order[] = {IN_LAST, IN_VAL};

static const char *const ins[] = {"VAL", "LAST"};
static const char *const outs[] = {"VAL"};
static const op_in_fn fns[] = {in_val, in_last};

const op_class_t op_class_change = {
  .id = OP_CHANGE, .name = "CHANGE", .display = "CHANGE", .num_ins = 2, .num_outs = 1,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_change_t), .size32 = 36,
  .in_fns = fns, OP_STATE_INPUTS(order),
};
