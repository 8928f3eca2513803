/* SPDX-License-Identifier: MIT */
/* op_life.c: LIFE, Conway's game of life on the grid (bees op_life_classic). A key press toggles
 * a cell. NEXT (non-zero) first applies the generation computed by the previous NEXT, then
 * computes the following one (B3/S23 on a torus of XSIZE x YSIZE; RULES 1: no deaths, 2: no
 * births), and fires VAL (cell at X,Y), POP (live cells) and DELTA (population change). X and Y
 * move the cursor and fire VAL; SET writes the cursor cell and fires VAL, POP, DELTA. NOISE does
 * nothing. XSIZE/YSIZE: below 9 -> 8, else 16; they start at the connected grid's size.
 * NEXT, SET and NOISE keep no value (as in bees).
 *
 * Differs from bees: X and Y clamp to XSIZE-1 / YSIZE-1 (bees let X reach XSIZE, reading the
 * next row's cell, and Y reach YSIZE, reading past the cell array); an 8-wide, 16-tall board
 * wraps at its own edges (bees used the 16x8 wrap for every non-square board).
 * Focus follows monome.h (release only by the holder; grid and arc focus separate). */
#include "monome.h"
#include "op.h"

enum { IN_NEXT, IN_XSIZE, IN_YSIZE, IN_X, IN_Y, IN_SET, IN_NOISE, IN_RULES, IN_FOCUS };
#define CELLS 256u

typedef struct {
  op_t super;
  io_t in[9];
  op_target_t out[3];
  monome_client_t mon;
  uint16_t pop, last_pop;
  int8_t now[CELLS];  /* 1 live, 0 dead */
  int8_t next[CELLS]; /* pending change for the next NEXT: 1 birth, -1 death, 0 none */
  uint8_t leds[MONOME_GRID_LEDS];
} op_life_t;

/* board dimension actually iterated: 0..16 */
static uint8_t dim(io_t v) { return (uint8_t)(v < 0 ? 0 : v > 16 ? 16 : v); }
static uint8_t cursor_index(const op_t *op) {
  return monome_xy((uint8_t)op->in[IN_X], (uint8_t)op->in[IN_Y]);
}

static void output(op_t *op) {
  op_life_t *l = (op_life_t *)op;
  uint32_t i;
  op_fire(op, 0, l->now[cursor_index(op)]);
  l->last_pop = l->pop;
  l->pop = 0;
  for (i = 0; i < CELLS; i++) l->pop = (uint16_t)(l->pop + l->now[i]);
  op_fire(op, 1, (io_t)l->pop);
  op_fire(op, 2, (io_t)(uint16_t)(l->pop - l->last_pop));
}

static uint8_t neighbours(const op_life_t *l, uint8_t x, uint8_t y, uint8_t w, uint8_t h) {
  uint8_t xl = (uint8_t)((x + w - 1u) % w), xr = (uint8_t)((x + 1u) % w);
  uint8_t yu = (uint8_t)((y + h - 1u) % h), yd = (uint8_t)((y + 1u) % h);
  return (uint8_t)(l->now[monome_xy(xl, yu)] + l->now[monome_xy(x, yu)] +
                   l->now[monome_xy(xr, yu)] + l->now[monome_xy(xl, y)] +
                   l->now[monome_xy(xr, y)] + l->now[monome_xy(xl, yd)] +
                   l->now[monome_xy(x, yd)] + l->now[monome_xy(xr, yd)]);
}

static void in_next(op_t *op, io_t v) {
  op_life_t *l = (op_life_t *)op;
  uint8_t w = dim(op->in[IN_XSIZE]), h = dim(op->in[IN_YSIZE]), x, y;
  if (v == 0) return;
  for (x = 0; x < w; x++)
    for (y = 0; y < h; y++) {
      uint8_t i = monome_xy(x, y);
      if (l->next[i] == 1) {
        l->now[i] = 1;
        l->leds[i] = 15;
      } else if (l->next[i] == -1) {
        l->now[i] = 0;
        l->leds[i] = 0;
      }
      l->next[i] = 0;
    }
  for (x = 0; x < w; x++)
    for (y = 0; y < h; y++) {
      uint8_t i = monome_xy(x, y), n = neighbours(l, x, y, w, h);
      if (n == 3 && l->now[i] == 0 && op->in[IN_RULES] != 2) l->next[i] = 1;
      if ((n < 2 || n > 3) && l->now[i] == 1 && op->in[IN_RULES] != 1) l->next[i] = -1;
    }
  monome_mark_quadrant(&l->mon, 0);
  if (op->in[IN_XSIZE] > 8) monome_mark_quadrant(&l->mon, 1);
  if (op->in[IN_YSIZE] > 8) {
    monome_mark_quadrant(&l->mon, 2);
    monome_mark_quadrant(&l->mon, 3);
  }
  output(op);
}

