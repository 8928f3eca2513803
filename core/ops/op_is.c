/* SPDX-License-Identifier: MIT */
/* op_is.c: IS, compares A with B (bees op_is). A stores and evaluates EQ, NE, GT, LT (each 0 or
 * 1, computed and fired in that order from the op's current A and B). With EDGE set (default)
 * an output fires only when its result differs from the last one computed (all start at 0, and
 * are not saved); otherwise all four fire. B stores and re-evaluates only if TRIG is set; TRIG
 * and EDGE store 0/1 (> 0 is 1) and do not evaluate. State: A, B, TRIG, EDGE. */
#include "op.h"

enum { IN_A, IN_B, IN_TRIG, IN_EDGE };
enum { OUT_EQ, OUT_NE, OUT_GT, OUT_LT };

typedef struct {
  op_t super;
  io_t in[4];
  op_target_t out[4];
  io_t last[4]; /* last result per output */
} op_is_t;

static io_t compare(const op_t *op, uint8_t k) {
  io_t a = op->in[IN_A], b = op->in[IN_B];
  switch (k) {
  case OUT_EQ: return a == b;
  case OUT_NE: return a != b;
  case OUT_GT: return a > b;
  default: return a < b;
  }
}

static void in_a(op_t *op, io_t v) {
  op_is_t *is = (op_is_t *)op;
  uint8_t k;
  bool edge;
  op->in[IN_A] = v;
  edge = op->in[IN_EDGE] != 0; /* the mode is chosen once, before anything fires */
  for (k = 0; k < 4; k++) {
    io_t before = is->last[k];
    is->last[k] = compare(op, k);
    /* bees keeps the previous result in a byte */
    if (!edge || (int)(uint8_t)before != is->last[k]) op_fire(op, k, is->last[k]);
  }
}

static void in_b(op_t *op, io_t v) {
  op->in[IN_B] = v;
  if (op->in[IN_TRIG]) in_a(op, op->in[IN_A]);
}

static void in_trig(op_t *op, io_t v) { op->in[IN_TRIG] = v > 0 ? 1 : 0; }
static void in_edge(op_t *op, io_t v) { op->in[IN_EDGE] = v > 0 ? 1 : 0; }

static void init(op_t *op) {
  op->in[IN_B] = 1;
  op->in[IN_EDGE] = 1;
}

static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  (void)fmt;
  return op_pickle_ios(op->in, 4, dst, cap);
}
static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  (void)fmt;
  return op_unpickle_ios(op->in, 4, src, len);
}

static const char *const ins[] = {"A", "B", "TRIG", "EDGE"};
static const char *const outs[] = {"EQ", "NE", "GT", "LT"};
static const op_in_fn fns[] = {in_a, in_b, in_trig, in_edge};

const op_class_t op_class_is = {
  .id = OP_IS, .name = "IS", .display = "IS", .num_ins = 4, .num_outs = 4,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_is_t), .size32 = 72,
  .init = init, .in_fns = fns, .pickle = pickle, .unpickle = unpickle,
};
