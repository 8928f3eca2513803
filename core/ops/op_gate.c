/* SPDX-License-Identifier: MIT */
/* op_gate.c: GATE, passes VAL through while the gate is open (bees op_gate). VAL stores and
 * fires if GATE is non-zero; GATE stores 0/1 and, in STORE mode, fires the stored VAL on every
 * GATE input (opening or closing); STORE stores 0/1. State: 0.8.1 VAL, GATE, STORE; bees 0.7.1
 * has no state for GATE (0 bytes; the inputs keep their defaults, all 0).
 * bees' output name is "GATED" padded with spaces to 8 characters; shown here as "GATED". */
#include "op.h"

enum { IN_VAL, IN_GATE, IN_STORE };

typedef struct {
  op_t super;
  io_t in[3];
  op_target_t out[1];
} op_gate_t;

static void in_val(op_t *op, io_t v) {
  op->in[IN_VAL] = v;
  if (op->in[IN_GATE] != 0) op_fire(op, 0, op->in[IN_VAL]);
}

static void in_gate(op_t *op, io_t v) {
  op->in[IN_GATE] = v > 0 ? 1 : 0;
  if (op->in[IN_STORE] != 0) op_fire(op, 0, op->in[IN_VAL]);
}

static void in_store(op_t *op, io_t v) { op->in[IN_STORE] = v > 0 ? 1 : 0; }

static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  if (fmt == OP_FORMAT_0_7_1) return 0;
  return op_pickle_ios(op->in, 3, dst, cap);
}
static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  if (fmt == OP_FORMAT_0_7_1) return 0;
  return op_unpickle_ios(op->in, 3, src, len);
}

static const char *const ins[] = {"VAL", "GATE", "STORE"};
static const char *const outs[] = {"GATED"};
static const op_in_fn fns[] = {in_val, in_gate, in_store};

const op_class_t op_class_gate = {
  .id = OP_GATE, .name = "GATE", .display = "GATE", .num_ins = 3, .num_outs = 1,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_gate_t), .size32 = 40,
  .in_fns = fns, .pickle = pickle, .unpickle = unpickle,
};
