/* SPDX-License-Identifier: MIT */
/* op_bits.c: BITS, splits a byte into bits and packs bits into a byte (bees op_bits).
 * IN is clamped to 0..255 and stored, then bit k of it fires on Ok (k = 0..7, outputs 1..8),
 * each bit read from the op's IN as it is at that moment. Ik stores 0/1 (> 0 is 1) and fires OUT
 * = sum of Ik << k, kept to 8 bits as bees' byte accumulator does (only matters for values a
 * scene file put there). State: IN, I0..I7. */
#include "op.h"

enum { IN_IN, IN_I0 };

typedef struct {
  op_t super;
  io_t in[9];
  op_target_t out[9];
} op_bits_t;

static void in_in(op_t *op, io_t v) {
  uint8_t k;
  op->in[IN_IN] = op_clamp(v, 0, 255);
  for (k = 0; k < 8; k++) op_fire(op, (uint8_t)(k + 1), (io_t)((op->in[IN_IN] >> k) & 1));
}

static void pack(op_t *op) {
  uint32_t sum = 0;
  uint8_t k;
  for (k = 0; k < 8; k++) sum += (uint32_t)(int32_t)op->in[IN_I0 + k] << k;
  op_fire(op, 0, (io_t)(sum & 0xFFu));
}

#define BIT_FN(k)                                         \
  static void in_i##k(op_t *op, io_t v) {                 \
    op->in[IN_I0 + (k)] = v > 0 ? 1 : 0;                  \
    pack(op);                                             \
  }
BIT_FN(0)
BIT_FN(1)
BIT_FN(2)
BIT_FN(3)
BIT_FN(4)
BIT_FN(5)
BIT_FN(6)
BIT_FN(7)

static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  (void)fmt;
  return op_pickle_ios(op->in, 9, dst, cap);
}
static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  (void)fmt;
  return op_unpickle_ios(op->in, 9, src, len);
}

static const char *const ins[] = {"IN", "I0", "I1", "I2", "I3", "I4", "I5", "I6", "I7"};
static const char *const outs[] = {"OUT", "O0", "O1", "O2", "O3", "O4", "O5", "O6", "O7"};
static const op_in_fn fns[] = {in_in, in_i0, in_i1, in_i2, in_i3, in_i4, in_i5, in_i6, in_i7};

const op_class_t op_class_bits = {
  .id = OP_BITS, .name = "BITS", .display = "BITS", .num_ins = 9, .num_outs = 9,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_bits_t), .size32 = 116,
  .in_fns = fns, .pickle = pickle, .unpickle = unpickle,
};
