/* SPDX-License-Identifier: MIT */
/* op_metro.c: METRO (bees op_metro): while enabled, fires VAL on TICK every PERIOD ms, the
 * first tick one period after enabling. PERIOD is at least 5; a new period applies from the
 * next tick on. State: ENABLE, PERIOD, VAL (same in 0.7.1 and 0.8.1).
 *
 * Timing: the simulator's clock is real milliseconds, so periods are exact ms. bees converts ms to
 * its ~0.987 ms hardware ticks with a "fudge" factor on PERIOD inputs (but not when enabling or
 * loading a scene); that correction exists only to make hardware ticks match ms, so it is not
 * emulated.
 * Differs from bees: a PERIOD below 5 sets the timer to the clamped 5 ms (bees programs the raw
 * value, so PERIOD 0 stalls the timer, quirk 12). A scene whose ENABLE field is nonzero starts the
 * metro as bees does, and ENABLE 0 then stops it even if the stored value was negative (bees only
 * stops a positive one). */
#include "op.h"
#include "op_timer.h"

enum { IN_ENABLE, IN_PERIOD, IN_VAL };
#define METRO_PERIOD_MIN 5

typedef struct {
  op_t super;
  io_t in[3];
  op_target_t out[1];
  op_timer_t timer;
} op_metro_t;

static void tick(op_t *op, op_timer_t *t) {
  (void)t;
  op_fire(op, 0, op->in[IN_VAL]);
}

static uint32_t timer_ms(const op_t *op) {
  io_t p = op->in[IN_PERIOD];
  return p < 1 ? 1u : (uint32_t)p; /* a scene may hold any value */
}

static void in_enable(op_t *op, io_t v) {
  op_metro_t *m = (op_metro_t *)op;
  if (v > 0) {
    if (op->in[IN_ENABLE] == 0) {
      op->in[IN_ENABLE] = 1;
      op_timer_start(op, &m->timer, timer_ms(op), tick);
    }
  } else if (op->in[IN_ENABLE] != 0) {
    op->in[IN_ENABLE] = 0;
    op_timer_stop(op, &m->timer);
  }
}

static void in_period(op_t *op, io_t v) {
  op->in[IN_PERIOD] = v < METRO_PERIOD_MIN ? (io_t)METRO_PERIOD_MIN : v;
  op_timer_set_period(&((op_metro_t *)op)->timer, timer_ms(op));
}

static void in_val(op_t *op, io_t v) { op->in[IN_VAL] = v; }

static void init(op_t *op) {
  op->in[IN_ENABLE] = 0;
  op->in[IN_PERIOD] = 125;
  op->in[IN_VAL] = 1;
}

static void deinit(op_t *op) { op_timer_stop(op, &((op_metro_t *)op)->timer); }

static const uint8_t order[] = {IN_ENABLE, IN_PERIOD, IN_VAL};
static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  (void)fmt;
  return op_pickle_inputs(op, order, 3, dst, cap);
}
static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  op_metro_t *m = (op_metro_t *)op;
  int32_t n;
  (void)fmt;
  n = op_unpickle_inputs(op, order, 3, src, len);
  if (n < 0) return -1;
  if (op->in[IN_ENABLE] != 0)
    op_timer_start(op, &m->timer, timer_ms(op), tick);
  else
    op_timer_stop(op, &m->timer);
  return n;
}

static const char *const ins[] = {"ENABLE", "PERIOD", "VAL"};
static const char *const outs[] = {"TICK"};
static const op_in_fn fns[] = {in_enable, in_period, in_val};

const op_class_t op_class_metro = {
  .id = OP_METRO, .name = "METRO", .display = "METRO", .num_ins = 3, .num_outs = 1,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_metro_t), .size32 = 64,
  .init = init, .deinit = deinit, .in_fns = fns, .pickle = pickle, .unpickle = unpickle,
};
