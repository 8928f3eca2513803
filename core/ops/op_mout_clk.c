/* SPDX-License-Identifier: MIT */
/* op_mout_clk.c: MOUT_CLK, shown as MOUTCK (bees op_midi_out_clock, new in 0.8.1): MIDI
 * real-time output. Any value at TICK, START, CONT or STOP sends clock (0xF8), start (0xFA),
 * continue (0xFB) or stop (0xFC) on cable CABLE (0..16, clamped); as in bees those four inputs
 * keep no value (they read 0). Messages go to the services' midi_send (data bytes 0); with
 * none, they are dropped. Both scene formats use the 0.8.1 layout (CABLE).
 * Differs from bees: DUMMY starts unconnected (bees set it to target input 0, quirk 1; it never
 * fires); a reloaded CABLE is clamped as the input clamps it. */
#include "midi.h"
#include "op.h"

enum { IN_CABLE, IN_TICK, IN_START, IN_CONT, IN_STOP };

typedef struct {
  op_t super;
  io_t in[5];
  op_target_t out[1];
} op_mout_clk_t;

static void in_cable(op_t *op, io_t v) { op->in[IN_CABLE] = op_clamp(v, 0, 16); }

static void send(op_t *op, uint8_t status) {
  midi_op_send(op, (uint8_t)op->in[IN_CABLE], status, 0, 0);
}
static void in_tick(op_t *op, io_t v) {
  (void)v;
  send(op, 0xF8u);
}
static void in_start(op_t *op, io_t v) {
  (void)v;
  send(op, 0xFAu);
}
static void in_cont(op_t *op, io_t v) {
  (void)v;
  send(op, 0xFBu);
}
static void in_stop(op_t *op, io_t v) {
  (void)v;
  send(op, 0xFCu);
}

static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  (void)fmt;
  return op_pickle_ios(op->in, 1, dst, cap);
}
static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  io_t v;
  (void)fmt;
  if (op_unpickle_ios(&v, 1, src, len) < 0) return -1;
  in_cable(op, v);
  return 2;
}

static const char *const ins[] = {"CABLE", "TICK", "START", "CONT", "STOP"};
static const char *const outs[] = {"DUMMY"};
static const op_in_fn fns[] = {in_cable, in_tick, in_start, in_cont, in_stop};

const op_class_t op_class_mout_clk = {
  .id = OP_MOUT_CLK, .name = "MOUT_CLK", .display = "MOUTCK", .num_ins = 5, .num_outs = 1,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_mout_clk_t), .size32 = 44, .in_fns = fns,
  .pickle = pickle, .unpickle = unpickle,
};
