/* SPDX-License-Identifier: MIT */
/* op_bignum.c: BIGNUM (bees op_bignum): shows VAL as a big decimal number in a 64x32 box at
 * (X, Y) while enabled (see gfx_op.h for ENABLE, PERIOD and refresh). The text is bees' op_print
 * format (6 characters, right-justified, '-' in the first column) in screen.h's digit font,
 * bright on black from the box's top-left corner; each refresh redraws the whole box. X is at
 * most 64, Y at most 32 (128x64 screen); like bees, moving the box leaves the old one on screen.
 * DUMMY never fires. State: ENABLE, PERIOD, VAL, X, Y (same in 0.7.1, which had no output);
 * loading a nonzero ENABLE enables it.
 *
 * bees renders into a 64x32 pixel region kept in the op and copies it on refresh. The region
 * always equals the drawing of the current VAL when it is copied, so this op keeps no region
 * and draws at refresh time: same pixels, 2 KiB less per op. Like the OLED's addressing (two
 * pixels per byte), an odd X draws at X - 1.
 * X and Y go through the byte coordinate of bees' drawing region (its handlers assign
 * `x = reg.x = v`, reg.x being a u8): a negative X or Y is kept as that byte (-1 reads back 255
 * and is saved so) and puts the box off screen; a loaded X or Y is kept as stored and drawn at
 * its byte too. Differs from bees: the font is aleph-sim's own (bees uses an anti-aliased
 * bitmap font of 9x19 cells; ours are 10x20). */
#include "gfx_op.h"

enum { IN_ENABLE, IN_PERIOD, IN_VAL, IN_X, IN_Y };
#define BIGNUM_W 64
#define BIGNUM_H 32
#define BIGNUM_X_MAX (SCREEN_W - BIGNUM_W)
#define BIGNUM_Y_MAX (SCREEN_H - BIGNUM_H)

typedef struct {
  op_t super;
  io_t in[5];
  op_target_t out[1];
  gfx_state_t gfx;
} op_bignum_t;

#define GFX(op) (&((op_bignum_t *)(op))->gfx)

/* bees' region coordinates are bytes: what X and Y are drawn at */
static int16_t region_coord(io_t v) { return (int16_t)(uint8_t)v; }

static void draw(op_t *op, screen_t *s) {
  int16_t x = (int16_t)(region_coord(op->in[IN_X]) & ~1), y = region_coord(op->in[IN_Y]);
  char text[7];
  screen_format_number(text, op->in[IN_VAL]);
  screen_fill_rect(s, x, y, BIGNUM_W, BIGNUM_H, 0);
  screen_text(s, x, y, text, x, y, BIGNUM_W, BIGNUM_H);
}

static void refresh(op_t *op, op_timer_t *t) {
  (void)t;
  gfx_refresh(op, GFX(op), draw);
}

static void in_enable(op_t *op, io_t v) { gfx_in_enable(op, GFX(op), v, refresh); }
static void in_period(op_t *op, io_t v) { gfx_in_period(op, GFX(op), v); }
static void in_val(op_t *op, io_t v) {
  op->in[IN_VAL] = v;
  gfx_touch(GFX(op));
}
static void in_x(op_t *op, io_t v) {
  op->in[IN_X] = v > BIGNUM_X_MAX ? (io_t)BIGNUM_X_MAX : region_coord(v);
  gfx_touch(GFX(op));
}
static void in_y(op_t *op, io_t v) {
  op->in[IN_Y] = v > BIGNUM_Y_MAX ? (io_t)BIGNUM_Y_MAX : region_coord(v);
  gfx_touch(GFX(op));
}

static void init(op_t *op) {
  op->in[IN_ENABLE] = 0;
  op->in[IN_PERIOD] = 50;
  op->in[IN_VAL] = 0;
  op->in[IN_X] = 0;
  op->in[IN_Y] = 0;
}

static void deinit(op_t *op) { gfx_deactivate(op, GFX(op)); }

static const uint8_t order[] = {IN_ENABLE, IN_PERIOD, IN_VAL, IN_X, IN_Y};
static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  (void)fmt;
  return op_pickle_inputs(op, order, 5, dst, cap);
}
static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  int32_t n;
  (void)fmt;
  n = op_unpickle_inputs(op, order, 5, src, len);
  if (n < 0) return -1;
  gfx_loaded(op, GFX(op), op->in[IN_ENABLE] != 0, refresh);
  return n;
}

static const char *const ins[] = {"ENABLE", "PERIOD", "VAL", "X", "Y"};
static const char *const outs[] = {"DUMMY"};
static const op_in_fn fns[] = {in_enable, in_period, in_val, in_x, in_y};

const op_class_t op_class_bignum = {
  .id = OP_BIGNUM, .name = "BIGNUM", .display = "BIGNUM", .num_ins = 5, .num_outs = 1,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_bignum_t), .size32 = 76,
  .init = init, .deinit = deinit, .in_fns = fns, .pickle = pickle, .unpickle = unpickle,
};
