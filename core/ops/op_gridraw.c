/* SPDX-License-Identifier: MIT */
/* op_gridraw.c: GRIDRAW, the raw monome grid op (bees op_monome_grid_raw): every key press or
 * lift fires X, Y, BUT (z). X and Y (clamped 0..15) choose an LED; VAL (0..15) sets its level
 * and ON (15 or 0) switches it, in the op's own buffer (shown while the op holds focus). New in
 * bees 0.8.1: the same layout is used for both scene formats.
 *
 * Differs from bees: only in focus handling, which follows monome.h. */
#include "monome.h"
#include "op.h"

enum { IN_FOCUS, IN_X, IN_Y, IN_VAL, IN_ON };

typedef struct {
  op_t super;
  io_t in[5];
  op_target_t out[3];
  monome_client_t mon;
  uint8_t leds[MONOME_GRID_LEDS];
} op_gridraw_t;

static io_t clamp15(io_t v) { return op_clamp(v, 0, 15); }

static void in_focus(op_t *op, io_t v) { monome_focus(&((op_gridraw_t *)op)->mon, v > 0); }
static void in_x(op_t *op, io_t v) { op->in[IN_X] = clamp15(v); }
static void in_y(op_t *op, io_t v) { op->in[IN_Y] = clamp15(v); }

static void show(op_t *op) {
  op_gridraw_t *g = (op_gridraw_t *)op;
  uint8_t x = (uint8_t)op->in[IN_X], y = (uint8_t)op->in[IN_Y];
  g->leds[monome_xy(x, y)] = (uint8_t)op->in[IN_VAL];
  monome_mark_xy(&g->mon, x, y);
}

static void in_val(op_t *op, io_t v) {
  op->in[IN_VAL] = clamp15(v);
  op->in[IN_ON] = op->in[IN_VAL] > 0 ? 1 : 0;
  show(op);
}

static void in_on(op_t *op, io_t v) {
  op->in[IN_ON] = v > 0 ? 1 : 0;
  op->in[IN_VAL] = v > 0 ? 15 : 0;
  show(op);
}

static void key(op_t *op, uint8_t x, uint8_t y, uint8_t z) {
  op_fire(op, 0, (io_t)x);
  op_fire(op, 1, (io_t)y);
  op_fire(op, 2, (io_t)z);
}

static void init(op_t *op) {
  op_gridraw_t *g = (op_gridraw_t *)op;
  monome_client_init(&g->mon, op, IN_FOCUS, g->leds, key, 0);
  monome_focus_at_init(&g->mon);
}

static void deinit(op_t *op) { monome_release(&((op_gridraw_t *)op)->mon); }

/* state (both formats): FOCUS, X, Y, 256 LED levels */
#define STATE_BYTES (6u + MONOME_GRID_LEDS)
static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  const op_gridraw_t *g = (const op_gridraw_t *)op;
  uint32_t i;
  (void)fmt;
  if (cap < STATE_BYTES) return -1;
  op_pickle_ios(op->in, 3, dst, cap);
  for (i = 0; i < MONOME_GRID_LEDS; i++) dst[6 + i] = g->leds[i];
  return (int32_t)STATE_BYTES;
}

static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  op_gridraw_t *g = (op_gridraw_t *)op;
  uint32_t i;
  (void)fmt;
  if (len < STATE_BYTES) return -1;
  op_unpickle_ios(op->in, 3, src, len);
  for (i = 0; i < MONOME_GRID_LEDS; i++) g->leds[i] = src[6 + i];
  monome_focus(&g->mon, op->in[IN_FOCUS] > 0);
  return (int32_t)STATE_BYTES;
}

static const char *const ins[] = {"FOCUS", "X", "Y", "VAL", "ON"};
static const char *const outs[] = {"X", "Y", "BUT"};
static const op_in_fn fns[] = {in_focus, in_x, in_y, in_val, in_on};

const op_class_t op_class_gridraw = {
  .id = OP_GRIDRAW, .name = "GRIDRAW", .display = "GRIDRAW", .num_ins = 5, .num_outs = 3,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_gridraw_t), .size32 = 336,
  .flags = OP_FLAG_GRID, .init = init, .deinit = deinit, .in_fns = fns, .pickle = pickle,
  .unpickle = unpickle,
};
