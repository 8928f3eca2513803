/* SPDX-License-Identifier: MIT */
/* op_midi_prog.c: MIDIPROG (bees op_midi_prog, new in 0.8.1): MIDI program-change input. A
 * program change on the selected channel (CHAN -1 = omni, else 0..15, clamped) fires the
 * program number on VAL. Both scene formats use the 0.8.1 layout (CHAN).
 * Differs from bees: a reloaded CHAN is clamped as the input clamps it. */
#include "midi.h"
#include "op.h"

typedef struct {
  midi_op_t base;
  io_t in[1];
  op_target_t out[1];
} op_midi_prog_t;

static void in_chan(op_t *op, io_t v) { op->in[0] = op_clamp(v, -1, 15); }

static void on_program(op_t *op, uint8_t ch, uint8_t num) {
  if (op->in[0] == -1 || op->in[0] == ch) op_fire(op, 0, num);
}

static const midi_handlers_t handlers = {.list = MIDI_LIST_PROGRAM, .program_change = on_program};

static void init(op_t *op) {
  op->in[0] = -1;
  midi_op_init(op, &handlers);
}

static void deinit(op_t *op) { midi_op_deinit(op); }

static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  (void)fmt;
  return op_pickle_ios(op->in, 1, dst, cap);
}
static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  io_t v;
  (void)fmt;
  if (op_unpickle_ios(&v, 1, src, len) < 0) return -1;
  in_chan(op, v);
  return 2;
}

static const char *const ins[] = {"CHAN"};
static const char *const outs[] = {"VAL"};
static const op_in_fn fns[] = {in_chan};

const op_class_t op_class_midi_prog = {
  .id = OP_MIDI_PROG, .name = "MIDIPROG", .display = "MIDIPROG", .num_ins = 1, .num_outs = 1,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_midi_prog_t), .size32 = 48,
  .flags = OP_FLAG_MIDI_IN, .init = init, .deinit = deinit, .in_fns = fns, .pickle = pickle,
  .unpickle = unpickle,
};
