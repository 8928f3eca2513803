/* SPDX-License-Identifier: MIT */
/* op_step.c: STEP, a two-playhead 16-step trigger sequencer on the grid (bees op_step).
 * Grid rows: 0 cut playhead 1 (sets its loop start), 1 set its loop end, 2 and 3 the same for
 * playhead 2, 4..7 toggle the steps of the four trigger rows. STEP v moves each playhead v steps
 * (negative: backwards) within its loop, unless a row-0/2 cut just placed it, then fires A..D
 * (the four rows at playhead 1), MONO1 (those four as bits), POS1, MONO2, POS2 (at playhead 2).
 * SIZE: below 9 -> 8 columns, else 16; it starts at the connected grid's width.
 *
 * 0.8.1 state: FOCUS, SIZE, then the playhead fields and steps as bees' AVR32 struct image
 * (19 big-endian words written as little-endian u32, i.e. byte-reversed in groups of 4, including
 * the struct's 2 trailing padding bytes, kept so hardware files round-trip), then the 256 LEDs.
 *
 * Differs from bees: STEP stores its value (bees' STEP input had no backing value, quirk 2);
 * STEP values beyond +-127 move |v| steps (bees' 8-bit loop counter never ended for v >= 128 and
 * truncated v below -128); playhead fields from a scene index the step rows modulo 16, and so
 * does a playhead at column 16 or beyond (reached backwards from loop start 0, after SIZE fell
 * from 16 to 8, or from a loop key past SIZE): bees read and lit past the row there (column 16
 * of row k is column 0 of row k + 1 in its struct and LED buffer).
 * Focus follows monome.h (release only by the holder; grid and arc focus separate). */
#include "monome.h"
#include "op.h"

enum { IN_FOCUS, IN_SIZE, IN_STEP };

typedef struct {
  int8_t start, end, length, now, cut;
} step_head_t;

typedef struct {
  op_t super;
  io_t in[3];
  op_target_t out[8];
  monome_client_t mon;
  step_head_t head[2];
  uint8_t steps[4][16];
  uint8_t pad[2]; /* bytes 74..75 of bees' state words (struct padding) */
  uint8_t leds[MONOME_GRID_LEDS];
} op_step_t;

#define IMAGE_BYTES 76u /* 19 words */

static void in_focus(op_t *op, io_t v) { monome_focus(&((op_step_t *)op)->mon, v > 0); }
static void in_size(op_t *op, io_t v) { op->in[IN_SIZE] = v < 9 ? 8 : 16; }

/* Moves a playhead v steps within its loop (bees' rules: at the loop end jump to the start,
 * past the last column wrap to 0; backwards mirrored). */
static void advance(step_head_t *h, int32_t v, io_t size) {
  int32_t i;
  if (v > 0) {
    for (i = 0; i < v; i++) {
      if (h->now == h->end) {
        h->now = h->start;
      } else {
        h->now++;
        if (h->now == size) h->now = 0;
      }
    }
  } else {
    for (i = v; i < 0; i++) {
      if (h->now == h->start)
        h->now = h->end;
      else if (h->now == 0)
        h->now = (int8_t)(size - 1);
      else
        h->now--;
    }
  }
}

static uint8_t col(int8_t v) { return (uint8_t)((uint8_t)v & 15u); }

static uint8_t mono(const op_step_t *s, int8_t at) {
  uint8_t c = col(at);
  return (uint8_t)(s->steps[0][c] + (s->steps[1][c] << 1) + (s->steps[2][c] << 2) +
                   (s->steps[3][c] << 3));
}

static void in_step(op_t *op, io_t v) {
  op_step_t *s = (op_step_t *)op;
  uint8_t k, c;
  op->in[IN_STEP] = v;
  for (k = 0; k < 2; k++) {
    step_head_t *h = &s->head[k];
    uint8_t row = (uint8_t)(2u * k);
    if (h->cut) continue;
    s->leds[monome_xy(col(h->now), row)] = 0;
    advance(h, v, op->in[IN_SIZE]);
    s->leds[monome_xy(col(h->now), row)] = 15;
    monome_mark_quadrant(&s->mon, 0);
    monome_mark_quadrant(&s->mon, 1);
  }
  s->head[0].cut = 0;
  s->head[1].cut = 0;
  c = col(s->head[0].now);
  for (k = 0; k < 4; k++) op_fire(op, k, (io_t)s->steps[k][c]);
  op_fire(op, 4, (io_t)mono(s, s->head[0].now));
  op_fire(op, 5, (io_t)s->head[0].now);
  op_fire(op, 6, (io_t)mono(s, s->head[1].now));
  op_fire(op, 7, (io_t)s->head[1].now);
}

/* Redraws a loop row: lit from start to end, wrapping past the last column. */
static void draw_loop(op_step_t *s, const step_head_t *h, uint8_t row) {
  io_t size = s->super.in[IN_SIZE];
  int32_t i;
  for (i = 0; i < size && i < 16; i++) {
    bool lit = h->end >= h->start ? (i >= h->start && i <= h->end)
                                   : (i >= h->start || i <= h->end);
    s->leds[monome_xy((uint8_t)i, row)] = lit ? 15 : 0;
  }
  monome_mark_quadrant(&s->mon, 0);
  if (size > 8) monome_mark_quadrant(&s->mon, 1);
}

