/* SPDX-License-Identifier: MIT */
/* op_tog.c: TOG, a toggle (bees op_tog). BANG > 0 flips the state between 0 and MUL and fires
 * it; BANG <= 0 is ignored. The BANG input's value is the state (bees 0.7.1 named it STATE).
 * MUL stores and, if the state is > 0, becomes the state and fires. State: STATE, MUL. */
#include "op.h"

enum { IN_BANG, IN_MUL };

typedef struct {
  op_t super;
  io_t in[2];
  op_target_t out[1];
} op_tog_t;

static void in_bang(op_t *op, io_t v) {
  if (v <= 0) return;
  op->in[IN_BANG] = op->in[IN_BANG] == 0 ? op->in[IN_MUL] : 0;
  op_fire(op, 0, op->in[IN_BANG]);
}

static void in_mul(op_t *op, io_t v) {
  op->in[IN_MUL] = v;
  if (op->in[IN_BANG] > 0) {
    op->in[IN_BANG] = v;
    op_fire(op, 0, op->in[IN_BANG]);
  }
}

static void init(op_t *op) { op->in[IN_MUL] = 1; }

static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  (void)fmt;
  return op_pickle_ios(op->in, 2, dst, cap);
}
static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  (void)fmt;
  return op_unpickle_ios(op->in, 2, src, len);
}

static const char *const ins[] = {"BANG", "MUL"};
static const char *const outs[] = {"VAL"};
static const op_in_fn fns[] = {in_bang, in_mul};

const op_class_t op_class_tog = {
  .id = OP_TOG, .name = "TOG", .display = "TOG", .num_ins = 2, .num_outs = 1,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_tog_t), .size32 = 36,
  .init = init, .in_fns = fns, .pickle = pickle, .unpickle = unpickle,
};
