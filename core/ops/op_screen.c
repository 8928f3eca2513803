/* SPDX-License-Identifier: MIT */
/* op_screen.c: SCREEN (bees op_screen): a full-screen 128x64 picture the op owns. While enabled
 * (see gfx_op.h for ENABLE, PERIOD and refresh), VAL (0..15), X (0..127) and Y (0..63) each
 * store their clamped value and plot level VAL at (X, Y); enabling plots too. FILL stores its
 * clamped value and fills the whole picture, enabled or not, with the raw input's level, as
 * bees does (the OLED shows a level's low 4 bits). Each refresh draws the whole picture at the
 * screen's origin. DUMMY never fires. State: ENABLE, PERIOD, VAL, FILL, X, Y (same in 0.7.1,
 * which had no output); the picture is not saved. Loading ENABLE == 1 enables it.
 *
 * bees keeps one byte per pixel (8 KiB); only the low 4 bits ever reach the display, so this op
 * packs two pixels per byte (4 KiB) with the same result on screen. */
#include "bytes.h"
#include "gfx_op.h"

enum { IN_ENABLE, IN_PERIOD, IN_VAL, IN_FILL, IN_X, IN_Y };

typedef struct {
  op_t super;
  io_t in[6];
  op_target_t out[1];
  gfx_state_t gfx;
  uint8_t pic[SCREEN_W * SCREEN_H / 2]; /* row-major, even pixel in the high nibble */
} op_screen_t;

#define GFX(op) (&((op_screen_t *)(op))->gfx)

static void draw(op_t *op, screen_t *s) {
  screen_blit4(s, 0, 0, SCREEN_W, SCREEN_H, ((op_screen_t *)op)->pic);
}

static void refresh(op_t *op, op_timer_t *t) {
  (void)t;
  gfx_refresh(op, GFX(op), draw);
}

/* bees' redraw: plot the current pixel while enabled */
static void plot(op_t *op) {
  op_screen_t *sc = (op_screen_t *)op;
  io_t x = op->in[IN_X], y = op->in[IN_Y];
  uint32_t i;
  uint8_t lv = (uint8_t)(op->in[IN_VAL] & 0x0F), *b;
  /* inputs clamp X and Y; a scene may hold anything, which plots nothing */
  if (!sc->gfx.active || x < 0 || x >= SCREEN_W || y < 0 || y >= SCREEN_H) return;
  i = (uint32_t)y * SCREEN_W + (uint32_t)x;
  b = &sc->pic[i >> 1];
  *b = (i & 1u) ? (uint8_t)((*b & 0xF0u) | lv) : (uint8_t)((*b & 0x0Fu) | (lv << 4));
  gfx_touch(&sc->gfx);
}

static io_t clamp_level(io_t v) { return op_clamp(v, 0, SCREEN_LEVEL_MAX); }

static void in_enable(op_t *op, io_t v) {
  bool was = GFX(op)->active;
  gfx_in_enable(op, GFX(op), v, refresh);
  if (!was && GFX(op)->active) plot(op);
}
static void in_period(op_t *op, io_t v) { gfx_in_period(op, GFX(op), v); }
static void in_val(op_t *op, io_t v) {
  op->in[IN_VAL] = clamp_level(v);
  plot(op);
}
static void in_fill(op_t *op, io_t v) {
  uint8_t lv = (uint8_t)(v & 0x0F);
  op->in[IN_FILL] = clamp_level(v);
  bytes_fill(((op_screen_t *)op)->pic, (uint8_t)(lv << 4 | lv), SCREEN_W * SCREEN_H / 2);
  GFX(op)->dirty = true;
}
static void in_x(op_t *op, io_t v) {
  op->in[IN_X] = op_clamp(v, 0, SCREEN_W - 1);
  plot(op);
}
static void in_y(op_t *op, io_t v) {
  op->in[IN_Y] = op_clamp(v, 0, SCREEN_H - 1);
  plot(op);
}

static void init(op_t *op) {
  op->in[IN_ENABLE] = 0;
  op->in[IN_PERIOD] = 50;
  op->in[IN_VAL] = SCREEN_LEVEL_MAX;
  op->in[IN_FILL] = 0;
  op->in[IN_X] = 0;
  op->in[IN_Y] = 0;
}

static void deinit(op_t *op) { gfx_deactivate(op, GFX(op)); }

static const uint8_t order[] = {IN_ENABLE, IN_PERIOD, IN_VAL, IN_FILL, IN_X, IN_Y};
static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  (void)fmt;
  return op_pickle_inputs(op, order, 6, dst, cap);
}
static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  int32_t n;
  (void)fmt;
  n = op_unpickle_inputs(op, order, 6, src, len);
  if (n < 0) return -1;
  gfx_loaded(op, GFX(op), op->in[IN_ENABLE] == 1, refresh);
  plot(op);
  return n;
}

static const char *const ins[] = {"ENABLE", "PERIOD", "VAL", "FILL", "X", "Y"};
static const char *const outs[] = {"DUMMY"};
static const op_in_fn fns[] = {in_enable, in_period, in_val, in_fill, in_x, in_y};

const op_class_t op_class_screen = {
  .id = OP_SCREEN, .name = "SCREEN", .display = "SCREEN", .num_ins = 6, .num_outs = 1,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_screen_t), .size32 = 4172,
  .init = init, .deinit = deinit, .in_fns = fns, .pickle = pickle, .unpickle = unpickle,
};
