/* SPDX-License-Identifier: MIT */
/* op_linlin.c: LINLIN (shown as LL), linear map of IN from [IMIN, IMAX] to [OMIN, OMAX] in
 * 17.15 fixed point (bees op_linlin). Setting IMIN, IMAX, OMIN or OMAX stores it and recomputes
 * the scale ((OMAX-OMIN) << 15, plus half of IMAX-IMIN rounded down, divided by IMAX-IMIN with
 * truncation; no division when IMAX == IMIN); none of them fires. IN stores and fires
 * ((scale * (IN - IMIN)) >> 15) + OMIN: the product wraps at 32 bits, the shift is arithmetic
 * and the result is stored to 16 bits, as on the AVR32. Defaults IN 0, IMIN 0, IMAX 1, OMIN 0,
 * OMAX 1 (identity).
 * Differs from bees: unpickling recomputes the scale from the stored bounds (bees keeps the
 * scale of a fresh op, so a loaded LINLIN maps 1:1 until one of its bounds is set). */
#include "op.h"

enum { IN_IN, IN_IMIN, IN_IMAX, IN_OMIN, IN_OMAX };

typedef struct {
  op_t super;
  io_t in[5];
  op_target_t out[1];
  int32_t scale; /* (OMAX-OMIN)/(IMAX-IMIN) in 17.15 */
} op_linlin_t;

/* arithmetic shift right of a signed value, without shifting a negative number */
static int32_t asr(int32_t v, unsigned s) { return v < 0 ? ~(~v >> s) : v >> s; }

static void compute_scale(op_t *op) {
  int32_t mul = (int32_t)op->in[IN_OMAX] - op->in[IN_OMIN];
  int32_t div = (int32_t)op->in[IN_IMAX] - op->in[IN_IMIN];
  /* |mul| <= 65535: mul * 32768 fits; adding asr(div, 1) stays within int32 */
  int32_t s = mul * 32768;
  if (div) {
    s += asr(div, 1);
    s /= div;
  }
  ((op_linlin_t *)op)->scale = s;
}

static void in_in(op_t *op, io_t v) {
  int32_t d = (int32_t)v - op->in[IN_IMIN];
  /* 32-bit wrapping product, as the AVR32's mul */
  uint32_t p = (uint32_t)((op_linlin_t *)op)->scale * (uint32_t)d;
  int32_t out = p <= 0x7FFFFFFFu ? (int32_t)p : -(int32_t)~p - 1;
  op->in[IN_IN] = v;
  op_fire(op, 0, op_wrap(asr(out, 15) + op->in[IN_OMIN]));
}

static void in_imin(op_t *op, io_t v) {
  op->in[IN_IMIN] = v;
  compute_scale(op);
}
static void in_imax(op_t *op, io_t v) {
  op->in[IN_IMAX] = v;
  compute_scale(op);
}
static void in_omin(op_t *op, io_t v) {
  op->in[IN_OMIN] = v;
  compute_scale(op);
}
static void in_omax(op_t *op, io_t v) {
  op->in[IN_OMAX] = v;
  compute_scale(op);
}

static void init(op_t *op) {
  op->in[IN_IMAX] = 1;
  op->in[IN_OMAX] = 1;
  compute_scale(op);
}

/* state (0.8.1 only; both layouts): IN, IMIN, IMAX, OMIN, OMAX */
static const uint8_t order[] = {IN_IN, IN_IMIN, IN_IMAX, IN_OMIN, IN_OMAX};
static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  (void)fmt;
  return op_pickle_inputs(op, order, 5, dst, cap);
}
static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  int32_t n;
  (void)fmt;
  n = op_unpickle_inputs(op, order, 5, src, len);
  if (n >= 0) compute_scale(op);
  return n;
}

static const char *const ins[] = {"IN", "IMIN", "IMAX", "OMIN", "OMAX"};
static const char *const outs[] = {"VAL"};
static const op_in_fn fns[] = {in_in, in_imin, in_imax, in_omin, in_omax};

const op_class_t op_class_linlin = {
  .id = OP_LINLIN, .name = "LINLIN", .display = "LL", .num_ins = 5, .num_outs = 1,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_linlin_t), .size32 = 48,
  .init = init, .in_fns = fns, .pickle = pickle, .unpickle = unpickle,
};
