/* SPDX-License-Identifier: MIT */
/* op_mem1d.c: MEM1D, a row of 16 stored values (bees op_mem1d). N selects a cell (clamped to
 * 0..15). WRITE stores v in WRITE and in the cell. READ fires N, then the cell at N (read after
 * N has been delivered); READ's own value is not stored. TOG > 0 sets TOG and WRITE to 1 and
 * replaces the cell by its logical not; TOG <= 0 sets TOG and WRITE to 0. Nothing else fires.
 * Differs from bees: an N outside 0..15 read from a scene is clamped (bees would index outside
 * its array). */
#include "op.h"

enum { IN_N, IN_WRITE, IN_READ, IN_TOG };
#define MEM1D_LEN 16

typedef struct {
  op_t super;
  io_t in[4];
  op_target_t out[2];
  io_t data[MEM1D_LEN];
} op_mem1d_t;

static io_t *cell(op_t *op) { return &((op_mem1d_t *)op)->data[op->in[IN_N]]; }

static void in_n(op_t *op, io_t v) { op->in[IN_N] = op_clamp(v, 0, MEM1D_LEN - 1); }
static void in_write(op_t *op, io_t v) { op->in[IN_WRITE] = *cell(op) = v; }
static void in_read(op_t *op, io_t v) {
  (void)v;
  op_fire(op, 0, op->in[IN_N]);
  op_fire(op, 1, *cell(op));
}
static void in_tog(op_t *op, io_t v) {
  if (v > 0) {
    op->in[IN_TOG] = 1;
    op->in[IN_WRITE] = 1;
    *cell(op) = *cell(op) ? 0 : 1;
  } else {
    op->in[IN_TOG] = 0;
    op->in[IN_WRITE] = 0;
  }
}

/* state (0.8.1 only; both layouts): N, WRITE, READ, TOG, then the 16 cells */
static const uint8_t order[] = {IN_N, IN_WRITE, IN_READ, IN_TOG};
static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  (void)fmt;
  if (cap < 8u + 2u * MEM1D_LEN) return -1;
  op_pickle_inputs(op, order, 4, dst, cap);
  op_pickle_ios(((const op_mem1d_t *)op)->data, MEM1D_LEN, dst + 8, cap - 8u);
  return 8 + 2 * MEM1D_LEN;
}
static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  (void)fmt;
  if (len < 8u + 2u * MEM1D_LEN) return -1;
  op_unpickle_inputs(op, order, 4, src, len);
  op_unpickle_ios(((op_mem1d_t *)op)->data, MEM1D_LEN, src + 8, len - 8u);
  op->in[IN_N] = op_clamp(op->in[IN_N], 0, MEM1D_LEN - 1);
  return 8 + 2 * MEM1D_LEN;
}

static const char *const ins[] = {"N", "WRITE", "READ", "TOG"};
static const char *const outs[] = {"N", "VAL"};
static const op_in_fn fns[] = {in_n, in_write, in_read, in_tog};

const op_class_t op_class_mem1d = {
  .id = OP_MEM1D, .name = "MEM1D", .display = "MEM1D", .num_ins = 4, .num_outs = 2,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_mem1d_t), .size32 = 80,
  .in_fns = fns, .pickle = pickle, .unpickle = unpickle,
};
