/* SPDX-License-Identifier: MIT */
/* op_history.c: HISTORY (shown as HIST), the last 8 values (bees op_history). IN stores v,
 * shifts it into an 8-deep history (O0 newest, O7 oldest; the history starts as zeros), and
 * fires AVG (the 32-bit sum of the 8 divided by 8, truncated toward zero), then O0..O7, each
 * read from the history as it is fired. Only IN is pickled; the history restarts from zeros. */
#include "op.h"

#define HIST_LEN 8

typedef struct {
  op_t super;
  io_t in[1];
  op_target_t out[1 + HIST_LEN];
  io_t hist[HIST_LEN];
} op_history_t;

static void in_in(op_t *op, io_t v) {
  io_t *h = ((op_history_t *)op)->hist;
  int32_t sum = 0;
  uint8_t i;
  op->in[0] = v;
  for (i = HIST_LEN - 1; i > 0; i--) h[i] = h[i - 1];
  h[0] = v;
  for (i = 0; i < HIST_LEN; i++) sum += h[i];
  op_fire(op, 0, (io_t)(sum / HIST_LEN));
  for (i = 0; i < HIST_LEN; i++) op_fire(op, (uint8_t)(1 + i), h[i]);
}

/* state (both layouts): IN */
static const uint8_t order[] = {0};

static const char *const ins[] = {"IN"};
static const char *const outs[] = {"AVG", "O0", "O1", "O2", "O3", "O4", "O5", "O6", "O7"};
static const op_in_fn fns[] = {in_in};

const op_class_t op_class_history = {
  .id = OP_HISTORY, .name = "HISTORY", .display = "HIST", .num_ins = 1, .num_outs = 9,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_history_t), .size32 = 116,
  .in_fns = fns, OP_STATE_INPUTS(order),
};
