/* SPDX-License-Identifier: MIT */
/* op_midi_cc.c: MIDICC (bees op_midi_cc): MIDI control-change input. A CC on the selected
 * channel (CHAN -1 = omni, else 0..15, clamped) whose controller number equals NUM (0..127,
 * clamped) fires its value on VAL.
 * Differs from bees: a reloaded CHAN and NUM are clamped as the inputs clamp them (bees used them
 * as stored; values it writes itself are always in range). */
#include "midi.h"
#include "op.h"

enum { IN_CHAN, IN_NUM };

typedef struct {
  midi_op_t base;
  io_t in[2];
  op_target_t out[1];
} op_midi_cc_t;

static void in_chan(op_t *op, io_t v) { op->in[IN_CHAN] = op_clamp(v, -1, 15); }
static void in_num(op_t *op, io_t v) { op->in[IN_NUM] = op_clamp(v, 0, 127); }

static void on_cc(op_t *op, uint8_t ch, uint8_t num, uint8_t val) {
  if (op->in[IN_CHAN] != -1 && op->in[IN_CHAN] != ch) return;
  if (op->in[IN_NUM] == num) op_fire(op, 0, val);
}

static const midi_handlers_t handlers = {.list = MIDI_LIST_CC, .control_change = on_cc};

static void init(op_t *op) {
  op->in[IN_CHAN] = -1;
  op->in[IN_NUM] = 0;
  midi_op_init(op, &handlers);
}

static void deinit(op_t *op) { midi_op_deinit(op); }

/* state (both formats): CHAN, NUM */
static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  (void)fmt;
  return op_pickle_ios(op->in, 2, dst, cap);
}
static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  io_t v[2];
  (void)fmt;
  if (op_unpickle_ios(v, 2, src, len) < 0) return -1;
  in_chan(op, v[0]);
  in_num(op, v[1]);
  return 4;
}

static const char *const ins[] = {"CHAN", "NUM"};
static const char *const outs[] = {"VAL"};
static const op_in_fn fns[] = {in_chan, in_num};

const op_class_t op_class_midi_cc = {
  .id = OP_MIDI_CC, .name = "MIDICC", .display = "MIDICC", .num_ins = 2, .num_outs = 1,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_midi_cc_t), .size32 = 48,
  .flags = OP_FLAG_MIDI_IN, .init = init, .deinit = deinit, .in_fns = fns, .pickle = pickle,
  .unpickle = unpickle,
};
