/* SPDX-License-Identifier: MIT */
/* op_midi_note.c: MIDINOTE (bees op_midi_note): MIDI note input. Note-on and note-off on the
 * selected channel (CHAN -1 = omni, else 0..15) fire NUM then VELON; pitch bend fires PITCH as
 * bend - 8192. As in bees, a note-off carries its own (release) velocity on VELON, so a 0x80 with
 * a non-zero release velocity looks like a note-on (survey quirk 20, emulated).
 * CHAN keeps the value given; the channel used is that value truncated to 8 bits (signed) and
 * clamped to -1..15, as bees does.
 * Differs from bees: PITCH starts unconnected (bees left it targeting input 0, quirk 1); a
 * reloaded CHAN gets the same truncation and clamp as the input (bees used it unclamped, so a
 * saved CHAN above 15 stopped matching after reload). */
#include "midi.h"
#include "op.h"

typedef struct {
  midi_op_t base;
  io_t in[1];
  op_target_t out[3];
  int8_t chan; /* the effective channel, -1 = omni */
} op_midi_note_t;

static int8_t chan_of(io_t v) {
  int32_t c = (int32_t)((uint16_t)v & 0xFFu);
  if (c > 127) c -= 256; /* bees casts to s8 before clamping */
  if (c < -1) c = -1;
  if (c > 15) c = 15;
  return (int8_t)c;
}

static void in_chan(op_t *op, io_t v) {
  op->in[0] = v;
  ((op_midi_note_t *)op)->chan = chan_of(v);
}

static bool matches(const op_t *op, uint8_t ch) {
  int8_t c = ((const op_midi_note_t *)op)->chan;
  return c == -1 || c == (int8_t)ch;
}

static void on_note(op_t *op, uint8_t ch, uint8_t num, uint8_t vel) {
  if (!matches(op, ch)) return;
  op_fire(op, 0, num);
  op_fire(op, 1, vel);
}

static void on_bend(op_t *op, uint8_t ch, uint16_t bend) {
  if (!matches(op, ch)) return;
  op_fire(op, 2, op_wrap((int32_t)bend - MIDI_BEND_ZERO));
}

static const midi_handlers_t handlers = {
  .list = MIDI_LIST_NOTE, .note_on = on_note, .note_off = on_note, .pitch_bend = on_bend,
};

static void init(op_t *op) {
  op->in[0] = -1;
  ((op_midi_note_t *)op)->chan = -1;
  midi_op_init(op, &handlers);
}

static void deinit(op_t *op) { midi_op_deinit(op); }

/* state (both formats): CHAN */
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
static const char *const outs[] = {"NUM", "VELON", "PITCH"};
static const op_in_fn fns[] = {in_chan};

const op_class_t op_class_midi_note = {
  .id = OP_MIDI_NOTE, .name = "MIDINOTE", .display = "MIDINOTE", .num_ins = 1, .num_outs = 3,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_midi_note_t), .size32 = 68,
  .flags = OP_FLAG_MIDI_IN, .init = init, .deinit = deinit, .in_fns = fns, .pickle = pickle,
  .unpickle = unpickle,
};
