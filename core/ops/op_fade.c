/* SPDX-License-Identifier: MIT */
/* op_fade.c: FADE, a crossfade between A and B by X (bees op_fade). Every input fires
 * VAL = A*(128-X)/128 + B*X/128: each product is computed in 32 bits and divided with
 * truncation toward zero, and the sum is stored to 16 bits (wraps). The X input is clamped to
 * 0..128; an X read from a scene is used as stored (the sum then wraps, as in bees). */
#include "op.h"

enum { IN_A, IN_B, IN_X };

typedef struct {
  op_t super;
  io_t in[3];
  op_target_t out[1];
} op_fade_t;

static void fire(op_t *op) {
  int32_t x = op->in[IN_X];
  /* |A| * |128 - X| <= 32768 * 32896: no 32-bit overflow for any stored X */
  int32_t v = (int32_t)op->in[IN_A] * (128 - x) / 128 + (int32_t)op->in[IN_B] * x / 128;
  op_fire(op, 0, op_wrap(v));
}

static void in_a(op_t *op, io_t v) {
  op->in[IN_A] = v;
  fire(op);
}
static void in_b(op_t *op, io_t v) {
  op->in[IN_B] = v;
  fire(op);
}
static void in_x(op_t *op, io_t v) {
  op->in[IN_X] = op_clamp(v, 0, 128);
  fire(op);
}

/* state (both layouts): A, B, X */
static const uint8_t order[] = {IN_A, IN_B, IN_X};

static const char *const ins[] = {"A", "B", "X"};
static const char *const outs[] = {"VAL"};
static const op_in_fn fns[] = {in_a, in_b, in_x};

const op_class_t op_class_fade = {
  .id = OP_FADE, .name = "FADE", .display = "FADE", .num_ins = 3, .num_outs = 1,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_fade_t), .size32 = 40,
  .in_fns = fns, OP_STATE_INPUTS(order),
};
