/* SPDX-License-Identifier: MIT */
/* op_thresh.c: THRESH (bees op_thresh). IN or LIM stores, then IN is sent on LO if IN < LIM,
 * else on HI. State: IN, LIM. */
#include "op.h"

enum { IN_IN, IN_LIM };

typedef struct {
  op_t super;
  io_t in[2];
  op_target_t out[2];
} op_thresh_t;

static void update(op_t *op) {
  op_fire(op, op->in[IN_IN] < op->in[IN_LIM] ? 0 : 1, op->in[IN_IN]);
}

static void in_in(op_t *op, io_t v) {
  op->in[IN_IN] = v;
  update(op);
}

static void in_lim(op_t *op, io_t v) {
  op->in[IN_LIM] = v;
  update(op);
}

static void init(op_t *op) { op->in[IN_LIM] = 1; }

static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  (void)fmt;
  return op_pickle_ios(op->in, 2, dst, cap);
}
static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  (void)fmt;
  return op_unpickle_ios(op->in, 2, src, len);
}

static const char *const ins[] = {"IN", "LIM"};
static const char *const outs[] = {"LO", "HI"};
static const op_in_fn fns[] = {in_in, in_lim};

const op_class_t op_class_thresh = {
  .id = OP_THRESH, .name = "THRESH", .display = "THRESH", .num_ins = 2, .num_outs = 2,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_thresh_t), .size32 = 44,
  .init = init, .in_fns = fns, .pickle = pickle, .unpickle = unpickle,
};
