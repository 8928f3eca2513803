/* SPDX-License-Identifier: MIT */
/* op_enc.c: ENC, the system op of one front-panel encoder (bees op_enc). */
#include "op.h"

enum { IN_MIN, IN_MAX, IN_STEP, IN_VAL };

typedef struct {
  op_t super;
  io_t in[4];
  op_target_t out[2];
} op_enc_t;

static void in_min(op_t *op, io_t v) { op->in[IN_MIN] = v >= op->in[IN_MAX] ? (io_t)(op->in[IN_MAX] - 1) : v; }
static void in_max(op_t *op, io_t v) { op->in[IN_MAX] = v <= op->in[IN_MIN] ? (io_t)(op->in[IN_MIN] + 1) : v; }
static void in_step(op_t *op, io_t v) { op->in[IN_STEP] = v; }
static void in_val(op_t *op, io_t v) { op->in[IN_VAL] = v; }

/* The encoder moved by delta detents (bees: VAL += STEP*delta clamped, then DELTA fires). */
static void turn(op_t *op, uint8_t channel, io_t delta) {
  /* bees multiplies STEP by the delta with 16-bit wrap, then clamps the 32-bit sum */
  io_t inc = op_wrap((int32_t)op->in[IN_STEP] * delta);
  (void)channel;
  int32_t v = (int32_t)op->in[IN_VAL] + inc;
  if (v > op->in[IN_MAX]) v = op->in[IN_MAX];
  if (v < op->in[IN_MIN]) v = op->in[IN_MIN];
  op->in[IN_VAL] = (io_t)v;
  op_fire(op, 0, op->in[IN_VAL]);
  op_fire(op, 1, inc);
}

static void init(op_t *op) {
  op->in[IN_MIN] = 0;
  op->in[IN_MAX] = IO_MAX;
  op->in[IN_STEP] = 1;
  op->in[IN_VAL] = 0;
}

/* state: VAL, STEP, MIN, MAX, then a zero word kept for bees 0.5 compatibility */
static const uint8_t order[] = {IN_VAL, IN_STEP, IN_MIN, IN_MAX};
static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  (void)fmt;
  if (cap < 10u) return -1;
  op_pickle_inputs(op, order, 4, dst, cap);
  dst[8] = dst[9] = 0;
  return 10u;
}
static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  (void)fmt;
  if (len < 10u) return -1;
  op_unpickle_inputs(op, order, 4, src, len);
  return 10;
}

static const char *const ins[] = {"MIN", "MAX", "STEP", "VAL"};
static const char *const outs[] = {"VAL", "DELTA"};
static const op_in_fn fns[] = {in_min, in_max, in_step, in_val};

const op_class_t op_class_enc = {
  .id = OP_ENC, .name = "ENC", .display = "ENC", .num_ins = 4, .num_outs = 2,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_enc_t), .size32 = 48,
  .flags = OP_FLAG_SYSTEM, .init = init, .in_fns = fns, .pickle = pickle, .unpickle = unpickle,
  .device_in = turn,
};