static void in_xsize(op_t *op, io_t v) { op->in[IN_XSIZE] = v < 9 ? 8 : 16; }
static void in_ysize(op_t *op, io_t v) { op->in[IN_YSIZE] = v < 9 ? 8 : 16; }

static io_t clamp_cursor(io_t v, io_t size) {
  io_t hi = size > 16 ? 15 : size > 0 ? (io_t)(size - 1) : 0;
  return op_clamp(v, 0, hi);
}

static void in_x(op_t *op, io_t v) {
  op->in[IN_X] = clamp_cursor(v, op->in[IN_XSIZE]);
  op_fire(op, 0, ((op_life_t *)op)->now[cursor_index(op)]);
}

static void in_y(op_t *op, io_t v) {
  op->in[IN_Y] = clamp_cursor(v, op->in[IN_YSIZE]);
  op_fire(op, 0, ((op_life_t *)op)->now[cursor_index(op)]);
}

static void in_set(op_t *op, io_t v) {
  op_life_t *l = (op_life_t *)op;
  uint8_t i = cursor_index(op);
  l->now[i] = v == 0 ? 0 : 1;
  l->leds[i] = (uint8_t)(l->now[i] * 15);
  monome_mark_xy(&l->mon, (uint8_t)op->in[IN_X], (uint8_t)op->in[IN_Y]);
  output(op);
}

static void in_noise(op_t *op, io_t v) {
  (void)op;
  (void)v;
}

static void in_rules(op_t *op, io_t v) { op->in[IN_RULES] = v < 1 ? 0 : v > 1 ? 2 : 1; }
static void in_focus(op_t *op, io_t v) { monome_focus(&((op_life_t *)op)->mon, v > 0); }

static void key(op_t *op, uint8_t x, uint8_t y, uint8_t z) {
  op_life_t *l = (op_life_t *)op;
  uint8_t i = monome_xy(x, y);
  if (!z) return;
  l->now[i] ^= 1;
  l->leds[i] = (uint8_t)(l->now[i] * 15);
  monome_mark_xy(&l->mon, x, y);
}

static void init(op_t *op) {
  op_life_t *l = (op_life_t *)op;
  monome_client_init(&l->mon, op, IN_FOCUS, l->leds, key, 0);
  op->in[IN_XSIZE] = monome_grid_cols(op->net);
  op->in[IN_YSIZE] = monome_grid_rows(op->net);
  op->in[IN_FOCUS] = 1;
  monome_focus_at_init(&l->mon);
}

static void deinit(op_t *op) { monome_release(&((op_life_t *)op)->mon); }

/* state: XSIZE, YSIZE, X, Y, RULES, FOCUS; 0.8.1 adds the 256 cells (1 byte each) */
static const uint8_t order[] = {IN_XSIZE, IN_YSIZE, IN_X, IN_Y, IN_RULES, IN_FOCUS};

static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  const op_life_t *l = (const op_life_t *)op;
  uint32_t n = fmt == OP_FORMAT_0_7_1 ? 12u : 12u + CELLS, i;
  if (cap < n) return -1;
  op_pickle_inputs(op, order, 6, dst, cap);
  if (fmt != OP_FORMAT_0_7_1)
    for (i = 0; i < CELLS; i++) dst[12 + i] = (uint8_t)l->now[i];
  return (int32_t)n;
}

static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  op_life_t *l = (op_life_t *)op;
  uint32_t n = fmt == OP_FORMAT_0_7_1 ? 12u : 12u + CELLS, i;
  if (len < n) return -1;
  op_unpickle_inputs(op, order, 6, src, len);
  if (fmt != OP_FORMAT_0_7_1)
    for (i = 0; i < CELLS; i++) {
      l->now[i] = (int8_t)src[12 + i];
      l->leds[i] = (uint8_t)(src[12 + i] * 15u);
    }
  monome_focus(&l->mon, op->in[IN_FOCUS] > 0);
  return (int32_t)n;
}

static const char *const ins[] = {"NEXT", "XSIZE", "YSIZE", "X", "Y",
                                  "SET", "NOISE", "RULES", "FOCUS"};
static const char *const outs[] = {"VAL", "POP", "DELTA"};
static const op_in_fn fns[] = {in_next, in_xsize, in_ysize, in_x,    in_y,
                               in_set,  in_noise, in_rules, in_focus};

const op_class_t op_class_life = {
  .id = OP_LIFE, .name = "LIFE", .display = "LIFE", .num_ins = 9, .num_outs = 3,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_life_t), .size32 = 860,
  .flags = OP_FLAG_GRID, .init = init, .deinit = deinit, .in_fns = fns, .pickle = pickle,
  .unpickle = unpickle,
};
