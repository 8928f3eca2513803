/* SPDX-License-Identifier: MIT */
/* op_bars.c: BARS (bees op_bars): four one-pixel horizontal bar graphs across the screen, at rows
 * 34, 38, 42 and 46. While enabled (see gfx_op.h for ENABLE, PERIOD and refresh), A..D store
 * their value clamped to 0..128 and redraw: a bar is level 15 for x < value and 1 beyond. Each
 * refresh draws the whole screen (black except the bars), as bees copies its full-screen region.
 * MODE does nothing and, as in bees, is not even stored (only a scene sets it). DUMMY never
 * fires. State: ENABLE, PERIOD, MODE, A, B, C, D (same in 0.7.1, which had no output); loading
 * ENABLE == 1 enables it.
 *
 * bees draws into an 8 KiB region kept in the op and copies it on refresh; the region always
 * equals the drawing of the current A..D when it is copied, so this op draws at refresh time
 * instead: same pixels, no region. */
#include "gfx_op.h"

enum { IN_ENABLE, IN_PERIOD, IN_MODE, IN_A, IN_B, IN_C, IN_D };
#define BARS_N 4

typedef struct {
  op_t super;
  io_t in[3 + BARS_N];
  op_target_t out[1];
  gfx_state_t gfx;
} op_bars_t;

#define GFX(op) (&((op_bars_t *)(op))->gfx)
static const uint8_t rows[BARS_N] = {34, 38, 42, 46};

static void draw(op_t *op, screen_t *s) { gfx_draw_bars(s, &op->in[IN_A], rows, BARS_N); }

static void refresh(op_t *op, op_timer_t *t) {
  (void)t;
  gfx_refresh(op, GFX(op), draw);
}

static void in_enable(op_t *op, io_t v) { gfx_in_enable(op, GFX(op), v, refresh); }
static void in_period(op_t *op, io_t v) { gfx_in_period(op, GFX(op), v); }
static void in_mode(op_t *op, io_t v) { (void)op, (void)v; }
static void set_bar(op_t *op, uint8_t k, io_t v) {
  op->in[k] = op_clamp(v, 0, SCREEN_W);
  gfx_touch(GFX(op));
}
static void in_a(op_t *op, io_t v) { set_bar(op, IN_A, v); }
static void in_b(op_t *op, io_t v) { set_bar(op, IN_B, v); }
static void in_c(op_t *op, io_t v) { set_bar(op, IN_C, v); }
static void in_d(op_t *op, io_t v) { set_bar(op, IN_D, v); }

static void init(op_t *op) { op->in[IN_PERIOD] = 100; }

static void deinit(op_t *op) { gfx_deactivate(op, GFX(op)); }

static const uint8_t order[] = {IN_ENABLE, IN_PERIOD, IN_MODE, IN_A, IN_B, IN_C, IN_D};
static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  (void)fmt;
  return op_pickle_inputs(op, order, 3 + BARS_N, dst, cap);
}
static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  int32_t n;
  (void)fmt;
  n = op_unpickle_inputs(op, order, 3 + BARS_N, src, len);
  if (n < 0) return -1;
  gfx_loaded(op, GFX(op), op->in[IN_ENABLE] == 1, refresh);
  return n;
}

static const char *const ins[] = {"ENABLE", "PERIOD", "MODE", "A", "B", "C", "D"};
static const char *const outs[] = {"DUMMY"};
static const op_in_fn fns[] = {in_enable, in_period, in_mode, in_a, in_b, in_c, in_d};

const op_class_t op_class_bars = {
  .id = OP_BARS, .name = "BARS", .display = "BARS", .num_ins = 7, .num_outs = 1,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_bars_t), .size32 = 80,
  .init = init, .deinit = deinit, .in_fns = fns, .pickle = pickle, .unpickle = unpickle,
};