static void key(op_t *op, uint8_t x, uint8_t y, uint8_t z) {
  op_step_t *s = (op_step_t *)op;
  io_t size = op->in[IN_SIZE];
  if (!z) return;
  if (y == 0 || y == 2) { /* cut: the playhead jumps here and its loop starts here */
    step_head_t *h = &s->head[y / 2u];
    h->start = (int8_t)x;
    s->leds[monome_xy(col(h->now), y)] = 0;
    h->now = (int8_t)x;
    s->leds[monome_xy(col(h->now), y)] = 15;
    h->end = (int8_t)(h->start + h->length);
    if (h->end > size - 1) h->end = (int8_t)(h->end - size);
    draw_loop(s, h, (uint8_t)(y + 1u));
    h->cut = 1;
  } else if (y == 1 || y == 3) { /* loop end */
    step_head_t *h = &s->head[y / 2u];
    h->end = (int8_t)x;
    h->length = (int8_t)(h->end - h->start);
    if (h->length < 0) h->length = (int8_t)(h->length + size);
    draw_loop(s, h, y);
  } else if (y < 8) {
    s->steps[y - 4][x & 15u] ^= 1;
    s->leds[monome_xy(x, y)] = (uint8_t)(s->steps[y - 4][x & 15u] * 15u);
    monome_mark_xy(&s->mon, x, y);
  }
}

static void init(op_t *op) {
  op_step_t *s = (op_step_t *)op;
  io_t size = monome_grid_cols(op->net);
  int32_t i;
  uint8_t k;
  monome_client_init(&s->mon, op, IN_FOCUS, s->leds, key, 0);
  op->in[IN_SIZE] = size;
  for (k = 0; k < 2; k++) {
    s->head[k].end = (int8_t)size;
    s->head[k].length = (int8_t)size;
  }
  monome_focus_at_init(&s->mon);
  s->leds[monome_xy(0, 0)] = 15;
  s->leds[monome_xy(0, 2)] = 15;
  for (i = 0; i < size && i < 16; i++) {
    s->leds[monome_xy((uint8_t)i, 1)] = 15;
    s->leds[monome_xy((uint8_t)i, 3)] = 15;
  }
  monome_mark_quadrant(&s->mon, 0);
}

static void deinit(op_t *op) { monome_release(&((op_step_t *)op)->mon); }

/* bees' state bytes in AVR32 memory order: the ten playhead fields, the steps, 2 pad bytes */
static void to_image(const op_step_t *s, uint8_t img[IMAGE_BYTES]) {
  uint32_t k, r, c;
  for (k = 0; k < 2; k++) {
    img[5 * k + 0] = (uint8_t)s->head[k].start;
    img[5 * k + 1] = (uint8_t)s->head[k].end;
    img[5 * k + 2] = (uint8_t)s->head[k].length;
    img[5 * k + 3] = (uint8_t)s->head[k].now;
    img[5 * k + 4] = (uint8_t)s->head[k].cut;
  }
  for (r = 0; r < 4; r++)
    for (c = 0; c < 16; c++) img[10 + 16 * r + c] = s->steps[r][c];
  img[74] = s->pad[0];
  img[75] = s->pad[1];
}

static void from_image(op_step_t *s, const uint8_t img[IMAGE_BYTES]) {
  uint32_t k, r, c;
  for (k = 0; k < 2; k++) {
    s->head[k].start = (int8_t)img[5 * k + 0];
    s->head[k].end = (int8_t)img[5 * k + 1];
    s->head[k].length = (int8_t)img[5 * k + 2];
    s->head[k].now = (int8_t)img[5 * k + 3];
    s->head[k].cut = (int8_t)img[5 * k + 4];
  }
  for (r = 0; r < 4; r++)
    for (c = 0; c < 16; c++) s->steps[r][c] = img[10 + 16 * r + c];
  s->pad[0] = img[74];
  s->pad[1] = img[75];
}

static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  const op_step_t *s = (const op_step_t *)op;
  uint8_t img[IMAGE_BYTES];
  uint32_t n = fmt == OP_FORMAT_0_7_1 ? 4u : 4u + IMAGE_BYTES + MONOME_GRID_LEDS, i;
  if (cap < n) return -1;
  op_pickle_ios(op->in, 2, dst, cap);
  if (fmt == OP_FORMAT_0_7_1) return (int32_t)n;
  to_image(s, img);
  for (i = 0; i < IMAGE_BYTES; i++) dst[4 + i] = img[(i & ~3u) + 3u - (i & 3u)];
  for (i = 0; i < MONOME_GRID_LEDS; i++) dst[4 + IMAGE_BYTES + i] = s->leds[i];
  return (int32_t)n;
}

static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  op_step_t *s = (op_step_t *)op;
  uint8_t img[IMAGE_BYTES];
  uint32_t n = fmt == OP_FORMAT_0_7_1 ? 4u : 4u + IMAGE_BYTES + MONOME_GRID_LEDS, i;
  if (len < n) return -1;
  op_unpickle_ios(op->in, 2, src, len);
  if (fmt != OP_FORMAT_0_7_1) {
    for (i = 0; i < IMAGE_BYTES; i++) img[(i & ~3u) + 3u - (i & 3u)] = src[4 + i];
    from_image(s, img);
    for (i = 0; i < MONOME_GRID_LEDS; i++) s->leds[i] = src[4 + IMAGE_BYTES + i];
  }
  monome_focus(&s->mon, op->in[IN_FOCUS] > 0);
  return (int32_t)n;
}

static const char *const ins[] = {"FOCUS", "SIZE", "STEP"};
static const char *const outs[] = {"A", "B", "C", "D", "MONO1", "POS1", "MONO2", "POS2"};
static const op_in_fn fns[] = {in_focus, in_size, in_step};

const op_class_t op_class_step = {
  .id = OP_STEP, .name = "STEP", .display = "STEP", .num_ins = 3, .num_outs = 8,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_step_t), .size32 = 448,
  .flags = OP_FLAG_GRID, .init = init, .deinit = deinit, .in_fns = fns, .pickle = pickle,
  .unpickle = unpickle,
};
