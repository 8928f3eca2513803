/* SPDX-License-Identifier: MIT */
/* op_ckdiv.c: CKDIV (bees op_ckdiv, new in 0.8.1): a metro whose PERIOD is split into DIV
 * sub-intervals. Enabling fires TICK at once; then each sub-interval fires TOCK, except the one
 * that completes a period, which fires TICK (both carry VAL). The period's remainder ms are
 * spread over the sub-intervals, one extra ms at a time, with bees' exact bookkeeping (a length
 * change applies from the interval after the one already running). PERIOD >= 5 restarts the
 * cycle with a TICK while enabled; DIV is 1 at least and ignored if DIV * 5 > PERIOD.
 * State: ENABLE, PERIOD, VAL, DIV (the 0.8.1 layout in both formats); loading an enabled one
 * starts it with a TICK, as bees does.
 *
 * Timing: real ms; bees' tick "fudge" on the period is not emulated (it only makes ~0.987 ms
 * hardware ticks add up to ms).
 * Differs from bees: a fresh instance computes its sub-interval length at creation, so enabling
 * it before PERIOD or DIV was set works (bees leaves the length 0 and stalls after the first
 * TICK, quirk 10). A scene's DIV below 1 or PERIOD below 1 is treated as 1 (bees would divide by
 * zero or stall). PERIOD lowered below DIV keeps DIV (bees keeps DIV whenever DIV x 5 >
 * PERIOD), so the sub-intervals are 0 ms: each lasts 1 ms here (TOCK every ms, TICK every DIV
 * ms), where bees' timer fires two TOCKs and then stalls (a reload of 0 ticks). ENABLE 0 stops it even if a scene stored a
 * negative ENABLE. */
#include "op.h"
#include "op_timer.h"

enum { IN_ENABLE, IN_PERIOD, IN_VAL, IN_DIV };
#define CKDIV_PERIOD_MIN 5

typedef struct {
  op_t super;
  io_t in[4];
  op_target_t out[2];
  op_timer_t timer;
  uint16_t length;    /* ms per period */
  uint16_t division;  /* ms per sub-interval (length / DIV) */
  uint16_t remainder; /* length % DIV, spread one ms at a time */
  uint16_t ticks;     /* the sub-interval length the timer reloads with next */
  uint32_t tocks;     /* ms counted into the current period */
  uint16_t spread;    /* remainder accumulated towards the next extra ms */
} op_ckdiv_t;

static void calculate(op_ckdiv_t *c) {
  io_t p = c->super.in[IN_PERIOD], d = c->super.in[IN_DIV];
  uint16_t div = d < 1 ? 1u : (uint16_t)d;
  c->length = p < 1 ? 1u : (uint16_t)p;
  c->division = (uint16_t)(c->length / div);
  c->remainder = (uint16_t)(c->length % div);
}

static uint32_t timer_ms(uint16_t ticks) { return ticks < 1 ? 1u : ticks; }

static void poll(op_t *op, op_timer_t *t) {
  op_ckdiv_t *c = (op_ckdiv_t *)op;
  io_t d = op->in[IN_DIV];
  uint16_t div = d < 1 ? 1u : (uint16_t)d;
  uint32_t roundup = 0;
  c->tocks += c->ticks;
  c->spread = (uint16_t)(c->spread + c->remainder);
  c->ticks = c->division;
  if (c->spread >= div) {
    c->spread = (uint16_t)(c->spread - div);
    c->ticks++;
    roundup = 1;
  }
  op_timer_set_period(t, timer_ms(c->ticks)); /* from the next reload on */
  if (c->tocks + roundup >= c->length) {
    c->spread = 0;
    c->tocks = 0;
    op_fire(op, 0, op->in[IN_VAL]);
  } else {
    op_fire(op, 1, op->in[IN_VAL]);
  }
}

static void start(op_ckdiv_t *c) {
  op_t *op = &c->super;
  c->ticks = c->division;
  c->spread = 0;
  c->tocks = 0;
  op_timer_start(op, &c->timer, timer_ms(c->ticks), poll);
  op_fire(op, 0, op->in[IN_VAL]);
}

static void in_enable(op_t *op, io_t v) {
  op_ckdiv_t *c = (op_ckdiv_t *)op;
  if (v > 0) {
    if (op->in[IN_ENABLE] == 0) {
      op->in[IN_ENABLE] = 1;
      start(c);
    }
  } else if (op->in[IN_ENABLE] != 0) {
    op->in[IN_ENABLE] = 0;
    op_timer_stop(op, &c->timer);
  }
}

static void set_div(op_t *op, io_t v) {
  if (v < 1)
    op->in[IN_DIV] = 1;
  else if ((int32_t)v * 5 <= op->in[IN_PERIOD])
    op->in[IN_DIV] = v;
  /* else: too fine for the period, the last accepted DIV stays */
  calculate((op_ckdiv_t *)op);
}

static void in_period(op_t *op, io_t v) {
  op_ckdiv_t *c = (op_ckdiv_t *)op;
  op->in[IN_PERIOD] = v < CKDIV_PERIOD_MIN ? (io_t)CKDIV_PERIOD_MIN : v;
  set_div(op, op->in[IN_DIV]);
  c->ticks = c->division;
  c->spread = 0;
  c->tocks = 0;
  if (op->in[IN_ENABLE] != 0) start(c);
}

static void in_val(op_t *op, io_t v) { op->in[IN_VAL] = v; }
static void in_div(op_t *op, io_t v) { set_div(op, v); }

static void init(op_t *op) {
  op->in[IN_ENABLE] = 0;
  op->in[IN_PERIOD] = 125;
  op->in[IN_VAL] = 1;
  op->in[IN_DIV] = 1;
  calculate((op_ckdiv_t *)op);
}

static void deinit(op_t *op) { op_timer_stop(op, &((op_ckdiv_t *)op)->timer); }

static const uint8_t order[] = {IN_ENABLE, IN_PERIOD, IN_VAL, IN_DIV};
static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  (void)fmt;
  return op_pickle_inputs(op, order, 4, dst, cap);
}
static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  op_ckdiv_t *c = (op_ckdiv_t *)op;
  int32_t n;
  (void)fmt;
  n = op_unpickle_inputs(op, order, 4, src, len);
  if (n < 0) return -1;
  calculate(c);
  op_timer_stop(op, &c->timer);
  if (op->in[IN_ENABLE] != 0) {
    op->in[IN_ENABLE] = 1;
    start(c);
  }
  return n;
}

static const char *const ins[] = {"ENABLE", "PERIOD", "VAL", "DIV"};
static const char *const outs[] = {"TICK", "TOCK"};
static const op_in_fn fns[] = {in_enable, in_period, in_val, in_div};

const op_class_t op_class_ckdiv = {
  .id = OP_CKDIV, .name = "CKDIV", .display = "CKDIV", .num_ins = 4, .num_outs = 2,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_ckdiv_t), .size32 = 88,
  .init = init, .deinit = deinit, .in_fns = fns, .pickle = pickle, .unpickle = unpickle,
};
