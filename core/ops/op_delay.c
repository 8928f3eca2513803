/* SPDX-License-Identifier: MIT */
/* op_delay.c: DELAY (bees op_delay): VAL stores the value and (re)starts a one-shot of TIME ms;
 * when it expires VAL fires. TIME is at least 1 and applies from the next VAL on (a pending delay
 * keeps its expiry). A nonzero CLEAR cancels a pending delay; like bees, CLEAR's value is not
 * stored (it always reads 0). State: TIME only (same in 0.7.1 and 0.8.1).
 *
 * Timing: real milliseconds, no tick "fudge" (bees re-arms with the raw ms on every VAL anyway). */
#include "op.h"
#include "op_timer.h"

enum { IN_VAL, IN_TIME, IN_CLEAR };

typedef struct {
  op_t super;
  io_t in[3];
  op_target_t out[1];
  op_timer_t timer;
} op_delay_t;

static void expire(op_t *op, op_timer_t *t) {
  (void)t;
  op_fire(op, 0, op->in[IN_VAL]);
}

static void in_val(op_t *op, io_t v) {
  io_t ms = op->in[IN_TIME];
  op->in[IN_VAL] = v;
  op_timer_once(op, &((op_delay_t *)op)->timer, ms < 1 ? 1u : (uint32_t)ms, expire);
}

static void in_time(op_t *op, io_t v) { op->in[IN_TIME] = v < 1 ? (io_t)1 : v; }

static void in_clear(op_t *op, io_t v) {
  if (v != 0) op_timer_stop(op, &((op_delay_t *)op)->timer);
}

static void init(op_t *op) {
  op->in[IN_VAL] = 0;
  op->in[IN_TIME] = 125;
  op->in[IN_CLEAR] = 0;
}

static void deinit(op_t *op) { op_timer_stop(op, &((op_delay_t *)op)->timer); }

static const uint8_t order[] = {IN_TIME};

static const char *const ins[] = {"VAL", "TIME", "CLEAR"};
static const char *const outs[] = {"VAL"};
static const op_in_fn fns[] = {in_val, in_time, in_clear};

const op_class_t op_class_delay = {
  .id = OP_DELAY, .name = "DELAY", .display = "DELAY", .num_ins = 3, .num_outs = 1,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_delay_t), .size32 = 64,
  .init = init, .deinit = deinit, .in_fns = fns, OP_STATE_INPUTS(order),
};
