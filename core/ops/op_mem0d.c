/* SPDX-License-Identifier: MIT */
/* op_mem0d.c: MEM0D, one stored value (bees op_mem0d). WRITE stores the value. READ fires it
 * (READ's own value is not stored: it stays as initialised or loaded). TOG > 0 sets TOG to 1
 * and replaces the value by its logical not (0 -> 1, anything else -> 0) without firing;
 * TOG <= 0 sets TOG to 0. All inputs default to 0. */
#include "op.h"

enum { IN_WRITE, IN_READ, IN_TOG };

typedef struct {
  op_t super;
  io_t in[3];
  op_target_t out[1];
} op_mem0d_t;

static void in_write(op_t *op, io_t v) { op->in[IN_WRITE] = v; }
static void in_read(op_t *op, io_t v) {
  (void)v;
  op_fire(op, 0, op->in[IN_WRITE]);
}
static void in_tog(op_t *op, io_t v) {
  if (v > 0) {
    op->in[IN_TOG] = 1;
    op->in[IN_WRITE] = op->in[IN_WRITE] ? 0 : 1;
  } else {
    op->in[IN_TOG] = 0;
  }
}

/* state (0.8.1 only; both layouts): WRITE, READ, TOG */
static const uint8_t order[] = {IN_WRITE, IN_READ, IN_TOG};

static const char *const ins[] = {"WRITE", "READ", "TOG"};
static const char *const outs[] = {"VAL"};
static const op_in_fn fns[] = {in_write, in_read, in_tog};

const op_class_t op_class_mem0d = {
  .id = OP_MEM0D, .name = "MEM0D", .display = "MEM0D", .num_ins = 3, .num_outs = 1,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_mem0d_t), .size32 = 40,
  .in_fns = fns, OP_STATE_INPUTS(order),
};
