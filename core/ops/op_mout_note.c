/* SPDX-License-Identifier: MIT */
/* op_mout_note.c: MOUT_NOTE, shown as MOUTNO (bees op_midi_out_note): MIDI note output. VEL
 * (0..127) sends a note-on (VEL > 0) or note-off (VEL 0, status 0x80 with velocity 0) for NUM on
 * CHAN; PITCH (-8192..8191) sends a pitch bend; PROG (0..127) sends a program change. CABLE
 * (0..16), CHAN (-1..15; only the low nibble is sent, so -1 is channel 16) and NUM (0..127) are
 * clamped and stored. Messages go to the services' midi_send; with none, they are dropped.
 * DUMMY never fires.
 * Scene state: 0.8.1 CABLE, CHAN, NUM; 0.7.1 CHAN only (0.7.1's op had the inputs CHAN, NUM, VEL
 * and no outputs: a 0.7.1 importer maps its inputs 0..2 to CHAN, NUM, VEL here).
 * Differs from bees: reloaded values are clamped as the inputs clamp them (bees stored them raw;
 * values it writes itself are always in range). */
#include "midi.h"
#include "op.h"

enum { IN_CABLE, IN_CHAN, IN_NUM, IN_VEL, IN_PITCH, IN_PROG };

typedef struct {
  op_t super;
  io_t in[6];
  op_target_t out[1];
} op_mout_note_t;

static uint8_t status(const op_t *op, uint8_t kind) {
  return (uint8_t)(kind | ((uint16_t)op->in[IN_CHAN] & 0x0Fu));
}
static uint8_t cable(const op_t *op) { return (uint8_t)op->in[IN_CABLE]; }

static void in_cable(op_t *op, io_t v) { op->in[IN_CABLE] = op_clamp(v, 0, 16); }
static void in_chan(op_t *op, io_t v) { op->in[IN_CHAN] = op_clamp(v, -1, 15); }
static void in_num(op_t *op, io_t v) { op->in[IN_NUM] = op_clamp(v, 0, 127); }

static void in_vel(op_t *op, io_t v) {
  op->in[IN_VEL] = op_clamp(v, 0, 127);
  midi_op_send(op, cable(op), status(op, op->in[IN_VEL] ? 0x90u : 0x80u),
               (uint8_t)op->in[IN_NUM], (uint8_t)op->in[IN_VEL]);
}

static void in_pitch(op_t *op, io_t v) {
  int32_t bend;
  op->in[IN_PITCH] = op_clamp(v, -MIDI_BEND_ZERO, MIDI_BEND_ZERO - 1);
  bend = op->in[IN_PITCH] + MIDI_BEND_ZERO; /* 0..16383 */
  midi_op_send(op, cable(op), status(op, 0xE0u), (uint8_t)(bend & 0x7F),
               (uint8_t)((bend >> 7) & 0x7F));
}

static void in_prog(op_t *op, io_t v) {
  op->in[IN_PROG] = op_clamp(v, 0, 127);
  midi_op_send(op, cable(op), status(op, 0xC0u), (uint8_t)op->in[IN_PROG], 0);
}

static void init(op_t *op) { op->in[IN_CHAN] = 1; }

static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  if (fmt == OP_FORMAT_0_7_1) return op_pickle_ios(op->in + IN_CHAN, 1, dst, cap);
  return op_pickle_ios(op->in, 3, dst, cap); /* CABLE, CHAN, NUM */
}
static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  io_t v[3];
  if (fmt == OP_FORMAT_0_7_1) {
    if (op_unpickle_ios(v, 1, src, len) < 0) return -1;
    in_chan(op, v[0]);
    return 2;
  }
  if (op_unpickle_ios(v, 3, src, len) < 0) return -1;
  in_cable(op, v[0]);
  in_chan(op, v[1]);
  in_num(op, v[2]);
  return 6;
}

static const char *const ins[] = {"CABLE", "CHAN", "NUM", "VEL", "PITCH", "PROG"};
static const char *const outs[] = {"DUMMY"};
static const op_in_fn fns[] = {in_cable, in_chan, in_num, in_vel, in_pitch, in_prog};

const op_class_t op_class_mout_note = {
  .id = OP_MOUT_NOTE, .name = "MOUT_NOTE", .display = "MOUTNO", .num_ins = 6, .num_outs = 1,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_mout_note_t), .size32 = 44, .init = init,
  .in_fns = fns, .pickle = pickle, .unpickle = unpickle,
};
