/* SPDX-License-Identifier: MIT */
/* op_mout_cc.c: MOUT_CC, shown as MOUTCC (bees op_midi_out_cc): MIDI control-change output.
 * VAL (0..127) sends a CC with controller NUM (0..127) on CHAN (-1..15; low nibble sent) and
 * cable CABLE (0..16); those three are clamped and stored. Messages go to the services'
 * midi_send; with none, they are dropped. DUMMY never fires.
 * Scene state: 0.8.1 CABLE, CHAN, NUM; 0.7.1 CHAN, NUM (0.7.1's op had the inputs CHAN, NUM, VAL
 * and no outputs: a 0.7.1 importer maps its inputs 0..2 to CHAN, NUM, VAL here).
 * Differs from bees: bees 0.8.1 reads its own 0.8.1 record as CABLE, NUM, NUM, so CHAN stays 1
 * and NUM takes the third word (survey quirk 9). Here the record is read as bees writes it,
 * CABLE, CHAN, NUM: the same bytes, but CHAN is restored. Reloaded values are clamped as the
 * inputs clamp them. */
#include "midi.h"
#include "op.h"

enum { IN_CABLE, IN_CHAN, IN_NUM, IN_VAL };

typedef struct {
  op_t super;
  io_t in[4];
  op_target_t out[1];
} op_mout_cc_t;

static void in_cable(op_t *op, io_t v) { op->in[IN_CABLE] = op_clamp(v, 0, 16); }
static void in_chan(op_t *op, io_t v) { op->in[IN_CHAN] = op_clamp(v, -1, 15); }
static void in_num(op_t *op, io_t v) { op->in[IN_NUM] = op_clamp(v, 0, 127); }

static void in_val(op_t *op, io_t v) {
  op->in[IN_VAL] = op_clamp(v, 0, 127);
  midi_op_send(op, (uint8_t)op->in[IN_CABLE],
               (uint8_t)(0xB0u | ((uint16_t)op->in[IN_CHAN] & 0x0Fu)), (uint8_t)op->in[IN_NUM],
               (uint8_t)op->in[IN_VAL]);
}

static void init(op_t *op) { op->in[IN_CHAN] = 1; }

static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  if (fmt == OP_FORMAT_0_7_1) return op_pickle_ios(op->in + IN_CHAN, 2, dst, cap);
  return op_pickle_ios(op->in, 3, dst, cap); /* CABLE, CHAN, NUM */
}
static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  io_t v[3];
  if (fmt == OP_FORMAT_0_7_1) {
    if (op_unpickle_ios(v, 2, src, len) < 0) return -1;
    in_chan(op, v[0]);
    in_num(op, v[1]);
    return 4;
  }
  if (op_unpickle_ios(v, 3, src, len) < 0) return -1;
  in_cable(op, v[0]);
  in_chan(op, v[1]);
  in_num(op, v[2]);
  return 6;
}

static const char *const ins[] = {"CABLE", "CHAN", "NUM", "VAL"};
static const char *const outs[] = {"DUMMY"};
static const op_in_fn fns[] = {in_cable, in_chan, in_num, in_val};

const op_class_t op_class_mout_cc = {
  .id = OP_MOUT_CC, .name = "MOUT_CC", .display = "MOUTCC", .num_ins = 4, .num_outs = 1,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_mout_cc_t), .size32 = 40, .init = init,
  .in_fns = fns, .pickle = pickle, .unpickle = unpickle,
};
