/* SPDX-License-Identifier: MIT */
/* op_mem2d.c: MEM2D, a 16 x 16 grid of stored values (bees op_mem2d). X and Y select a cell
 * (each clamped to 0..15). WRITE stores v in WRITE and in the cell. READ fires X, Y, then the
 * cell (each read after the previous output has been delivered); READ's own value is not
 * stored. TOG > 0 sets TOG and WRITE to 1 and replaces the cell by its logical not; TOG <= 0
 * sets TOG and WRITE to 0. Nothing else fires.
 * Differs from bees: an X or Y outside 0..15 read from a scene is clamped (bees would index
 * outside its array). */
#include "op.h"

enum { IN_X, IN_Y, IN_WRITE, IN_READ, IN_TOG };
#define MEM2D_LEN 16

typedef struct {
  op_t super;
  io_t in[5];
  op_target_t out[3];
  io_t data[MEM2D_LEN][MEM2D_LEN]; /* [x][y], the order bees pickles */
} op_mem2d_t;

static io_t *cell(op_t *op) { return &((op_mem2d_t *)op)->data[op->in[IN_X]][op->in[IN_Y]]; }

static void in_x(op_t *op, io_t v) { op->in[IN_X] = op_clamp(v, 0, MEM2D_LEN - 1); }
static void in_y(op_t *op, io_t v) { op->in[IN_Y] = op_clamp(v, 0, MEM2D_LEN - 1); }
static void in_write(op_t *op, io_t v) { op->in[IN_WRITE] = *cell(op) = v; }
static void in_read(op_t *op, io_t v) {
  (void)v;
  op_fire(op, 0, op->in[IN_X]);
  op_fire(op, 1, op->in[IN_Y]);
  op_fire(op, 2, *cell(op));
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

/* state (0.8.1 only; both layouts): X, Y, WRITE, READ, TOG, then the cells, x-major */
#define MEM2D_CELLS (MEM2D_LEN * MEM2D_LEN)
#define MEM2D_STATE (10u + 2u * MEM2D_CELLS)
static const uint8_t order[] = {IN_X, IN_Y, IN_WRITE, IN_READ, IN_TOG};
static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  (void)fmt;
  if (cap < MEM2D_STATE) return -1;
  op_pickle_inputs(op, order, 5, dst, cap);
  op_pickle_ios(&((const op_mem2d_t *)op)->data[0][0], MEM2D_CELLS, dst + 10, cap - 10u);
  return (int32_t)MEM2D_STATE;
}
static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  (void)fmt;
  if (len < MEM2D_STATE) return -1;
  op_unpickle_inputs(op, order, 5, src, len);
  op_unpickle_ios(&((op_mem2d_t *)op)->data[0][0], MEM2D_CELLS, src + 10, len - 10u);
  op->in[IN_X] = op_clamp(op->in[IN_X], 0, MEM2D_LEN - 1);
  op->in[IN_Y] = op_clamp(op->in[IN_Y], 0, MEM2D_LEN - 1);
  return (int32_t)MEM2D_STATE;
}

static const char *const ins[] = {"X", "Y", "WRITE", "READ", "TOG"};
static const char *const outs[] = {"X", "Y", "VAL"};
static const op_in_fn fns[] = {in_x, in_y, in_write, in_read, in_tog};

const op_class_t op_class_mem2d = {
  .id = OP_MEM2D, .name = "MEM2D", .display = "MEM2D", .num_ins = 5, .num_outs = 3,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_mem2d_t), .size32 = 572,
  .in_fns = fns, .pickle = pickle, .unpickle = unpickle,
};
