/* SPDX-License-Identifier: MIT */
/* op_divr.c: DIVR (shown as DIVr), truncating division with remainder (bees op_divr).
 * A stores, computes VAL = A / B and R = A % B (C remainder: sign of A) and fires VAL then R.
 * B stores (0 is taken as 1), computes both, and fires them only if TRIG. TRIG stores 0 or 1.
 * Quotients are stored to 16 bits: -32768 / -1 wraps to -32768 (R 0). VAL and R live in the
 * op, as in bees: R is read after VAL has been delivered, so a feedback path that re-enters
 * the op while VAL propagates changes the R that follows.
 * Differs from bees: a B of 0 read from a scene divides by 1 (bees divides by zero). */
#include "binary_op.h"

typedef struct {
  op_t super;
  io_t in[3];
  op_target_t out[2];
  io_t val, r; /* last quotient and remainder */
} op_divr_t;

static void compute(op_t *op) {
  op_divr_t *d = (op_divr_t *)op;
  int32_t a = op->in[BIN_A], b = op->in[BIN_B] ? op->in[BIN_B] : 1;
  d->val = op_wrap(a / b);
  d->r = op_wrap(a % b);
}

static void fire(op_t *op) {
  op_divr_t *d = (op_divr_t *)op;
  op_fire(op, 0, d->val);
  op_fire(op, 1, d->r);
}

static void in_a(op_t *op, io_t v) {
  op->in[BIN_A] = v;
  compute(op);
  fire(op);
}
static void in_b(op_t *op, io_t v) {
  op->in[BIN_B] = v == 0 ? 1 : v;
  compute(op);
  if (op->in[BIN_TRIG]) fire(op);
}
static void in_trig(op_t *op, io_t v) { binary_in_trig(op, v); }

static void init(op_t *op) {
  op->in[BIN_A] = 1;
  op->in[BIN_B] = 1;
}

static const char *const outs[] = {"VAL", "R"};
static const op_in_fn fns[] = {in_a, in_b, in_trig};

/* state (both layouts): A, B, TRIG */
const op_class_t op_class_divr = {
  .id = OP_DIVR, .name = "DIVR", .display = "DIVr", .num_ins = 3, .num_outs = 2,
  .in_names = binary_in_names, .out_names = outs, OP_LAYOUT(op_divr_t), .size32 = 52,
  .init = init, .in_fns = fns, OP_STATE_INPUTS(binary_state_ins),
};
