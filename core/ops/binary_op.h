/* SPDX-License-Identifier: MIT */
/* binary_op.h: the A / B / TRIG pattern bees' arithmetic ops share (ADD SUB MUL DIV MOD SHL
 * SHR ...): A stores and fires; B stores and fires only if TRIG; TRIG stores 0 or 1. */
#ifndef ALEPH_BINARY_OP_H
#define ALEPH_BINARY_OP_H

#include "op.h"

enum { BIN_A, BIN_B, BIN_TRIG };

typedef struct {
  op_t super;
  io_t in[3];
  op_target_t out[1];
} op_binary_t;

typedef io_t (*binary_fn)(io_t a, io_t b);

static inline void binary_in_a(op_t *op, io_t v, binary_fn f) {
  op->in[BIN_A] = v;
  op_fire(op, 0, f(op->in[BIN_A], op->in[BIN_B]));
}
static inline void binary_in_b(op_t *op, io_t v, binary_fn f) {
  op->in[BIN_B] = v;
  if (op->in[BIN_TRIG]) op_fire(op, 0, f(op->in[BIN_A], op->in[BIN_B]));
}
static inline void binary_in_trig(op_t *op, io_t v) { op->in[BIN_TRIG] = v > 0 ? 1 : 0; }

/* State of every binary op: A, B, TRIG. */
extern const uint8_t binary_state_ins[3];
extern const char *const binary_in_names[3];

/* Defines op_class_NAME for a binary op: handlers from the compute function, defaults of A and
 * B, names. B_ZERO_IS_ONE: a B of 0 is stored as 1 (DIV, MOD). */
#define BINARY_OP_CLASS(cname, ID, NAME, OUTNAME, f, a0, b0, B_ZERO_IS_ONE)      \
  static void cname##_a(op_t *op, io_t v) { binary_in_a(op, v, f); }            \
  static void cname##_b(op_t *op, io_t v) {                                     \
    binary_in_b(op, (B_ZERO_IS_ONE && v == 0) ? (io_t)1 : v, f);                \
  }                                                                             \
  static void cname##_init(op_t *op) {                                          \
    op->in[BIN_A] = a0;                                                         \
    op->in[BIN_B] = b0;                                                         \
  }                                                                             \
  static const op_in_fn cname##_fns[] = {cname##_a, cname##_b, binary_in_trig}; \
  static const char *const cname##_outs[] = {OUTNAME};                          \
  const op_class_t op_class_##cname = {                                         \
    .id = ID, .name = NAME, .display = NAME, .num_ins = 3, .num_outs = 1,       \
    .in_names = binary_in_names, .out_names = cname##_outs,                     \
    OP_LAYOUT(op_binary_t), .size32 = 40, .init = cname##_init,                 \
    .in_fns = cname##_fns, OP_STATE_INPUTS(binary_state_ins)                    \
  }

#endif
