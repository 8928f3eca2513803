/* SPDX-License-Identifier: MIT */
/* op_sw.c: SW, the system op of a function key or footswitch (bees op_sw). */
#include "op.h"

enum { IN_TOG, IN_MUL };

typedef struct {
  op_t super;
  io_t in[2];
  op_target_t out[1];
  io_t state; /* the value last output: MUL while on, 0 while off */
} op_sw_t;

static void in_tog(op_t *op, io_t v) { op->in[IN_TOG] = v > 0 ? 1 : 0; }
static void in_mul(op_t *op, io_t v) {
  op_sw_t *sw = (op_sw_t *)op;
  op->in[IN_MUL] = v;
  if (sw->state > 0) {
    sw->state = v;
    op_fire(op, 0, sw->state);
  }
}

/* The key or footswitch was pressed (1) or released (0). */
static void press(op_t *op, uint8_t channel, io_t pressed) {
  op_sw_t *sw = (op_sw_t *)op;
  (void)channel;
  if (op->in[IN_TOG]) {
    if (!pressed) return; /* toggle mode: releases do nothing */
    sw->state = sw->state == 0 ? op->in[IN_MUL] : 0;
  } else {
    sw->state = pressed ? op->in[IN_MUL] : 0;
  }
  op_fire(op, 0, sw->state);
}

static void init(op_t *op) {
  op->in[IN_TOG] = 0;
  op->in[IN_MUL] = 1;
}

/* state: STATE, MUL, TOG */
static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  const op_sw_t *sw = (const op_sw_t *)op;
  io_t v[3];
  (void)fmt;
  v[0] = sw->state;
  v[1] = op->in[IN_MUL];
  v[2] = op->in[IN_TOG];
  return op_pickle_ios(v, 3, dst, cap);
}
static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  op_sw_t *sw = (op_sw_t *)op;
  io_t v[3];
  (void)fmt;
  if (op_unpickle_ios(v, 3, src, len) < 0) return -1;
  sw->state = v[0];
  op->in[IN_MUL] = v[1];
  op->in[IN_TOG] = v[2];
  return 6;
}

static const char *const ins[] = {"TOG", "MUL"};
static const char *const outs[] = {"VAL"};
static const op_in_fn fns[] = {in_tog, in_mul};

const op_class_t op_class_sw = {
  .id = OP_SW, .name = "SW", .display = "SW", .num_ins = 2, .num_outs = 1,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_sw_t), .size32 = 40,
  .flags = OP_FLAG_SYSTEM, .init = init, .in_fns = fns, .pickle = pickle, .unpickle = unpickle,
  .device_in = press,
};
