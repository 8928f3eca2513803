/* SPDX-License-Identifier: MIT */
/* op_harry.c: HARRY, pitches from a tonality diamond (bees op_harry). Diamond SIZE n (1..8)
 * is the n x n diamond of the odd identities up to 2n-1 (1; 1 3; 1 5 3; 1 5 3 7; 1 9 5 3 7;
 * 1 9 5 11 3 7; 1 9 5 11 3 13 7; 1 9 5 11 3 13 7 15), entry (X, Y) = the interval
 * identity[X] / identity[Y] reduced to one octave, in units of 1/256 semitone (3072 per
 * octave), rounded. X and Y store as given. BONK fires the entry at (X, Y) if both are in
 * 0..SIZE-1, else 0; BONK's own value is not stored. SIZE stores the value clamped to 1..8,
 * then clamps X and Y into 0..SIZE-1. Defaults X 0, Y 1, BONK 0, SIZE 8 (BONK fires 2550).
 * Differs from bees: a SIZE outside 1..8 read from a scene is clamped (bees would read outside
 * its tables). */
#include "op.h"

enum { IN_X, IN_Y, IN_BONK, IN_SIZE };
#define HARRY_SIZES 8

typedef struct {
  op_t super;
  io_t in[4];
  op_target_t out[1];
} op_harry_t;

/* the eight diamonds, row (Y) by row, each n x n, concatenated in order of n */
static const int16_t diamonds[] = {
  /* size 1: 1-limit */
     0,
  /* size 2: 3-limit */
     0, 1797,
  1275,    0,
  /* size 3: 5-limit */
     0,  989, 1797,
  2083,    0,  808,
  1275, 2264,    0,
  /* size 4: 7-limit */
     0,  989, 1797, 2480,
  2083,    0,  808, 1491,
  1275, 2264,    0,  683,
   592, 1581, 2389,    0,
  /* size 5: 9-limit */
     0,  522,  989, 1797, 2480,
  2550,    0,  467, 1275, 1958,
  2083, 2605,    0,  808, 1491,
  1275, 1797, 2264,    0,  683,
   592, 1114, 1581, 2389,    0,
  /* size 6: 11-limit */
     0,  522,  989, 1411, 1797, 2480,
  2550,    0,  467,  889, 1275, 1958,
  2083, 2605,    0,  422,  808, 1491,
  1661, 2183, 2650,    0,  386, 1069,
  1275, 1797, 2264, 2686,    0,  683,
   592, 1114, 1581, 2003, 2389,    0,
  /* size 7: 13-limit */
     0,  522,  989, 1411, 1797, 2152, 2480,
  2550,    0,  467,  889, 1275, 1630, 1958,
  2083, 2605,    0,  422,  808, 1163, 1491,
  1661, 2183, 2650,    0,  386,  740, 1069,
  1275, 1797, 2264, 2686,    0,  355,  683,
   920, 1442, 1909, 2332, 2717,    0,  328,
   592, 1114, 1581, 2003, 2389, 2744,    0,
  /* size 8: 15-limit */
     0,  522,  989, 1411, 1797, 2152, 2480, 2786,
  2550,    0,  467,  889, 1275, 1630, 1958, 2264,
  2083, 2605,    0,  422,  808, 1163, 1491, 1797,
  1661, 2183, 2650,    0,  386,  740, 1069, 1375,
  1275, 1797, 2264, 2686,    0,  355,  683,  989,
   920, 1442, 1909, 2332, 2717,    0,  328,  634,
   592, 1114, 1581, 2003, 2389, 2744,    0,  306,
   286,  808, 1275, 1697, 2083, 2438, 2766,    0,
};
/* where diamond n starts: the sum of k * k for k < n */
static const uint8_t start[HARRY_SIZES] = {0, 1, 5, 14, 30, 55, 91, 140};

static io_t clip(io_t v, io_t n) { return v >= n ? (io_t)(n - 1) : v < 0 ? 0 : v; }

static void in_x(op_t *op, io_t v) { op->in[IN_X] = v; }
static void in_y(op_t *op, io_t v) { op->in[IN_Y] = v; }
static void in_bonk(op_t *op, io_t v) {
  io_t n = op->in[IN_SIZE], x = op->in[IN_X], y = op->in[IN_Y];
  (void)v;
  if (x >= 0 && x < n && y >= 0 && y < n)
    op_fire(op, 0, diamonds[start[n - 1] + x + y * n]);
  else
    op_fire(op, 0, 0);
}
static void in_size(op_t *op, io_t v) {
  io_t n = op_clamp(v, 1, HARRY_SIZES);
  op->in[IN_SIZE] = n;
  op->in[IN_X] = clip(op->in[IN_X], n);
  op->in[IN_Y] = clip(op->in[IN_Y], n);
}

static void init(op_t *op) {
  op->in[IN_Y] = 1;
  op->in[IN_SIZE] = HARRY_SIZES;
}

/* state (0.8.1 only; both layouts): X, Y, SIZE */
static const uint8_t order[] = {IN_X, IN_Y, IN_SIZE};
static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  (void)fmt;
  return op_pickle_inputs(op, order, 3, dst, cap);
}
static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  int32_t n;
  (void)fmt;
  n = op_unpickle_inputs(op, order, 3, src, len);
  if (n >= 0) op->in[IN_SIZE] = op_clamp(op->in[IN_SIZE], 1, HARRY_SIZES);
  return n;
}

static const char *const ins[] = {"X", "Y", "BONK", "SIZE"};
static const char *const outs[] = {"HZ"};
static const op_in_fn fns[] = {in_x, in_y, in_bonk, in_size};

const op_class_t op_class_harry = {
  .id = OP_HARRY, .name = "HARRY", .display = "HARRY", .num_ins = 4, .num_outs = 1,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_harry_t), .size32 = 40,
  .init = init, .in_fns = fns, .pickle = pickle, .unpickle = unpickle,
};
