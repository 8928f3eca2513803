/* SPDX-License-Identifier: MIT */
/* op_timer.c: TIMER (bees op_timer), the class; core/op_timer.c is the net's timer service it
 * reads the clock from. EVENT fires TIME = ms since the last EVENT or RESET (since creation at
 * first), at most 32767, and restarts the measurement; RESET restarts it silently. Both store
 * their value. No state is pickled (0.7.1 and 0.8.1); 0.7.1's class had only the EVENT input.
 *
 * Timing: the net's clock is real ms, so the elapsed time is exact; bees measures hardware ticks
 * (~0.987 ms) and converts them back to ms with its inverse "fudge", which is the identity here. */
#include "op.h"
#include "op_timer.h"

enum { IN_EVENT, IN_RESET };
#define TIMER_MAX_MS 32767u

typedef struct {
  op_t super;
  io_t in[2];
  op_target_t out[1];
  uint32_t since; /* net time (ms) of the last EVENT / RESET */
} op_timer_op_t;

static void in_event(op_t *op, io_t v) {
  op_timer_op_t *t = (op_timer_op_t *)op;
  uint32_t now = net_now(op->net), dt = now - t->since;
  op->in[IN_EVENT] = v;
  t->since = now;
  op_fire(op, 0, (io_t)(dt > TIMER_MAX_MS ? TIMER_MAX_MS : dt));
}

static void in_reset(op_t *op, io_t v) {
  op->in[IN_RESET] = v;
  ((op_timer_op_t *)op)->since = net_now(op->net);
}

static void init(op_t *op) { ((op_timer_op_t *)op)->since = net_now(op->net); }

static const char *const ins[] = {"EVENT", "RESET"};
static const char *const outs[] = {"TIME"};
static const op_in_fn fns[] = {in_event, in_reset};

const op_class_t op_class_timer = {
  .id = OP_TIMER, .name = "TIMER", .display = "TIMER", .num_ins = 2, .num_outs = 1,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_timer_op_t), .size32 = 40,
  .init = init, .in_fns = fns,
};
