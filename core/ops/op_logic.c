/* SPDX-License-Identifier: MIT */
/* op_logic.c: LOGIC, boolean AND / OR / XOR of A and B (bees op_logic). A stores 0/1 (> 0 is 1)
 * and evaluates AND = (A && B) ^ INVERT, OR = (A || B) ^ INVERT, XOR = (A ^ B) ^ INVERT, each
 * computed and fired in that order from the op's current values. With EDGE set an output fires
 * only when its result differs from the last one computed (all start at 0, not saved); without
 * (default) all three fire. B stores 0/1 and re-evaluates if TRIG is set (default). TRIG stores
 * 0/1. EDGE and INVERT store 0/1 and re-evaluate when set to 1 (not when cleared).
 * Values a scene file stores unnormalised (B, INVERT other than 0/1) are used as bees uses them:
 * XORed as 16-bit integers, the last result compared through a byte. State: A, B, TRIG, EDGE,
 * INVERT. */
#include "op.h"

enum { IN_A, IN_B, IN_TRIG, IN_EDGE, IN_INVERT };
enum { OUT_AND, OUT_OR, OUT_XOR };

typedef struct {
  op_t super;
  io_t in[5];
  op_target_t out[3];
  io_t last[3]; /* last result per output */
} op_logic_t;

static io_t result(const op_t *op, uint8_t k) {
  io_t a = op->in[IN_A], b = op->in[IN_B], inv = op->in[IN_INVERT];
  switch (k) {
  case OUT_AND: return (io_t)((a && b) ^ inv);
  case OUT_OR: return (io_t)((a || b) ^ inv);
  default: return (io_t)((a ^ b) ^ inv);
  }
}

static void in_a(op_t *op, io_t v) {
  op_logic_t *lg = (op_logic_t *)op;
  uint8_t k;
  bool edge;
  op->in[IN_A] = v > 0 ? 1 : 0;
  edge = op->in[IN_EDGE] != 0; /* the mode is chosen once, before anything fires */
  for (k = 0; k < 3; k++) {
    io_t before = lg->last[k];
    lg->last[k] = result(op, k);
    /* bees keeps the previous result in a byte */
    if (!edge || (int)(uint8_t)before != lg->last[k]) op_fire(op, k, lg->last[k]);
  }
}

static void in_b(op_t *op, io_t v) {
  op->in[IN_B] = v > 0 ? 1 : 0;
  if (op->in[IN_TRIG]) in_a(op, op->in[IN_A]);
}

static void in_trig(op_t *op, io_t v) { op->in[IN_TRIG] = v > 0 ? 1 : 0; }

static void in_edge(op_t *op, io_t v) {
  op->in[IN_EDGE] = v > 0 ? 1 : 0;
  if (op->in[IN_EDGE]) in_a(op, op->in[IN_A]);
}

static void in_invert(op_t *op, io_t v) {
  op->in[IN_INVERT] = v > 0 ? 1 : 0;
  if (op->in[IN_INVERT]) in_a(op, op->in[IN_A]);
}

static void init(op_t *op) {
  op->in[IN_B] = 1;
  op->in[IN_TRIG] = 1;
}

static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  (void)fmt;
  return op_pickle_ios(op->in, 5, dst, cap);
}
static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  (void)fmt;
  return op_unpickle_ios(op->in, 5, src, len);
}

static const char *const ins[] = {"A", "B", "TRIG", "EDGE", "INVERT"};
static const char *const outs[] = {"AND", "OR", "XOR"};
static const op_in_fn fns[] = {in_a, in_b, in_trig, in_edge, in_invert};

const op_class_t op_class_logic = {
  .id = OP_LOGIC, .name = "LOGIC", .display = "LOGIC", .num_ins = 5, .num_outs = 3,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_logic_t), .size32 = 68,
  .init = init, .in_fns = fns, .pickle = pickle, .unpickle = unpickle,
};
