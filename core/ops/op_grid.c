/* SPDX-License-Identifier: MIT */
/* op_grid.c: GRID, the classic monome grid op (bees op_monome_grid_classic): a key press or lift
 * fires COL, ROW, VAL and lights the key in the op's own 256-level LED buffer. TOG 0 momentary
 * (VAL = z), TOG 1 toggle (presses flip the key, lifts ignored); MONO 1 keeps only the last key
 * lit. FOCUS grabs (1) or releases (0) the grid.
 *
 * Differs from bees: in mono momentary mode the previous key's LED is cleared before the new one
 * is set (bees set then cleared, so pressing the key that was released last left it dark).
 * Focus follows monome.h (release only by the holder; grid and arc focus separate). */
#include "monome.h"
#include "op.h"

enum { IN_FOCUS, IN_TOG, IN_MONO };

typedef struct {
  op_t super;
  io_t in[3];
  op_target_t out[3];
  monome_client_t mon;
  uint8_t last_pos; /* LED index of the previous key event */
  uint8_t leds[MONOME_GRID_LEDS];
} op_grid_t;

static void in_focus(op_t *op, io_t v) { monome_focus(&((op_grid_t *)op)->mon, v > 0); }
static void in_tog(op_t *op, io_t v) { op->in[IN_TOG] = v > 0 ? 1 : 0; }
static void in_mono(op_t *op, io_t v) { op->in[IN_MONO] = v > 0 ? 1 : 0; }

static void mark_last(op_grid_t *g) {
  monome_mark_xy(&g->mon, (uint8_t)(g->last_pos & 15u), (uint8_t)(g->last_pos >> 4));
}

static void key(op_t *op, uint8_t x, uint8_t y, uint8_t z) {
  op_grid_t *g = (op_grid_t *)op;
  uint8_t pos = monome_xy(x, y), val;
  bool tog = op->in[IN_TOG] > 0, mono = op->in[IN_MONO] > 0;
  if (tog && !z) { /* toggle modes ignore lifts */
    g->last_pos = pos;
    return;
  }
  if (tog) {
    val = g->leds[pos] == 0 ? 1 : 0;
    if (mono && pos != g->last_pos) g->leds[g->last_pos] = 0;
    g->leds[pos] = (uint8_t)(val * 15u);
  } else {
    val = z;
    if (mono) g->leds[g->last_pos] = 0;
    g->leds[pos] = (uint8_t)(val * 15u);
  }
  op_fire(op, 0, (io_t)x);
  op_fire(op, 1, (io_t)y);
  op_fire(op, 2, (io_t)val);
  monome_mark_xy(&g->mon, x, y);
  if (mono) mark_last(g);
  g->last_pos = pos;
}

static void init(op_t *op) {
  op_grid_t *g = (op_grid_t *)op;
  monome_client_init(&g->mon, op, IN_FOCUS, g->leds, key, 0);
  op->in[IN_FOCUS] = 1;
  monome_focus_at_init(&g->mon);
}

static void deinit(op_t *op) { monome_release(&((op_grid_t *)op)->mon); }

/* state: FOCUS, TOG, MONO; 0.8.1 adds the 256 LED levels */
static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  const op_grid_t *g = (const op_grid_t *)op;
  uint32_t n = fmt == OP_FORMAT_0_7_1 ? 6u : 6u + MONOME_GRID_LEDS, i;
  if (cap < n) return -1;
  op_pickle_ios(op->in, 3, dst, cap);
  if (fmt != OP_FORMAT_0_7_1)
    for (i = 0; i < MONOME_GRID_LEDS; i++) dst[6 + i] = g->leds[i];
  return (int32_t)n;
}

static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  op_grid_t *g = (op_grid_t *)op;
  uint32_t n = fmt == OP_FORMAT_0_7_1 ? 6u : 6u + MONOME_GRID_LEDS, i;
  if (len < n) return -1;
  op_unpickle_ios(op->in, 3, src, len);
  if (fmt != OP_FORMAT_0_7_1)
    for (i = 0; i < MONOME_GRID_LEDS; i++) g->leds[i] = src[6 + i];
  monome_focus(&g->mon, op->in[IN_FOCUS] > 0);
  return (int32_t)n;
}

static const char *const ins[] = {"FOCUS", "TOG", "MONO"};
static const char *const outs[] = {"COL", "ROW", "VAL"};
static const op_in_fn fns[] = {in_focus, in_tog, in_mono};

const op_class_t op_class_grid = {
  .id = OP_GRID, .name = "GRID", .display = "GRID", .num_ins = 3, .num_outs = 3,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_grid_t), .size32 = 336,
  .flags = OP_FLAG_GRID, .init = init, .deinit = deinit, .in_fns = fns, .pickle = pickle,
  .unpickle = unpickle,
};
