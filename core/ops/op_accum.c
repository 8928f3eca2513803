/* SPDX-License-Identifier: MIT */
/* op_accum.c: ACCUM, an accumulator kept inside [MIN, MAX] (bees op_accum).
 * INC stores and adds itself to VAL (saturating); VAL sets the value; MIN / MAX store and are
 * kept apart (a MIN >= MAX becomes MAX - 1, a MAX <= MIN becomes MIN + 1, both with 16-bit
 * wrap as in bees). Each of these four then corrects VAL and fires it on VAL:
 * - WRAP mode (default): a VAL above MAX moves down by (MAX - MIN + 1), one below MIN moves up
 *   by it, in 16-bit wrapping arithmetic, and WRAP fires the total amount moved;
 * - clamp mode: VAL is clamped and WRAP fires the overshoot (VAL - MAX or VAL - MIN, wrapped).
 * WRAP fires only when a correction happened. The WRAP input stores 0/1 (> 0 is 1) and does
 * not fire. State: VAL, MIN, MAX, WRAP (INC is not saved: it reverts to 1).
 * Differs from bees: with MIN > MAX (the inputs keep MIN < MAX, so only a scene file can store
 * that) bees' wrap loop can run forever; here each correction loop gives up after one full turn
 * of the 16-bit ring, which leaves VAL where that loop found it. */
#include "op.h"

enum { IN_INC, IN_VAL, IN_MIN, IN_MAX, IN_WRAP };

typedef struct {
  op_t super;
  io_t in[5];
  op_target_t out[2];
} op_accum_t;

#define RING 65536u /* a loop that has not ended after this many steps never ends */

static void settle_and_fire(op_t *op) {
  io_t *in = op->in;
  io_t moved = 0, step = 0;
  uint32_t n;
  if (in[IN_WRAP] != 0) {
    for (n = 0; in[IN_VAL] > in[IN_MAX] && n < RING; n++) {
      step = op_wrap((int32_t)op_wrap((int32_t)in[IN_MIN] - in[IN_MAX]) - 1);
      if (step == 0) break; /* would never move */
      moved = op_wrap((int32_t)moved + step);
      in[IN_VAL] = op_wrap((int32_t)in[IN_VAL] + step);
    }
    for (n = 0; in[IN_VAL] < in[IN_MIN] && n < RING; n++) {
      step = op_wrap((int32_t)op_wrap((int32_t)in[IN_MAX] - in[IN_MIN]) + 1);
      if (step == 0) break;
      moved = op_wrap((int32_t)moved + step);
      in[IN_VAL] = op_wrap((int32_t)in[IN_VAL] + step);
    }
  } else {
    if (in[IN_VAL] > in[IN_MAX]) {
      moved = step = op_wrap((int32_t)in[IN_VAL] - in[IN_MAX]);
      in[IN_VAL] = in[IN_MAX];
    }
    if (in[IN_VAL] < in[IN_MIN]) {
      moved = step = op_wrap((int32_t)in[IN_VAL] - in[IN_MIN]);
      in[IN_VAL] = in[IN_MIN];
    }
  }
  op_fire(op, 0, in[IN_VAL]);
  if (step != 0) op_fire(op, 1, moved);
}

static void in_inc(op_t *op, io_t v) {
  op->in[IN_INC] = v;
  op->in[IN_VAL] = op_sat((int32_t)op->in[IN_VAL] + v);
  settle_and_fire(op);
}

static void in_val(op_t *op, io_t v) {
  op->in[IN_VAL] = v;
  settle_and_fire(op);
}

static void in_min(op_t *op, io_t v) {
  op->in[IN_MIN] = v;
  if (op->in[IN_MIN] >= op->in[IN_MAX]) op->in[IN_MIN] = op_wrap((int32_t)op->in[IN_MAX] - 1);
  settle_and_fire(op);
}

static void in_max(op_t *op, io_t v) {
  op->in[IN_MAX] = v;
  if (op->in[IN_MIN] >= op->in[IN_MAX]) op->in[IN_MAX] = op_wrap((int32_t)op->in[IN_MIN] + 1);
  settle_and_fire(op);
}

static void in_wrap(op_t *op, io_t v) { op->in[IN_WRAP] = v > 0 ? 1 : 0; }

static void init(op_t *op) {
  op->in[IN_INC] = 1;
  op->in[IN_MAX] = IO_MAX >> 1;
  op->in[IN_WRAP] = 1;
}

static const uint8_t order[] = {IN_VAL, IN_MIN, IN_MAX, IN_WRAP};

static const char *const ins[] = {"INC", "VAL", "MIN", "MAX", "WRAP"};
static const char *const outs[] = {"VAL", "WRAP"};
static const op_in_fn fns[] = {in_inc, in_val, in_min, in_max, in_wrap};

const op_class_t op_class_accum = {
  .id = OP_ACCUM, .name = "ACCUM", .display = "ACCUM", .num_ins = 5, .num_outs = 2,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_accum_t), .size32 = 52,
  .init = init, .in_fns = fns, OP_STATE_INPUTS(order),
};
