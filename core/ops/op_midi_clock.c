/* SPDX-License-Identifier: MIT */
/* op_midi_clock.c: MIDICLK (bees op_midi_clock, new in 0.8.1): MIDI real-time input. Clock
 * (0xF8), start (0xFA), continue (0xFB) and stop (0xFC) fire 1 on TICK, START, CONT and STOP.
 * Channel-less: every MIDICLK op hears every real-time message. DUMMY does nothing and is not
 * stored. No state is pickled.
 * Differs from bees: the four outputs start unconnected (bees set them to target input 0,
 * quirk 1). */
#include "midi.h"
#include "op.h"

typedef struct {
  midi_op_t base;
  io_t in[1];
  op_target_t out[4];
} op_midi_clock_t;

static void in_dummy(op_t *op, io_t v) {
  (void)op;
  (void)v;
}

static void on_tick(op_t *op) { op_fire(op, 0, 1); }
static void on_start(op_t *op) { op_fire(op, 1, 1); }
static void on_continue(op_t *op) { op_fire(op, 2, 1); }
static void on_stop(op_t *op) { op_fire(op, 3, 1); }

static const midi_handlers_t handlers = {
  .list = MIDI_LIST_REALTIME, .clock_tick = on_tick, .seq_start = on_start,
  .seq_continue = on_continue, .seq_stop = on_stop,
};

static void init(op_t *op) { midi_op_init(op, &handlers); }
static void deinit(op_t *op) { midi_op_deinit(op); }

static const char *const ins[] = {"DUMMY"};
static const char *const outs[] = {"TICK", "START", "CONT", "STOP"};
static const op_in_fn fns[] = {in_dummy};

const op_class_t op_class_midi_clock = {
  .id = OP_MIDI_CLOCK, .name = "MIDICLK", .display = "MIDICLK", .num_ins = 1, .num_outs = 4,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_midi_clock_t), .size32 = 72,
  .flags = OP_FLAG_MIDI_IN, .init = init, .deinit = deinit, .in_fns = fns,
};
